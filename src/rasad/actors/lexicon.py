"""A clitic-aware, longest-match phrase matcher over normalized Arabic (Aho-Corasick).

Forms are normalized (rasad.text.normalize) and matched with Arabic proclitics
(و ف ب ل ك, the article ال and their combinations) and, where asked, attached pronouns.
Matches must sit on word boundaries; overlapping matches are resolved leftmost-longest.
Cost is linear in the text length (pyahocorasick).

Two storage modes give the same matches:

- ``Lexicon()`` (expanded): every clitic variant of a form is a key of the automaton
  (simple; used by the trigger lexicon, whose rules read the surface).
- ``Lexicon(compact=True)``: only the base form is a key; the proclitics in front of a
  hit are checked at match time against the allowed prefixes. About ten times fewer keys,
  so the actor and place dictionaries (with GeoNames) build and load fast.

In both modes a match's span and ``surface`` include the proclitics ("لموسكو"), and
``prefix`` says how many leading characters they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasad.text.normalize import norm

T = TypeVar("T")

_PLAIN_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_ART_PREFIXES = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")
_LIL_PREFIXES = ("", "و", "ف")  # before a "لل" form (ل + article, alef dropped)
SUFFIXES = ("ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا", "ني", "ي")

# compact-mode classes: which proclitics may stand before the key
_PLAIN, _ART, _LIL, _EXACT = 0, 1, 2, 3
_ALLOWED: dict[int, frozenset[str]] = {
    _PLAIN: frozenset(_PLAIN_PREFIXES), _ART: frozenset(_ART_PREFIXES),
    _LIL: frozenset(_LIL_PREFIXES), _EXACT: frozenset({""}),
}
_MAX_PREFIX = 2


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


# name particles written apart or joined ("بو حبيب" / "بوحبيب", "عبد الله" / "عبدالله")
_JOINABLE = ("بو", "ابو", "عبد")


def spelling_variants(form: str) -> set[str]:
    """A normalized name and the ways Arabic news also writes it: a name particle (بو، أبو،
    عبد) joined to the next word or written apart ("عبدالله" → "عبد الله"). Every particle
    is joined or split alike, so a name gives at most three forms."""
    f = " ".join(norm(form).split())
    if not f:
        return set()
    toks = f.split()
    joined = " ".join(_join(toks))
    split = " ".join("عبد " + t[3:] if t.startswith("عبدال") and len(t) > 6 else t
                     for t in toks)
    return {f, joined, split}


def _join(toks: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(toks):
        if toks[i] in _JOINABLE and i + 1 < len(toks):
            out.append(toks[i] + toks[i + 1])
            i += 2
        else:
            out.append(toks[i])
            i += 1
    return out


def _compact_keys(form: str, suffixes: bool, clitics: bool) -> list[tuple[str, int, bool]]:
    """(key, prefix class, needs a suffix) for a form in compact mode."""
    f = norm(form).strip()
    if not f:
        return []
    if not clitics:
        return [(f, _EXACT, False)]
    art = f.startswith("ال") and len(f) > 2
    out = [(f, _ART if art else _PLAIN, False)]
    if art:
        out.append(("لل" + f[2:], _LIL, False))
    if suffixes and " " not in f and f.endswith("ه"):
        out.append((f[:-1] + "ت", _ART if art else _PLAIN, True))
    return out


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # in the normalized text, proclitics included
    end: int
    surface: str
    payloads: tuple[T, ...]
    prefix: int = 0  # how many leading characters of the surface are proclitics


class Lexicon(Generic[T]):
    """Phrase → payloads, matched on normalized text with clitics and word boundaries."""

    def __init__(self, compact: bool = False) -> None:
        self.compact = compact
        self._table: dict[str, list[T]] = {}
        # compact mode: key -> (class, needs suffix, suffixes allowed) -> payloads
        self._ctable: dict[str, dict[tuple[int, bool, bool], list[T]]] = {}
        self._auto: object | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"compact": self.compact, "_table": self._table, "_ctable": self._ctable,
                "_auto": self._auto}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def add(self, form: str, payload: T, *, suffixes: bool = False, clitics: bool = True) -> None:
        if self.compact:
            for key, cls, need in _compact_keys(form, suffixes, clitics):
                lst = self._ctable.setdefault(key, {}).setdefault((cls, need, suffixes), [])
                if payload not in lst:
                    lst.append(payload)
            self._auto = None
            return
        variants = clitic_variants(form, suffixes) if clitics else {norm(form).strip()}
        for v in variants:
            lst = self._table.setdefault(v, [])
            if payload not in lst:
                lst.append(payload)
        self._auto = None

    def __len__(self) -> int:
        return len(self._ctable) if self.compact else len(self._table)

    def _automaton(self) -> object:
        if self._auto is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            if self.compact:
                for k, groups in self._ctable.items():
                    a.add_word(k, (k, tuple((c, tuple(v)) for c, v in groups.items())))
            else:
                for k, v in self._table.items():
                    a.add_word(k, (k, tuple(v)))
            if len(self):
                a.make_automaton()
            self._auto = a
        return self._auto

    def build(self) -> None:
        """Build the automaton now (it is otherwise built on first use)."""
        self._automaton()

    def all_matches(self, ntext: str) -> list[Match[T]]:
        """Every boundary-respecting match (overlaps included)."""
        if not len(self):
            return []
        if self.compact:
            return self._compact_matches(ntext)
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
            out.append(Match(start, end, key, payloads, _prefix_len(key)))
        return out

    def _compact_matches(self, ntext: str) -> list[Match[T]]:
        auto = self._automaton()
        n = len(ntext)
        merged: dict[tuple[int, int], tuple[int, list[T]]] = {}
        for end_idx, (key, groups) in auto.iter(ntext):  # type: ignore[attr-defined]
            start = end_idx - len(key) + 1
            end = end_idx + 1
            # the word the hit starts in: at most two proclitic letters before it
            ws = start
            while ws > 0 and is_word_char(ntext[ws - 1]) and start - ws < _MAX_PREFIX:
                ws -= 1
            if ws > 0 and is_word_char(ntext[ws - 1]):
                continue
            prefix = ntext[ws:start]
            # the word the hit ends in: a boundary, or an attached pronoun then a boundary
            we = end
            while we < n and is_word_char(ntext[we]) and we - end < 3:
                we += 1
            tail = ntext[end:we]
            if we < n and is_word_char(ntext[we]):
                tail = "?"
            for (cls, need, suff), payloads in groups:
                if prefix not in _ALLOWED[cls]:
                    continue
                if tail:
                    if not suff or tail not in SUFFIXES:
                        continue
                    stop = we
                elif need:
                    continue
                else:
                    stop = end
                plen = len(prefix) + (_prefix_len(key) if cls == _LIL else 0)
                slot = merged.setdefault((ws, stop), (plen, []))
                for p in payloads:
                    if p not in slot[1]:
                        slot[1].append(p)
        return [Match(s, e, ntext[s:e], tuple(ps), plen)
                for (s, e), (plen, ps) in merged.items()]

    def find(self, ntext: str) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches."""
        return leftmost_longest(self.all_matches(ntext))

    def lookup(self, form: str) -> list[T]:
        """Payloads of a form as written (proclitics allowed in compact mode)."""
        f = norm(form).strip()
        if not self.compact:
            return list(self._table.get(f, []))
        out: list[T] = []
        for m in self._compact_matches(f):
            if m.start == 0 and m.end == len(f):
                out += [p for p in m.payloads if p not in out]
        return out

    def keys(self) -> Iterable[str]:
        return self._ctable.keys() if self.compact else self._table.keys()


def _prefix_len(surface: str) -> int:
    """Proclitic letters in front of an expanded surface (a guess from its shape)."""
    for p in ("ولل", "فلل", "لل"):
        if surface.startswith(p):
            return len(p) - 1
    return 0


def leftmost_longest(matches: list[Match[T]]) -> list[Match[T]]:
    """Non-overlapping matches: leftmost first, the longest at a start, and a later match
    that overlaps a shorter earlier one replaces it."""
    cands = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match[T]] = []
    last_end = -1
    for m in cands:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    result: list[Match[T]] = []
    for m in out:
        if result and m.start < result[-1].end:
            if (m.end - m.start) > (result[-1].end - result[-1].start):
                result[-1] = m
            continue
        result.append(m)
    return result
