"""The `rasad` command line: a thin layer over the pipeline, the store and the exports."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from rasad.config import Config, default_db_path

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Rasad (رصد): Arabic news pages in, a source-linked event database out.")
actors_app = typer.Typer(no_args_is_help=True, help="List, look up and add actors and places.")
app.add_typer(actors_app, name="actors")

_state: dict[str, Any] = {"db": None}

DbOpt = Annotated[Path | None, typer.Option("--db", help="SQLite database (default: $RASAD_DB "
                                            "or ./rasad.db).", show_default=False)]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor id or name (بوتين, RUS).")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER type (ASSAULT, AGREE, …); "
                                             "for figures: the category.")]
PlaceOpt = Annotated[str | None, typer.Option("--place", help="Place id or name (إدلب, idlib).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From date (YYYY[-MM[-DD]]).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Until date (YYYY[-MM[-DD]]).")]
StoryOpt = Annotated[str | None, typer.Option("--story", help="Story id.")]
LimitOpt = Annotated[int, typer.Option("--limit", help="At most this many rows.")]
FmtOpt = Annotated[str, typer.Option("--format", help="table | jsonl | csv")]


@app.callback()
def main(db: DbOpt = None) -> None:
    """Rasad reads raw Arabic news pages and builds a source-linked database of events,
    quotes, figures and stories.

    Example: [bold]rasad ingest demo/corpus/text[/bold], then [bold]rasad timeline[/bold].
    """
    _state["db"] = db


def _db_path() -> Path:
    return _state["db"] or default_db_path()


def _err(msg: str) -> None:
    sys.stderr.write(msg + "\n")


def _progress_iter(items: Iterator[Any], label: str) -> Iterator[Any]:
    """Wrap an iterator with a progress display on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"),
                  TextColumn("{task.completed} inputs"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as prog:
        task = prog.add_task(label, total=None)
        for it in items:
            yield it
            prog.advance(task)


def _print_summary(s: dict[str, Any], rejected: list[tuple[str, str]]) -> None:
    _err(f"rasad: {s['inputs']} inputs read, {s['documents']} documents"
         + (f" ({s.get('new_documents', 0)} new, {s.get('unchanged', 0)} unchanged)"
            if "new_documents" in s else "")
         + (f", {s.get('duplicates', 0)} near-duplicates" if "duplicates" in s else "")
         + f", {s['events']} events, {s['quotes']} quotes, {s['figures']} figures, "
         f"{s['rejected']} rejected")
    for src, reason in rejected[:50]:
        _err(f"  rejected {src}: {reason}")
    if len(rejected) > 50:
        _err(f"  … and {len(rejected) - 50} more rejected (see the 'rejected' records)")


_CONF_HELP = ("Keep only events whose confidence (the learned judge's probability that the "
              "event is right) reaches this; 0 keeps every event. docs/events_judge.md "
              "gives precision and recall at each value.")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for JSONL on "
                                               "stdin.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl | csv")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead "
                                                "of stdout.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Reject inputs larger than this.")] =
    Config().max_bytes,
    min_confidence: Annotated[float, typer.Option(
        min=0.0, max=1.0, help=_CONF_HELP)] = 0.0,
) -> None:
    """Extract documents, events, quotes, figures and time expressions (stateless).

    Example: [bold]rasad extract ../shared/seeds/*.txt -o seeds.jsonl[/bold]
    """
    from rasad.export import write_csv, write_jsonl
    from rasad.pipeline import run
    from rasad.read import iter_inputs
    from rasad.records import Extraction, Rejected

    cfg = Config(max_bytes=max_bytes, min_event_confidence=min_confidence)
    counts = {"inputs": 0, "documents": 0, "events": 0, "quotes": 0, "figures": 0,
              "rejected": 0}
    rejected: list[tuple[str, str]] = []

    def records() -> Iterator[dict[str, Any]]:
        for item in _progress_iter(run(iter_inputs(paths, max_bytes), cfg), "extracting"):
            counts["inputs"] += 1
            if isinstance(item, Rejected):
                counts["rejected"] += 1
                rejected.append((item.source, item.reason))
                yield item.to_dict()
            elif isinstance(item, Extraction):
                counts["documents"] += 1
                counts["events"] += len(item.events)
                counts["quotes"] += len(item.quotes)
                counts["figures"] += len(item.figures)
                yield from item.records()

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            write_jsonl(records(), fh)
        else:
            write_csv(records(), fh)
    finally:
        if output:
            fh.close()
    _print_summary(counts, rejected)
    if counts["documents"] == 0:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for JSONL on "
                                               "stdin.")],
    max_bytes: Annotated[int, typer.Option(help="Reject inputs larger than this.")] =
    Config().max_bytes,
    min_confidence: Annotated[float, typer.Option(
        min=0.0, max=1.0, help=_CONF_HELP)] = 0.0,
) -> None:
    """Extract and store pages: near-duplicates folded, stories built, events merged.
    Re-ingesting a page changes nothing.

    Example: [bold]rasad --db idlib.db ingest demo/corpus/text demo/corpus/feed.jsonl[/bold]
    """
    from rasad.ingest import ingest as do_ingest
    from rasad.read import iter_inputs
    from rasad.store import Store

    cfg = Config(max_bytes=max_bytes, min_event_confidence=min_confidence)
    with Store(_db_path(), cache_mb=cfg.sqlite_cache_mb,
               wal_pages=cfg.sqlite_wal_pages) as store:
        summary = do_ingest(_progress_iter(iter_inputs(paths, max_bytes), "ingesting"), store,
                            cfg)
        store.save_run("ingest " + " ".join(paths), summary.to_dict())
    _print_summary(summary.to_dict(), summary.rejected_items)
    _err(f"rasad: database {_db_path()}")
    if summary.documents == 0:
        raise typer.Exit(1)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl | csv | parquet | gdelt | acled")]
    = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file (required "
                                                "for parquet).")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="Record kinds (default: all "
                                                   "for jsonl, event otherwise).")] = None,
) -> None:
    """Export the database: the contract's JSONL, or one record kind as CSV/Parquet, or
    events in GDELT- or ACLED-like CSV layouts.

    Example: [bold]rasad export --format parquet --kind event -o events.parquet[/bold]
    """
    from rasad.actors import load_gazetteer
    from rasad.export import KINDS, acled_view, gdelt_view, write_csv, write_jsonl, write_parquet
    from rasad.store import Store

    kinds = kind or (list(KINDS) if fmt == "jsonl" else ["event"])
    for k in kinds:
        if k not in KINDS:
            raise typer.BadParameter(f"unknown kind {k!r}; one of {', '.join(KINDS)}")
    with Store(_db_path()) as store:
        def records() -> Iterator[dict[str, Any]]:
            for k in kinds:
                if k == "entity":
                    used = _used_entity_ids(store)
                    g = load_gazetteer()
                    yield from (e for i in sorted(used) if (e := g.entity(i)) is not None)
                else:
                    yield from store.iter_records(k)

        if fmt == "parquet":
            if output is None:
                raise typer.BadParameter("parquet needs -o FILE")
            n = write_parquet(records(), output)
        else:
            fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                if fmt == "jsonl":
                    n = write_jsonl(records(), fh)
                elif fmt == "csv":
                    n = write_csv(records(), fh)
                elif fmt == "gdelt":
                    n = write_csv(gdelt_view(store.iter_records("event")), fh)
                elif fmt == "acled":
                    n = write_csv(acled_view(store.iter_records("event")), fh)
                else:
                    raise typer.BadParameter("--format must be jsonl, csv, parquet, gdelt or "
                                             "acled")
            finally:
                if output:
                    fh.close()
    _err(f"rasad: exported {n} records" + (f" to {output}" if output else ""))


