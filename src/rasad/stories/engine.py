"""Story clustering and cross-document event merging."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Protocol

import numpy as np

from rasad.config import Config
from rasad.events.coder import one_side
from rasad.events.roles import SYMMETRIC_TYPES as SYMMETRIC
from rasad.records import ActorRef, Event, Extraction, Figure, short_hash
from rasad.stories.dedup import band_keys, estimate_jaccard, signature
from rasad.stories.vectors import TOP_TERMS, cosine, terms, tfidf

IN_PERSON = frozenset({"visit", "meeting", "summit", "press_conference"})
GENERIC_ACTORS = {"SYR", "TUR", "RUS", "IRN", "USA"}


class StoryState(Protocol):
    """What the engine needs from a store (implemented by rasad.store.Store)."""

    def lsh_candidates(self, keys: list[str]) -> list[str]: ...
    def signature_of(self, doc_id: str) -> np.ndarray | None: ...
    def doc_brief(self, doc_id: str) -> dict[str, Any] | None: ...
    def story_candidates(self, features: list[str], lo: str | None = None,
                         hi: str | None = None, limit: int = 30,
                         since: str | None = None) -> list[str]: ...
    def story_profile(self, story_id: str) -> dict[str, Any] | None: ...
    def story_events_of(self, story_id: str, etype: str, lo: str | None = None,
                        hi: str | None = None) -> list[dict[str, Any]]: ...
    def term_df(self, terms: list[str]) -> tuple[dict[str, int], int]: ...
    def episode_candidates(self, features: list[str], lo: str | None = None,
                           hi: str | None = None, limit: int = 30) -> list[str]: ...
    def episode_profile(self, episode_id: str) -> dict[str, Any] | None: ...


@dataclass
class Assignment:
    duplicate_of: str | None
    swap_canonical: str | None  # an existing doc that becomes the duplicate of this one
    story_id: str
    story_profile: dict[str, Any]
    episode_id: str = ""
    episode_profile: dict[str, Any] = field(default_factory=dict)
    story_events: list[dict[str, Any]] = field(default_factory=list)
    signature: np.ndarray | None = None
    bands: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # a:/p: keys the story is found by


def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s)
        if len(s) == 7:
            return dt.date.fromisoformat(s + "-01")
        return dt.date(int(s[:4]), 1, 1)
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None, slack_days: int = 1) -> bool:
    """Two event dates agree within their precisions (a month contains its days)."""
    if not a or not b:
        return True
    if len(a) != len(b):
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        return long_.startswith(short)
    if len(a) == 10:
        da, db = _date(a), _date(b)
        return da is not None and db is not None and abs((da - db).days) <= slack_days
    return a == b


class StoryEngine:
    def __init__(self, state: StoryState, cfg: Config | None = None) -> None:
        self.state = state
        self.cfg = cfg or Config()
        self._selective: set[str] = set()

    # -- near duplicates ----------------------------------------------------------------
    def find_duplicate(self, x: Extraction, sig: np.ndarray, keys: list[str]
                       ) -> tuple[str | None, str | None]:
        """(canonical doc this one duplicates, or an existing doc this one replaces)."""
        best: tuple[float, str] | None = None
        for cand in self.state.lsh_candidates(keys):
            if cand == x.document.id:
                continue
            other = self.state.signature_of(cand)
            if other is None:
                continue
            j = estimate_jaccard(sig, other)
            if j >= self.cfg.dedup_threshold and (best is None or j > best[0]):
                best = (j, cand)
        if best is None:
            return None, None
        brief = self.state.doc_brief(best[1]) or {}
        canonical = brief.get("duplicate_of") or best[1]
        cbrief = self.state.doc_brief(canonical) or brief
        if _more_complete(x, cbrief):
            return None, canonical
        return canonical, None

    # -- stories ---------------------------------------------------------------------------
    def assign(self, x: Extraction) -> Assignment:
        """Duplicate, episode and story of a new page.

        Two levels: an *episode* is one news event and its immediate follow-ups (pages
        close in time and in wording: TF-IDF cosine with the episode centroid, a few days'
        window); a *story* is the arc episodes belong to (the Idlib escalation from the
        3 February shelling to the 15 March patrol): a new episode joins the story whose
        places and actors it shares, within a wider window.
        """
        sig = signature(x.document.text, self.cfg.dedup_num_perm, self.cfg.shingle_words)
        keys = band_keys(sig, self.cfg.dedup_bands)
        dup, swap = self.find_duplicate(x, sig, keys)
        counts = terms(x)
        df, n_docs = self.state.term_df(list(counts))
        vec = tfidf(counts, df, n_docs)
        # candidate lookup uses selective features only, so that its cost does not grow
        # with the database (a place named by every page finds nothing new)
        cap = self.cfg.candidate_df_cap
        self._selective = {t for t in counts if df.get(t, 0) <= cap}
        episode_id: str | None = None
        story_id: str | None = None
        if dup:
            brief = self.state.doc_brief(dup) or {}
            episode_id, story_id = brief.get("episode_id"), brief.get("story_id")
        if episode_id is None:
            episode_id = self._best_cluster(x, vec, self.state.episode_candidates,
                                            self.state.episode_profile,
                                            self.cfg.story_threshold,
                                            self.cfg.story_window_days)
            if episode_id is not None:
                story_id = (self.state.episode_profile(episode_id) or {}).get("story_id")
        if story_id is None:
            story_id = self._best_arc(x, vec)
        ep = self.state.episode_profile(episode_id) if episode_id else None
        if episode_id is None or ep is None:
            episode_id = episode_id or "ep_" + short_hash(x.document.id)
            ep = _new_profile(episode_id)
        prof = self.state.story_profile(story_id) if story_id else None
        if story_id is None or prof is None:
            story_id = story_id or "st_" + short_hash(x.document.id)
            prof = _new_profile(story_id)
        ep = _update_profile(ep, x, vec, dup is None)
        ep["story_id"] = story_id
        prof = _update_profile(prof, x, vec, dup is None)
        return Assignment(duplicate_of=dup, swap_canonical=swap, story_id=story_id,
                          story_profile=prof, episode_id=episode_id, episode_profile=ep,
                          signature=sig, bands=keys,
                          features=sorted(vec)[:TOP_TERMS], terms=sorted(counts),
                          entities=sorted(entity_keys(x)))

    def _best_cluster(self, x: Extraction, vec: dict[str, float],
                      candidates: Any, profile: Any, threshold0: float, window_days: int
                      ) -> str | None:
        """Single-pass clustering: the most similar cluster (cosine with its centroid)
        among those sharing a top term, within the time window; None opens a new one."""
        best: tuple[float, str] | None = None
        doc_date = _date(x.document.published)
        win = dt.timedelta(days=window_days)
        top = [t for t in sorted(vec, key=lambda t: -vec[t]) if t in self._selective][:15]
        lo_d, hi_d = _window(doc_date, win)
        for cid in candidates(top, lo_d, hi_d):
            prof = profile(cid)
            if not prof:
                continue
            threshold = threshold0
            lo, hi = _date(prof.get("first_date")), _date(prof.get("last_date"))
            if doc_date and lo and hi:
                if not (lo - win <= doc_date <= hi + win):
                    continue
            elif doc_date is None:
                threshold += 0.1  # undated pages need a closer match
            score = cosine(vec, prof.get("centroid") or {})
            if score >= threshold and (best is None or score > best[0]):
                best = (score, cid)
        return best[1] if best else None

    def _best_arc(self, x: Extraction, vec: dict[str, float]) -> str | None:
        """The story a new episode continues: same places (not countries) or the same
        specific actors, some shared wording, within the story window."""
        keys = entity_keys(x)
        mine = {k for k in keys if k.startswith("p:") or
                (k.startswith("a:") and k[2:] not in GENERIC_ACTORS)}
        lead = lead_places(x)
        if not mine:
            return None
        best: tuple[float, str] | None = None
        doc_date = _date(x.document.published)
        win = dt.timedelta(days=self.cfg.arc_window_days)
        if doc_date is None:
            return None  # an arc needs dates on both sides
        lo_d, hi_d = _window(doc_date, win)
        # every key of the page, but only as brought by pages of the weeks an arc can
        # reach (arc_max_days back): the rows read follow the news of those weeks, not the
        # size of the database
        since = (doc_date - dt.timedelta(days=self.cfg.arc_max_days)).isoformat()
        for sid in self.state.story_candidates(sorted(mine | lead), lo_d, hi_d, since=since):
            prof = self.state.story_profile(sid)
            if not prof:
                continue
            lo, hi = _date(prof.get("first_date")), _date(prof.get("last_date"))
            if doc_date and lo and hi and not (lo - win <= doc_date <= hi + win):
                continue
            if lo is None:
                continue  # an arc needs dates on both sides
            if (doc_date - lo).days > self.cfg.arc_max_days or (hi and (hi - doc_date).days >
                                                                self.cfg.arc_max_days):
                continue  # arcs are bounded: a long war is several stories, not one
            counts = prof.get("features", {})
            shared = [k for k in mine if counts.get(k, 0) >= 1]
            # the story happens where this page's lead says it does (a place, or a place
            # of the same governorate: a new page on Taftanaz continues an Idlib story);
            # a lead that names no place (a statement, a resignation) needs a shared place
            # anywhere in the page
            if not (any(counts.get(k, 0) >= 1 for k in lead) if lead else
                    any(k.startswith("p:") for k in shared)) or \
                    len(shared) < self.cfg.arc_min_shared:
                continue
            # the share of the page's places (double weight) and specific actors the story
            # already has: an arc is told with the same cast in the same places
            weight = sum(2 if k.startswith("p:") else 1 for k in mine)
            score = sum(2 if k.startswith("p:") else 1 for k in shared) / weight
            if score >= self.cfg.arc_threshold and (best is None or score > best[0]):
                best = (score, sid)
        return best[1] if best else None

    # -- events across documents ------------------------------------------------------------
    def merge_events(self, x: Extraction, story_id: str) -> list[dict[str, Any]]:
        """Story events updated or created by this page's events."""
        changed: dict[str, dict[str, Any]] = {}
        outlet = x.document.outlet or f"(unknown outlet {x.document.id[4:10]})"
        for ev in x.events:
            if not _happens(ev):
                continue
            pool = list(changed.values()) + [
                se for se in self.state.story_events_of(story_id, ev.type,
                                                        *_event_window(ev.date))
                if se["id"] not in changed]
            match = next((se for se in pool if _same_event(se, ev)), None)
            figs = [_fig(f, outlet, x) for f in x.figures if f.event_id == ev.id]
            if match is None:
                sid = "se_" + short_hash(story_id, ev.id)
                match = {"kind": "story_event", "id": sid, "story_id": story_id,
                         "type": ev.type, "mode": ev.mode,
                         "source_actor": ev.source_actor.to_dict() if ev.source_actor else None,
                         "target_actor": ev.target_actor.to_dict() if ev.target_actor else None,
                         "date": ev.date, "location": ev.location.to_dict() if ev.location
                         else None, "modality": ev.modality, "corroboration": 0,
                         "outlets": [], "mention_ids": [], "doc_ids": [], "figures": [],
                         "sentence": ev.sentence}
            if ev.id in match["mention_ids"]:
                continue
            match["mention_ids"].append(ev.id)
            if x.document.id not in match["doc_ids"]:
                match["doc_ids"].append(x.document.id)
            if outlet not in match["outlets"]:
                match["outlets"].append(outlet)
            match["corroboration"] = len(match["outlets"])
            match["figures"] += figs
            if ev.date and (not match["date"] or len(ev.date) > len(match["date"])):
                match["date"] = ev.date
            sides = {"source_actor": ev.source_actor, "target_actor": ev.target_actor}
            if ev.type in SYMMETRIC and _reversed(match, ev):
                # "بوتين → أردوغان" on a row of "أردوغان → بوتين": the same two parties
                sides = {"source_actor": ev.target_actor, "target_actor": ev.source_actor}
            for side, other in (("source_actor", "target_actor"),
                                ("target_actor", "source_actor")):
                mine = sides[side]
                if mine is not None and match.get(other) and one_side(
                        ev.type, mine, SimpleNamespace(**match[other])):
                    continue  # one mention's source and another's target of one state
                _vote(match, side, mine.to_dict() if mine is not None else None)
            if match["location"] is None and ev.location is not None:
                match["location"] = ev.location.to_dict()
            changed[match["id"]] = match
        return list(changed.values())


