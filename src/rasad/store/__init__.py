"""Stage — store: SQLite with migrations, upserts by content hash and FTS5 search.

The store takes records and answers queries; it never extracts. Re-ingesting a page is
harmless: a document id is a hash of its clean content, and a known id is skipped.
"""

from rasad.store.sqlite import Store

__all__ = ["Store"]
