"""Offline maps: Natural Earth country borders and places, drawn as inline SVG.

Borders come from ``static/borders.json`` (Natural Earth, public domain; built by
``rasad.web.borders_build``): a whole-world 1:110m tier and a Middle East 1:10m tier. Nothing
is fetched at view time. The projection is equirectangular scaled by cos(latitude) at the
centre of the view, which is close to conformal at the scale of a story.
"""

from __future__ import annotations

import json
import math
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

    When places are spread over more than about 40 degrees (one stray mention of Washington
    in a story about Idlib), the view keeps the cluster that carries most mentions and lists
    the others under the map instead of shrinking everything to a world view.
    """
    m = MapData(width, height)
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if pts:
        keep = _main_cluster(pts)
        m.outside = [p for p in pts if p not in keep]
        coords = [(float(p["lon"]), float(p["lat"])) for p in keep]
    else:
        coords = []
        for iso3 in countries_hit:
            b = country_box(iso3)
            if b:
                coords += [(b[0], b[1]), (b[2], b[3])]
        if not coords:
            return m
        keep = []
    vp = fit(coords, width, height, pad=0.18 if pts else 0.02)
    m.tier, paths, anchors = _base_layer((vp.lon0, vp.lat1, vp.scale, vp.k, width, height))
    for cid, name, d in paths:
        hit = countries_hit.get(cid)
        m.countries.append({"id": cid, "name": country_names.get(cid) or name, "d": d,
                            "hit": bool(hit), "n": (hit or {}).get("n", 0)})
    for cid, x, y, _area in anchors:
        m.labels.append({"id": cid, "x": round(x, 1), "y": round(y, 1),
                         "text": country_names.get(cid) or ""})
    m.labels = [lab for lab in m.labels if lab["text"]]
    nmax = max([int(p.get("n") or 1) for p in keep] or [1])
    for p in sorted(keep, key=lambda p: -int(p.get("n") or 1)):
        x, y = vp.xy(float(p["lon"]), float(p["lat"]))
        r = 4 + 10 * math.sqrt((int(p.get("n") or 1)) / nmax)
        m.places.append({**p, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1)})
    # labels of places avoid country labels that they would overwrite
    for lab in list(m.labels):
        if any(abs(lab["x"] - p["x"]) < 40 and abs(lab["y"] - p["y"]) < 14 for p in m.places):
            m.labels.remove(lab)
    m.grid = _grid(vp)
    km_per_px = 111.32 / vp.scale
    km = _nice(km_per_px * width / 5)
    m.scale_bar = {"px": round(km / km_per_px, 1), "label": f"{int(km):,} كم"}
    return m


def _main_cluster(pts: list[dict[str, Any]], limit: float = 40.0) -> list[dict[str, Any]]:
    lons = [float(p["lon"]) for p in pts]
    lats = [float(p["lat"]) for p in pts]
    if max(lons) - min(lons) <= limit and max(lats) - min(lats) <= limit:
        return pts
    heavy = max(pts, key=lambda p: int(p.get("n") or 1))
    hx, hy = float(heavy["lon"]), float(heavy["lat"])
    return [p for p in pts if abs(float(p["lon"]) - hx) <= limit / 2
            and abs(float(p["lat"]) - hy) <= limit / 2]


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
