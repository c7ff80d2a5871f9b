"""Run configuration: every tunable lives here, not as a hidden constant in a stage."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = Path("rasad.db")


@dataclass(frozen=True, slots=True)
class Config:
    max_bytes: int = 10 * 1024 * 1024  # larger inputs are rejected with a reason
    min_body_chars: int = 80  # shorter cleaned bodies are rejected (E008)
    dictionary_dirs: tuple[str, ...] = ()  # extra actors*.yaml / places*.yaml
    dedup_threshold: float = 0.5  # MinHash Jaccard (word 4-shingles) for near-duplicate pages
    dedup_num_perm: int = 128
    dedup_bands: int = 32  # LSH: 32 bands x 4 rows; P(candidate | J=0.5) = 0.87, J=0.6: 0.98
    shingle_words: int = 4
    story_threshold: float = 0.1  # TF-IDF cosine with an episode's centroid to join it
    story_window_days: int = 3  # an episode accepts pages dated within its span ± this
    arc_window_days: int = 21  # a story accepts new episodes dated within its span ± this
    arc_max_days: int = 90  # ... as long as the story then spans no more than this
    arc_threshold: float = 0.3  # share of a page's places (x2) and specific actors the story has ...
    arc_min_shared: int = 3  # ... with at least this many shared, one of them a place
    # the learned event judge (rasad.events.judge) sets each event's confidence, its
    # probability of being right; events below min_event_confidence are dropped (0.0 keeps
    # every event; docs/events_judge.md gives precision and recall at each value)
    event_judge: bool = True
    min_event_confidence: float = 0.0
    ingest_batch: int = 500  # pages extracted, then assigned to stories in date order
    candidate_df_cap: int = 200  # features in more pages than this do not look up candidates
    # SQLite page cache of a store opened for ingest: the lookup B-trees (bands, features,
    # ids) of ~100,000 pages fit in it, so inserts stay cheap as the database grows
    sqlite_cache_mb: int = 512
    # WAL pages (4 KB) written before a checkpoint copies them into the database, during
    # ingest. SQLite's default is 1000, less than one ingest batch writes: every batch would
    # be copied twice. With 20000 (~80 MB of WAL), an index page changed by several batches
    # is copied once (bench/bench_stories.py --wal-pages compares settings)
    sqlite_wal_pages: int = 20000
    extra: dict[str, str] = field(default_factory=dict)


def default_db_path() -> Path:
    """The database path: $RASAD_DB, else ./rasad.db."""
    env = os.environ.get("RASAD_DB")
    return Path(env) if env else DEFAULT_DB
