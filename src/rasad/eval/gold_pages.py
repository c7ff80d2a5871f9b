"""Score events, quotes and figures against a gold file of pages.

One scorer for every page-level gold set of the project: the seed pages
(tests/events/seed_events.yaml) and the blind set (tests/events/blind/gold.yaml). The schema:

    pages:
      <file name>:
        published: 'YYYY-MM-DD'         # given to the pipeline as a feed would
        events:   [{type, source, target, date, modality?, ...}]   # what a careful reader codes
        also_ok:  [...]                 # may also be coded: neither missed nor spurious
        quotes:   [{speaker: [ids], text: 'first words', optional?}]
        figures:  [{category, quantity, qualifier, optional?}]

`source`/`target` are lists of acceptable actor ids (null inside a list: no actor is fine) or
null (not scored); `date` is a day or a prefix (month, year) or null (not scored).

Events: recall at three levels (type; type + actors; type + actors + date, and the fatalities
when the gold states them), precision (a coded
event is correct when it matches a gold or an `also_ok` event on type, actors and date) and
spurious events per page. A gold event with a `modality` (planned, threatened, denied,
negated, hypothetical) is also checked for that modality on its match. Quotes: recall of the
required quotes (a coded quote whose normalized text contains the gold's first words) and,
among those found, the share with an acceptable speaker. Figures: recall and precision on
(category, quantity, qualifier).

Locations: a places file beside the gold (`places.yaml`; the seeds' is
tests/events/seed_places.yaml) gives, for each gold event in order, `where` (the place it
happened, named as in the page, most specific first, then the larger places the page names
around it; [] when the page states none) and optionally `about` (the place a verbal act is
about). On the gold events found in full, location recall is the share of those with a
`where` whose coded place is one of `where` or `about`, and location precision the share of
coded places that are (a place coded where the page states none is wrong).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.text.normalize import norm


@dataclass
class PageScores:
    """Counts over a gold set; `per_type` maps an event type to its counts."""

    pages: int = 0
    gold: int = 0
    found_type: int = 0
    found_actors: int = 0
    found_full: int = 0
    predicted: int = 0
    correct: int = 0
    wrong_attribution: int = 0  # wrong events whose type the page does have (actors or date off)
    wrong_date: int = 0  # ... of which the actors match an allowed event: only the date is off
    missing_actor: int = 0  # ... of which an actor is left empty where the gold names one
    modality_gold: int = 0
    modality_ok: int = 0
    quotes_gold: int = 0
    quotes_found: int = 0
    quotes_speaker_ok: int = 0
    quotes_attributed: int = 0  # found gold quotes told with some speaker: an id or wording
    figures_gold: int = 0
    figures_found: int = 0
    figures_predicted: int = 0
    figures_correct: int = 0
    # locations, on the gold events found in full (a places file beside the gold)
    location_gold: int = 0  # ... that the page places
    location_found: int = 0  # ... of which the coded place is acceptable
    location_predicted: int = 0  # ... that the coder places
    location_correct: int = 0  # ... of which acceptably
    per_type: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    # every coded event's (confidence, right?), and at CONFIDENT: gold found, coded, right
    judged: list[tuple[float, bool]] = field(default_factory=list)
    found_confident: int = 0
    predicted_confident: int = 0
    correct_confident: int = 0

    def rows(self, prefix: str) -> dict[str, float | None]:
        def r(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        p, rc = r(self.correct, self.predicted), r(self.found_full, self.gold)
        return {
            f"{prefix}.events.recall_type": r(self.found_type, self.gold),
            f"{prefix}.events.recall_type_actors": r(self.found_actors, self.gold),
            f"{prefix}.events.recall": rc,
            f"{prefix}.events.precision": p,
            f"{prefix}.events.f1": round(2 * p * rc / (p + rc), 3) if p and rc else None,
            f"{prefix}.events.spurious_per_page": r(self.predicted - self.correct, self.pages),
            # the spurious events split: a type the page has, with other actors or another
            # date (attribution), or a type nothing on the page has (an invented event)
            f"{prefix}.events.spurious_misattributed_per_page": r(self.wrong_attribution,
                                                                  self.pages),
            f"{prefix}.events.spurious_wrong_date_per_page": r(self.wrong_date, self.pages),
            f"{prefix}.events.spurious_missing_actor_per_page": r(self.missing_actor,
                                                                  self.pages),
            f"{prefix}.events.spurious_invented_per_page": r(
                self.predicted - self.correct - self.wrong_attribution, self.pages),
            f"{prefix}.events.modality": r(self.modality_ok, self.modality_gold),
            # the learned judge (events' confidence): how well it ranks right above wrong,
            # and what a user who keeps only events at CONFIDENT or above gets
            f"{prefix}.events.confidence_auc": _auc(self.judged),
            f"{prefix}.events.recall_confident": r(self.found_confident, self.gold),
            f"{prefix}.events.precision_confident": r(self.correct_confident,
                                                      self.predicted_confident),
            f"{prefix}.events.spurious_confident_per_page": r(
                self.predicted_confident - self.correct_confident, self.pages),
            f"{prefix}.quotes.recall": r(self.quotes_found, self.quotes_gold),
            f"{prefix}.quotes.speaker": r(self.quotes_speaker_ok, self.quotes_found),
            # coverage, not correctness: the speaker is an actor or the attribution's wording
            f"{prefix}.quotes.attributed": r(self.quotes_attributed, self.quotes_found),
            f"{prefix}.figures.recall": r(self.figures_found, self.figures_gold),
            f"{prefix}.figures.precision": r(self.figures_correct, self.figures_predicted),
            f"{prefix}.events.location_recall": r(self.location_found, self.location_gold),
            f"{prefix}.events.location_precision": r(self.location_correct,
                                                     self.location_predicted),
        }

    def type_table(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for t, c in sorted(self.per_type.items()):
            p = c["correct"] / c["predicted"] if c["predicted"] else 0.0
            r = c["found"] / c["gold"] if c["gold"] else 0.0
            out[t] = {"precision": round(p, 3), "recall": round(r, 3),
                      "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                      "gold": c["gold"], "predicted": c["predicted"]}
        return out


CONFIDENT = 0.5  # the confidence a "precision mode" user keeps (rows *_confident)


def _auc(pairs: list[tuple[float, bool]]) -> float | None:
    """The probability that a right event has a higher confidence than a wrong one (ties
    count half), or None without both kinds."""
    pos = [c for c, ok in pairs if ok]
    neg = [c for c, ok in pairs if not ok]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def _ok(acc: list[str | None] | None, got: dict[str, Any] | None) -> bool:
    return acc is None or (got or {}).get("id") in acc


def _actors_match(ge: dict[str, Any], e: dict[str, Any]) -> bool:
    return _ok(ge.get("source"), e["source_actor"]) and _ok(ge.get("target"), e["target_actor"])


def _actors_match_or_empty(ge: dict[str, Any], e: dict[str, Any]) -> bool:
    """Actors match, counting an empty side as right (to tell an empty actor from a wrong one)."""
    return all(e[side] is None or _ok(ge.get(key), e[side])
               for key, side in (("source", "source_actor"), ("target", "target_actor")))


def _date_match(ge: dict[str, Any], e: dict[str, Any]) -> bool:
    return ge.get("date") is None or (e["date"] or "").startswith(str(ge["date"]))


def event_match(ge: dict[str, Any], e: dict[str, Any]) -> bool:
    """A coded event matches a gold one: type, actors and date."""
    return e["type"] == ge["type"] and _actors_match(ge, e) and _date_match(ge, e)


def _modality_of(e: dict[str, Any]) -> str:
    return "negated" if e.get("negated") else (e.get("modality") or "asserted")


def spurious_cause(allowed: list[dict[str, Any]], e: dict[str, Any]) -> str:
    """Why a coded event that matches no gold event is wrong (the split `make eval` prints):
    "invented" (no gold event of its type), "wrong date" (its actors are right), "empty
    actor" (the date is right and the one side it lacks is named in the gold), else "wrong
    actor"."""
    same = [g for g in allowed if g["type"] == e["type"]]
    if not same:
        return "invented"
    if any(_actors_match(g, e) for g in same):
        return "wrong date"
    if any(_date_match(g, e) and _actors_match_or_empty(g, e) for g in same):
        return "empty actor"
    return "wrong actor"


