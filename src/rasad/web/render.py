"""Server-rendered pages (Jinja2, autoescaped). Nothing is fetched from the internet:
no fonts, no scripts, no map tiles; maps are inline SVG drawn from Natural Earth borders
shipped with the package (see ``geo``)."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from typing import Any

from rasad.web import entities, geo, labels, queries

STORY_PAGE_EVENTS = 300  # timeline entries per story page
ACTOR_PAGE_EVENTS = 300
STORIES_PER_PAGE = 50
SEARCH_PER_PAGE = 20


def _load_env() -> Any:
    from jinja2 import ChainableUndefined, Environment, FunctionLoader, select_autoescape

    def load(name: str) -> str:
        return (resources.files("rasad") / "web" / "templates" / name).read_text("utf-8")

    env = Environment(loader=FunctionLoader(load), autoescape=select_autoescape(default=True),
                      undefined=ChainableUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update({
        "date_ar": labels.date_ar, "type_ar": labels.type_ar, "qty": labels.quantity,
        "modality_ar": lambda m: labels.MODALITY_AR.get(m or "", m or ""),
        "cat_ar": lambda c: labels.CATEGORY_AR.get(c or "", c or ""),
        "qual_ar": lambda q: labels.QUALIFIER_AR.get(q or "", ""),
        "from_ar": lambda f: labels.PUBLISHED_FROM_AR.get(f or "", f or ""),
        "kind_ar": lambda k: labels.KIND_AR.get(k or "", k or ""),
        "safe_url": safe_url,
        "actor_name": actor_name, "place_name": place_name, "name_ar": entities.name_ar,
        "n_outlets": labels.n_outlets, "n_pages": labels.n_pages, "n_events": labels.n_events,
    })
    return env


def safe_url(url: str | None) -> str:
    """The URL when it is http(s), else '' (a page's URL is untrusted: no javascript:)."""
    u = (url or "").strip()
    return u if u.lower().startswith(("http://", "https://")) and " " not in u else ""


def actor_name(a: dict[str, Any] | None) -> str:
    """An event's actor for display: the dictionary's Arabic name, else the text as written."""
    if not a:
        return "—"
    return entities.name_ar(a.get("id"), a.get("text") or a.get("name"))


def place_name(loc: dict[str, Any] | None) -> str:
    if not loc:
        return "—"
    return entities.name_ar(loc.get("id"), loc.get("text") or loc.get("name"))


# ---- highlighting ---------------------------------------------------------------------
@dataclass(slots=True)
class Mark:
    start: int
    end: int
    cls: str
    title: str
    href: str | None = None
    anchor: str | None = None
    prio: int = 0  # the link of the highest-priority mark wins on a segment


def highlight(text: str, marks: list[Mark]) -> list[dict[str, Any]]:
    """Cut `text` at every mark boundary; each piece carries the classes, titles, link and
    anchors of the marks covering it. Marks may overlap and nest (a figure inside a quote)."""
    ok = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    bounds = sorted({0, len(text)} | {m.start for m in ok} | {m.end for m in ok})
    segs: list[dict[str, Any]] = []
    for a, b in pairwise(bounds):
        active = sorted((m for m in ok if m.start <= a and b <= m.end), key=lambda m: -m.prio)
        anchors = [m.anchor for m in ok if m.start == a and m.anchor]
        if not active:
            segs.append({"text": text[a:b], "anchors": anchors})
            continue
        titles = list(dict.fromkeys(m.title for m in active if m.title))
        segs.append({"text": text[a:b], "anchors": anchors,
                     "cls": " ".join(sorted({m.cls for m in active})),
                     "title": " · ".join(titles),
                     "href": next((m.href for m in active if m.href), None)})
    return segs


def _trigger_span(text: str, ev: dict[str, Any]) -> tuple[int, int] | None:
    s, e = ev["span"]
    trig = ev.get("trigger") or ""
    if trig:
        i = text.find(trig, s, e)
        if i >= 0:
            return i, i + len(trig)
        from rasad.text.normalize import norm, normalize

        n = normalize(text[s:e])
        j = n.text.find(norm(trig))
        if j >= 0:
            a, b = n.to_original(j, j + len(norm(trig)))
            return s + a, s + b
    return None


def _day(v: str) -> dt.date:
    p = [int(x) for x in v.split("-")]
    if len(p) == 1:
        return dt.date(p[0], 7, 1)
    if len(p) == 2:
        return dt.date(p[0], p[1], 15)
    return dt.date(p[0], p[1], p[2])


def _timeline_strip(groups: list[dict[str, Any]], width: int = 900, height: int = 70
                    ) -> dict[str, Any] | None:
    """Dated events as ticks on a time axis, earliest on the right (the reading direction).
    Long empty stretches (a 2018 agreement recalled in a 2020 story) are shortened and
    marked with a break, so the busy weeks keep their room."""
    dated = [g for g in groups if g["date"]]
    if not dated:
        return None
    days = sorted({_day(g["date"]) for g in dated})
    shown: dict[dt.date, str] = {}
    for g in dated:
        shown.setdefault(_day(g["date"]), g["date"])
    total = max(1, (days[-1] - days[0]).days)
    cap = max(10, total // 8)
    eff = {days[0]: 0.0}
    breaks_at: list[float] = []
    for prev, cur in pairwise(days):
        gap = (cur - prev).days
        eff[cur] = eff[prev] + min(gap, cap)
        if gap > cap:
            breaks_at.append(eff[prev] + cap / 2)
    span = max(1.0, eff[days[-1]])
    pad = 40

    def x(v: float) -> float:
        return round(width - pad - v / span * (width - 2 * pad), 1)

    base = height - 22
    ticks = []
    for g in dated:
        n = len(g["events"])
        types = sorted({e["type"] for e in g["events"]})
        ticks.append({"x": x(eff[_day(g["date"])]), "date": g["date"], "n": n,
                      "y": round(max(6.0, base - 10 - 9 * math.log2(1 + n)), 1),
                      "cls": types[0].lower() if len(types) == 1 else "mixed",
                      "title": f"{labels.date_ar(g['date'])}: {labels.n_events(n)} · "
                               + "، ".join(labels.type_ar(t) for t in types)})
    axis: list[dict[str, Any]] = []
    for d, anchor in ((days[0], "end"), (days[-1], "start")):
        axis.append({"x": x(eff[d]), "anchor": anchor, "label": shown[d]})
    for prev, cur in pairwise(days):  # orient after each break
        if (cur - prev).days > cap and all(abs(x(eff[cur]) - a["x"]) > 90 for a in axis):
            axis.append({"x": x(eff[cur]), "anchor": "middle", "label": shown[cur]})
    return {"width": width, "height": height, "base": base, "ticks": ticks, "axis": axis,
            "breaks": [x(b) for b in breaks_at], "x0": pad - 10, "x1": width - pad + 10}


def _figure_groups(figs: list[dict[str, Any]], per_doc: bool = True) -> list[dict[str, Any]]:
    """Per category: the value each document reported (its parts listed), and their range.
    Every reported value is kept; none is chosen. With `per_doc` (one event told by many
    pages) the figures of one page add up, as in "7 جنود أتراك ومدني" = 8, and differing
    values are flagged; without it (every figure of a story) each figure stands alone."""
    by_cat: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for f in figs:
        key = (f.get("doc_id") or "?") if per_doc else (f.get("id") or str(id(f)))
        by_cat.setdefault(f.get("category") or "other", {}).setdefault(key, []).append(f)
    out = []
    for cat, per_doc_figs in by_cat.items():
        reports: list[dict[str, Any]] = []
        for fs in per_doc_figs.values():
            doc_id = fs[0].get("doc_id") or "?"
            total = sum(float(f.get("quantity") or 0) for f in fs)
            quals = {f.get("qualifier") or "exact" for f in fs}
            qual = next(iter(quals)) if len(quals) == 1 else "exact"
            parts = [(labels.QUALIFIER_AR.get(f.get("qualifier") or "", "") + " "
                      + labels.quantity(f.get("quantity")) + " "
                      + (f.get("subject") or "")).strip() for f in fs]
            reports.append({"doc_id": doc_id, "value": total,
                            "qualifier": labels.QUALIFIER_AR.get(qual, ""),
                            "parts": parts if len(fs) > 1 else [],
                            "subject": fs[0].get("subject") if len(fs) == 1 else None,
                            "outlet": fs[0].get("outlet"), "published": fs[0].get("published"),
                            "anchor": "" if per_doc else f"#t-{fs[0].get('id')}"})
        reports.sort(key=lambda r: (r["value"], r.get("published") or ""))
        vals: list[float] = sorted({float(r["value"]) for r in reports})
        rng = labels.quantity(vals[0]) if len(vals) == 1 else \
            f"{labels.quantity(vals[0])}–{labels.quantity(vals[-1])}"
        out.append({"category": cat, "label": labels.CATEGORY_AR.get(cat, cat),
                    "range": rng, "disagree": per_doc and len(vals) > 1, "reports": reports})
    return out


def _brief(briefs: dict[str, dict[str, Any]], doc_id: str) -> dict[str, Any]:
    b = briefs.get(doc_id) or {}
    return {"outlet": b.get("outlet"), "published": b.get("published")}


class Renderer:
    def __init__(self) -> None:
        self._env: Any = None

    @property
    def env(self) -> Any:
        if self._env is None:
            self._env = _load_env()
        return self._env

    def css(self) -> str:
        return (resources.files("rasad") / "web" / "static" / "style.css").read_text("utf-8")

    def render(self, name: str, **kw: Any) -> str:
        kw.setdefault("q", "")
        return str(self.env.get_template(name).render(**kw))

    # ---- pages ------------------------------------------------------------------------
    def stories(self, db: sqlite3.Connection, f: queries.Filters, page: int,
                filters_raw: dict[str, str]) -> str:
        total = queries.count(db, "story", f)
        rows = queries.select(db, "story", f, STORIES_PER_PAGE, (page - 1) * STORIES_PER_PAGE)
        n_events = queries.event_counts_by_story(db, [r["id"] for r in rows])
        counts = {t: int(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                  for t in ("documents", "events", "story_events", "stories")}
        return self.render("stories.html", stories=rows, n_events=n_events, counts=counts,
                           total=total, page=page, pages=max(1, -(-total // STORIES_PER_PAGE)),
                           filters=filters_raw)

    def story(self, db: sqlite3.Connection, story_id: str, page: int = 1) -> str | None:
        st = queries.story(db, story_id)
        if st is None:
            return None
        f = queries.Filters(story=story_id)
        total = queries.count(db, "story_event", f)
        ses = queries.select(db, "story_event", f, STORY_PAGE_EVENTS,
                             (page - 1) * STORY_PAGE_EVENTS)
        docs = queries.doc_briefs(db, story=story_id)
        doc_by_id = {d["id"]: d for d in docs}
        mention_doc = {r[0]: r[1] for r in db.execute(
            "SELECT id, doc_id FROM events WHERE story_id=?", (story_id,))}
        groups: list[dict[str, Any]] = []
        for se in sorted(ses, key=lambda s: (s.get("date") is None, s.get("date") or "",
                                              s["type"])):
            se = dict(se)
            se["fig_groups"] = _figure_groups(se.get("figures") or [])
            se["sources"] = [{"event_id": m, "doc_id": mention_doc.get(m),
                              "outlet": (doc_by_id.get(mention_doc.get(m) or "") or {}
                                         ).get("outlet")} for m in se.get("mention_ids") or []]
            if groups and groups[-1]["date"] == se.get("date"):
                groups[-1]["events"].append(se)
            else:
                groups.append({"date": se.get("date"), "events": [se]})
        # places on the map: points for towns, shading for whole countries
        places: dict[str, dict[str, Any]] = {}
        countries_hit: dict[str, dict[str, Any]] = {}
        unplaced: dict[str, dict[str, Any]] = {}
        for se in ses:
            loc = se.get("location")
            if not loc or not loc.get("id"):
                continue
            if entities.place_kind(loc["id"]) == "country" or (
                    loc["id"].isupper() and len(loc["id"]) == 3):
                c = countries_hit.setdefault(loc["id"], {"n": 0})
                c["n"] += 1
            elif loc.get("lat") is not None and loc.get("lon") is not None:
                p = places.setdefault(loc["id"], {
                    "id": loc["id"], "lat": loc["lat"], "lon": loc["lon"], "n": 0,
                    "label": place_name(loc), "types": set()})
                p["n"] += 1
                p["types"].add(se["type"])
            else:
                u = unplaced.setdefault(loc["id"], {"id": loc["id"], "label": place_name(loc),
                                                     "n": 0})
                u["n"] += 1
        for p in places.values():
            p["types"] = "، ".join(labels.type_ar(t) for t in sorted(p["types"]))
        m = geo.build_map(list(places.values()), countries_hit, entities.country_names_ar())
        story_figs = queries.select(db, "figure", f)
        return self.render(
            "story.html", story=st, groups=groups, total=total, page=page,
            pages=max(1, -(-total // STORY_PAGE_EVENTS)), map=m, docs=docs,
            unplaced=list(unplaced.values()), strip=_timeline_strip(groups),
            figures=_figure_groups([{**fi, **_brief(doc_by_id, fi["doc_id"])}
                                    for fi in story_figs], per_doc=False),
            actors=[(a, entities.name_ar(a)) for a in st.get("actors", [])[:8]])

    def document(self, db: sqlite3.Connection, doc_id: str) -> str | None:
        row = db.execute("SELECT data FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            return None
        d = json.loads(row[0])
        text: str = d.get("text") or ""
        ann = {k: queries.select(db, kind, queries.Filters(doc=doc_id)) for k, kind in
               (("events", "event"), ("quotes", "quote"), ("figures", "figure"))}
        ann["timexes"] = [json.loads(r[0]) for r in db.execute(
            "SELECT data FROM timexes WHERE doc_id=? ORDER BY start", (doc_id,))]
        events = sorted(ann["events"], key=lambda e: (e["span"][0], e["id"]))
        # the story event each mention was merged into
        se_of: dict[str, str] = {}
        if d.get("story_id"):
            for sid, raw in db.execute("SELECT id, json_extract(data, '$.mention_ids') FROM "
                                       "story_events WHERE story_id=?", (d["story_id"],)):
                for mid in json.loads(raw or "[]"):
                    se_of[mid] = sid
        marks: list[Mark] = []
        for e in events:
            e["story_event"] = se_of.get(e["id"])
            trig = _trigger_span(text, e)
            title = f"{labels.type_ar(e['type'])} ({e['type']})"
            if trig:
                marks.append(Mark(trig[0], trig[1], "trig t-" + e["type"].lower(), title,
                                  href=f"#{e['id']}", anchor="t-" + e["id"], prio=3))
            s, en = e["span"]
            marks.append(Mark(s, en, "sent", "", anchor=None if trig else "t-" + e["id"]))
        for fi in ann["figures"]:
            title = (f"{labels.CATEGORY_AR.get(fi['category'], fi['category'])}: "
                     f"{labels.QUALIFIER_AR.get(fi['qualifier'], '')} "
                     f"{labels.quantity(fi['quantity'])}")
            marks.append(Mark(fi["span"][0], fi["span"][1], "fig", title,
                              href=f"#{fi['event_id']}" if fi.get("event_id") else
                              f"#{fi['id']}", anchor="t-" + fi["id"], prio=2))
        for t in ann["timexes"]:
            ev = next((e for e in events if e["span"][0] <= t["span"][0] < e["span"][1]), None)
            marks.append(Mark(t["span"][0], t["span"][1], "timex",
                              "تاريخ: " + (t.get("value") or "غير محلول"),
                              href=f"#{ev['id']}" if ev else None, prio=1))
        for qt in ann["quotes"]:
            who = (qt.get("speaker") or {})
            marks.append(Mark(qt["span"][0], qt["span"][1], "quote",
                              "اقتباس: " + entities.name_ar(who.get("id"), who.get("text")
                                                              or "?"),
                              href=f"#{qt['id']}", anchor="t-" + qt["id"], prio=0))
        story = queries.story(db, d["story_id"]) if d.get("story_id") else None
        return self.render("document.html", doc=d, segments=highlight(text, marks),
                           events=events, quotes=ann["quotes"], figures=ann["figures"],
                           timexes=ann["timexes"], story=story)

    def actor(self, db: sqlite3.Connection, actor_id: str) -> str:
        ent = entities.actor_entry(actor_id)
        src, n_src = queries.actor_events(db, actor_id, "source", ACTOR_PAGE_EVENTS)
        tgt, n_tgt = queries.actor_events(db, actor_id, "target", ACTOR_PAGE_EVENTS)
        quotes = queries.select(db, "quote", queries.Filters(actor=actor_id), 50)
        stories = queries.select(db, "story", queries.Filters(actor=actor_id), 30)
        months = queries.actor_months(db, actor_id)
        return self.render("actor.html", actor_id=actor_id, entity=ent, source=src,
                           target=tgt, n_source=n_src, n_target=n_tgt, quotes=quotes,
                           stories=stories, chart=_month_chart(months))

    def place(self, db: sqlite3.Connection, place_id: str) -> str:
        ent = entities.place_entry(place_id)
        f = queries.Filters(place=place_id)
        total = queries.count(db, "event", f)
        evs = queries.select(db, "event", f, ACTOR_PAGE_EVENTS)
        figs = queries.select(db, "figure", f, 200)
        briefs = {b["id"]: b for b in queries.doc_briefs(db, ids=sorted({fi["doc_id"]
                                                                          for fi in figs}))}
        stories = queries.select(db, "story", f, 30)
        m = None
        if ent is not None and ent.lat is not None and ent.kind != "country":
            m = geo.build_map([{"id": ent.id, "lat": ent.lat, "lon": ent.lon, "n": 1,
                                "label": ent.name_ar or ent.name, "types": ""}], {},
                              entities.country_names_ar(), 520, 380)
        elif ent is not None and ent.kind == "country":
            m = geo.build_map([], {ent.id: {"n": total}}, entities.country_names_ar(), 520, 380)
        return self.render("place.html", place_id=place_id, entity=ent, events=evs,
                           total=total, figures=_figure_groups([{**fi, **_brief(briefs, fi["doc_id"])}
                                                                for fi in figs], per_doc=False),
                           stories=stories, map=m)

    def entities_page(self, db: sqlite3.Connection) -> str:
        usage = queries.entity_usage(db)
        actors, places = [], []
        for ident, u in usage.items():
            a = entities.actor_entry(ident)
            p = entities.place_entry(ident)
            if "place" in u:
                places.append({"id": ident, "entity": p, "n": u.get("place", 0)})
            if a is not None or any(k in u for k in ("source", "target", "quotes")):
                if not any(k in u for k in ("source", "target", "quotes")):
                    continue
                actors.append({"id": ident, "entity": a, "source": u.get("source", 0),
                               "target": u.get("target", 0), "quotes": u.get("quotes", 0)})
        actors.sort(key=lambda r: -(r["source"] + r["target"] + r["quotes"]))
        places.sort(key=lambda r: -r["n"])
        return self.render("entities.html", actors=actors, places=places)

    def search(self, db: sqlite3.Connection, q: str, page: int) -> str:
        results, total = (queries.search(db, q, SEARCH_PER_PAGE, (page - 1) * SEARCH_PER_PAGE)
                          if q.strip() else ([], 0))
        for r in results:
            r["segments"] = highlight(r["snippet"], [Mark(s, e, "hit", "") for s, e in
                                                     r["marks"]])
        ents = entities.search_entities(q) if q.strip() else []
        return self.render("search.html", q=q, results=results, total=total, page=page,
                           pages=max(1, -(-total // SEARCH_PER_PAGE)), entities=ents)

    def error(self, status: int, message: str) -> str:
        return self.render("error.html", status=status, message=message)


def _month_chart(months: list[tuple[str, int, int]], width: int = 900, height: int = 150
                 ) -> dict[str, Any] | None:
    """Bars per month: events as source above the axis, as target below (earliest right)."""
    if not months:
        return None
    first = dt.date.fromisoformat(months[0][0] + "-01")
    last = dt.date.fromisoformat(months[-1][0] + "-01")
    n = (last.year - first.year) * 12 + last.month - first.month + 1
    pad = 24
    bw = (width - 2 * pad) / max(n, 1)
    top = max(max(s, t) for _, s, t in months) or 1
    mid = height / 2
    bars = []
    for m, s, t in months:
        d = dt.date.fromisoformat(m + "-01")
        i = (d.year - first.year) * 12 + d.month - first.month
        x = width - pad - (i + 1) * bw
        hs = (mid - 14) * s / top
        ht = (mid - 14) * t / top
        bars.append({"x": round(x + bw * 0.1, 1), "w": round(max(bw * 0.8, 1.5), 1),
                     "ys": round(mid - hs, 1), "hs": round(hs, 1), "yt": mid, "ht": round(ht, 1),
                     "title": f"{labels.date_ar(m)}: {s} فاعلاً، {t} مستهدفاً", "month": m})
    axis: list[dict[str, Any]] = [{"x": width - pad, "label": months[0][0], "anchor": "end"},
            {"x": pad, "label": months[-1][0], "anchor": "start"}]
    for year in range(first.year + 1, last.year + 1):  # a tick each January
        i = (year - first.year) * 12 - first.month + 1
        xj = round(width - pad - i * bw, 1)
        if all(abs(xj - a["x"]) > 60 for a in axis):
            axis.append({"x": xj, "label": str(year), "anchor": "middle", "tick": True})
    return {"width": width, "height": height, "mid": mid, "bars": bars, "axis": axis,
            "x0": pad, "x1": width - pad}