def _reversed(se: dict[str, Any], ev: Event) -> bool:
    """Does a mention of a two-party act name the row's parties the other way round?"""
    rs, rt = _ctry(se.get("source_actor")), _ctry(se.get("target_actor"))
    es, et = _ref_ctry(ev.source_actor), _ref_ctry(ev.target_actor)
    if (es is not None and es == rs) or (et is not None and et == rt):
        return False
    return (es is not None and es == rt) or (et is not None and et == rs)


def _happens(ev: Event) -> bool:
    """A mention that tells of an act done or to be done: not negated, denied or only
    supposed; a threatened act is not done, but a threat (THREATEN) is itself the act."""
    if ev.negated or ev.modality in ("hypothetical", "denied"):
        return False
    return ev.modality != "threatened" or ev.type == "THREATEN"


def _fig(f: Figure, outlet: str, x: Extraction) -> dict[str, Any]:
    q = int(f.quantity) if float(f.quantity).is_integer() else f.quantity
    return {"category": f.category, "quantity": q, "qualifier": f.qualifier,
            "subject": f.subject, "outlet": outlet, "published": x.document.published,
            "doc_id": x.document.id, "event_id": f.event_id}


def _aid(d: dict[str, Any] | None) -> str | None:
    return d.get("id") if d else None


