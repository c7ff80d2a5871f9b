"""Quotes whose speaker is no known actor but the attribution's own words (session 12).

    .venv/bin/python tools/quote_wording.py           # the development sets' worded quotes,
                                                      # one per line, for reading
    .venv/bin/python tools/quote_wording.py --totals  # quotes.attributed on every page set,
                                                      # with the wording and without it

The listing covers the development sets only (tune, tune2, blind2): the blind sets are
scored by totals, never read. "Without" is the same code with the wording switched off
(`rasad.events.quotes._subject_wording` returning None), so the pair measures what the
wording adds to `make eval`'s `quotes.attributed` row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEV = ("tune", "tune2", "blind2")
ALL = (*DEV, "blind", "blind3", "blind4", "blind5")


def _list() -> None:
    from rasad.eval.gold_pages import extract_gold_pages
    from rasad.text.normalize import norm

    n = worded = 0
    for s in DEV:
        p = ROOT / "tests" / "events" / s
        gold, xs = extract_gold_pages(p / "gold.yaml", p / "pages")
        for name, g in gold["pages"].items():
            for q in xs[name].quotes:
                n += 1
                if q.speaker is not None or not q.speaker_text:
                    continue
                worded += 1
                want = [gq["speaker"] for gq in g.get("quotes") or []
                        if norm(gq["text"]) in norm(q.text)]
                print(f"{s}\t{name[:24]}\t{q.speaker_text}\tgold={want[0] if want else '-'}\t"
                      f"{' '.join(q.text.split())[:70]}")
    print(f"{worded} of {n} quotes carry the attribution's wording")


def _totals() -> None:
    import rasad.events.quotes as quotes
    from rasad.eval.gold_pages import score_gold_file

    def attributed() -> dict[str, float | None]:
        out = {}
        for s in ALL:
            p = ROOT / "tests" / "events" / s
            out[s] = score_gold_file(p / "gold.yaml", p / "pages").rows(s)[
                f"{s}.quotes.attributed"]
        return out

    with_words = attributed()
    quotes._subject_wording = lambda *a, **k: None  # type: ignore[assignment]
    without = attributed()
    for s in ALL:
        print(f"{s:7} quotes.attributed {without[s]} without the wording, {with_words[s]} with it")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--totals", action="store_true", help="quotes.attributed with and without")
    args = ap.parse_args(argv)
    _totals() if args.totals else _list()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