_CLITIC = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?")
# "محافظة إدلب", "مدينة سراقب": the name after these place nouns is the same place's name
# (not all of gazetteer.PLACE_NOUNS: "مخيم جنين" and "ريف إدلب" are other places)
_PLACE_NOUNS = frozenset(norm(w) for w in [
    "محافظة", "مدينة", "بلدة", "قرية", "ولاية", "إقليم", "منطقة", "العاصمة"])


def _place_forms(name: str) -> set[str]:
    """A place name normalized, with and without its proclitics, its article and a place
    noun before it."""
    w = " ".join(norm(name).split())
    out = {w}
    bare = _CLITIC.sub("", w, count=1)
    for v in (w, bare):
        words = v.split()
        if len(words) > 1 and words[0] in _PLACE_NOUNS:
            out.add(" ".join(words[1:]))
    for v in [*out, bare]:
        out.add(v)
        if v.startswith("ال") and len(v) > 4:
            out.add(v[2:])
        if v.startswith("ل") and len(v) > 3:  # "للحديدة"
            out.add("ا" + v)
    return {f for f in out if f}


def location_ok(loc: dict[str, Any] | None, names: list[str]) -> bool:
    """Is a coded location (an event's `location` dict) one of the places named? Its own
    words in the text or any Arabic name the dictionaries give its id count."""
    if loc is None or not names:
        return False
    from rasad.actors import load_gazetteer

    g = load_gazetteer()
    have = _place_forms(loc.get("text") or "")
    entry = g.places.get(loc.get("id") or "")
    if entry is not None:
        for n in (entry.name_ar, *entry.aliases):
            have |= _place_forms(n)
    for n in names:
        forms = _place_forms(n)
        if forms & have or any(loc.get("id") in (g.place_lex.lookup(f) or ()) for f in forms):
            return True  # its words, or a name the dictionaries give the same place
    return False


