"""Stage — export: JSONL (the contract), CSV and Parquet (flattened, one kind per file)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

KINDS = ("document", "event", "quote", "figure", "timex", "story", "story_event", "rejected",
         "entity")


def flatten(rec: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become prefix_key columns; lists become JSON strings."""
    out: dict[str, Any] = {}
    for k, v in rec.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "_"))
        elif isinstance(v, list | tuple):
            out[key] = json.dumps(v, ensure_ascii=False)
        else:
            out[key] = v
    return out


def write_jsonl(records: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for r in records:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    seen: set[str] = set()
    for r in rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                cols.append(k)
    return cols


def write_csv(records: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    rows = [flatten(r) for r in records]
    w = csv.DictWriter(fh, fieldnames=_columns(rows), extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return len(rows)


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten(r) for r in records]
    cols = _columns(rows)
    table = pa.table({c: _column(rows, c) for c in cols}) if rows else pa.table({})
    pq.write_table(table, str(path))
    return len(rows)


def _column(rows: list[dict[str, Any]], c: str) -> list[Any]:
    vals = [r.get(c) for r in rows]
    kinds = {type(v) for v in vals if v is not None}
    if len(kinds) > 1:  # mixed ints/floats/str: keep the column readable
        if kinds <= {int, float}:
            return [float(v) if v is not None else None for v in vals]
        return [None if v is None else str(v) for v in vals]
    return vals


def csv_string(records: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    write_csv(records, buf)
    return buf.getvalue()


def gdelt_view(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events in a GDELT-like column layout (one row per event mention)."""
    for e in events:
        sa, ta, loc = e.get("source_actor") or {}, e.get("target_actor") or {}, \
            e.get("location") or {}
        yield {"GlobalEventID": e["id"], "Day": (e.get("date") or "").replace("-", ""),
               "Actor1Code": sa.get("id"), "Actor1Name": sa.get("name"),
               "Actor1CountryCode": sa.get("country"), "Actor2Code": ta.get("id"),
               "Actor2Name": ta.get("name"), "Actor2CountryCode": ta.get("country"),
               "EventRootCode": e["type"], "EventMode": e.get("mode"),
               "IsNegated": e.get("negated"), "Modality": e.get("modality"),
               "NumSources": e.get("corroboration"), "ActionGeo_FullName": loc.get("name"),
               "ActionGeo_CountryCode": loc.get("country"), "ActionGeo_Lat": loc.get("lat"),
               "ActionGeo_Long": loc.get("lon"), "Fatalities": e.get("fatalities"),
               "SourceDocID": e["doc_id"], "Sentence": e.get("sentence")}


def acled_view(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events in an ACLED-like column layout (with the supporting sentence as notes)."""
    for e in events:
        sa, ta, loc = e.get("source_actor") or {}, e.get("target_actor") or {}, \
            e.get("location") or {}
        yield {"event_id_cnty": e["id"], "event_date": e.get("date"),
               "event_type": e["type"], "sub_event_type": e.get("mode"),
               "actor1": sa.get("name") or sa.get("text"), "actor2": ta.get("name") or
               ta.get("text"), "country": loc.get("country"), "location": loc.get("name"),
               "latitude": loc.get("lat"), "longitude": loc.get("lon"),
               "fatalities": e.get("fatalities") or 0, "notes": e.get("sentence"),
               "source": e["doc_id"], "source_scale": e.get("corroboration")}
