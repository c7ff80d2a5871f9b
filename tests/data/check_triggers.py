#!/usr/bin/env python3
"""Standalone check of the event lexicons: src/rasad/data/triggers.yaml and cues.yaml.

Run:  .venv/bin/python tests/data/check_triggers.py [--verbose]

Checks
  * all 16 PLOVER types are present, and nothing else at the top level but `ambiguous`;
  * every entry has mode/pos/forms/strength with valid values and no unknown keys;
    modes come from the list below (the brief's modes plus PLOVER's ASSAULT abduct and
    CAMEO-175 COERCE repress);
  * forms are non-empty strings, without diacritics, tatweel or a leading article combo
    (وال بال لل ...: the matcher adds those itself);
  * no normalized form, and no surface key produced by the matcher's clitic expansion,
    is shared by two types unless declared in `ambiguous`; no form is repeated inside a
    type; every `ambiguous` form really is shared by its types (no stale entries);
  * cues.yaml has the lists the coder reads, each a non-empty list of strings;
  * prints counts per type; exits 1 on any failure.

Normalization and clitic expansion mirror rasad.text.normalize and rasad.actors.lexicon
(copied so that this script runs without the package).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

import yaml

ROOT = Path(__file__).resolve().parents[2]
TRIGGERS = ROOT / "src" / "rasad" / "data" / "triggers.yaml"
CUES = ROOT / "src" / "rasad" / "data" / "cues.yaml"

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
MODES = {
    "AGREE": {"ceasefire", "agreement", "memorandum", "zone", "deal"},
    "CONSULT": {"meeting", "visit", "phone", "talks", "summit", "press_conference"},
    "SUPPORT": {"praise", "welcome", "condolence", "endorse", "solidarity"},
    "CONCEDE": {"release", "ease", "concession"},
    "COOPERATE": {"joint_patrol", "coordination", "joint_operation", "cooperation"},
    "AID": {"humanitarian", "military", "economic"},
    "RETREAT": {"withdraw", "evacuate", "ceasefire_in_force", "ceasefire_holds"},
    "REQUEST": {"demand", "appeal", "call", "urge"},
    "ACCUSE": {"accuse", "condemn", "blame", "criticize"},
    "REJECT": {"reject", "refuse", "deny", "veto"},
    "THREATEN": {"military", "warning", "ultimatum", "retaliation_vow"},
    "PROTEST": {"demonstrate", "sit_in", "strike", "march", "block_road"},
    "SANCTION": {"sanctions", "sever_ties", "expel", "boycott", "halt_negotiations", "halt_aid"},
    "MOBILIZE": {"deploy", "reinforce", "alert", "build_up"},
    "COERCE": {"arrest", "detain", "siege", "seize", "curfew", "abduct", "repress"},
    "ASSAULT": {"shelling", "air_strike", "clash", "bombing", "attack", "killing", "shooting",
                "drone_strike", "rocket", "abduct"},
}
ENTRY_KEYS = {"mode", "pos", "forms", "strength", "suffixes", "note", "modality"}
REQUIRED_KEYS = {"mode", "pos", "forms", "strength"}
POS = {"verb", "noun", "phrase"}
STRENGTH = {"strong", "weak"}
MODALITY = {"planned"}
AMBIG_KEYS = {"forms", "types", "default", "cues", "note"}
REQUIRED_CUES = ["negation", "denial_verbs", "future_planned", "threat_cues", "hypothetical",
                 "speech_verbs", "opinion_cues", "attribution_after"]
MIN_FORMS = 800

# --- mirror of rasad.text.normalize --------------------------------------------------
_DELETE = set([chr(c) for c in range(0x064B, 0x0660)]
              + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
              + [chr(c) for c in range(0x06D6, 0x06EE)])
_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي", "ئ": "ي",
        "ی": "ي", "ة": "ه", "ۀ": "ه", "ؤ": "و", "ک": "ك", "ڪ": "ك", "\u00a0": " ",
        "\u2009": " ", "\u202f": " ", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
        "٬": ",", "،": ",", "؛": ";", "؟": "?", "–": "-", "—": "-"}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)


def norm(text: str) -> str:
    out = []
    for ch in text:
        if ch in _DELETE:
            continue
        m = _MAP.get(ch, ch)
        low = m.lower()
        out.append(low if len(low) == 1 else m)
    return " ".join("".join(out).split())


# --- mirror of rasad.actors.lexicon.clitic_variants -----------------------------------
_PLAIN = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_ART = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")
_SUFFIXES = ("ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا", "ني", "ي")


def variants(form: str, suffixes: bool) -> set[str]:
    f = norm(form)
    bases = {f}
    if suffixes and " " not in f:
        bases |= {f + s for s in _SUFFIXES}
        if f.endswith("ه"):
            bases |= {f[:-1] + "ت" + s for s in _SUFFIXES}
    out: set[str] = set()
    for b in bases:
        if b.startswith("ال"):
            out |= {p + b for p in _ART} | {p + "لل" + b[2:] for p in ("", "و", "ف")}
        else:
            out |= {p + b for p in _PLAIN}
    return out


@dataclass
class TypeStats:
    entries: int = 0
    forms: int = 0
    strong: int = 0
    weak: int = 0
    modes: set[str] = field(default_factory=set)


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def _is_str_list(v: object) -> TypeGuard[list[str]]:
    return isinstance(v, list) and len(v) > 0 and all(isinstance(x, str) and x.strip() for x in v)


def check_form(r: Report, where: str, form: str) -> None:
    if any(c in _DELETE for c in form):
        r.err(f"{where}: form {form!r} has diacritics, tatweel or invisible marks")
    if form != " ".join(form.split()):
        r.err(f"{where}: form {form!r} has stray spaces")
    first = norm(form).split(" ")[0]
    for combo in ("وال", "فال", "بال", "كال", "لل"):
        if first.startswith(combo) and len(first) > len(combo) + 1:
            r.err(f"{where}: form {form!r} starts with the proclitic combo {combo!r} "
                  "(the matcher adds it itself)")
            break
    if any("a" <= c.lower() <= "z" for c in form):
        r.warn(f"{where}: form {form!r} has Latin letters")


def check_triggers(r: Report, data: object) -> dict[str, TypeStats]:
    stats: dict[str, TypeStats] = {}
    if not isinstance(data, dict):
        r.err("triggers.yaml: top level is not a mapping")
        return stats
    for t in TYPES:
        if t not in data:
            r.err(f"triggers.yaml: type {t} is missing")
    for k in data:
        if k not in TYPES and k != "ambiguous":
            r.err(f"triggers.yaml: unknown top-level key {k!r}")
    form_types: dict[str, set[str]] = defaultdict(set)   # normalized form -> types
    key_types: dict[str, set[str]] = defaultdict(set)    # matcher key -> types
    for t in TYPES:
        entries = data.get(t)
        if not isinstance(entries, list) or not entries:
            r.err(f"{t}: must be a non-empty list of entries")
            continue
        st = TypeStats()
        seen_in_type: dict[str, str] = {}
        for i, e in enumerate(entries):
            where = f"{t}[{i}]"
            if not isinstance(e, dict):
                r.err(f"{where}: entry is not a mapping")
                continue
            missing = REQUIRED_KEYS - set(e)
            if missing:
                r.err(f"{where}: missing {sorted(missing)}")
            unknown = set(e) - ENTRY_KEYS
            if unknown:
                r.err(f"{where}: unknown keys {sorted(unknown)}")
            mode = e.get("mode")
            if not isinstance(mode, str) or not mode:
                r.err(f"{where}: mode must be a non-empty string")
            elif mode not in MODES[t]:
                r.err(f"{where}: mode {mode!r} not allowed for {t} ({sorted(MODES[t])})")
            where = f"{t}[{i}]/{mode}"
            if e.get("pos") not in POS:
                r.err(f"{where}: pos {e.get('pos')!r} not in {sorted(POS)}")
            if e.get("strength") not in STRENGTH:
                r.err(f"{where}: strength {e.get('strength')!r} not in {sorted(STRENGTH)}")
            if "suffixes" in e and not isinstance(e["suffixes"], bool):
                r.err(f"{where}: suffixes must be true or false")
            if "modality" in e and e["modality"] not in MODALITY:
                r.err(f"{where}: modality {e['modality']!r} not in {sorted(MODALITY)}")
            if "note" in e and not isinstance(e["note"], str):
                r.err(f"{where}: note must be a string")
            forms = e.get("forms")
            if not _is_str_list(forms):
                r.err(f"{where}: forms must be a non-empty list of non-empty strings")
                continue
            st.entries += 1
            st.modes.add(str(mode))
            st.forms += len(forms)
            if e.get("strength") == "strong":
                st.strong += len(forms)
            else:
                st.weak += len(forms)
            for f in forms:
                check_form(r, where, f)
                nf = norm(f)
                if nf in seen_in_type:
                    r.err(f"{where}: form {f!r} repeated in {t} (also in {seen_in_type[nf]})")
                else:
                    seen_in_type[nf] = where
                form_types[nf].add(t)
                for v in variants(f, bool(e.get("suffixes"))):
                    key_types[v].add(t)
        stats[t] = st
    # ambiguous section
    declared: dict[str, set[str]] = defaultdict(set)
    amb = data.get("ambiguous", [])
    if not isinstance(amb, list):
        r.err("ambiguous: must be a list")
        amb = []
    for i, a in enumerate(amb):
        where = f"ambiguous[{i}]"
        if not isinstance(a, dict):
            r.err(f"{where}: not a mapping")
            continue
        if set(a) - AMBIG_KEYS:
            r.err(f"{where}: unknown keys {sorted(set(a) - AMBIG_KEYS)}")
        types = a.get("types")
        if not (isinstance(types, list) and len(types) >= 2 and all(x in TYPES for x in types)):
            r.err(f"{where}: types must list two or more PLOVER types")
            continue
        if a.get("default") not in types:
            r.err(f"{where}: default {a.get('default')!r} is not one of {types}")
        cues = a.get("cues", {})
        if not isinstance(cues, dict) or any(k not in types for k in cues) or any(
                not isinstance(v, list) for v in cues.values()):
            r.err(f"{where}: cues must map some of {types} to lists")
        if not _is_str_list(a.get("forms")):
            r.err(f"{where}: forms must be a non-empty list of strings")
            continue
        for f in a["forms"]:
            nf = norm(f)
            for v in variants(f, True):  # the declaration covers the form's clitic variants
                declared[v] |= set(types)
            got = key_types.get(nf, set()) & set(types)
            if len(got) < 2:
                r.err(f"{where}: {f!r} is not shared by {types} (found under "
                      f"{sorted(key_types.get(nf, set())) or 'no type'}): stale entry?")
    # undeclared sharing: listed forms first, then matcher keys (clitic expansion)
    for nf, ts in sorted(form_types.items()):
        if len(ts) > 1 and not ts <= declared.get(nf, set()):
            r.err(f"form {nf!r} is listed under {sorted(ts)} but not declared in ambiguous")
    for key, ts in sorted(key_types.items()):
        if len(ts) > 1 and key not in form_types and not ts <= declared.get(key, set()):
            r.err(f"matcher key {key!r} (a form plus clitics) reads as {sorted(ts)}; "
                  "declare it in ambiguous or change a form")
    return stats


def check_cues(r: Report, data: object) -> dict[str, int]:
    counts: dict[str, int] = {}
    if not isinstance(data, dict):
        r.err("cues.yaml: top level is not a mapping")
        return counts
    for name in REQUIRED_CUES:
        if name not in data:
            r.err(f"cues.yaml: list {name!r} is missing")
    for name, forms in data.items():
        if not _is_str_list(forms):
            r.err(f"cues.yaml: {name!r} must be a non-empty list of non-empty strings")
            continue
        seen: set[str] = set()
        for f in forms:
            nf = norm(f)
            if nf in seen:
                r.warn(f"cues.yaml: {name}: {f!r} repeated")
            seen.add(nf)
            if any(c in _DELETE for c in f):
                r.err(f"cues.yaml: {name}: {f!r} has diacritics or tatweel")
        counts[name] = len(forms)
    return counts


def check(trig: object, cues: object) -> tuple[Report, dict[str, TypeStats], dict[str, int]]:
    """Every check on the loaded triggers.yaml and cues.yaml (the minimum form count too)."""
    r = Report()
    stats = check_triggers(r, trig)
    cue_counts = check_cues(r, cues)
    total = sum(s.forms for s in stats.values())
    if total < MIN_FORMS:
        r.err(f"only {total} trigger forms (expected at least {MIN_FORMS})")
    return r, stats, cue_counts


def load(triggers: Path = TRIGGERS, cues: Path = CUES) -> tuple[object, object]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    return (yaml.load(triggers.read_text(encoding="utf-8"), Loader=loader),
            yaml.load(cues.read_text(encoding="utf-8"), Loader=loader))


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    try:
        trig, cues = load()
    except (OSError, yaml.YAMLError) as exc:
        print(f"FAIL: cannot load the lexicons: {exc}")
        return 1
    r, stats, cue_counts = check(trig, cues)
    total = sum(s.forms for s in stats.values())
    print(f"{'type':<10} {'entries':>7} {'forms':>6} {'strong':>6} {'weak':>5}  modes")
    for t in TYPES:
        s = stats.get(t)
        if s:
            print(f"{t:<10} {s.entries:>7} {s.forms:>6} {s.strong:>6} {s.weak:>5}  "
                  f"{', '.join(sorted(s.modes))}")
    print(f"{'total':<10} {'':>7} {total:>6}")
    amb = trig.get("ambiguous", []) if isinstance(trig, dict) else []
    print(f"ambiguous: {len(amb)} groups, "
          f"{sum(len(a.get('forms', [])) for a in amb if isinstance(a, dict))} forms")
    print("cues: " + ", ".join(f"{k} {v}" for k, v in cue_counts.items()))
    if r.warnings and verbose:
        for w in r.warnings:
            print("warning:", w)
    elif r.warnings:
        print(f"{len(r.warnings)} warnings (--verbose to list)")
    for e in r.errors:
        print("FAIL:", e)
    print("OK" if not r.errors else f"{len(r.errors)} failures")
    return 1 if r.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
