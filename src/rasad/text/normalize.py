"""Arabic orthographic normalization for matching, with offsets mapped back.

Matching happens on normalized text; display always uses the original. Normalization
is character-wise and never changes the number of characters except by *deleting*
(diacritics, tatweel, zero-width marks), so a normalized offset maps back to the
original through a plain index table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks)
_DELETE = set(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ی": "ي", "ي": "ي",
    "ة": "ه", "ۀ": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
    "٬": ",", "،": ",", "؛": ";", "؟": "?",
    "–": "-", "—": "-",
}
# Eastern Arabic and Persian digits to ASCII
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[_d] = str(_i)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus the table mapping each normalized index to the original."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; last one is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span in normalized text to the original text."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        # the end runs up to the next kept character, so trailing diacritics stay inside
        return self.offsets[start], self.offsets[end]


def normalize_char(ch: str) -> str:
    """Normalize one character ('' when it is deleted)."""
    if ch in _DELETE:
        return ""
    mapped = _MAP.get(ch, ch)
    low = mapped.lower()
    return low if len(low) == 1 else mapped


_TABLE: dict[int, str | None] | None = None
_DELETE_RE: re.Pattern[str] | None = None


def _table() -> dict[int, str | None]:
    """str.translate table: the per-character mapping above, built once."""
    global _TABLE, _DELETE_RE
    if _TABLE is None:
        table: dict[int, str | None] = {ord(c): None for c in _DELETE}
        for k, v in _MAP.items():
            table[ord(k)] = v.lower() if len(v.lower()) == 1 else v
        for c in range(ord("A"), ord("Z") + 1):
            table[c] = chr(c).lower()
        for c in range(0xC0, 0x250):  # Latin letters with diacritics: lowercase like .lower()
            ch = chr(c)
            low = ch.lower()
            if low != ch and len(low) == 1:
                table[c] = low
        _DELETE_RE = re.compile("[" + re.escape("".join(sorted(_DELETE))) + "]")
        _TABLE = table
    return _TABLE


def normalize(text: str) -> Normalized:
    """Normalize Arabic text for matching and keep the offset table."""
    table = _table()
    out = text.translate(table)
    assert _DELETE_RE is not None
    if len(out) == len(text):
        return Normalized(out, tuple(range(len(text) + 1)))
    deleted = {m.start() for m in _DELETE_RE.finditer(text)}
    offs = [i for i in range(len(text)) if i not in deleted]
    offs.append(len(text))
    return Normalized(out, tuple(offs))


def norm(text: str) -> str:
    """Normalized string only (for dictionary keys and lookups)."""
    return text.translate(_table())