def check_places(gold: dict[str, Any], places: dict[str, Any]) -> None:
    """A places file must follow its gold: every page, one entry per event, in order."""
    for name, g in gold["pages"].items():
        evs = g.get("events") or []
        got = (places.get("pages") or {}).get(name)
        if got is None or len(got) != len(evs):
            raise ValueError(f"places file: {name} has {0 if got is None else len(got)} "
                             f"entries for {len(evs)} gold events")
        for i, (ge, gp) in enumerate(zip(evs, got, strict=True)):
            if str(gp.get("what", "")).strip() != str(ge.get("what", "")).strip():
                raise ValueError(f"places file: {name} entry {i} is for {gp.get('what')!r}, "
                                 f"not {ge.get('what')!r}")


def score_pages(gold: dict[str, Any], extract_page: Callable[[str, str], Any],
                places: dict[str, Any] | None = None) -> PageScores:
    """Score every page of `gold["pages"]`; extract_page(name, published) -> Extraction;
    `places`, a places file that follows the gold (check_places), adds the location rows."""
    s = PageScores()
    if places is not None:
        check_places(gold, places)
    for name, g in gold["pages"].items():
        x = extract_page(name, g["published"])
        s.pages += 1
        evs = [e.to_dict() for e in x.events]
        wheres = (places or {}).get("pages", {}).get(name) or []
        for gi, ge in enumerate(g.get("events") or []):
            c = s.per_type.setdefault(ge["type"], dict.fromkeys(
                ("gold", "found", "predicted", "correct"), 0))
            c["gold"] += 1
            s.gold += 1
            same = [e for e in evs if e["type"] == ge["type"]]
            with_actors = [e for e in same if _actors_match(ge, e)]
            full = [e for e in with_actors if _date_match(ge, e) and
                    (ge.get("fatalities") is None or e["fatalities"] == ge["fatalities"])]
            s.found_type += bool(same)
            s.found_actors += bool(with_actors)
            s.found_full += bool(full)
            s.found_confident += any(e.get("confidence", 0.0) >= CONFIDENT for e in full)
            c["found"] += bool(full)
            if not full:
                s.misses.append(f"{name}: {ge['type']} {ge.get('what', '')}")
            if ge.get("modality"):
                s.modality_gold += 1
                s.modality_ok += any(_modality_of(e) == ge["modality"] for e in full)
            if full and wheres:
                where = list(wheres[gi].get("where") or [])
                ok = where + list(wheres[gi].get("about") or [])
                loc = full[0]["location"]
                s.location_gold += bool(where)
                s.location_found += bool(where) and location_ok(loc, ok)
                s.location_predicted += loc is not None
                s.location_correct += location_ok(loc, ok)
        allowed = (g.get("events") or []) + (g.get("also_ok") or [])
        for e in evs:
            c = s.per_type.setdefault(e["type"], dict.fromkeys(
                ("gold", "found", "predicted", "correct"), 0))
            good = any(event_match(ge, e) for ge in allowed)
            why = None if good else spurious_cause(allowed, e)
            s.wrong_attribution += why is not None and why != "invented"
            s.wrong_date += why == "wrong date"
            s.missing_actor += why == "empty actor"
            c["predicted"] += 1
            c["correct"] += good
            s.predicted += 1
            s.correct += good
            conf = e.get("confidence", 0.0)
            s.judged.append((conf, good))
            if conf >= CONFIDENT:
                s.predicted_confident += 1
                s.correct_confident += good
        quotes = [(norm(q.text), q.speaker.id if q.speaker else None) for q in x.quotes]
        worded = {norm(q.text) for q in x.quotes if q.speaker is None and q.speaker_text}
        for gq in g.get("quotes") or []:
            if gq.get("optional"):
                continue
            s.quotes_gold += 1
            want = norm(gq["text"])
            hits = [sp for text, sp in quotes if want in text]
            if hits:
                s.quotes_found += 1
                s.quotes_speaker_ok += any(sp in gq["speaker"] for sp in hits)
                s.quotes_attributed += any(sp is not None for sp in hits) or any(
                    want in text for text in worded)
        figs = [(f.category, float(f.quantity), f.qualifier) for f in x.figures]
        required = [(f["category"], float(f["quantity"]), f["qualifier"])
                    for f in g.get("figures") or [] if not f.get("optional")]
        acceptable = {(f["category"], float(f["quantity"]), f["qualifier"])
                      for f in g.get("figures") or []}
        s.figures_gold += len(required)
        s.figures_found += sum(f in figs for f in required)
        s.figures_predicted += len(figs)
        s.figures_correct += sum(f in acceptable for f in figs)
    return s


