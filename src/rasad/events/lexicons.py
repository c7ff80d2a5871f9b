"""Trigger and cue lexicons for the event coder (data files: triggers.yaml, cues.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rasad.actors.lexicon import Lexicon
from rasad.text.normalize import norm

# Clitic + suffix expansions of trigger forms that collide with frequent words
# (و+زار+ه = وزاره "ministry").
BLOCKED_SURFACES = ("وزارة", "وزاره", "الوزارة", "بوزارة", "لوزارة", "ووزارة", "فوزارة")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str
    pos: str  # verb | noun | phrase
    strong: bool


@dataclass
class EventLexicons:
    triggers: Lexicon[Trigger] = field(default_factory=Lexicon)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    cue_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def is_cue(self, name: str, token: str) -> bool:
        return token in self.cues.get(name, frozenset())


def _yaml(name: str) -> Any:
    import yaml

    f = resources.files("rasad") / "data" / name
    if not f.is_file():
        return {}
    return yaml.safe_load(f.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def load_event_lexicons() -> EventLexicons:
    """Load triggers.yaml and cues.yaml once (lazily)."""
    lx = EventLexicons()
    data = _yaml("triggers.yaml")
    for etype, entries in data.items():
        if etype == "ambiguous" or not isinstance(entries, list):
            continue
        for ent in entries:
            if not isinstance(ent, dict):
                continue
            trig = Trigger(type=str(etype), mode=str(ent.get("mode") or ""),
                           pos=str(ent.get("pos") or "verb"),
                           strong=str(ent.get("strength", "strong")) != "weak")
            for form in ent.get("forms") or []:
                if isinstance(form, str) and form.strip():
                    lx.triggers.add(form, trig, suffixes=bool(ent.get("suffixes")))
    cues = _yaml("cues.yaml")
    # phrases that contain a trigger word but report no event swallow it (longest match)
    block = Trigger(type="BLOCK", mode="", pos="phrase", strong=False)
    for phrase in (cues.get("blocking_phrases") or []) if isinstance(cues, dict) else []:
        if isinstance(phrase, str) and phrase.strip():
            lx.triggers.add(phrase, block)
    for form in BLOCKED_SURFACES:
        lx.triggers.add(form, block, clitics=False)
    for name, forms in (cues.items() if isinstance(cues, dict) else []):
        if not isinstance(forms, list):
            continue
        normed = [norm(str(f)).strip() for f in forms if str(f).strip()]
        lx.cues[name] = frozenset(f for f in normed if " " not in f)
        lx.cue_phrases[name] = tuple(f for f in normed if " " in f)
    return lx
