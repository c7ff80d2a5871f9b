"""Terminal timeline: one line per merged story event.

Arabic is written in logical order (correct in terminals with bidi support and in files);
``rtl=True`` reshapes and reorders Arabic runs for terminals without bidi support.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

_ARABIC_RUN = re.compile(r"[\u0600-\u06FF\u0750-\u077F][\u0600-\u06FF\u0750-\u077F\s\d«»\"،,.:()\-/]*")


def visual(text: str, rtl: bool) -> str:
    """Arabic runs reshaped and reordered for display when rtl is set."""
    if not rtl or not text:
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def _fmt_qty(q: float) -> str:
    return f"{int(q):,}" if float(q).is_integer() else f"{q:,}"


def figure_summary(figs: list[dict[str, Any]]) -> str:
    """'killed 4–8 (latest 8, Outlet)' per category; every reported value kept."""
    parts = []
    by_cat: dict[str, list[dict[str, Any]]] = {}
    for f in figs:
        by_cat.setdefault(f["category"], []).append(f)
    for cat, fs in by_cat.items():
        # one value per report: figures of one mention add up ("7 جنود أتراك ومدني" = 8);
        # a page that mentions the event twice reports the larger of its values
        per_mention: dict[tuple[str, str], float] = {}
        meta: dict[str, dict[str, Any]] = {}
        for f in fs:
            key = (f["doc_id"], f.get("event_id") or "")
            per_mention[key] = per_mention.get(key, 0) + float(f["quantity"])
            meta[f["doc_id"]] = f
        per_doc: dict[str, float] = {}
        for (doc, _), v in per_mention.items():
            per_doc[doc] = max(per_doc.get(doc, 0), v)
        vals = sorted(set(per_doc.values()))
        latest_doc = max(per_doc, key=lambda d: (meta[d].get("published") or "", d))
        latest = per_doc[latest_doc]
        rng = _fmt_qty(vals[0]) if len(vals) == 1 else f"{_fmt_qty(vals[0])}–{_fmt_qty(vals[-1])}"
        s = f"{cat} {rng}"
        if len(vals) > 1:
            s += f" (latest {_fmt_qty(latest)}, {meta[latest_doc].get('outlet')})"
        parts.append(s)
    return "; ".join(parts)


def _actor(a: dict[str, Any] | None, rtl: bool) -> str:
    if not a:
        return "?"
    return str(a.get("name") or visual(a.get("text") or "", rtl) or a.get("id"))


def event_line(se: dict[str, Any], rtl: bool = False, background: bool = False) -> str:
    date = se.get("date") or "????-??-??"
    who = f"{_actor(se.get('source_actor'), rtl)} → {_actor(se.get('target_actor'), rtl)}"
    typ = se["type"] + (f"/{se['mode']}" if se.get("mode") else "")
    if se.get("modality") and se["modality"] != "asserted":
        typ += f" [{se['modality']}]"
    loc = (se.get("location") or {}).get("name")
    parts = [f"{date:<10}", f"{typ:<26}", who]
    if background:
        parts[0] = f"{date:<10}*"
    if loc:
        parts.append(f"@ {loc}")
    figs = figure_summary(se.get("figures") or [])
    if figs:
        parts.append(figs)
    n = se.get("corroboration") or len(se.get("outlets") or [])
    outlets = ", ".join(visual(o, rtl) for o in se.get("outlets") or [])
    parts.append(f"×{n} {'outlet' if n == 1 else 'outlets'}: {outlets}")
    return "  ".join(parts)


def _months_before(iso: str, n: int = 1) -> str:
    """'YYYY-MM' n months before an ISO date."""
    y, m = int(iso[:4]), int(iso[5:7] or 1) if len(iso) >= 7 else 1
    m -= n
    while m <= 0:
        m += 12
        y -= 1
    return f"{y:04d}-{m:02d}"


def render_timeline(store: Any, *, story: str | None = None, actor: str | None = None,
                    place: str | None = None, since: str | None = None,
                    until: str | None = None, rtl: bool = False, width: int | None = None,
                    everything: bool = False) -> str:
    """The timeline text. Unless `everything`, events with neither an actor nor a figure
    are left out (they are in `rasad events`); events dated well before the story are
    marked * (background told in passing)."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    stories = store.query("story", story=story)
    lines: list[str] = []
    for st in stories:
        ses = store.query("story_event", story=st["id"], since=since, until=until)
        if actor:
            ses = [s for s in ses if actor in ((s.get("source_actor") or {}).get("id"),
                                               (s.get("target_actor") or {}).get("id"))]
        if place:
            ses = [s for s in ses if (s.get("location") or {}).get("id") == place]
        if not everything:
            ses = [s for s in ses if s.get("source_actor") or s.get("target_actor") or
                   s.get("figures")]
        if not ses:
            continue
        title = visual(st.get("title") or "(untitled)", rtl)
        span = f"{st.get('first_date') or '?'} … {st.get('last_date') or '?'}"
        lines.append("═" * min(width, 100))
        lines.append(f"Story {st['id']}: {title}")
        lines.append(f"  {span} · {len(st['doc_ids'])} pages · {len(st['outlets'])} outlets: "
                     + ", ".join(visual(o, rtl) for o in st["outlets"]))
        lines.append("─" * min(width, 100))
        first = st.get("first_date") or ""
        for se in sorted(ses, key=lambda s: (s.get("date") or "9999", s["type"])):
            d = se.get("date") or ""
            lines.append(event_line(se, rtl, background=bool(d and first and
                                                             d[:7] < _months_before(first))))
        lines.append("")
    if lines:
        lines.append("* background: dated more than a month before the story's first page")
    if not lines:
        return "No events match (is the database empty? try `rasad ingest PATH`).\n"
    return "\n".join(lines) + "\n"
