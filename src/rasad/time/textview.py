"""A fast equivalent of `rasad.text.normalize.normalize` for the time stage's hot path.

`normalize()` walks the text character by character in Python (about 0.6 ms for a 3 KB
page). Here only the characters that may change are looked at: a regex finds every
character outside the set that `normalize_char` provably leaves alone (probed once over
ASCII and the Arabic block), each distinct one is normalized with `normalize_char` and
replaced with `str.replace`, and offsets are rebuilt from the positions of the deleted
characters only. The result is identical to `normalize()` (tests/time checks this), so the
text stage stays the single definition of normalization.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from rasad.text.normalize import normalize_char


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    return normalize_char(ch)


@cache
def _maybe_changing() -> re.Pattern[str]:
    """Characters not known to be fixed points of normalize_char."""
    probe = [chr(i) for i in (*range(0x20, 0x7F), *range(0x600, 0x700))] + ["\n", "\t"]
    fixed = "".join(re.escape(c) for c in probe if _char(c) == c)
    return re.compile(f"[^{fixed}]")


class NormView:
    """Normalized text plus a compact map back to the original offsets."""

    __slots__ = ("_shift", "text")

    def __init__(self, original: str) -> None:
        text = original
        deleted: list[str] = []
        for ch in set(_maybe_changing().findall(original)):
            out = _char(ch)
            if out != ch:
                text = text.replace(ch, out)
                if not out:
                    deleted.append(ch)
        self.text = text
        # for the k-th deleted char at original index d_k: d_k - k (non-decreasing)
        self._shift: list[int] = []
        if deleted:
            cls = re.compile("[" + "".join(re.escape(c) for c in sorted(deleted)) + "]")
            self._shift = [m.start() - k for k, m in enumerate(cls.finditer(original))]

    def original_index(self, n: int) -> int:
        """Original index of normalized index n (n == len(text) -> len(original))."""
        return n + bisect_right(self._shift, n)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span in normalized text to the original text."""
        if end <= start:
            o = self.original_index(start)
            return o, o
        # as in Normalized: the end runs up to the next kept character (trailing marks)
        return self.original_index(start), self.original_index(end)
