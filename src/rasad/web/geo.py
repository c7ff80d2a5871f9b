"""Offline maps: Natural Earth country borders and places, drawn as inline SVG.

Borders come from ``static/borders.json`` (Natural Earth, public domain; built by
``rasad.web.borders_build``): a whole-world 1:110m tier and a Middle East 1:10m tier. Nothing
is fetched at view time. The projection is equirectangular scaled by cos(latitude) at the
centre of the view, which is close to conformal at the scale of a story.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

Pt = tuple[float, float]
Box = tuple[float, float, float, float]  # lon0, lat0, lon1, lat1


@dataclass(frozen=True, slots=True)
class Country:
    id: str
    name: str
    rings: tuple[tuple[Pt, ...], ...]  # (lon, lat)
    box: Box


@dataclass(frozen=True, slots=True)
class Tier:
    name: str
    box: Box
    countries: tuple[Country, ...]


@dataclass(slots=True)
class Viewport:
    lon0: float
    lat1: float
    scale: float  # pixels per degree of latitude
    k: float  # cos(latitude at the centre)
    width: int
    height: int

    def xy(self, lon: float, lat: float) -> Pt:
        return ((lon - self.lon0) * self.k * self.scale, (self.lat1 - lat) * self.scale)

    @property
    def box(self) -> Box:
        lon1 = self.lon0 + self.width / (self.k * self.scale)
        lat0 = self.lat1 - self.height / self.scale
        return (self.lon0, lat0, lon1, self.lat1)


@dataclass
class MapData:
    width: int
    height: int
    countries: list[dict[str, Any]] = field(default_factory=list)
    labels: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    grid: list[dict[str, Any]] = field(default_factory=list)
    scale_bar: dict[str, Any] | None = None
    outside: list[dict[str, Any]] = field(default_factory=list)
    tier: str = ""
    inset: dict[str, Any] | None = None

    @property
    def empty(self) -> bool:
        return not self.places and not any(c["hit"] for c in self.countries)


def _decode(enc: list[int], unit: float) -> tuple[Pt, ...]:
    x = y = 0
    out = []
    for i in range(0, len(enc) - 1, 2):
        x += enc[i]
        y += enc[i + 1]
        out.append((x * unit, y * unit))
    return tuple(out)


@lru_cache(maxsize=1)
def load_borders() -> dict[str, Tier]:
    """The border tiers (read once, on first use)."""
    raw = json.loads((resources.files("rasad") / "web" / "static" / "borders.json")
                     .read_text("utf-8"))
    tiers: dict[str, Tier] = {}
    for name, t in raw["tiers"].items():
        unit = float(t["unit"])
        countries = []
        for c in t["countries"]:
            rings = tuple(_decode(r, unit) for r in c["rings"])
            xs = [p[0] for r in rings for p in r]
            ys = [p[1] for r in rings for p in r]
            countries.append(Country(c["id"], c["name"], rings,
                                     (min(xs), min(ys), max(xs), max(ys))))
        b = t["box"]
        tiers[name] = Tier(name, (b[0], b[1], b[2], b[3]), tuple(countries))
    return tiers


def country_box(iso3: str) -> Box | None:
    for c in load_borders()["world"].countries:
        if c.id == iso3:
            return c.box
    return None


def fit(points: list[Pt], width: int, height: int, min_span: float = 2.4,
        pad: float = 0.18) -> Viewport:
    """A view holding every (lon, lat) point with a margin, at least `min_span` degrees tall."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    clat = max(-80.0, min(80.0, (min(lats) + max(lats)) / 2))
    k = math.cos(math.radians(clat))
    w_deg = (max(lons) - min(lons)) * k  # in "latitude degrees"
    h_deg = max(lats) - min(lats)
    w_deg, h_deg = w_deg * (1 + 2 * pad), h_deg * (1 + 2 * pad)
    h_deg = max(h_deg, min_span)
    w_deg = max(w_deg, min_span * width / height)
    scale = min(width / w_deg, height / h_deg)
    cx = (min(lons) + max(lons)) / 2
    cy = (min(lats) + max(lats)) / 2
    lon0 = cx - width / 2 / (k * scale)
    lat1 = cy + height / 2 / scale
    return Viewport(lon0, min(lat1, 89.0), scale, k, width, height)