def _ctry(d: dict[str, Any] | None) -> str | None:
    return (d.get("country") or d.get("id")) if d else None


def _ref_ctry(a: ActorRef | None) -> str | None:
    """_ctry of a mention's actor (a row keeps its sides as dicts)."""
    return (a.country or a.id) if a else None


_KIND_RANK = {"person": 0, "military": 1, "armed_group": 1, "government": 2,
              "organization": 3, "country": 4}


def _vote(se: dict[str, Any], side: str, actor: dict[str, Any] | None) -> None:
    """Count which actor the mentions give for a side; show the most common (then the
    most specific) — never silently the first one."""
    if actor is None or not actor.get("id"):
        return
    votes = se.setdefault("votes", {}).setdefault(side, {})
    key = actor["id"]
    entry = votes.setdefault(key, {"n": 0, "actor": actor})
    entry["n"] += 1
    best = max(votes.values(), key=lambda v: (v["n"], -_KIND_RANK.get(
        v["actor"].get("kind") or "", 5)))
    se[side] = best["actor"]


def _same_event(se: dict[str, Any], ev: Event) -> bool:
    if se["type"] != ev.type:
        return False
    if not dates_compatible(se.get("date"), ev.date):
        return False
    if ev.type == "CONSULT" and {se.get("mode"), ev.mode} & {"phone"} and \
            {se.get("mode"), ev.mode} & IN_PERSON:
        return False  # a call is not the visit or meeting of the same two that day
    # actors agree when their ids or their countries agree (SYRMIL ~ SYRGOV ~ SYR)
    a = (_ctry(se.get("source_actor")), _ctry(se.get("target_actor")))
    b = (_ref_ctry(ev.source_actor), _ref_ctry(ev.target_actor))
    if ev.type in SYMMETRIC:
        # the parties as a set, in either order; one side unknown on either is a subset
        # ("بوتين وأردوغان" and "أردوغان"), but two known pairs must be the same pair: a
        # Putin-Erdoğan call and Ankara's NATO meeting the same day share only Turkey
        sa, sb = {x for x in a if x}, {x for x in b if x}
        one_unknown = None in a or None in b
        actors_ok = (not sa or not sb or sa <= sb or sb <= sa) if one_unknown else sa == sb
    else:
        actors_ok = all(p is None or q is None or p == q for p, q in zip(a, b, strict=True))
    if not actors_ok:
        return False
    la, lb = _aid(se.get("location")), ev.location.id if ev.location else None
    if la is None or lb is None or la == lb or ev.type in SYMMETRIC:
        return True
    # "بليون" and "جبل الزاوية" for one strike: places a few tens of km apart agree
    loc = se.get("location") or {}
    if loc.get("lat") is None or ev.location is None or ev.location.lat is None:
        return False
    return _km(loc["lat"], loc["lon"], ev.location.lat, ev.location.lon or 0.0) <= NEAR_KM