def _used_entity_ids(store: Any) -> set[str]:
    ids: set[str] = set()
    for t, cols in (("events", ("source_id", "target_id", "location_id")),
                    ("quotes", ("speaker_id",)), ("figures", ("location_id",))):
        for c in cols:
            ids |= {r[0] for r in store.db.execute(f"SELECT DISTINCT {c} FROM {t}") if r[0]}
    return ids


def _resolve(value: str | None, places: bool = False) -> str | None:
    """An actor/place id from an id or a name in Arabic or English."""
    from rasad.actors.resolve import resolve_actor, resolve_place

    return resolve_place(value) if places else resolve_actor(value)


def _show(rows: list[dict[str, Any]], fmt: str, columns: list[tuple[str, Any]]) -> None:
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        from rasad.export import write_csv

        write_csv(rows, sys.stdout)
        return
    import shutil

    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False, header_style="bold")
    for name, _ in columns:
        t.add_column(name, overflow="fold")
    for r in rows:
        t.add_row(*[str(f(r) if f(r) is not None else "") for _, f in columns])
    width = None if sys.stdout.isatty() else shutil.get_terminal_size((160, 20)).columns
    Console(width=width).print(t)
    _err(f"{len(rows)} rows")


def _actor_label(a: dict[str, Any] | None) -> str:
    if not a:
        return "—"
    return str(a.get("name") or a.get("text") or a.get("id"))


