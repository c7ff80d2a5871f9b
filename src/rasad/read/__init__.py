"""Stage 1 — read: paths, feeds and archives into RawInput records (or Rejected).

Supported: ``.txt`` scraped text, ``.html``/``.htm``, ``.jsonl`` feeds of the contract's
input lines, ``.warc``/``.warc.gz`` archives, directories (recursively) and ``-`` for a
JSONL feed on stdin. Nothing is silently dropped: every input that cannot be used yields
a :class:`~rasad.records.Rejected` with a one-line reason.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from rasad import errors
from rasad.records import InputKind, RawInput, Rejected

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".jsonl", ".ndjson"}
WARC_EXT = {".warc", ".warc.gz", ".arc", ".arc.gz"}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024



def _ext(path: Path) -> str:
    name = path.name.lower()
    for e in (".warc.gz", ".arc.gz"):
        if name.endswith(e):
            return e
    return path.suffix.lower()


def looks_like_html(text: str) -> bool:
    """True when text is raw HTML (also when pasted into a .txt file); one rule, shared with
    the clean stage."""
    from rasad.clean.common import looks_like_html as rule

    return rule(text)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode page bytes: UTF-8 (with or without BOM), then cp1256; raise Drop otherwise."""
    if not data.strip():
        raise errors.Drop(errors.E_EMPTY, "empty input")
    sample = data[:65536]
    nul = sample.count(b"\x00")
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if nul > 0 or ctrl > len(sample) * 0.02:
        raise errors.Drop(errors.E_BINARY, f"binary content ({nul} NUL and {ctrl} control bytes "
                          f"in the first {len(sample)} bytes)")
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append(errors.W_BOM)
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible(text):
        return text, [*warnings, errors.W_CP1256]
    # Mostly UTF-8 with a few bad bytes: keep it, but say so.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 1000):
        return text, [*warnings, f"{errors.W_REPLACED} ({bad})"]
    raise errors.Drop(errors.E_DECODE, f"undecodable bytes: not UTF-8 ({utf8_error.reason} at byte "
                      f"{utf8_error.start}) and not plausible cp1256 text")


def _plausible(text: str) -> bool:
    """Decoded text that reads as Arabic or Latin prose rather than noise."""
    letters = sum(1 for c in text if c.isalpha())
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    spaces = text.count(" ") + text.count("\n")
    n = max(len(text), 1)
    return letters / n > 0.55 and spaces / n > 0.08 and (arabic / max(letters, 1) > 0.5
                                                         or text.isascii())


def _raw_from_text(source: str, text: str, ext_id: str, warnings: list[str],
                   meta: dict[str, Any] | None = None) -> RawInput:
    kind: InputKind = "html" if looks_like_html(text) else "text"
    meta = meta or {}
    return RawInput(source=source, external_id=ext_id, kind=kind, content=text,
                    url=meta.get("url"), outlet=meta.get("outlet"), title=meta.get("title"),
                    published=meta.get("published"), warnings=warnings)


