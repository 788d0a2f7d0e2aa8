"""The two sides of a diff: docs folders, `docmodels ir` JSON files, or the docs at a git revision."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path

from ..cache_store import Store
from ..config import Config
from ..ir import Diagnostic, ModelKey, Spec
from ..paths import shown_path
from ..reader.document import DocRef
from .compare import Side
from .errors import problem
from .gitref import (
    Repository,
    display,
    open_ref,
    sdks_folders,
    within,
)
from .ir_load import IRFormatError, spec_from_json
from .operations import is_operation_page, read_operations
from .rules import Direction

#: Doc names the reader skips (it reads operation pages apart).
_SKIPPED = {"readme.md", "changelog.md", "license.md", "contributing.md"}


@dataclass(frozen=True)
class Loaded:
    side: Side
    #: The readers' diagnostics for this side (a doc with errors is missing from it).
    diagnostics: tuple[Diagnostic, ...]


def load_folders(paths: list[Path], config: Config, openapi: Path | None) -> Loaded:
    """Docs folders (or files) on disk, with the operation pages beside them."""
    from ..reader import read_docs

    for path in paths:
        if not path.exists():
            raise problem("DM802", path.as_posix(), "no such folder or file")
    spec = read_docs(paths, config.dialect, store=Store.default())
    cwd = Path.cwd().resolve()
    pages: list[tuple[str, str]] = []
    for sdks in sdks_folders(paths):
        if sdks.is_dir():
            for page in sorted(sdks.glob("*/*")):
                if page.is_file() and is_operation_page(page.relative_to(sdks.parent).as_posix()):
                    pages.append(
                        (shown_path(page, cwd), page.read_text(encoding="utf-8", errors="replace"))
                    )
    return _side(spec, pages, config, openapi)


def load_ir(path: Path) -> Loaded:
    """A `docmodels ir` JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise problem("DM802", path.as_posix(), f"cannot read: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise problem("DM803", path.as_posix(), f"not JSON: {exc}") from exc
    try:
        return Loaded(Side(spec_from_json(data)), ())
    except IRFormatError as exc:
        raise problem("DM803", path.as_posix(), str(exc)) from exc


def load_path(path: Path, config: Config, openapi: Path | None) -> Loaded:
    if path.is_file() and path.suffix.lower() == ".json":
        return load_ir(path)
    return load_folders([path.resolve()], config, openapi)


def load_ref(ref: str, paths: list[Path], config: Config, openapi: Path | None) -> Loaded:
    """The docs below `paths` as they are at the git revision `ref`."""
    from ..reader import read_blobs

    repo, commit = open_ref(ref, paths)
    cwd = Path.cwd().resolve()
    inside = [p for p in paths if within(repo, p)]
    files = repo.files(commit, [repo.below(p) for p in inside])
    docs = [item for root in inside for item in doc_refs(repo, files, root, cwd)]
    sdks = [s for s in sdks_folders(inside) if within(repo, s)]
    page_files = repo.files(commit, [repo.below(s) for s in sdks])
    page_files = [(path, blob) for path, blob in page_files if is_operation_page(path)]
    blobs = repo.blobs([blob for _, blob in docs] + [blob for _, blob in page_files])
    spec = read_blobs(
        [(doc, blobs[blob]) for doc, blob in docs], paths, config.dialect, Store.default()
    )
    pages = [
        (display(repo, path, cwd), blobs[blob].decode("utf-8", "replace"))
        for path, blob in page_files
    ]
    return _side(spec, pages, config, openapi)


def _side(spec: Spec, pages: list[tuple[str, str]], config: Config, openapi: Path | None) -> Loaded:
    from ..openapi import apply_wire_facts

    spec, _ = apply_wire_facts(spec, replace(config, openapi=openapi))
    operations = tuple(read_operations(pages, spec)) if pages else ()
    directions = _openapi_directions(spec, openapi) if openapi else ()
    return Loaded(Side(spec, operations, directions), spec.diagnostics)


def _openapi_directions(spec: Spec, openapi: Path) -> tuple[tuple[ModelKey, Direction], ...]:
    from .openapi_use import directions

    return directions(spec, openapi)


def doc_refs(
    repo: Repository, files: list[tuple[str, str]], root: Path, cwd: Path
) -> list[tuple[DocRef, str]]:
    """The docs below `root` among the files, placed as the reader places the same files on disk."""
    below = repo.below(root)
    prefix = "" if below == "." else below + "/"
    shown = shown_path(root, cwd)
    found: list[tuple[DocRef, str]] = []
    for path, blob in files:
        if not path.startswith(prefix):
            continue
        rel = path[len(prefix) :]
        parts = rel.split("/")
        if any(p.startswith((".", "_")) for p in parts) or not rel.endswith(".md"):
            continue
        if parts[-1].lower() in _SKIPPED:
            continue
        display = rel if shown == "." else posixpath.join(shown, rel)
        found.append((DocRef(display, rel, shown), blob))
    return sorted(found, key=lambda item: (item[0].rel, item[0].display))
