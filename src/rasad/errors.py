"""Error and warning codes, in one place (spaCy style).

Every rejected input carries a code and a one-line reason; the codes are stable so that
analysts can count and filter them across runs.
"""

from __future__ import annotations


class Drop(Exception):
    """Raised by a stage to drop an input with a code and a one-line reason."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


E_EMPTY = "E001"  # empty file or empty text
E_BINARY = "E002"  # binary content
E_DECODE = "E003"  # undecodable bytes
E_TOO_LARGE = "E004"  # larger than the configured limit
E_JSON = "E005"  # invalid JSON line in a feed
E_FIELDS = "E006"  # a feed line without html or text
E_LANGUAGE = "E007"  # not Arabic
E_NO_BODY = "E008"  # no article body found after cleaning
E_UNSUPPORTED = "E009"  # unsupported file type
E_IO = "E010"  # cannot read the path
E_WARC = "E011"  # broken WARC archive

W_CP1256 = "W101: decoded as cp1256 (not UTF-8)"
W_BOM = "W102: UTF-8 byte-order mark removed"
W_REPLACED = "W103: some undecodable bytes replaced"
