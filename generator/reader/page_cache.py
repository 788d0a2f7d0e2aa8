"""What each doc's page showed, kept between runs by the digest of the doc's bytes: an unchanged doc is not
parsed again. With it, what the reader made of the doc (the draft model and its diagnostics), by where the doc
is and the dialect it was read in: an unchanged doc is not read again either.

The pages themselves are not kept: a doc whose draft is not kept is parsed again, which costs less than
loading and writing every page on every run. One entry of the store's `pages` section per set of doc folders,
as plain data (`ir_plain`), validated into the IR's dataclasses when read back. It holds the entries of the
last run only (those no longer used are dropped when it is written), and it applies only while the reader's
code, the markdown-it-py installation and the Python version are those that wrote it; otherwise it is
missing.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Hashable, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..cache_store import BadEntry, Store, dumps
from ..ir import Diagnostic, Model
from ..ir_plain import (
    diagnostic_from_plain,
    diagnostic_plain,
    model_from_plain,
    model_plain,
)
from ..user_cache import code_digest, digest_of, installed
from .dialects import DIALECTS

package = import_module("..", __package__)  # this package, by the name it was imported under

_FORMAT = 4
_SECTION = "pages"
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
P = TypeVar("P")
#: What a page shows: the dialect of its notation (its name; None: undecided) and its unclosed code fences.
PageFacts = tuple[str | None, tuple[tuple[int, str], ...]]
#: A doc's text digest, display path, path below its root, root, and the dialect it is read in.
DraftKey = tuple[str, str, str, str, str]
#: The model the reader made of a doc (None: not a model doc), and the diagnostics it gave.
Draft = tuple[Model | None, list[Diagnostic]]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Generation(Generic[K, V, P]):
    """Entries the last run kept, and those this run uses (the only ones the next run will find).

    Each entry is kept with its plain form, so that writing back what was read costs no encoding."""

    def __init__(self, kept: dict[K, tuple[V, P]]) -> None:
        self.kept = kept
        self.used: dict[K, tuple[V, P]] = {}

    def get(self, key: K) -> V | None:
        found = self.kept.get(key)
        if found is None:
            return None
        self.used[key] = found
        return found[0]

    def put(self, key: K, value: V, plain: P) -> None:
        self.used[key] = (value, plain)

    @property
    def changed(self) -> bool:
        return self.used.keys() != self.kept.keys()


class PageCache:
    """What pages show by text digest, and drafts by where and how their doc was read.

    The entry's first line holds the facts; each further line one draft, so that a draft read back and a
    draft just made are alike to the last shared object (`put_draft`)."""

    def __init__(self, store: Store, roots: Sequence[Path]) -> None:
        self.store = store
        self.where = "\0".join(sorted(str(p.resolve()) for p in roots))
        self.tag = _tag() if store.keeps else ""
        facts, drafts = store.load_lines(_SECTION, self.where, self.tag, _decode) or ({}, {})
        self.facts: Generation[str, PageFacts, Any] = Generation(facts)
        self.drafts: Generation[DraftKey, Draft, bytes] = Generation(drafts)

    def put_facts(self, key: str, facts: PageFacts) -> None:
        self.facts.put(key, facts, [facts[0], [list(pair) for pair in facts[1]]])

    def put_draft(self, key: DraftKey, draft: Draft) -> Draft:
        """Keep a draft just made, and return it: the next run reads back an equal one (tests/test_ir_plain.py
        holds the plain form to every attribute of the IR), and equal values give templates equal digests."""
        if not self.store.keeps:
            return draft
        model, diagnostics = draft
        line = dumps(
            [
                *key,
                None if model is None else model_plain(model),
                [diagnostic_plain(d) for d in diagnostics],
            ]
        )
        self.drafts.put(key, draft, line)
        return draft

    def save(self) -> None:
        """Keep this run's facts and drafts for the next run (nothing is written when they are what was kept)."""
        if not (self.facts.changed or self.drafts.changed) or not self.store.keeps:
            return
        facts = {key: plain for key, (_, plain) in self.facts.used.items()}
        lines = [dumps(facts), *(line for _, line in self.drafts.used.values())]
        self.store.save_lines(_SECTION, self.where, self.tag, lines)


def _decode(
    lines: list[bytes],
) -> tuple[dict[str, tuple[PageFacts, Any]], dict[DraftKey, tuple[Draft, bytes]]]:
    """The kept facts and drafts, each validated (`BadEntry` on anything the cache did not write)."""
    plain_facts = json.loads(lines[0])
    if type(plain_facts) is not dict:
        raise BadEntry("pages: no facts")
    facts: dict[str, tuple[PageFacts, Any]] = {}
    for key, plain in plain_facts.items():
        dialect, unclosed = plain
        if dialect is not None and (type(dialect) is not str or dialect not in DIALECTS):
            raise BadEntry(f"pages: unknown dialect {dialect!r}")
        fences = tuple((_int(line), _str(marker)) for line, marker in unclosed)
        facts[key] = ((dialect, fences), plain)
    drafts: dict[DraftKey, tuple[Draft, bytes]] = {}
    for line in lines[1:]:
        where, draft = _draft(line)
        drafts[where] = (draft, line)
    return facts, drafts


def _draft(line: bytes) -> tuple[DraftKey, Draft]:
    """One kept draft and where its doc was, from its line."""
    text, display, rel, root, dialect, model, diagnostics = json.loads(line)
    where = (_str(text), _str(display), _str(rel), _str(root), _str(dialect))
    return where, (
        None if model is None else model_from_plain(model),
        [diagnostic_from_plain(d) for d in diagnostics],
    )


def _str(value: Any) -> str:
    if type(value) is not str:
        raise BadEntry("pages: expected a string")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise BadEntry("pages: expected a whole number")
    return value


def _tag() -> str:
    """What a parsed page depends on besides the doc's text."""
    return digest_of(
        [str(_FORMAT), package.__version__, sys.version, installed("markdown_it"), code_digest()]
    )
