"""The two sides of a diff: docs folders, `docmodels ir` JSON files, or the docs at a git revision."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from generator.config import Config
from generator.diff.compare import Side
from generator.diff.gitref import GitError, Repository, display, doc_refs
from generator.diff.ir_load import IRFormatError, spec_from_json
from generator.diff.operations import is_operation_page, read_operations
from generator.diff.rules import Direction
from generator.ir import Diagnostic, ModelKey, Span, Spec

#: How far above a docs folder its SDK's `sdks/` folder of operation pages may be (`docs/models` ->
#: `docs/sdks`; `docs/pkg/models` -> `docs/sdks`).
_SDKS_UP = 3


class Unreadable(Exception):
    """A side cannot be read at all (DM800-DM809)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Loaded:
    side: Side
    #: The readers' diagnostics for this side (a doc with errors is missing from it).
    diagnostics: tuple[Diagnostic, ...]


def problem(code: str, where: str, message: str) -> Unreadable:
    return Unreadable(Diagnostic(Span(where, 1), "error", code, message))


def sdks_folders(roots: list[Path]) -> list[Path]:
    """The `sdks/` folders beside or above the docs folders, where operation pages are."""
    found: list[Path] = []
    for root in roots:
        folder = root if root.is_dir() else root.parent
        for candidate in (folder, *list(folder.parents)[: _SDKS_UP - 1]):
            sdks = candidate / "sdks"
            if sdks not in found and sdks != folder:
                found.append(sdks)
    return found


def load_folders(paths: list[Path], config: Config, openapi: Path | None) -> Loaded:
    """Docs folders (or files) on disk, with the operation pages beside them."""
    from generator.reader import read_docs

    for path in paths:
        if not path.exists():
            raise problem("DM802", path.as_posix(), "no such folder or file")
    spec = read_docs(paths, config.dialect)
    cwd = Path.cwd().resolve()
    pages: list[tuple[str, str]] = []
    for sdks in sdks_folders(paths):
        if sdks.is_dir():
            for page in sorted(sdks.glob("*/*")):
                if page.is_file() and is_operation_page(page.relative_to(sdks.parent).as_posix()):
                    pages.append(
                        (_shown(page, cwd), page.read_text(encoding="utf-8", errors="replace"))
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
    from generator.reader import read_blobs

    repo, commit = open_ref(ref, paths)
    cwd = Path.cwd().resolve()
    inside = [p for p in paths if _within(repo, p)]
    files = repo.files(commit, [repo.below(p) for p in inside])
    docs = [item for root in inside for item in doc_refs(repo, files, root, cwd)]
    sdks = [s for s in sdks_folders(inside) if _within(repo, s)]
    page_files = repo.files(commit, [repo.below(s) for s in sdks])
    page_files = [(path, blob) for path, blob in page_files if is_operation_page(path)]
    blobs = repo.blobs([blob for _, blob in docs] + [blob for _, blob in page_files])
    spec = read_blobs([(doc, blobs[blob]) for doc, blob in docs], paths, config.dialect)
    pages = [
        (display(repo, path, cwd), blobs[blob].decode("utf-8", "replace"))
        for path, blob in page_files
    ]
    return _side(spec, pages, config, openapi)


def open_ref(ref: str, paths: list[Path]) -> tuple[Repository, str]:
    """The repository around the docs, and the commit `ref` names there."""
    folder = next((p if p.is_dir() else p.parent for p in paths if p.exists()), Path.cwd())
    try:
        repo = Repository.around(folder)
        return repo, repo.commit(ref)
    except GitError as exc:
        raise problem(exc.code, folder.as_posix(), str(exc)) from exc


def unchanged_since(ref: str, paths: list[Path]) -> bool:
    """Whether the docs and operation pages below `paths` are byte for byte what they are at `ref`."""
    repo, commit = open_ref(ref, paths)
    watched = [p for p in [*paths, *sdks_folders(paths)] if _within(repo, p) and p.exists()]
    try:
        return len(watched) > 0 and repo.unchanged(commit, watched)
    except GitError:
        return False


def _side(spec: Spec, pages: list[tuple[str, str]], config: Config, openapi: Path | None) -> Loaded:
    from generator.openapi import apply_wire_facts

    spec, _ = apply_wire_facts(spec, replace(config, openapi=openapi))
    operations = tuple(read_operations(pages, spec)) if pages else ()
    directions = _openapi_directions(spec, openapi) if openapi else ()
    return Loaded(Side(spec, operations, directions), spec.diagnostics)


def _openapi_directions(spec: Spec, openapi: Path) -> tuple[tuple[ModelKey, Direction], ...]:
    from generator.diff.openapi_use import directions

    return directions(spec, openapi)


def _within(repo: Repository, path: Path) -> bool:
    return not repo.below(path).startswith("..")


def _shown(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()
