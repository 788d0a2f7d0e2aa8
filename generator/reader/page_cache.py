"""What each doc's page showed, kept between runs by the digest of the doc's bytes: an unchanged doc is not
parsed again. With it, what the reader made of the doc (the draft model and its diagnostics), by where the doc
is and the dialect it was read in: an unchanged doc is not read again either.

The pages themselves are not kept: a doc whose draft is not kept is parsed again, which costs less than
loading and writing every page on every run. One cache file per set of doc folders, in the user's cache
folder. It holds the entries of the last run only (those no longer used are dropped when it is written), and
it applies only while the reader's code, the markdown-it-py installation and the Python version are those
that wrote it; otherwise it is ignored.
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
from generator.user_cache import cache_file, code_digest, digest_of, installed, store

_FORMAT = 3
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
#: What a page shows: the dialect of its notation (its name; None: undecided) and its unclosed code fences.
PageFacts = tuple[str | None, tuple[tuple[int, str], ...]]
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
    """What pages show by text digest, and drafts by where and how their doc was read."""

    def __init__(self, roots: Sequence[Path]) -> None:
        where = "\0".join(sorted(str(p.resolve()) for p in roots))
        self.path = cache_file("pages", where, ".pickle")
        self.tag = _tag()
        facts, drafts = self._load()
        self.facts: Generation[str, PageFacts] = Generation(facts)
        self.drafts: Generation[DraftKey, Draft] = Generation(drafts)

    def save(self) -> None:
        """Keep this run's facts and drafts for the next run (nothing is written when they are what was kept)."""
        if not (self.facts.changed or self.drafts.changed):
            return
        data = (self.tag, self.facts.used, self.drafts.used)
        store(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))

    def _load(self) -> tuple[dict[str, PageFacts], dict[DraftKey, Draft]]:
        try:
            tag, facts, drafts = pickle.loads(self.path.read_bytes())
        except Exception:  # missing, unreadable, truncated or from another version: start afresh
            return {}, {}
        if tag != self.tag or not isinstance(facts, dict) or not isinstance(drafts, dict):
            return {}, {}
        return facts, drafts


def _tag() -> str:
    """What a parsed page depends on besides the doc's text."""
    return digest_of(
        [str(_FORMAT), generator.__version__, sys.version, installed("markdown_it"), code_digest()]
    )
