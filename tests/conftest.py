"""Shared test fixtures: paths to the demo corpus and the shared seed pages."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return sorted(SEEDS.glob("*.txt"))
