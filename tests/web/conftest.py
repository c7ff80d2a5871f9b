"""Fixtures for the web tests: a small database built from our own Arabic inputs, and a
test client over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webdata import build_db, feed_bytes, make_client


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("web") / "web.db", feed_bytes())


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[Any]:
    with make_client(web_db) as c:
        yield c


@pytest.fixture(scope="session")
def ids(client: Any) -> dict[str, Any]:
    """Ids of the test records, looked up once through the API."""
    docs = client.get("/api/documents").json()["items"]
    by_ext = {d["external_id"]: d for d in docs}
    stories = client.get("/api/stories").json()["items"]
    strike = next(s for s in stories if by_ext["t1"]["id"] in s["doc_ids"])
    return {"docs": by_ext, "strike_story": strike["id"], "stories": stories}
