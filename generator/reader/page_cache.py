"""Parsed pages kept between runs, by the digest of each doc's bytes: an unchanged doc is not parsed again.

One cache file per set of doc folders, in the user's cache folder. It holds the pages of the last run only
(entries no longer used are dropped when it is written), and it applies only while the reader's code, the
markdown-it-py installation and the Python version are those that wrote it; otherwise it is ignored.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

import generator
from generator.reader.page import Page
from generator.user_cache import cache_folder, installed, store, tree_digest

_FORMAT = 1
#: A page and the dialect its notation shows (its name), when the doc's dialect is detected.
Entry = tuple[Page, str | None]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class PageCache:
    """Pages by text digest: those the last run kept, and those this run uses."""

    def __init__(self, roots: Sequence[Path]) -> None:
        where = "\0".join(sorted(str(p.resolve()) for p in roots))
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.path = cache_folder() / f"pages-{name}.pickle"
        self.tag = _tag()
        self.kept = self._load()
        self.used: dict[str, Entry] = {}

    def get(self, key: str) -> Entry | None:
        entry = self.kept.get(key)
        if entry is not None:
            self.used[key] = entry
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.used[key] = entry

    def save(self) -> None:
        """Keep this run's pages for the next run (nothing is written when they are what was kept)."""
        if self.used.keys() == self.kept.keys():
            return
        store(self.path, pickle.dumps((self.tag, self.used), protocol=pickle.HIGHEST_PROTOCOL))

    def _load(self) -> dict[str, Entry]:
        try:
            data = self.path.read_bytes()
            tag, entries = pickle.loads(data)
        except Exception:  # missing, unreadable, truncated or from another version: start afresh
            return {}
        if tag != self.tag or not isinstance(entries, dict):
            return {}
        return entries


def _tag() -> str:
    """What a parsed page depends on besides the doc's text."""
    parts = (
        str(_FORMAT),
        generator.__version__,
        sys.version,
        installed("markdown_it"),
        tree_digest([Path(__file__).parent]),
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
