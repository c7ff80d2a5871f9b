"""Every record produced from the demo corpus and the seed pages validates against the
JSON Schema of the data contract; spans point at the text they claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from rasad.pipeline import run
from rasad.read import iter_inputs
from rasad.records import Extraction, Rejected

SCHEMA = Path(__file__).resolve().parent.parent / "src/rasad/schema/contract.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _records(paths: list[str]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    recs: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    for item in run(iter_inputs(paths)):
        if isinstance(item, Rejected):
            recs.append(item.to_dict())
        else:
            assert isinstance(item, Extraction)
            texts[item.document.id] = item.document.text
            recs += item.records()
    return recs, texts


def _check(recs: list[dict[str, Any]], texts: dict[str, str], v: Draft202012Validator) -> None:
    for r in recs:
        errs = sorted(v.iter_errors(r), key=str)
        assert not errs, (r.get("kind"), r.get("id"), [e.message for e in errs[:3]])
        if "span" in r and r["kind"] != "document":
            s, e = r["span"]
            text = texts[r["doc_id"]]
            assert 0 <= s < e <= len(text)
            if r["kind"] == "timex":
                assert text[s:e] == r["text"]
            if r["kind"] == "event":
                assert text[s:e] == r["sentence"]


def test_schema_is_current() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_schema", Path(__file__).resolve().parent.parent / "tools/make_schema.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == mod.schema()


def test_demo_corpus_records_validate(demo_dir: Path, validator: Draft202012Validator) -> None:
    recs, texts = _records([str(demo_dir / d) for d in ("text", "html", "feed.jsonl",
                                                         "broken")])
    kinds = {r["kind"] for r in recs}
    assert {"document", "event", "quote", "figure", "timex", "rejected"} <= kinds
    _check(recs, texts, validator)


def test_seed_records_validate(seeds: list[Path], validator: Draft202012Validator) -> None:
    recs, texts = _records([str(p) for p in seeds])
    docs = [r for r in recs if r["kind"] == "document"]
    assert len(docs) == len(seeds)
    for kind in ("event", "quote", "figure", "timex"):
        assert any(r["kind"] == kind for r in recs), kind
    _check(recs, texts, validator)