def _clip(ring: list[Pt], x0: float, y0: float, x1: float, y1: float) -> list[Pt]:
    """Sutherland–Hodgman clipping of a projected ring to a rectangle."""
    pts = ring
    for edge in range(4):
        if not pts:
            return pts
        out: list[Pt] = []
        prev = pts[-1]
        for cur in pts:
            if edge == 0:
                cin, pin = cur[0] >= x0, prev[0] >= x0
            elif edge == 1:
                cin, pin = cur[0] <= x1, prev[0] <= x1
            elif edge == 2:
                cin, pin = cur[1] >= y0, prev[1] >= y0
            else:
                cin, pin = cur[1] <= y1, prev[1] <= y1
            if cin != pin:
                (px, py), (qx, qy) = prev, cur
                if edge < 2:
                    x = x0 if edge == 0 else x1
                    out.append((x, py + (qy - py) * (x - px) / (qx - px)))
                else:
                    y = y0 if edge == 2 else y1
                    out.append((px + (qx - px) * (y - py) / (qy - py), y))
            if cin:
                out.append(cur)
            prev = cur
        pts = out
    return pts


def _area_centroid(ring: list[Pt]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for i, (x1, y1) in enumerate(ring):
        x2, y2 = ring[(i + 1) % len(ring)]
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-9:
        return 0.0, 0.0, 0.0
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def _path(ring: list[Pt], min_step: float = 0.7) -> str:
    out: list[str] = []
    lx = ly = math.inf
    for x, y in ring:
        if abs(x - lx) + abs(y - ly) < min_step:
            continue
        out.append(f"{x:.1f},{y:.1f}")
        lx, ly = x, y
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def _intersects(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@lru_cache(maxsize=256)
def _base_layer(view_key: tuple[float, float, float, float, int, int]
                ) -> tuple[str, tuple[tuple[str, str, str], ...],
                           tuple[tuple[str, float, float, float], ...]]:
    """Country paths and label anchors for a view (cached: a story's view does not change)."""
    lon0, lat1, scale, k, width, height = view_key
    vp = Viewport(lon0, lat1, scale, k, width, height)
    box = vp.box
    tiers = load_borders()
    region = tiers["region"]
    rb = region.box
    tier = region if (rb[0] <= box[0] and box[2] <= rb[2] and rb[1] <= box[1]
                      and box[3] <= rb[3]) else tiers["world"]
    margin = 8.0
    paths: list[tuple[str, str, str]] = []
    anchors: list[tuple[str, float, float, float]] = []
    for c in tier.countries:
        if not _intersects(c.box, box):
            continue
        parts: list[str] = []
        best: tuple[float, float, float] = (0.0, 0.0, 0.0)
        for ring in c.rings:
            proj = [vp.xy(lon, lat) for lon, lat in ring]
            clipped = _clip(proj, -margin, -margin, width + margin, height + margin)
            if len(clipped) < 3:
                continue
            d = _path(clipped)
            if d:
                parts.append(d)
            inner = _clip(clipped, 30, 16, width - 30, height - 16)
            if len(inner) >= 3:
                cand = _area_centroid(inner)
                if cand[0] > best[0]:
                    best = cand
        if parts:
            paths.append((c.id, c.name, "".join(parts)))
            if best[0] > 2500:
                anchors.append((c.id, best[1], best[2], best[0]))
    return tier.name, tuple(paths), tuple(anchors)


def _nice(x: float) -> float:
    for v in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if v >= x:
            return float(v)
    return 10000.0


def build_map(places: list[dict[str, Any]], countries_hit: dict[str, dict[str, Any]],
              country_names: dict[str, str], width: int = 640, height: int = 460
              ) -> MapData:
    """A map of `places` (dicts with lat, lon, n, label, id) and shaded `countries_hit`.

    When places are far apart (talks in Moscow, shelling in Idlib), the map zooms on the
    places carrying most events and an inset shows all of them, the zoomed area framed.
    """
    m = MapData(width, height)
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if pts:
        keep, rest = _focus(pts)
        coords = [(float(p["lon"]), float(p["lat"])) for p in keep]
    else:
        keep, rest = [], []
        coords = []
        for iso3 in countries_hit:
            b = country_box(iso3)
            if b:
                coords += [(b[0], b[1]), (b[2], b[3])]
        if not coords:
            return m
    vp = fit(coords, width, height, pad=0.18 if pts else 0.02)
    m.tier, paths, anchors = _base_layer((vp.lon0, vp.lat1, vp.scale, vp.k, width, height))
    for cid, name, d in paths:
        hit = countries_hit.get(cid)
        m.countries.append({"id": cid, "name": country_names.get(cid) or name, "d": d,
                            "hit": bool(hit), "n": (hit or {}).get("n", 0)})
    nmax = max([int(p.get("n") or 1) for p in pts] or [1])
    shown = []
    for p in sorted(pts, key=lambda p: -int(p.get("n") or 1)):
        x, y = vp.xy(float(p["lon"]), float(p["lat"]))
        if -2 <= x <= width + 2 and -2 <= y <= height + 2:
            r = 4 + 9 * math.sqrt(int(p.get("n") or 1) / nmax)
            shown.append({**p, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1)})
    m.places = shown
    m.outside = [p for p in pts if all(p["id"] != q["id"] for q in shown)]
    _place_labels(m, [(cid, x, y, country_names.get(cid) or "") for cid, x, y, _a in anchors])
    m.grid = _grid(vp)
    km_per_px = 111.32 / vp.scale
    km = _nice(km_per_px * width / 5)
    m.scale_bar = {"px": round(km / km_per_px, 1), "label": f"{int(km):,} كم"}
    if rest:
        m.inset = _inset(pts, vp, countries_hit)
        iw, ih = m.inset["width"] + 2, m.inset["height"] + 2
        busy = [(p["x"] - p["r"], p["y"] - p["r"], p["x"] + p["r"], p["y"] + p["r"])
                for p in m.places]
        busy += [_text_box(p["label_pos"]["x"], p["label_pos"]["y"], str(p["label"]),
                           p["label_pos"]["anchor"]) for p in m.places if p.get("label_pos")]
        busy.append((width - 16 - m.scale_bar["px"], height - 36, width, height))
        corners = [(8, 8), (8, height - ih - 8), (width - iw - 8, 8),
                   (width - iw - 8, height - ih - 8)]
        free = [c for c in corners if not _overlaps((c[0], c[1], c[0] + iw, c[1] + ih), busy)]
        m.inset["x"], m.inset["y"] = free[0] if free else corners[0]
        # country labels under the inset go
        box = (m.inset["x"], m.inset["y"], m.inset["x"] + iw, m.inset["y"] + ih)
        m.labels = [lab for lab in m.labels if not _overlaps(
            _text_box(lab["x"], lab["y"], lab["text"], "middle", 13), [box])]
    return m


def _text_box(x: float, y: float, text: str, anchor: str, size: float = 12.5
              ) -> tuple[float, float, float, float]:
    """Approximate box of a label (rtl text: 'start' extends left of x, 'end' right)."""
    w = 0.56 * size * len(text) + 4
    if anchor == "start":
        return (x - w, y - size, x, y + 3)
    if anchor == "end":
        return (x, y - size, x + w, y + 3)
    return (x - w / 2, y - size, x + w / 2, y + 3)


def _overlaps(a: tuple[float, float, float, float],
              boxes: Sequence[tuple[float, ...]]) -> bool:
    return any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for b in boxes)