def extract_gold_pages(gold_path: Path, pages_dir: Path, cfg: Any = None
                       ) -> tuple[dict[str, Any], dict[str, Any]]:
    """The gold file and every page of it extracted (each given its gold publication date,
    as a feed would), with `cfg` (a rasad.config.Config; the default when None)."""
    import yaml

    from rasad.pipeline import extract
    from rasad.read import iter_inputs
    from rasad.records import RawInput

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    xs: dict[str, Any] = {}
    for name, g in gold["pages"].items():
        raw = next(iter_inputs([str(pages_dir / name)]))
        if not isinstance(raw, RawInput):
            raise ValueError(f"{name}: {raw.reason}")
        raw.published = g["published"]
        xs[name] = extract(raw, cfg)
    return gold, xs


def load_places(path: Path | None) -> dict[str, Any] | None:
    """A places file (event locations), or None when there is none."""
    import yaml

    if path is None or not path.is_file():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score_gold_file(gold_path: Path, pages_dir: Path, cfg: Any = None,
                    places_path: Path | None = None) -> PageScores:
    """Read the gold and the pages (each given its gold publication date) and score them;
    the locations too when a places file is given or lies beside the gold (places.yaml)."""
    gold, xs = extract_gold_pages(gold_path, pages_dir, cfg)
    places = load_places(places_path or gold_path.parent / "places.yaml")
    return score_pages(gold, lambda name, _published: xs[name], places)
