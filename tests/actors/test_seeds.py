"""Actors and places on the five seed pages, against a hand-written gold (seed_gold.yaml).

Targets (issue 4): every speaker of a direct quote linked to the right person (>= 90%),
every place named in an event sentence resolved to the right coordinates (>= 90%), every
actor variant in the pages linked to one id. Floors are pinned at what the matcher reaches.
Skipped when ../shared/seeds is absent.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from rasad.records import Extraction, RawInput

GOLD = Path(__file__).with_name("seed_gold.yaml")
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# pinned floors (what the matcher reaches on the seeds; raise them, never lower them)
# 29/30 when written (a thanks quoted after "كما شكر" went to the counterpart); 30/30 since
# (found in session 20 at 7ad6af1 and 03ef291; the floor had not been raised)
QUOTE_SPEAKER_FLOOR = 1.0
PLACE_FLOOR = 1.0
VARIANT_FLOOR = 1.0
MAX_EXTRA_PLACES = 0  # place mentions in event sentences that the gold does not list


def _gold() -> dict[str, Any]:
    return dict(yaml.safe_load(GOLD.read_text(encoding="utf-8"))["seeds"])


@lru_cache(maxsize=1)
def _extractions() -> dict[str, Extraction]:
    from rasad.pipeline import extract
    from rasad.read import iter_inputs

    out: dict[str, Extraction] = {}
    for item in iter_inputs([str(SEEDS)]):
        if isinstance(item, RawInput):
            out[Path(item.source).name[:3]] = extract(item)
    return out


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip("../shared/seeds not present")
    return _extractions()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where a phrase occurs as whole words (proclitics و ف ب ل allowed before it)."""
    pat = re.compile(r"(?<!\w)(?:[وفبل]{0,2})(" + re.escape(phrase) + r")(?!\w)")
    return [(m.start(1), m.end(1)) for m in pat.finditer(text)]


def test_gold_uses_short_substrings_only() -> None:
    for page in _gold().values():
        for q in page["quotes"]:
            assert len(q["quote"].split()) <= 5
        for p in page["places"]:
            assert len(p["text"].split()) <= 5


def test_direct_quote_speakers(extractions: dict[str, Extraction]) -> None:
    right, total, wrong = 0, 0, []
    for key, page in _gold().items():
        ex = extractions[key]
        for g in page["quotes"]:
            total += 1
            hits = [q for q in ex.quotes if q.direct and g["quote"] in q.text]
            got = hits[0].speaker.id if hits and hits[0].speaker else None
            if got == g["speaker"]:
                right += 1
            else:
                wrong.append((key, g["quote"], g["speaker"], got))
    assert total >= 30
    assert right / total >= QUOTE_SPEAKER_FLOOR, wrong


def test_places_in_event_sentences(extractions: dict[str, Extraction]) -> None:
    right, total, wrong, extra = 0, 0, [], []
    for key, page in _gold().items():
        ex = extractions[key]
        text = ex.document.text
        spans = {ev.span for ev in ex.events}
        in_event = [(s, e) for s, e in sorted(spans)]
        claimed: list[tuple[int, int]] = []
        for g in sorted(page["places"], key=lambda p: -len(p["text"])):
            for s, e in _occurrences(text, g["text"]):
                if any(a <= s and e <= b for a, b in claimed):
                    continue
                claimed.append((s, e))
                if not any(a <= s and e <= b for a, b in in_event):
                    continue
                total += 1
                refs = [p for p in ex.places if p.start < e and s < p.end]
                ok = bool(refs) and refs[0].lat is not None and refs[0].lon is not None and \
                    _km(g["lat"], g["lon"], refs[0].lat, refs[0].lon) <= g.get("km", 25)
                if ok:
                    right += 1
                else:
                    wrong.append((key, g["text"], [(p.id, p.lat, p.lon) for p in refs]))
        for p in ex.places:
            inside = any(a <= p.start and p.end <= b for a, b in in_event)
            if inside and not any(a < p.end and p.start < b for a, b in claimed):
                extra.append((key, p.text, p.id))
        for word in page.get("not_places") or []:
            for s, e in _occurrences(text, word):
                if any(a <= s and e <= b for a, b in claimed):
                    continue
                assert not [p for p in ex.places if p.start < e and s < p.end], (key, word)
    assert total >= 50
    assert right / total >= PLACE_FLOOR, wrong
    assert len(extra) <= MAX_EXTRA_PLACES, extra


def test_actor_variants_link_to_one_id(extractions: dict[str, Extraction]) -> None:
    right, total, wrong = 0, 0, []
    for key, page in _gold().items():
        ex = extractions[key]
        text = ex.document.text
        for g in page["variants"]:
            skip = [o for phrase in g.get("unless_in") or [] for o in _occurrences(text, phrase)]
            occ = [(s, e) for s, e in _occurrences(text, g["text"])
                   if not any(a <= s and e <= b for a, b in skip)]
            assert occ, (key, g["text"])
            for s, e in occ:
                total += 1
                ids = {a.id for a in ex.actors if a.start <= s and e <= a.end}
                if g["id"] in ids:
                    right += 1
                else:
                    wrong.append((key, g["text"], g["id"], ids))
    assert right / total >= VARIANT_FLOOR, wrong


def test_erdogan_and_putin_spellings_share_an_id(extractions: dict[str, Extraction]) -> None:
    ids: dict[str, set[str | None]] = {}
    for ex in extractions.values():
        for a in ex.actors:
            for spelling in ("أردوغان", "إردوغان", "اردوغان", "بوتين", "بوتن"):
                if a.text.endswith(spelling):
                    ids.setdefault(spelling, set()).add(a.id)
    assert {s for s in ids} >= {"أردوغان", "إردوغان", "اردوغان", "بوتين", "بوتن"}
    assert ids["أردوغان"] == ids["إردوغان"] == ids["اردوغان"] == {"recep-tayyip-erdogan"}
    assert ids["بوتين"] == ids["بوتن"] == {"vladimir-putin"}
