"""The FastAPI application: a read API over the store, JSONL/CSV downloads, a token-guarded
ingest endpoint, and server-rendered right-to-left pages."""


import csv
import io
import json
import secrets
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.responses import StreamingResponse as _Streaming
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rasad.store import Store
from rasad.web import entities, queries
from rasad.web.render import Renderer

MAX_BODY_BYTES = 5 * 1024 * 1024  # any request body (the ingest endpoint is the only taker)
MAX_URL_CHARS = 4096
MAX_PAGE = 500

API_DESCRIPTION = """Events, quotes, figures and stories from Arabic news, each linked to the
sentence it came from. Records follow the data contract (`docs/contract.md`).

* Lists take `limit` (1–500) and `offset`, and answer `{items, total, limit, offset, next}`.
* `format=jsonl` or `format=csv` on a list downloads **every** matching record instead.
* `actor` and `place` take an id (`RUSGOV`, `idlib`) or a name in Arabic or English
  (`بوتين`, `Putin`, `إدلب`).
* `since` / `until` take `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `until=2020-03` keeps March.
* `POST /api/ingest` needs the token given to `rasad serve --token`.
"""

Fmt = Literal["json", "jsonl", "csv"]
ActorQ = Annotated[str | None, Query(max_length=200, description="Actor id or name "
                                     "(RUSGOV, بوتين, Putin).")]
PlaceQ = Annotated[str | None, Query(max_length=200, description="Place id or name "
                                     "(idlib, إدلب).")]
TypeQ = Annotated[str | None, Query(max_length=40, description="PLOVER type (ASSAULT, "
                                    "AGREE, …).")]
SinceQ = Annotated[str | None, Query(max_length=10, description="From date: YYYY[-MM[-DD]].")]
UntilQ = Annotated[str | None, Query(max_length=10, description="Until date: YYYY[-MM[-DD]].")]
StoryQ = Annotated[str | None, Query(max_length=100, description="Story id.")]
DocQ = Annotated[str | None, Query(max_length=100, description="Document id.")]
ConfQ = Annotated[float | None, Query(ge=0.0, le=1.0, description="Only events whose "
                                      "confidence (the learned judge's probability that the "
                                      "event is right) reaches this.")]
LimitQ = Annotated[int, Query(ge=1, le=MAX_PAGE)]
OffsetQ = Annotated[int, Query(ge=0)]
FmtQ = Annotated[Fmt, Query(description="json (a page), or jsonl / csv (a download of every "
                                        "match).")]
PageQ = Annotated[int, Query(ge=1, le=100_000)]


