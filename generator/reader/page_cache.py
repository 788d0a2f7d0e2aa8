"""Parsed pages kept between runs, by the digest of each doc's bytes: an unchanged doc is not parsed again.
With each page, what the reader made of it (the draft model and its diagnostics), by where the doc is and
the dialect it was read in: an unchanged doc is not read again either.

One cache file per set of doc folders, in the user's cache folder. It holds the pages of the last run only
(entries no longer used are dropped when it is written), and it applies only while the reader's code, the
markdown-it-py installation and the Python version are those that wrote it; otherwise it is ignored.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

import generator
from generator.ir import Diagnostic, Model
from generator.reader.page import Page
from generator.user_cache import cache_file, code_digest, digest_of, installed, store

_FORMAT = 2
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
#: A page and the dialect its notation shows (its name), when the doc's dialect is detected.
Entry = tuple[Page, str | None]
#: A doc's text digest, display path, path below its root, root, and the dialect it is read in.
DraftKey = tuple[str, str, str, str, str]
#: The model the reader made of a doc (None: not a model doc), and the diagnostics it gave.
Draft = tuple[Model | None, list[Diagnostic]]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Generation(Generic[K, V]):
    """Entries the last run kept, and those this run uses (the only ones the next run will find)."""

    def __init__(self, kept: dict[K, V]) -> None:
        self.kept = kept
        self.used: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        found = self.kept.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: K, value: V) -> None:
        self.used[key] = value

    @property
    def changed(self) -> bool:
        return self.used.keys() != self.kept.keys()


class PageCache:
    """Pages by text digest, and drafts by where and how their doc was read."""

    def __init__(self, roots: Sequence[Path]) -> None:
        where = "\0".join(sorted(str(p.resolve()) for p in roots))
        self.path = cache_file("pages", where, ".pickle")
        self.tag = _tag()
        pages, drafts = self._load()
        self.pages: Generation[str, Entry] = Generation(pages)
        self.drafts: Generation[DraftKey, Draft] = Generation(drafts)

    def save(self) -> None:
        """Keep this run's pages and drafts for the next run (nothing is written when they are what was kept)."""
        if not (self.pages.changed or self.drafts.changed):
            return
        data = (self.tag, self.pages.used, self.drafts.used)
        store(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))

    def _load(self) -> tuple[dict[str, Entry], dict[DraftKey, Draft]]:
        try:
            tag, pages, drafts = pickle.loads(self.path.read_bytes())
        except Exception:  # missing, unreadable, truncated or from another version: start afresh
            return {}, {}
        if tag != self.tag or not isinstance(pages, dict) or not isinstance(drafts, dict):
            return {}, {}
        return pages, drafts


def _tag() -> str:
    """What a parsed page depends on besides the doc's text."""
    return digest_of(
        [str(_FORMAT), generator.__version__, sys.version, installed("markdown_it"), code_digest()]
    )