def read_file(path: Path, given: str, max_bytes: int = DEFAULT_MAX_BYTES
              ) -> Iterator[RawInput | Rejected]:
    """Read one file (any supported type)."""
    ext = _ext(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejected(given, f"cannot read: {exc.strerror or exc}", errors.E_IO)
        return
    if ext in FEED_EXT:
        try:
            with path.open("rb") as fh:
                yield from read_feed(fh, given, max_bytes)
        except OSError as exc:
            yield Rejected(given, f"cannot read: {exc.strerror or exc}", errors.E_IO)
        return
    if ext in WARC_EXT:
        yield from read_warc(path, given, max_bytes)
        return
    if ext not in TEXT_EXT | HTML_EXT:
        yield Rejected(given, f"unsupported file type '{ext or path.name}' (expected .txt, "
                       ".html, .jsonl or .warc)", errors.E_UNSUPPORTED)
        return
    if size > max_bytes:
        yield Rejected(given, f"file too large ({size / 1e6:.1f} MB > limit "
                       f"{max_bytes / 1e6:.1f} MB; raise it with --max-bytes)", errors.E_TOO_LARGE)
        return
    try:
        data = path.read_bytes()
        text, warnings = decode_bytes(data)
    except errors.Drop as d:
        yield Rejected(given, d.reason, d.code)
        return
    except OSError as exc:
        yield Rejected(given, f"cannot read: {exc.strerror or exc}", errors.E_IO)
        return
    raw = _raw_from_text(given, text, given, warnings)
    if ext in HTML_EXT:
        raw.kind = "html"
    yield raw


def read_feed(fh: IO[bytes], given: str, max_bytes: int = DEFAULT_MAX_BYTES
              ) -> Iterator[RawInput | Rejected]:
    """Read a JSONL feed of input lines: {id?, url?, html?|text?, published?, outlet?, title?}."""
    for lineno, line in enumerate(fh, 1):
        src = f"{given}:{lineno}"
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield Rejected(src, f"feed line too large ({len(line) / 1e6:.1f} MB)",
                           errors.E_TOO_LARGE)
            continue
        try:
            obj = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield Rejected(src, "feed line is not UTF-8", errors.E_DECODE)
            continue
        except json.JSONDecodeError as exc:
            yield Rejected(src, f"invalid JSON ({exc.msg} at column {exc.colno}; "
                           "truncated line?)", errors.E_JSON)
            continue
        if not isinstance(obj, dict):
            yield Rejected(src, "feed line is not a JSON object", errors.E_JSON)
            continue
        body = obj.get("html") or obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Rejected(src, "feed line has neither 'html' nor 'text'", errors.E_FIELDS)
            continue
        ext_id = str(obj.get("id") or src)
        meta = {k: obj.get(k) for k in ("url", "outlet", "title", "published")
                if isinstance(obj.get(k), str) and obj.get(k)}
        raw = _raw_from_text(src, body, ext_id, [], meta)
        if obj.get("html"):
            raw.kind = "html"
        yield raw


def read_warc(path: Path, given: str, max_bytes: int = DEFAULT_MAX_BYTES
              ) -> Iterator[RawInput | Rejected]:
    """Read HTML responses from a WARC archive (warcio)."""
    from warcio.archiveiterator import ArchiveIterator  # local: optional heavy import

    try:
        with path.open("rb") as fh:
            for n, rec in enumerate(ArchiveIterator(fh), 1):
                if rec.rec_type not in ("response", "resource"):
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                src = f"{given}#{n}"
                ctype = ""
                if rec.http_headers is not None:
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                if ctype and "html" not in ctype and "text" not in ctype:
                    yield Rejected(f"{src} {url}", f"not a text page ({ctype})",
                                   errors.E_UNSUPPORTED)
                    continue
                data = rec.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield Rejected(f"{src} {url}", "record too large", errors.E_TOO_LARGE)
                    continue
                try:
                    text, warnings = decode_bytes(data)
                except errors.Drop as d:
                    yield Rejected(f"{src} {url}", d.reason, d.code)
                    continue
                date = rec.rec_headers.get_header("WARC-Date")
                raw = _raw_from_text(src, text, url or src, warnings, {"url": url})
                if date:
                    raw.warnings.append(f"W104: crawl date {date[:10]} (not used as publication "
                                        "date)")
                yield raw
    except Exception as exc:  # warcio raises many kinds on broken archives
        yield Rejected(given, f"broken WARC archive: {type(exc).__name__}: {exc}", errors.E_WARC)


def iter_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: IO[bytes] | None = None) -> Iterator[RawInput | Rejected]:
    """Every input under the given paths, in a stable order."""
    for given in paths:
        if given == "-":
            yield from read_feed(stdin or sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith("."):
                        continue
                    fp = Path(root) / f
                    yield from read_file(fp, str(fp), max_bytes)
        elif p.exists():
            yield from read_file(p, given, max_bytes)
        else:
            yield Rejected(given, "no such file or directory", errors.E_IO)
