"""Generate src/rasad/schema/contract.schema.json (the data contract as JSON Schema).

Run: python tools/make_schema.py  — the schema is committed; a test checks it is current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasad.records import (
    CONTRACT_VERSION,
    EVENT_TYPES,
    FIGURE_CATEGORIES,
    MODALITIES,
    PUBLISHED_FROM,
    QUALIFIERS,
)

S = {"type": "string"}
NS = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
SPAN = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2,
        "maxItems": 2}
NUM = {"type": ["number", "null"]}


def obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    props = dict(required)
    props.update(optional or {})
    return {"type": "object", "required": sorted(required), "properties": props}


ACTOR = {"oneOf": [{"type": "null"}, obj({"text": S, "id": NS, "name": NS, "country": NS,
                                          "kind": NS}, {"alternatives": {"type": "array"}})]}
PLACE = {"oneOf": [{"type": "null"}, obj({"text": S, "id": NS, "name": NS, "country": NS,
                                          "lat": NUM, "lon": NUM})]}


def kind(name: str) -> dict[str, Any]:
    return {"const": name}


RECORDS: dict[str, dict[str, Any]] = {
    "document": obj({
        "kind": kind("document"), "id": S, "external_id": S, "url": NS, "outlet": NS,
        "title": NS, "published": DATE,
        "published_from": {"enum": [*PUBLISHED_FROM, None]}, "language": S, "text": S,
        "duplicate_of": NS, "story_id": NS, "warnings": {"type": "array", "items": S}},
        {"published_window": NS, "comments": {"type": "array", "items": S}}),
    "event": obj({
        "kind": kind("event"), "id": S, "doc_id": S, "type": {"enum": list(EVENT_TYPES)},
        "mode": NS, "source_actor": ACTOR, "target_actor": ACTOR, "date": DATE,
        "date_text": NS, "location": PLACE, "fatalities": {"type": ["integer", "null"]},
        "negated": {"type": "boolean"}, "modality": {"enum": list(MODALITIES)},
        "sentence": S, "span": SPAN, "confidence": {"type": "number", "minimum": 0,
                                                    "maximum": 1},
        "reported_by": ACTOR, "story_id": NS, "corroboration": {"type": "integer",
                                                               "minimum": 0}}),
    "quote": obj({
        "kind": kind("quote"), "id": S, "doc_id": S,
        "speaker": {"oneOf": [{"type": "null"}, obj({"text": S, "id": NS, "name": NS})]},
        "text": S, "span": SPAN}),
    "figure": obj({
        "kind": kind("figure"), "id": S, "doc_id": S,
        "category": {"enum": list(FIGURE_CATEGORIES)}, "quantity": {"type": "number"},
        "qualifier": {"enum": list(QUALIFIERS)}, "subject": NS, "date": DATE,
        "location": PLACE, "sentence": S, "span": SPAN}),
    "timex": obj({"kind": kind("timex"), "doc_id": S, "text": S, "value": DATE,
                  "span": SPAN}),
    "entity": obj({"kind": kind("entity"), "id": S, "name": S, "name_ar": S,
                   "entity_kind": S, "country": NS, "aliases": {"type": "array"}},
                  {"lat": NUM, "lon": NUM}),
    "rejected": obj({"kind": kind("rejected"), "source": S, "reason": S}),
    "story": obj({"kind": kind("story"), "id": S, "title": NS,
                  "doc_ids": {"type": "array", "items": S}, "first_date": DATE,
                  "last_date": DATE, "outlets": {"type": "array", "items": S}}),
    "story_event": obj({
        "kind": kind("story_event"), "id": S, "story_id": S,
        "type": {"enum": list(EVENT_TYPES)}, "mode": NS, "source_actor": ACTOR,
        "target_actor": ACTOR, "date": DATE, "location": PLACE,
        "corroboration": {"type": "integer", "minimum": 1},
        "outlets": {"type": "array", "items": S},
        "mention_ids": {"type": "array", "items": S},
        "figures": {"type": "array", "items": obj({
            "category": {"enum": list(FIGURE_CATEGORIES)}, "quantity": {"type": "number"},
            "qualifier": {"enum": list(QUALIFIERS)}, "outlet": NS, "published": DATE,
            "doc_id": S})}}),
}


def schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/rasad/rasad/contract.schema.json",
        "title": f"Rasad data contract {CONTRACT_VERSION}",
        "description": "One JSON object per line; 'kind' says which record it is.",
        "version": CONTRACT_VERSION,
        "oneOf": [{"$ref": f"#/$defs/{k}"} for k in RECORDS],
        "$defs": RECORDS,
    }


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "src/rasad/schema/contract.schema.json"
    out.write_text(json.dumps(schema(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