@app.command()
def events(actor: ActorOpt = None, type: TypeOpt = None, place: PlaceOpt = None,
           since: SinceOpt = None, until: UntilOpt = None, story: StoryOpt = None,
           limit: LimitOpt = 200, fmt: FmtOpt = "table") -> None:
    """List events. Example: [bold]rasad events --type ASSAULT --place إدلب[/bold]"""
    from rasad.store import Store

    with Store(_db_path()) as store:
        rows = store.query("event", actor=_resolve(actor), etype=type,
                           place=_resolve(place, True), since=since, until=until, story=story,
                           limit=limit)
    def what(r: dict[str, Any]) -> str:
        s = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
        if r["modality"] != "asserted":
            s += f" [{r['modality']}]"
        return s + (" [negated]" if r["negated"] else "")

    _show(rows, fmt, [("date", lambda r: r["date"]), ("event", what),
                      ("who → whom", lambda r: f"{_actor_label(r['source_actor'])} → "
                       f"{_actor_label(r['target_actor'])}"),
                      ("where", lambda r: (r["location"] or {}).get("name")),
                      ("killed", lambda r: r["fatalities"]),
                      ("trigger", lambda r: r["trigger"]), ("×", lambda r: r["corroboration"])])


@app.command()
def quotes(actor: ActorOpt = None, story: StoryOpt = None, limit: LimitOpt = 200,
           fmt: FmtOpt = "table") -> None:
    """List quotes. Example: [bold]rasad quotes --actor بوتين[/bold]"""
    from rasad.store import Store

    with Store(_db_path()) as store:
        rows = store.query("quote", actor=_resolve(actor), story=story, limit=limit)
    _show(rows, fmt, [("speaker", lambda r: (r["speaker"] or {}).get("name") or
                       (r["speaker"] or {}).get("text")),
                      ("direct", lambda r: "«»" if r["direct"] else "أن"),
                      ("text", lambda r: r["text"][:160])])


@app.command()
def figures(type: TypeOpt = None, place: PlaceOpt = None, since: SinceOpt = None,
            until: UntilOpt = None, story: StoryOpt = None, limit: LimitOpt = 200,
            fmt: FmtOpt = "table") -> None:
    """List figures (killed, injured, displaced, …).
    Example: [bold]rasad figures --type displaced[/bold]"""
    from rasad.store import Store

    with Store(_db_path()) as store:
        rows = store.query("figure", etype=type, place=_resolve(place, True), since=since,
                           until=until, story=story, limit=limit)
    _show(rows, fmt, [("date", lambda r: r["date"]), ("category", lambda r: r["category"]),
                      ("quantity", lambda r: f"{r['quantity']:,}"),
                      ("qualifier", lambda r: r["qualifier"]),
                      ("subject", lambda r: r["subject"]), ("text", lambda r: r["text"])])


@app.command()
def stories(actor: ActorOpt = None, since: SinceOpt = None, until: UntilOpt = None,
            story: StoryOpt = None, limit: LimitOpt = 200, fmt: FmtOpt = "table") -> None:
    """List stories. Example: [bold]rasad stories --since 2020[/bold]"""
    from rasad.store import Store

    with Store(_db_path()) as store:
        rows = store.query("story", actor=_resolve(actor), since=since, until=until,
                           story=story, limit=limit)
    _show(rows, fmt, [("id", lambda r: r["id"]), ("first", lambda r: r["first_date"]),
                      ("last", lambda r: r["last_date"]), ("docs", lambda r: len(r["doc_ids"])),
                      ("outlets", lambda r: len(r["outlets"])), ("title", lambda r: r["title"])])


