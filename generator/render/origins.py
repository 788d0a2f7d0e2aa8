"""Where a generated file came from: a model's head and each field, with a fingerprint of each piece.

A fingerprint is a digest of the piece's JSON (`ir_json`, without where it is). The fingerprints of a model
are kept between runs in the store's `origins` section, by the digest of the model's view (`PyModel`, whose
repr spells the model and every field): a model whose view was digested for its template gets them back
instead of encoding every piece again. A missing, damaged or foreign entry only means computing them.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from ..cache_store import BadEntry, Store
from ..ir import Model, ModelKey, Span
from ..ir_json import field_json, model_json
from ..user_cache import code_digest, digest_of

package = import_module("..", __package__)  # this package, by the name it was imported under

_FORMAT = 1
_SECTION = "origins"


@dataclass(frozen=True)
class Origin:
    """A piece of a doc that a file was made from (the model's head, or one field) and its fingerprint."""

    span: Span
    fingerprint: str


def model_origins(model: Model) -> tuple[Origin, ...]:
    """The model's head and each field, with the fingerprint of its JSON (without where it is)."""
    return _placed(model, fingerprints(model))


def fingerprints(model: Model) -> list[str]:
    """The fingerprints of the model's head and of each field, in that order."""
    head = model_json(model)
    del head["source"]
    fields = head.pop("fields", None) or [field_json(f) for f in model.fields]
    found = [_fingerprint(head)]
    for data in fields:
        del data["source"]
        found.append(_fingerprint(data))
    return found


def _placed(model: Model, prints: list[str]) -> tuple[Origin, ...]:
    spans = [model.source, *(f.source for f in model.fields)]
    return tuple(Origin(span, p) for span, p in zip(spans, prints, strict=True))


#: `json.dumps(data, sort_keys=True)`, without a new encoder for each of the thousands of pieces.
_CANONICAL = json.JSONEncoder(sort_keys=True)


def _fingerprint(data: object) -> str:
    return hashlib.sha256(_CANONICAL.encode(data).encode()).hexdigest()[:16]


class KnownOrigins:
    """Each model's origins, made once per run, and kept between runs by the digest of its view."""

    def __init__(self, store: Store, where: str) -> None:
        self.store = store
        self.where = where
        self.tag = _tag() if store.keeps else ""
        self.kept: dict[str, list[str]] = store.load(_SECTION, where, self.tag, _decode) or {}
        self.now: dict[str, list[str]] = {}
        self.made: dict[ModelKey, tuple[Origin, ...]] = {}

    def of(self, model: Model, view: str | None) -> tuple[Origin, ...]:
        """The model's origins; `view` is the digest of its view when known (None: not kept)."""
        found = self.made.get(model.key)
        if found is not None:
            return found
        prints = self.kept.get(view) if view is not None else None
        if prints is None or len(prints) != 1 + len(model.fields):
            prints = fingerprints(model)
        if view is not None:
            self.now[view] = prints
        found = self.made[model.key] = _placed(model, prints)
        return found

    def save(self) -> None:
        """Keep this run's fingerprints (only those: a model no longer seen is dropped)."""
        if self.store.keeps and self.now != self.kept:
            self.store.save(_SECTION, self.where, self.tag, self.now)


def _decode(data: Any) -> dict[str, list[str]]:
    """The kept fingerprints by view digest (`BadEntry` on anything else)."""
    if type(data) is not dict:
        raise BadEntry("origins: expected a mapping")
    for key, prints in data.items():
        if type(prints) is not list or not all(type(p) is str for p in prints):
            raise BadEntry(f"origins: expected fingerprints for {key!r}")
    return data


def _tag() -> str:
    """What a fingerprint depends on besides the model: the code that makes it, and Python's json."""
    return digest_of([str(_FORMAT), package.__version__, sys.version, code_digest()])
