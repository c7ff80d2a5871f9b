"""tools/ner_eval.py: reading, splitting and scoring (on a small corpus written here; no
public Arabic NER corpus is available offline, see docs/actors.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "ner_eval.py"

# our own sentences, ANERcorp layout and tag names
CORPUS = """\
قال O
بوتين B-PERS
في O
موسكو B-LOC
. O
وصل O
رجب B-PERS
طيب I-PERS
أردوغان I-PERS
إلى O
أنقرة B-LOC
. O
قال O
المتحدث O
باسم O
الأمم B-ORG
المتحدة I-ORG
إن O
سراقب B-LOC
هادئة O
. O
"""


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ner_eval", TOOL)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["ner_eval"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_read_and_entities(tool: ModuleType) -> None:
    sents = tool.read_conll(CORPUS.splitlines())
    assert len(sents) == 3
    assert sents[0].tags == ("O", "B-PER", "O", "B-LOC", "O")
    assert tool.entities(sents[1].tags) == {("PER", 1, 4), ("LOC", 5, 6)}
    # an I- that does not continue an entity starts a new one
    assert tool.entities(["I-LOC", "O", "B-PER", "I-LOC"]) == {
        ("LOC", 0, 1), ("PER", 2, 3), ("LOC", 3, 4)}


def test_sequential_split(tool: ModuleType) -> None:
    sents = tool.read_conll(CORPUS.splitlines()) * 4
    dev, test = tool.split(sents, "dev"), tool.split(sents, "test")
    assert dev + test == sents and 0 < len(test) < len(dev)


def test_scores(tool: ModuleType) -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    ent, tok = tool.score(gold, pred)
    assert (ent["PER"].tp, ent["PER"].fp, ent["PER"].fn) == (0, 1, 1)
    assert ent["LOC"].f1 == 1.0
    assert tok["PER"].p == 1.0 and tok["PER"].r == 0.5


def test_dictionary_predictions(tool: ModuleType) -> None:
    sents = tool.read_conll(CORPUS.splitlines())
    preds = [tool.predict(s) for s in sents]
    assert preds[0] == ["O", "B-PER", "O", "B-LOC", "O"]
    assert preds[1][1:4] == ["B-PER", "I-PER", "I-PER"] and preds[1][5] == "B-LOC"
    assert preds[2][6] == "B-LOC"
    ent, _tok = tool.score([s.tags for s in sents], preds)
    assert ent["LOC"].f1 == 1.0 and ent["PER"].f1 == 1.0
