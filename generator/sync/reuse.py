"""Files whose template read the same values as last time are taken from the output folder, not rendered.

After each run, an entry of the cache store's `render` section keeps, per output file, the digest of everything its
template read (`PendingFile.inputs`), the digest of the file as written and of the text before formatting.
It applies only while docmodels' code, the templates, black, Jinja and Python are those that wrote it. A file
is reused only when its digest of inputs is the same and the file in the output folder is still the one
recorded, byte for byte; any doubt means rendering it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from ..cache_store import BadEntry, Store
from ..render.targets import Target
from ..user_cache import code_digest, digest_of, installed, tree_digest
from .plan import read_unchanged

package = import_module("..", __package__)  # this package, by the name it was imported under

_FORMAT = 2
_SECTION = "render"


@dataclass(frozen=True)
class Kept:
    """One file of the last run: digests of its template's inputs, of its bytes, and of its unformatted text."""

    inputs: str
    written: str
    rendered: str


class RenderRecord:
    """The files of the last run into one output folder, by path."""

    def __init__(self, store: Store, out: Path, target: Target) -> None:
        self.store = store
        self.where = str(out.resolve())
        self.out = out
        self.top = os.fspath(out)
        self.tag = _tag(target) if store.keeps else ""
        self.kept: dict[str, Kept] = store.load(_SECTION, self.where, self.tag, _decode) or {}
        self.now: dict[str, Kept] = {}

    def reuse(self, path: str, inputs: str | None) -> tuple[str, str] | None:
        """(text, digest of the unformatted text) of the file as last written, if its inputs are the same."""
        kept = self.kept.get(path)
        if inputs is None or kept is None or kept.inputs != inputs:
            return None
        text = read_unchanged(os.path.join(self.top, path), kept.written)
        return None if text is None else (text, kept.rendered)

    def note(self, path: str, inputs: str | None, written: str, rendered: str) -> None:
        """What this run makes of `path`: the digest of its bytes as written and of its unformatted text
        (kept for the next run when its inputs could be digested)."""
        if inputs is not None:
            self.now[path] = Kept(inputs, written, rendered)

    def save(self) -> None:
        if self.now == self.kept:
            return
        files = [[p, k.inputs, k.written, k.rendered] for p, k in sorted(self.now.items())]
        self.store.save(_SECTION, self.where, self.tag, files)


def _decode(data: Any) -> dict[str, Kept]:
    """The kept files, each four strings (`BadEntry` on anything else)."""
    kept: dict[str, Kept] = {}
    for path, inputs, written, rendered in data:
        if not all(type(v) is str for v in (path, inputs, written, rendered)):
            raise BadEntry("render: expected four strings")
        kept[path] = Kept(inputs, written, rendered)
    return kept


def _tag(target: Target) -> str:
    """What a file depends on besides the values its template reads."""
    return digest_of(
        [
            str(_FORMAT),
            package.__version__,
            sys.version,
            repr(target),
            installed("black"),
            installed("jinja2"),
            code_digest(),
            tree_digest(target.folders),
        ]
    )