NEAR_KM = 40.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _more_complete(x: Extraction, other: dict[str, Any]) -> bool:
    mine = len(x.document.text)
    theirs = int(other.get("text_len") or 0)
    if mine > theirs * 1.05:
        return True
    if mine < theirs * 0.95:
        return False
    a, b = x.document.published, other.get("published")
    return bool(a and b and a < b)


def _event_window(d: str | None) -> tuple[str | None, str | None]:
    """The days a day-precision event can merge with (dates_compatible allows one day)."""
    if not d or len(d) != 10:
        return None, None
    day = _date(d)
    if day is None:
        return None, None
    return (day - dt.timedelta(days=2)).isoformat(), (day + dt.timedelta(days=2)).isoformat()


def _window(d: dt.date | None, win: dt.timedelta) -> tuple[str | None, str | None]:
    if d is None:
        return None, None
    return (d - win).isoformat(), (d + win).isoformat()


LEAD_MIN_CHARS = 80  # a first paragraph shorter than this is a dateline or a kicker


def lead_places(x: Extraction) -> set[str]:
    """Place and region keys of the page's lead (its first paragraph), where a news page
    states where it happens (the inverted pyramid). A place named only further down is
    background ("... after the Idlib strike"), and a capital the linker does not read as
    the place ("أعلنت أنقرة": the government; "اتفاق موسكو": undecided; see PlaceRef's
    `reading`) is the cast, not the scene. A region wider than a province ("شمال سوريا")
    says only the country."""
    text = x.document.text
    paras = [m.end() for m in re.finditer(r"\n+", text)] + [len(text)]
    cut = next((e for e in paras if e >= LEAD_MIN_CHARS), len(text))
    out: set[str] = set()
    for p in x.places:
        if p.place_kind == "country" or p.start >= cut:
            continue
        if p.place_kind == "region" and not p.admin1:
            if p.country:  # "northern Syria" spans provinces: it says the country only
                out.add(_region(p.country, "*"))
            continue
        if p.reading not in (None, "place"):
            continue
        out.add("p:" + p.id)
        if p.admin1 and p.country:
            out.add(_region(p.country, p.admin1))
    return out


