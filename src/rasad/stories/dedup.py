"""Near-duplicate detection: MinHash over word shingles of normalized text, with LSH bands
kept as plain keys so that a database index can do the candidate lookup."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from rasad.text.normalize import norm

_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = 4) -> set[bytes]:
    words = _WORD.findall(norm(text))
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str, num_perm: int = 64, k: int = 4) -> np.ndarray:
    """MinHash signature (datasketch) of a text's word k-shingles."""
    from datasketch import MinHash

    mh = MinHash(num_perm=num_perm, seed=1)
    sh = shingles(text, k)
    if sh:
        mh.update_batch(list(sh))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def band_keys(sig: np.ndarray, bands: int = 32) -> list[str]:
    """LSH band keys: pages sharing any key are duplicate candidates."""
    rows = len(sig) // bands
    out = []
    for b in range(bands):
        chunk = sig[b * rows:(b + 1) * rows].tobytes()
        out.append(f"{b}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return out


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) != len(b) or len(a) == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)