class BodyLimit:
    """Refuse request bodies over `max_bytes` (413), announced or streamed, and over-long
    URLs (414), before any endpoint reads them."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_url: int = MAX_URL_CHARS) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("path", "")) + len(scope.get("query_string", b"")) > self.max_url:
            await _plain(send, 414, "URL too long")
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    too_big = int(v) > self.max_bytes
                except ValueError:
                    too_big = True
                if too_big:
                    await _plain(send, 413, f"request body larger than {self.max_bytes} bytes")
                    return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:  # a chunked body that grew past the limit
                    raise HTTPException(413, f"request body larger than {self.max_bytes} "
                                             "bytes")
            return msg

        await self.app(scope, limited_receive, send)


async def _plain(send: Send, status: int, text: str) -> None:
    body = json.dumps({"detail": text}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api", "/docs", "/openapi", "/redoc"))


def create_app(db_path: str | Path, token: str | None = None,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """An app serving one database. The ingest endpoint is refused unless `token` is set."""
    path = Path(db_path)
    local = threading.local()
    renderer = Renderer()
    ingest_lock = threading.Lock()

    def store() -> Store:
        st: Store | None = getattr(local, "store", None)
        if st is None:
            st = Store(path)
            local.store = st  # the store's migrations create the indexes the pages need
        return st

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # warm the dictionaries and the borders off the request path
        def warm() -> None:
            from rasad.web import geo

            entities.country_names_ar()
            geo.load_borders()

        threading.Thread(target=warm, daemon=True).start()
        await run_in_threadpool(store)
        yield

    app = FastAPI(title="Rasad API", version="1", description=API_DESCRIPTION,
                  lifespan=lifespan)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)  # type: ignore[arg-type]
    S = Annotated[Store, Depends(store)]

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, exc.status_code,
                                headers=getattr(exc, "headers", None))
        return HTMLResponse(renderer.error(exc.status_code, str(exc.detail)), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": jsonable(exc.errors())}, 422)
        return HTMLResponse(renderer.error(422, "قيمة غير صالحة في الطلب"), 422)

    def filters(kind: str, **kw: Any) -> queries.Filters:
        if kw.get("actor"):
            kw["actor"] = entities.resolve_actor(kw["actor"])
        if kw.get("place"):
            kw["place"] = entities.resolve_place(kw["place"])
        try:
            return queries.Filters(**kw).validate(kind)
        except queries.BadFilter as exc:
            raise HTTPException(422, str(exc)) from exc

    def listing(request: Request, st: Store, kind: str, f: queries.Filters, limit: int,
                offset: int, fmt: Fmt) -> Any:
        if fmt != "json":
            return download(kind, lambda db: queries.iterate(db, kind, f), fmt)
        items = queries.select(st.db, kind, f, limit, offset)
        total = queries.count(st.db, kind, f)
        nxt = None
        if offset + limit < total:
            nxt = str(request.url.include_query_params(offset=offset + limit))
        return {"items": items, "total": total, "limit": limit, "offset": offset, "next": nxt}

    def download(name: str, rows: Callable[[sqlite3.Connection], Iterator[dict[str, Any]]],
                 fmt: Fmt) -> Response:
        """Stream every record; CSV is flattened like `rasad export --format csv`."""
        from rasad.export import flatten

        def connect() -> sqlite3.Connection:
            # one connection per download, used by one generator (threads may change)
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

        def jsonl() -> Iterator[str]:
            db = connect()
            try:
                for r in rows(db):
                    yield json.dumps(r, ensure_ascii=False) + "\n"
            finally:
                db.close()

        def csv_lines() -> Iterator[str]:
            db = connect()
            try:
                cols: dict[str, None] = {}
                for r in rows(db):  # first pass: the columns
                    cols.update(dict.fromkeys(flatten(r)))
                buf = io.StringIO()
                w = csv.DictWriter(buf, fieldnames=list(cols), extrasaction="ignore")
                w.writeheader()
                for i, r in enumerate(rows(db)):
                    w.writerow(flatten(r))
                    if i % 500 == 499:
                        yield buf.getvalue()
                        buf.seek(0)
                        buf.truncate()
                yield buf.getvalue()
            finally:
                db.close()

        if fmt == "csv":
            return _Streaming(csv_lines(), media_type="text/csv; charset=utf-8", headers={
                "Content-Disposition": f'attachment; filename="{name}.csv"'})
        return _Streaming(jsonl(), media_type="application/x-ndjson", headers={
            "Content-Disposition": f'attachment; filename="{name}.jsonl"'})

    # ---- API: lists ---------------------------------------------------------------------
    @app.get("/api/documents", tags=["documents"])
    def api_documents(request: Request, st: S, story: StoryQ = None,
                      outlet: Annotated[str | None, Query(max_length=200)] = None,
                      since: SinceQ = None, until: UntilQ = None, limit: LimitQ = 100,
                      offset: OffsetQ = 0, format: FmtQ = "json") -> Any:
        """Documents (clean text included), by publication date."""
        f = filters("document", story=story, outlet=outlet, since=since, until=until)
        return listing(request, st, "document", f, limit, offset, format)

    @app.get("/api/events", tags=["events"])
    def api_events(request: Request, st: S, actor: ActorQ = None, type: TypeQ = None,
                   place: PlaceQ = None, since: SinceQ = None, until: UntilQ = None,
                   story: StoryQ = None, doc: DocQ = None, min_confidence: ConfQ = None,
                   limit: LimitQ = 100, offset: OffsetQ = 0, format: FmtQ = "json") -> Any:
        """Event mentions (one per supporting sentence); `actor` matches source or target."""
        f = filters("event", actor=actor, type=type, place=place, since=since, until=until,
                    story=story, doc=doc, min_confidence=min_confidence)
        return listing(request, st, "event", f, limit, offset, format)

    @app.get("/api/story_events", tags=["stories"])
    def api_story_events(request: Request, st: S, story: StoryQ = None, actor: ActorQ = None,
                         type: TypeQ = None, place: PlaceQ = None, since: SinceQ = None,
                         until: UntilQ = None, limit: LimitQ = 100, offset: OffsetQ = 0,
                         format: FmtQ = "json") -> Any:
        """Merged events (one event as told by many pages), with corroboration and every
        reported figure."""
        f = filters("story_event", story=story, actor=actor, type=type, place=place,
                    since=since, until=until)
        return listing(request, st, "story_event", f, limit, offset, format)

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(request: Request, st: S, actor: ActorQ = None, story: StoryQ = None,
                   doc: DocQ = None, limit: LimitQ = 100, offset: OffsetQ = 0,
                   format: FmtQ = "json") -> Any:
        """Quotes; `actor` is the speaker."""
        f = filters("quote", actor=actor, story=story, doc=doc)
        return listing(request, st, "quote", f, limit, offset, format)

    @app.get("/api/figures", tags=["figures"])
    def api_figures(request: Request, st: S,
                    category: Annotated[str | None, Query(
                        max_length=20, description="killed, injured, displaced, detained, "
                        "attacks, other.")] = None,
                    place: PlaceQ = None, since: SinceQ = None, until: UntilQ = None,
                    story: StoryQ = None, doc: DocQ = None, limit: LimitQ = 100,
                    offset: OffsetQ = 0, format: FmtQ = "json") -> Any:
        """Figures (killed, injured, displaced, …) with their qualifiers."""
        f = filters("figure", type=category, place=place, since=since, until=until,
                    story=story, doc=doc)
        return listing(request, st, "figure", f, limit, offset, format)

    @app.get("/api/stories", tags=["stories"])
    def api_stories(request: Request, st: S, actor: ActorQ = None, place: PlaceQ = None,
                    since: SinceQ = None, until: UntilQ = None, limit: LimitQ = 100,
                    offset: OffsetQ = 0, format: FmtQ = "json") -> Any:
        """Stories (near-duplicates folded, one event from many outlets merged)."""
        f = filters("story", actor=actor, place=place, since=since, until=until)
        return listing(request, st, "story", f, limit, offset, format)

    @app.get("/api/entities", tags=["entities"])
    def api_entities(st: S, q: Annotated[str | None, Query(max_length=200)] = None,
                     kind: Annotated[str | None, Query(max_length=40, description=(
                         "person, government, military, armed_group, organization, country, "
                         "place"))] = None,
                     used: Annotated[bool, Query(description="Only entities that appear in "
                                                 "this database.")] = False,
                     limit: LimitQ = 100, offset: OffsetQ = 0) -> dict[str, Any]:
        """Actors and places of the dictionaries (ids, Arabic and English names, aliases)."""
        from rasad.actors import load_gazetteer

        rows = load_gazetteer().entities()
        if kind:
            rows = [r for r in rows if r["entity_kind"] == kind]
        if q:
            found = {e["id"] for e in entities.search_entities(q, limit=1000)}
            rows = [r for r in rows if r["id"] in found]
        usage = queries.entity_usage(st.db) if used else {}
        if used:
            rows = [{**r, "usage": usage[r["id"]]} for r in rows if r["id"] in usage]
        return {"items": rows[offset:offset + limit], "total": len(rows), "limit": limit,
                "offset": offset}

    @app.get("/api/search", tags=["search"])
    def api_search(st: S, q: Annotated[str, Query(min_length=1, max_length=200)],
                   limit: Annotated[int, Query(ge=1, le=100)] = 20,
                   offset: OffsetQ = 0) -> dict[str, Any]:
        """Full-text search (SQLite FTS5 over normalized Arabic: hamza forms, diacritics, ة/ه
        and ى/ي do not matter). Snippets come from the original text; `marks` are
        [start, end) spans of the matched words in the snippet."""
        items, total = queries.search(st.db, q, limit, offset)
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    # ---- API: single records ------------------------------------------------------------
    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def api_document(st: S, doc_id: str) -> dict[str, Any]:
        """One document with its events, quotes, figures and time expressions."""
        d = st.document(doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        return {"document": d, **st.document_annotations(doc_id)}

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(st: S, event_id: str) -> dict[str, Any]:
        row = st.db.execute("SELECT data FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            raise HTTPException(404, "no such event")
        return dict(json.loads(row[0]))

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(st: S, story_id: str) -> dict[str, Any]:
        """One story with its merged events (by date) and its documents (without text)."""
        s = queries.story(st.db, story_id)
        if s is None:
            raise HTTPException(404, "no such story")
        return {"story": s, "events": queries.select(st.db, "story_event",
                                                     queries.Filters(story=story_id)),
                "documents": queries.doc_briefs(st.db, story=story_id)}

    @app.get("/api/entities/{entity_id}", tags=["entities"])
    def api_entity(st: S, entity_id: str) -> dict[str, Any]:
        """An actor or place (by id or name) and how often it appears."""
        ident = entities.resolve_actor(entity_id)
        e = entities.entity(ident or entity_id)
        if e is None:
            ident = entities.resolve_place(entity_id)
            e = entities.entity(ident or entity_id)
        if e is None:
            raise HTTPException(404, "no such actor or place")
        usage = queries.entity_usage(st.db).get(e["id"], {})
        return {**e, "usage": usage}

    @app.get("/api/stats", tags=["search"])
    def api_stats(st: S) -> dict[str, Any]:
        """Record counts."""
        return st.counts()

    @app.get("/api/export/{kind}.{fmt}", tags=["downloads"])
    def api_export(kind: str, fmt: str) -> Response:
        """Every record of one kind: document, event, quote, figure, timex, story,
        story_event, rejected; as jsonl or csv."""
        if fmt not in ("jsonl", "csv"):
            raise HTTPException(404, "unknown format (jsonl or csv)")
        if kind in queries.KINDS:
            return download(kind, lambda db: queries.iterate(db, kind, queries.Filters()),
                            "csv" if fmt == "csv" else "jsonl")
        if kind == "timex":
            def timexes(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
                for (raw,) in db.execute("SELECT data FROM timexes ORDER BY doc_id, start"):
                    yield json.loads(raw)
            return download(kind, timexes, "csv" if fmt == "csv" else "jsonl")
        if kind == "rejected":
            def rejected(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
                for s, r, c in db.execute("SELECT source, reason, code FROM rejected "
                                          "ORDER BY source"):
                    yield {"kind": "rejected", "source": s, "reason": r, "code": c}
            return download(kind, rejected, "csv" if fmt == "csv" else "jsonl")
        raise HTTPException(404, "unknown kind")

    # ---- API: ingest --------------------------------------------------------------------
    @app.post("/api/ingest", tags=["ingest"], openapi_extra={"requestBody": {
        "required": True, "content": {"application/x-ndjson": {"schema": {
            "type": "string", "description": "JSONL input lines: {id?, url?, html? or "
            "text?, published?, outlet?, title?}"}}}}})
    async def api_ingest(request: Request,
                         authorization: Annotated[str | None, Header()] = None,
                         x_rasad_token: Annotated[str | None, Header()] = None
                         ) -> dict[str, Any]:
        """Ingest JSONL input lines (the contract's input) through the full pipeline.
        Refused (403) unless the server was started with a token; the token goes in
        `Authorization: Bearer TOKEN` or `X-Rasad-Token`. Bodies over the size limit: 413."""
        if not token:
            raise HTTPException(403, "ingest is disabled (start the server with --token)")
        given = x_rasad_token or (authorization or "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "bad or missing token",
                                headers={"WWW-Authenticate": "Bearer"})
        body = await request.body()
        if not body.strip():
            raise HTTPException(422, "empty body: send JSONL input lines")

        def run() -> dict[str, Any]:
            from rasad.ingest import ingest
            from rasad.read import read_feed

            with ingest_lock:
                st = store()
                summary = ingest(read_feed(io.BytesIO(body), "api"), st)
                st.save_run("api ingest", summary.to_dict())
            return {**summary.to_dict(), "rejected_items": [
                {"source": s, "reason": r} for s, r in summary.rejected_items]}

        return await run_in_threadpool(run)

    # ---- pages --------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(st: S, actor: ActorQ = None, place: PlaceQ = None, since: SinceQ = None,
             until: UntilQ = None, page: PageQ = 1) -> str:
        raw = {"actor": actor or "", "place": place or "", "since": since or "",
               "until": until or ""}
        f = filters("story", actor=actor, place=place, since=since, until=until)
        return renderer.stories(st.db, f, page, raw)

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(st: S, story_id: str, page: PageQ = 1) -> str:
        html = renderer.story(st.db, story_id, page)
        if html is None:
            raise HTTPException(404, "لا توجد قصة بهذا المعرّف")
        return html

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def doc_page(st: S, doc_id: str) -> str:
        html = renderer.document(st.db, doc_id)
        if html is None:
            raise HTTPException(404, "لا توجد صفحة بهذا المعرّف")
        return html

    @app.get("/actor/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(st: S, actor_id: str) -> Response:
        ident = entities.resolve_actor(actor_id) or actor_id
        if ident != actor_id:
            return RedirectResponse(f"/actor/{_q(ident)}", 307)
        return HTMLResponse(renderer.actor(st.db, ident))

    @app.get("/place/{place_id}", response_class=HTMLResponse, include_in_schema=False)
    def place_page(st: S, place_id: str) -> Response:
        ident = entities.resolve_place(place_id) or place_id
        if ident != place_id:
            return RedirectResponse(f"/place/{_q(ident)}", 307)
        return HTMLResponse(renderer.place(st.db, ident))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(st: S) -> str:
        return renderer.entities_page(st.db)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(st: S, q: Annotated[str, Query(max_length=200)] = "",
                    page: PageQ = 1) -> str:
        return renderer.search(st.db, q, page)

    @app.get("/static/style.css", include_in_schema=False)
    def css() -> Response:
        return Response(renderer.css(), media_type="text/css",
                        headers={"Cache-Control": "max-age=3600"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(_ICON, media_type="image/svg+xml",
                        headers={"Cache-Control": "max-age=86400"})

    return app


_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" '
         'height="32" rx="6" fill="#17324d"/><circle cx="16" cy="16" r="7" fill="none" '
         'stroke="#f2b544" stroke-width="3"/><circle cx="16" cy="16" r="2" fill="#f2b544"/>'
         '</svg>')


def _q(v: str) -> str:
    from urllib.parse import quote

    return quote(v, safe="")


def jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors)
