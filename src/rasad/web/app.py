"""The FastAPI application."""

from __future__ import annotations

import io
import json
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from rasad.store import Store
from rasad.web.render import Renderer

MAX_INGEST_BYTES = 5 * 1024 * 1024
MAX_PAGE = 500


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """An app serving one database. The ingest endpoint is refused unless `token` is set."""
    app = FastAPI(title="Rasad API", version="0.1.0",
                  description="Events, quotes, figures and stories from Arabic news, each "
                              "linked to its source sentence.")
    local = threading.local()
    renderer = Renderer()

    def store() -> Store:
        st = getattr(local, "store", None)
        if st is None:
            st = Store(db_path)
            st.db.execute("PRAGMA query_only=0")
            local.store = st
        return st

    S = Annotated[Store, Depends(store)]

    def page(limit: int, offset: int) -> tuple[int, int]:
        return max(1, min(limit, MAX_PAGE)), max(0, offset)

    # ---- API ---------------------------------------------------------------------------
    @app.get("/api/events", tags=["api"])
    def api_events(st: S, actor: str | None = None, type: str | None = None,
                   place: str | None = None, since: str | None = None,
                   until: str | None = None, story: str | None = None,
                   limit: int = 100, offset: int = 0) -> dict[str, Any]:
        lim, off = page(limit, offset)
        rows = st.query("event", actor=actor, etype=type, place=place, since=since,
                        until=until, story=story, limit=lim, offset=off)
        return {"items": rows, "limit": lim, "offset": off}

    @app.get("/api/quotes", tags=["api"])
    def api_quotes(st: S, actor: str | None = None, story: str | None = None,
                   limit: int = 100, offset: int = 0) -> dict[str, Any]:
        lim, off = page(limit, offset)
        return {"items": st.query("quote", actor=actor, story=story, limit=lim, offset=off),
                "limit": lim, "offset": off}

    @app.get("/api/figures", tags=["api"])
    def api_figures(st: S, category: str | None = None, place: str | None = None,
                    since: str | None = None, until: str | None = None,
                    story: str | None = None, limit: int = 100, offset: int = 0
                    ) -> dict[str, Any]:
        lim, off = page(limit, offset)
        return {"items": st.query("figure", etype=category, place=place, since=since,
                                  until=until, story=story, limit=lim, offset=off),
                "limit": lim, "offset": off}

    @app.get("/api/stories", tags=["api"])
    def api_stories(st: S, actor: str | None = None, since: str | None = None,
                    until: str | None = None, limit: int = 100, offset: int = 0
                    ) -> dict[str, Any]:
        lim, off = page(limit, offset)
        return {"items": st.query("story", actor=actor, since=since, until=until, limit=lim,
                                  offset=off), "limit": lim, "offset": off}

    @app.get("/api/stories/{story_id}", tags=["api"])
    def api_story(st: S, story_id: str) -> dict[str, Any]:
        rows = st.query("story", story=story_id)
        if not rows:
            raise HTTPException(404, "no such story")
        return {"story": rows[0], "events": st.query("story_event", story=story_id)}

    @app.get("/api/documents", tags=["api"])
    def api_documents(st: S, story: str | None = None, limit: int = 100, offset: int = 0
                      ) -> dict[str, Any]:
        lim, off = page(limit, offset)
        return {"items": st.query("document", story=story, limit=lim, offset=off),
                "limit": lim, "offset": off}

    @app.get("/api/documents/{doc_id}", tags=["api"])
    def api_document(st: S, doc_id: str) -> dict[str, Any]:
        d = st.document(doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        return {"document": d, **st.document_annotations(doc_id)}

    @app.get("/api/entities", tags=["api"])
    def api_entities(q: str | None = None, kind: str | None = None, limit: int = 100,
                     offset: int = 0) -> dict[str, Any]:
        from rasad.actors import load_gazetteer

        rows = load_gazetteer().entities()
        if kind:
            rows = [r for r in rows if r["entity_kind"] == kind]
        if q:
            rows = [r for r in rows if q.lower() in r["name"].lower() or q in r["name_ar"]
                    or any(q in a for a in r["aliases"])]
        lim, off = page(limit, offset)
        return {"items": rows[off:off + lim], "total": len(rows), "limit": lim, "offset": off}

    @app.get("/api/search", tags=["api"])
    def api_search(st: S, q: Annotated[str, Query(min_length=1, max_length=200)],
                   limit: int = 20) -> dict[str, Any]:
        return {"items": st.search(q, limit=max(1, min(limit, 100)))}

    @app.get("/api/export/{kind}.{fmt}", tags=["api"])
    def api_export(st: S, kind: str, fmt: str) -> Response:
        from rasad.export import KINDS, csv_string

        if kind not in KINDS or kind == "entity" or fmt not in ("jsonl", "csv"):
            raise HTTPException(404, "unknown export")
        if fmt == "csv":
            return Response(csv_string(st.iter_records(kind)), media_type="text/csv",
                            headers={"Content-Disposition": f"attachment; filename={kind}.csv"})

        def lines() -> Iterator[str]:
            for r in st.iter_records(kind):
                yield json.dumps(r, ensure_ascii=False) + "\n"

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    @app.post("/api/ingest", tags=["api"])
    async def api_ingest(request: Request, st: S,
                         authorization: Annotated[str | None, Header()] = None
                         ) -> dict[str, Any]:
        if not token:
            raise HTTPException(403, "ingest is disabled (start the server with --token)")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "bad or missing token")
        length = int(request.headers.get("content-length") or 0)
        if length > MAX_INGEST_BYTES:
            raise HTTPException(413, f"request larger than {MAX_INGEST_BYTES} bytes")
        body = await request.body()
        if len(body) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"request larger than {MAX_INGEST_BYTES} bytes")
        from rasad.ingest import ingest
        from rasad.read import read_feed

        summary = ingest(read_feed(io.BytesIO(body), "<api>"), st)
        return {**summary.to_dict(), "rejected_items": [
            {"source": s, "reason": r} for s, r in summary.rejected_items]}

    # ---- pages ---------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(st: S) -> str:
        return renderer.stories(st)

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(st: S, story_id: str) -> str:
        html = renderer.story(st, story_id)
        if html is None:
            raise HTTPException(404, "no such story")
        return html

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def doc_page(st: S, doc_id: str) -> str:
        html = renderer.document(st, doc_id)
        if html is None:
            raise HTTPException(404, "no such document")
        return html

    @app.get("/actor/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(st: S, actor_id: str) -> str:
        return renderer.actor(st, actor_id)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(st: S, q: str = "") -> str:
        return renderer.search(st, q[:200])

    @app.get("/static/style.css", include_in_schema=False)
    def css() -> Response:
        return Response(renderer.css(), media_type="text/css")

    return app
