"""Schema migrations, applied in order; PRAGMA user_version records the last one.

They may call rasad_week(date): rasad.store.sqlite.bucket_of, registered on the connection by
rasad.store.sqlite.register_functions (one definition of the week a feature is filed under)."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, external_id TEXT, url TEXT, outlet TEXT, title TEXT,
        published TEXT, published_from TEXT, language TEXT, duplicate_of TEXT,
        story_id TEXT, source TEXT, text_len INTEGER, minhash BLOB, data TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_story ON documents(story_id);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE events (
        id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, type TEXT, date TEXT, source_id TEXT,
        target_id TEXT, location_id TEXT, story_id TEXT, confidence REAL, data TEXT NOT NULL
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_source ON events(source_id);
    CREATE INDEX events_target ON events(target_id);
    CREATE INDEX events_story ON events(story_id);
    CREATE INDEX events_location ON events(location_id);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, speaker_id TEXT, data TEXT NOT NULL
    );
    CREATE INDEX quotes_doc ON quotes(doc_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_id);
    CREATE TABLE figures (
        id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, category TEXT, event_id TEXT,
        location_id TEXT, date TEXT, data TEXT NOT NULL
    );
    CREATE INDEX figures_doc ON figures(doc_id);
    CREATE TABLE timexes (
        doc_id TEXT NOT NULL, start INTEGER NOT NULL, value TEXT, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, start)
    );
    CREATE TABLE rejected (
        source TEXT PRIMARY KEY, reason TEXT, code TEXT, seen_at TEXT
    );
    CREATE TABLE lsh_bands (band TEXT NOT NULL, doc_id TEXT NOT NULL);
    CREATE INDEX lsh_bands_band ON lsh_bands(band);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT, first_date TEXT, last_date TEXT, n_docs INTEGER,
        data TEXT NOT NULL
    );
    CREATE TABLE story_features (feature TEXT NOT NULL, story_id TEXT NOT NULL,
        PRIMARY KEY (feature, story_id));
    CREATE TABLE story_events (
        id TEXT PRIMARY KEY, story_id TEXT NOT NULL, type TEXT, date TEXT,
        corroboration INTEGER, data TEXT NOT NULL
    );
    CREATE INDEX story_events_story ON story_events(story_id, type);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT, command TEXT, summary TEXT
    );
    CREATE VIRTUAL TABLE doc_fts USING fts5(doc_id UNINDEXED, title, text,
        tokenize = 'unicode61 remove_diacritics 2');
    """,
    # 2: document frequencies of story-clustering terms (TF-IDF that follows the corpus)
    """
    CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    INSERT INTO meta VALUES ('n_docs', '0');
    """,
    # 3: indexes for the web views; actor and place columns on merged events
    """
    CREATE INDEX IF NOT EXISTS events_source_date ON events(source_id, date);
    CREATE INDEX IF NOT EXISTS events_target_date ON events(target_id, date);
    CREATE INDEX IF NOT EXISTS events_story_date ON events(story_id, date);
    CREATE INDEX IF NOT EXISTS story_events_date ON story_events(story_id, date);
    CREATE INDEX IF NOT EXISTS stories_first ON stories(first_date, id);
    CREATE INDEX IF NOT EXISTS figures_event ON figures(event_id);
    ALTER TABLE story_events ADD COLUMN source_id TEXT;
    ALTER TABLE story_events ADD COLUMN target_id TEXT;
    ALTER TABLE story_events ADD COLUMN location_id TEXT;
    UPDATE story_events SET source_id = json_extract(data, '$.source_actor.id'),
        target_id = json_extract(data, '$.target_actor.id'),
        location_id = json_extract(data, '$.location.id');
    CREATE INDEX IF NOT EXISTS story_events_source ON story_events(source_id);
    CREATE INDEX IF NOT EXISTS story_events_target ON story_events(target_id);
    CREATE INDEX IF NOT EXISTS story_events_location ON story_events(location_id);
    """,
    # 4: episodes (one news event) inside stories (an arc of episodes)
    """
    CREATE TABLE episodes (
        id TEXT PRIMARY KEY, story_id TEXT, first_date TEXT, last_date TEXT, data TEXT NOT NULL
    );
    CREATE INDEX episodes_story ON episodes(story_id);
    CREATE TABLE episode_features (feature TEXT NOT NULL, episode_id TEXT NOT NULL,
        PRIMARY KEY (feature, episode_id));
    ALTER TABLE documents ADD COLUMN episode_id TEXT;
    """,
    # 5: flat cost per page at scale. Lookup tables become WITHOUT ROWID (one B-tree
    # instead of a table plus an index); story features are filed under the week of the
    # page that brought them, so a candidate lookup reads only the weeks around a page
    # instead of every story that ever named "Idlib"; merging reads story events of one
    # type by date range.
    """
    CREATE TABLE story_features_v5 (feature TEXT NOT NULL, bucket INTEGER NOT NULL,
        story_id TEXT NOT NULL, PRIMARY KEY (feature, bucket, story_id)) WITHOUT ROWID;
    INSERT OR IGNORE INTO story_features_v5
        SELECT f.feature, rasad_week(s.last_date), f.story_id
        FROM story_features f LEFT JOIN stories s ON s.id = f.story_id;
    DROP TABLE story_features;
    ALTER TABLE story_features_v5 RENAME TO story_features;
    CREATE TABLE episode_features_v5 (feature TEXT NOT NULL, episode_id TEXT NOT NULL,
        PRIMARY KEY (feature, episode_id)) WITHOUT ROWID;
    INSERT OR IGNORE INTO episode_features_v5 SELECT feature, episode_id FROM episode_features;
    DROP TABLE episode_features;
    ALTER TABLE episode_features_v5 RENAME TO episode_features;
    CREATE TABLE lsh_bands_v5 (band TEXT NOT NULL, doc_id TEXT NOT NULL,
        PRIMARY KEY (band, doc_id)) WITHOUT ROWID;
    INSERT OR IGNORE INTO lsh_bands_v5 SELECT band, doc_id FROM lsh_bands;
    DROP TABLE lsh_bands;
    ALTER TABLE lsh_bands_v5 RENAME TO lsh_bands;
    CREATE TABLE term_df_v5 (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO term_df_v5 SELECT term, df FROM term_df;
    DROP TABLE term_df;
    ALTER TABLE term_df_v5 RENAME TO term_df;
    DROP INDEX IF EXISTS story_events_story;
    CREATE INDEX story_events_type_date ON story_events(story_id, type, date);
    """,
    # 6: flat store cost, continued. Moving a duplicate group to a new canonical copy looked
    # its members up by an unindexed column (a scan of every page); three event indexes were
    # prefixes of the (actor or story, date) ones; episode features are filed by week like
    # story features, so that a lookup reads the weeks around the page only.
    """
    CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of)
        WHERE duplicate_of IS NOT NULL;
    DROP INDEX IF EXISTS events_source;
    DROP INDEX IF EXISTS events_target;
    DROP INDEX IF EXISTS events_story;
    CREATE TABLE episode_features_v6 (feature TEXT NOT NULL, bucket INTEGER NOT NULL,
        episode_id TEXT NOT NULL, PRIMARY KEY (feature, bucket, episode_id)) WITHOUT ROWID;
    INSERT OR IGNORE INTO episode_features_v6
        SELECT f.feature, rasad_week(e.last_date), f.episode_id
        FROM episode_features f LEFT JOIN episodes e ON e.id = f.episode_id;
    DROP TABLE episode_features;
    ALTER TABLE episode_features_v6 RENAME TO episode_features;
    """,
]
