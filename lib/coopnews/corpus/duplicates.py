"""Exact and near-duplicate documents (one press release republished by several sites).

Exact: the same text after lower-casing and collapsing whitespace. Near: estimated Jaccard similarity
of word 5-shingles ≥ threshold, found with datasketch's MinHash LSH. Both copies are kept; the later
ones (in doc_id order) point at the first through `duplicate_of`.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures depend on it
_WORDS = re.compile(r"\w+")


def normalised_hash(text: str) -> str:
    """Hash of the text lower-cased with whitespace collapsed: equal for exact duplicates."""
    return hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def minhash_signature(text: str) -> bytes:
    """MinHash of the word 5-shingles of `text`, as bytes for storage in the cache."""
    words = _WORDS.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    from datasketch import MinHash  # imported on use: datasketch imports scipy (about a second)

    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh.hashvalues.astype(np.uint64).tobytes()


def _minhash(signature: bytes):
    """A stored signature as a MinHash to compare and index (lean: no permutations drawn again per document)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, scheme=SCHEME, hashvalues=np.frombuffer(signature, dtype=np.uint64))


def find_duplicates(docs: pd.DataFrame, *, threshold: float = 0.8) -> pd.DataFrame:
    """Columns duplicate_of, duplicate_kind ('exact'|'near'|None), duplicate_similarity, indexed like `docs`.

    `docs` needs doc_id, text_hash and minhash columns.
    """
    order = docs.sort_values("doc_id", kind="stable")
    first = order.groupby("text_hash", sort=False)["doc_id"].transform("first")
    exact = first != order["doc_id"]
    links = {idx: (original, "exact", 1.0) for idx, original in first[exact].items()}
    # Only first copies enter the index, so every link points at a document that is itself original.
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = {}
    for idx, doc_id, signature in zip(order.index[~exact], order["doc_id"][~exact], order["minhash"][~exact]):
        mh = _minhash(signature)
        hashes[doc_id] = mh
        scored = [(hashes[c].jaccard(mh), c) for c in sorted(lsh.query(mh))]
        scored = [(sim, c) for sim, c in scored if sim >= threshold]
        if scored:
            similarity, original = min(scored, key=lambda sc: (-sc[0], sc[1]))
            links[idx] = (original, "near", round(similarity, 3))
        else:
            lsh.insert(doc_id, mh)
    out = pd.DataFrame({"duplicate_of": None, "duplicate_kind": None, "duplicate_similarity": np.nan},
                       index=docs.index).astype({"duplicate_of": object, "duplicate_kind": object})
    if links:
        found = pd.DataFrame.from_dict(links, orient="index", columns=list(out.columns))
        out.loc[found.index, list(out.columns)] = found.to_numpy(dtype=object)
    out["duplicate_similarity"] = out["duplicate_similarity"].astype(float)
    return out
