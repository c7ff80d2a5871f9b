"""Server-rendered pages (Jinja2, autoescaped). Nothing is fetched from the internet:
no fonts, no scripts, no map tiles; the map is an inline SVG drawn from coordinates."""

from __future__ import annotations

from importlib import resources
from typing import Any

from rasad.views.timeline import figure_summary


def _load_env() -> Any:
    from jinja2 import Environment, FunctionLoader, select_autoescape

    def load(name: str) -> str:
        return (resources.files("rasad") / "web" / "templates" / name).read_text("utf-8")

    env = Environment(loader=FunctionLoader(load), autoescape=select_autoescape(default=True))
    env.filters["figsum"] = figure_summary
    env.filters["actor"] = lambda a: (a or {}).get("name") or (a or {}).get("text") or "—"
    return env


def highlight(text: str, marks: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """Split text into segments with the (non-overlapping) marks applied: for templates."""
    segs: list[dict[str, Any]] = []
    pos = 0
    for s, e, cls, title in sorted(marks):
        if s < pos or e <= s:
            continue
        if s > pos:
            segs.append({"text": text[pos:s]})
        segs.append({"text": text[s:e], "cls": cls, "title": title})
        pos = e
    if pos < len(text):
        segs.append({"text": text[pos:]})
    return segs


def svg_map(points: list[dict[str, Any]], width: int = 520, height: int = 360) -> dict[str, Any]:
    """Project points (lat, lon) into an SVG box with a graticule (equirectangular)."""
    pts = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if not pts:
        return {"points": [], "grid": [], "width": width, "height": height}
    lats = [float(p["lat"]) for p in pts]
    lons = [float(p["lon"]) for p in pts]
    pad = 0.6
    lat0, lat1 = min(lats) - pad, max(lats) + pad
    lon0, lon1 = min(lons) - pad, max(lons) + pad
    span = max(lat1 - lat0, lon1 - lon0)
    lat1, lon1 = lat0 + span, lon0 + span * width / height

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return ((lon - lon0) / (lon1 - lon0) * width, (lat1 - lat) / (lat1 - lat0) * height)

    out = []
    for p in pts:
        x, y = xy(float(p["lat"]), float(p["lon"]))
        out.append({**p, "x": round(x, 1), "y": round(y, 1)})
    grid = []
    step = 1 if span < 8 else 5
    g = int(lon0) - 1
    while g <= lon1 + 1:
        if lon0 <= g <= lon1:
            grid.append({"x1": xy(lat0, g)[0], "y1": 0, "x2": xy(lat0, g)[0], "y2": height,
                         "label": f"{g}°E"})
        g += step
    g = int(lat0) - 1
    while g <= lat1 + 1:
        if lat0 <= g <= lat1:
            grid.append({"x1": 0, "y1": xy(g, lon0)[1], "x2": width, "y2": xy(g, lon0)[1],
                         "label": f"{g}°N"})
        g += step
    return {"points": out, "grid": grid, "width": width, "height": height}


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

    def _r(self, name: str, **kw: Any) -> str:
        return str(self.env.get_template(name).render(**kw))

    def stories(self, st: Any) -> str:
        return self._r("stories.html", stories=st.query("story", limit=500),
                       counts=st.counts())

    def story(self, st: Any, story_id: str) -> str | None:
        rows = st.query("story", story=story_id)
        if not rows:
            return None
        ses = st.query("story_event", story=story_id)
        places: dict[str, dict[str, Any]] = {}
        for se in ses:
            loc = se.get("location")
            if loc and loc.get("lat") is not None:
                p = places.setdefault(loc["id"], {**loc, "n": 0, "types": set()})
                p["n"] += se.get("corroboration") or 1
                p["types"].add(se["type"])
        for p in places.values():
            p["types"] = ", ".join(sorted(p["types"]))
        docs = st.query("document", story=story_id)
        return self._r("story.html", story=rows[0], events=ses, map=svg_map(
            list(places.values())), docs=docs)

    def document(self, st: Any, doc_id: str) -> str | None:
        d = st.document(doc_id)
        if d is None:
            return None
        ann = st.document_annotations(doc_id)
        marks: list[tuple[int, int, str, str]] = []
        for f in ann["figures"]:
            marks.append((f["span"][0], f["span"][1], "fig",
                          f"{f['category']} {f['quantity']} ({f['qualifier']})"))
        for t in ann["timexes"]:
            marks.append((t["span"][0], t["span"][1], "timex", f"{t['value']}"))
        for q in ann["quotes"]:
            if not any(m[0] < q["span"][1] and q["span"][0] < m[1] for m in marks):
                marks.append((q["span"][0], q["span"][1], "quote",
                              "quote: " + ((q.get("speaker") or {}).get("name") or "?")))
        sentences = []
        for ev in ann["events"]:
            sentences.append(ev)
        return self._r("document.html", doc=d, segments=highlight(d["text"], marks),
                       ann=ann, events=sentences)

    def actor(self, st: Any, actor_id: str) -> str:
        from rasad.actors import load_gazetteer

        g = load_gazetteer()
        ent = g.actors.get(actor_id)
        evs = st.actor_events(actor_id)
        return self._r("actor.html", actor_id=actor_id, entity=ent, source=evs["source"],
                       target=evs["target"])

    def search(self, st: Any, q: str) -> str:
        return self._r("search.html", q=q, results=st.search(q) if q.strip() else [])
