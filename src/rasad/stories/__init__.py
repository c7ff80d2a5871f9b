"""Stage — dedup and stories: near-duplicate pages, story clustering, event merging.

Everything here is incremental: a new page is compared only with candidates found through
LSH band keys (near-duplicates) and an inverted index of story features (stories), so the
cost per page stays flat as the database grows. The state lives in the store; this module
only decides.
"""

from rasad.stories.dedup import band_keys, estimate_jaccard, signature
from rasad.stories.engine import StoryEngine, StoryState

__all__ = ["StoryEngine", "StoryState", "band_keys", "estimate_jaccard", "signature"]