@app.command()
def timeline(
    story: StoryOpt = None, actor: ActorOpt = None, place: PlaceOpt = None,
    since: SinceOpt = None, until: UntilOpt = None,
    rtl: Annotated[bool, typer.Option("--rtl/--no-rtl", help="Reshape and reorder Arabic for "
                                      "terminals without bidi support.")] = False,
    width: Annotated[int | None, typer.Option(help="Output width (default: terminal).")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Also events with neither actor "
                                             "nor figure.")] = False,
) -> None:
    """A readable timeline per story: one line per merged event with its date, type,
    who → whom, where, corroboration, figure ranges and outlets.

    Example: [bold]rasad timeline --actor أردوغان[/bold]
    """
    from rasad.store import Store
    from rasad.views.timeline import render_timeline

    with Store(_db_path()) as store:
        text = render_timeline(store, story=story, actor=_resolve(actor),
                               place=_resolve(place, True), since=since, until=until, rtl=rtl,
                               width=width, everything=everything)
    sys.stdout.write(text)


@actors_app.command("list")
def actors_list(
    kind: Annotated[str | None, typer.Option(help="person, country, government, military, "
                                             "armed_group, organization, place")] = None,
    search: Annotated[str | None, typer.Option(help="Substring of a name or alias.")] = None,
    source: Annotated[str, typer.Option(help="hand (the project's dictionaries) | geonames "
                                        "| all")] = "hand",
) -> None:
    """List dictionary entries. Example: [bold]rasad actors list --search أكار[/bold]"""
    from rasad.actors import load_gazetteer

    g = load_gazetteer()
    rows = g.entities(geonames=source != "hand")
    if source == "geonames":
        rows = [r for r in rows if r.get("source") == "geonames"]
    if kind:
        rows = [r for r in rows if r["entity_kind"] == kind]
    if search:
        rows = [r for r in rows if search.lower() in (r["name"] or "").lower() or search in (
            r["name_ar"] or "") or any(search in a for a in r["aliases"])]
    for r in rows:
        sys.stdout.write(f"{r['id']}\t{r['entity_kind']}\t{r['country'] or ''}\t{r['name']}\t"
                         f"{r['name_ar']}\t{'، '.join(r['aliases'][:6])}\n")


@actors_app.command("add")
def actors_add(
    id: Annotated[str, typer.Argument(help="Stable id: ISO3, ISO3ROLE or a slug.")],
    name: Annotated[str, typer.Option(help="English name.")],
    name_ar: Annotated[str, typer.Option("--ar", help="Arabic name.")],
    kind: Annotated[str, typer.Option(help="person | government | military | armed_group | "
                                      "organization | country | place")] = "person",
    country: Annotated[str | None, typer.Option(help="ISO3 country code.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Spelling variant (repeatable).")] =
    None,
    lat: Annotated[float | None, typer.Option(help="Latitude (places).")] = None,
    lon: Annotated[float | None, typer.Option(help="Longitude (places).")] = None,
    directory: Annotated[Path, typer.Option("--dir", help="Where user dictionaries live "
                                            "(put it on RASAD_DICT_PATH).")] = Path("rasad-dict"),
) -> None:
    """Add an actor or place to a user dictionary file (no code needed).

    Example: [bold]rasad actors add abu-amsha --name "Abu Amsha" --ar "أبو عمشة"
    --kind person --country SYR --dir my-dict[/bold]
    """
    import yaml

    directory.mkdir(parents=True, exist_ok=True)
    is_place = kind == "place"
    f = directory / ("places.user.yaml" if is_place else "actors.user.yaml")
    data = yaml.safe_load(f.read_text(encoding="utf-8")) if f.exists() else []
    data = [d for d in (data or []) if d.get("id") != id]
    entry: dict[str, Any] = {"id": id, "name": name, "name_ar": name_ar, "country": country,
                             "aliases": list(alias or [])}
    if is_place:
        entry.update({"kind": "city", "lat": lat, "lon": lon})
    else:
        entry["kind"] = kind
    data.append(entry)
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _err(f"rasad: wrote {id} to {f}; set RASAD_DICT_PATH={directory} to use it")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Bind address.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="RASAD_TOKEN", help="Token required by "
                                              "the ingest endpoint.")] = None,
) -> None:
    """Serve the web UI and the HTTP API (OpenAPI at /docs).

    Example: [bold]rasad --db idlib.db serve --port 8000[/bold]
    """
    import uvicorn

    from rasad.web import create_app

    uvicorn.run(create_app(_db_path(), token=token), host=host, port=port, log_level="warning")


if __name__ == "__main__":  # pragma: no cover
    app()