def _place_labels(m: MapData, country_anchors: list[tuple[str, float, float, str]]) -> None:
    """Label places by weight (left, right, above or below the circle, the first that is
    free and inside the map), then the countries where room is left."""
    taken: list[tuple[float, ...]] = [(p["x"] - p["r"], p["y"] - p["r"], p["x"] + p["r"],
                                       p["y"] + p["r"]) for p in m.places]
    for p in m.places:
        x, y, r, text = p["x"], p["y"], p["r"], str(p.get("label") or "")
        p["label_pos"] = None
        if not text:
            continue
        for lx, ly, anchor in ((x - r - 3, y + 4, "start"), (x + r + 3, y + 4, "end"),
                               (x, y - r - 4, "middle"), (x, y + r + 13, "middle")):
            box = _text_box(lx, ly, text, anchor)
            inside = box[0] >= 2 and box[2] <= m.width - 2 and box[1] >= 2 and \
                box[3] <= m.height - 2
            own = (x - r, y - r, x + r, y + r)
            if inside and not _overlaps(box, [b for b in taken if b != own]):
                p["label_pos"] = {"x": round(lx, 1), "y": round(ly, 1), "anchor": anchor}
                taken.append(box)
                break
    for cid, x, y, text in country_anchors:
        if not text:
            continue
        box = _text_box(x, y, text, "middle", 13)
        if not _overlaps(box, taken):
            m.labels.append({"id": cid, "x": round(x, 1), "y": round(y, 1), "text": text})
            taken.append(box)


