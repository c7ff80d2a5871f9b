"""A clitic-aware, longest-match phrase matcher over normalized Arabic (Aho-Corasick).

Forms are normalized (rasad.text.normalize) and expanded with Arabic proclitics
(و ف ب ل ك, the article ال and their combinations) and, where asked, attached pronouns.
Matches must sit on word boundaries; overlapping matches are resolved leftmost-longest.
Cost is linear in the text length (pyahocorasick).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasad.text.normalize import norm

T = TypeVar("T")

_PLAIN_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_ART_PREFIXES = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")
SUFFIXES = ("ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا", "ني", "ي")


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def clitic_variants(form: str, suffixes: bool = False) -> set[str]:
    """Normalized surface variants of a form with proclitics (and optional suffixes)."""
    f = norm(form).strip()
    if not f:
        return set()
    bases = {f}
    if suffixes and " " not in f:
        bases |= {f + s for s in SUFFIXES}
        if f.endswith("ه"):  # ta marbuta becomes ت before a suffix: مذكرته
            bases |= {f[:-1] + "ت" + s for s in SUFFIXES}
    out: set[str] = set()
    for b in bases:
        if b.startswith("ال"):
            out |= {p + b for p in _ART_PREFIXES}
            out |= {p + "لل" + b[2:] for p in ("", "و", "ف")}
        else:
            out |= {p + b for p in _PLAIN_PREFIXES}
    return out


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # in the normalized text
    end: int
    surface: str
    payloads: tuple[T, ...]


class Lexicon(Generic[T]):
    """Phrase → payloads, matched on normalized text with clitics and word boundaries."""

    def __init__(self) -> None:
        self._table: dict[str, list[T]] = {}
        self._auto: object | None = None

    def add(self, form: str, payload: T, *, suffixes: bool = False, clitics: bool = True) -> None:
        variants = clitic_variants(form, suffixes) if clitics else {norm(form).strip()}
        for v in variants:
            lst = self._table.setdefault(v, [])
            if payload not in lst:
                lst.append(payload)
        self._auto = None

    def __len__(self) -> int:
        return len(self._table)

    def _automaton(self) -> object:
        if self._auto is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for k, v in self._table.items():
                a.add_word(k, (k, tuple(v)))
            if len(self._table):
                a.make_automaton()
            self._auto = a
        return self._auto

    def all_matches(self, ntext: str) -> list[Match[T]]:
        """Every boundary-respecting match (overlaps included)."""
        if not self._table:
            return []
        auto = self._automaton()
        out: list[Match[T]] = []
        n = len(ntext)
        for end_idx, (key, payloads) in auto.iter(ntext):  # type: ignore[attr-defined]
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if start > 0 and is_word_char(ntext[start - 1]):
                continue
            if end < n and is_word_char(ntext[end]):
                continue
            out.append(Match(start, end, key, payloads))
        return out

    def find(self, ntext: str) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches."""
        cands = sorted(self.all_matches(ntext), key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Match[T]] = []
        last_end = -1
        for m in cands:
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
            elif out and m.start == out[-1].start:
                continue
        # second pass: a later longer match overlapping a shorter earlier one wins
        result: list[Match[T]] = []
        for m in out:
            if result and m.start < result[-1].end:
                if (m.end - m.start) > (result[-1].end - result[-1].start):
                    result[-1] = m
                continue
            result.append(m)
        return result

    def lookup(self, form: str) -> list[T]:
        return list(self._table.get(norm(form).strip(), []))

    def keys(self) -> Iterable[str]:
        return self._table.keys()