def _region(country: str, admin1: str) -> str:
    return f"r:{country}/{admin1}"


def entity_keys(x: Extraction) -> set[str]:
    """The actors (not via a bare adjective), places (not countries) and the first-level
    regions and countries of those places that a page names."""
    keys = {"a:" + a.id for a in x.actors if a.id and a.via != "adjective"}
    for p in x.places:
        if p.place_kind != "country":
            keys.add("p:" + p.id)
            if p.admin1 and p.country:
                keys.add(_region(p.country, p.admin1))
            if p.country:
                keys.add(_region(p.country, "*"))
    return keys


def _new_profile(cid: str) -> dict[str, Any]:
    return {"id": cid, "features": {}, "n_docs": 0, "outlets": [], "first_date": None,
            "last_date": None, "title": None, "title_score": -1.0, "centroid": {}}


def _update_profile(prof: dict[str, Any], x: Extraction, feats: dict[str, float],
                    canonical: bool) -> dict[str, Any]:
    prof = dict(prof)
    sf = dict(prof.get("features", {}))
    for k in entity_keys(x):
        sf[k] = sf.get(k, 0) + 1
    prof["features"] = sf
    # centroid: running mean of page vectors, top terms kept
    # profiles keep a count, not the page list: their JSON is rewritten on every page
    n_before = int(prof.get("n_docs", len(prof.pop("doc_ids", []))))
    cen = {t: v * n_before for t, v in (prof.get("centroid") or {}).items()}
    for t, v in feats.items():
        cen[t] = cen.get(t, 0.0) + v
    cen = {t: v / (n_before + 1) for t, v in cen.items()}
    prof["centroid"] = dict(sorted(cen.items(), key=lambda kv: -kv[1])[:200])
    d = x.document
    prof["n_docs"] = n_before + 1
    if d.outlet and d.outlet not in prof.get("outlets", []):
        prof["outlets"] = [*list(prof.get("outlets", [])), d.outlet]
    dates = [v for v in (prof.get("first_date"), prof.get("last_date"), d.published) if v]
    if dates:
        prof["first_date"], prof["last_date"] = min(dates), max(dates)
    # title: the most central headline = the one sharing most features with the story
    if d.title and canonical:
        score = cosine(feats, prof["centroid"])
        if score > prof.get("title_score", -1.0):
            prof["title"], prof["title_score"] = d.title, score
    return prof