def _focus(pts: list[dict[str, Any]], single: float = 8.0, radius: float = 2.5
           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The places to zoom on, and the rest (for the inset)."""
    lons = [float(p["lon"]) for p in pts]
    lats = [float(p["lat"]) for p in pts]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    if max((max(lons) - min(lons)) * k, max(lats) - min(lats)) <= single:
        return pts, []

    def dist(a: dict[str, Any], b: dict[str, Any]) -> float:
        return math.hypot((float(a["lon"]) - float(b["lon"])) * k,
                          float(a["lat"]) - float(b["lat"]))

    best = max(pts, key=lambda p: (sum(int(q.get("n") or 1) for q in pts
                                       if dist(p, q) <= radius), int(p.get("n") or 1)))
    keep = [q for q in pts if dist(best, q) <= 1.5 * radius]
    return keep, [q for q in pts if q not in keep]


def _inset(pts: list[dict[str, Any]], detail: Viewport, countries_hit: dict[str, Any],
           width: int = 200, height: int = 140) -> dict[str, Any]:
    vp = fit([(float(p["lon"]), float(p["lat"])) for p in pts], width, height, pad=0.12)
    _tier, paths, _anchors = _base_layer((vp.lon0, vp.lat1, vp.scale, vp.k, width, height))
    b = detail.box
    x0, y0 = vp.xy(b[0], b[3])
    x1, y1 = vp.xy(b[2], b[1])
    dots = []
    for p in pts:
        x, y = vp.xy(float(p["lon"]), float(p["lat"]))
        dots.append({"x": round(x, 1), "y": round(y, 1), "label": p.get("label") or ""})
    return {"width": width, "height": height,
            "countries": [{"d": d, "hit": cid in countries_hit} for cid, _n, d in paths],
            "dots": dots, "frame": {"x": round(x0, 1), "y": round(y0, 1),
                                    "w": round(max(x1 - x0, 3), 1),
                                    "h": round(max(y1 - y0, 3), 1)}}


def _grid(vp: Viewport) -> list[dict[str, Any]]:
    lon0, lat0, lon1, lat1 = vp.box
    span = lat1 - lat0
    step = next((s for s in (0.5, 1, 2, 5, 10, 20, 30) if span / s <= 6), 30)
    out: list[dict[str, Any]] = []
    g = math.ceil(lon0 / step) * step
    while g <= lon1:
        x, _ = vp.xy(g, lat0)
        out.append({"x1": round(x, 1), "y1": 0, "x2": round(x, 1), "y2": vp.height,
                    "label": f"{g:g}°", "lx": round(x + 2, 1), "ly": vp.height - 4,
                    "axis": "lon"})
        g += step
    g = math.ceil(lat0 / step) * step
    while g <= lat1:
        _, y = vp.xy(lon0, g)
        out.append({"x1": 0, "y1": round(y, 1), "x2": vp.width, "y2": round(y, 1),
                    "label": f"{g:g}°", "lx": 3, "ly": round(y - 3, 1), "axis": "lat"})
        g += step
    return out
