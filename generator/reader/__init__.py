"""Reading: markdown model docs in, the IR (`Spec`) out, with every problem as a diagnostic."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from generator.diagnostics import Collector
from generator.ir import Model, ModelKey, Span, Spec
from generator.reader.cells import is_identifier
from generator.reader.dialects import DIALECTS, Dialect, choose, detect
from generator.reader.document import DocRef, notation, read_document
from generator.reader.page import Page, parse_page
from generator.reader.resolve import resolve

_SKIPPED_NAMES = {"readme.md", "changelog.md", "license.md", "contributing.md"}


def discover(paths: Sequence[Path]) -> list[tuple[Path, DocRef]]:
    """Every doc below the given folders (and the given files), in a stable order."""
    found: dict[Path, DocRef] = {}
    cwd = Path.cwd().resolve()
    for path in paths:
        if path.is_dir():
            for file in _markdown_files(path):
                rel = file.relative_to(path).as_posix()
                found.setdefault(file, DocRef(_display(file, cwd), rel, _display(path, cwd)))
        else:
            found.setdefault(
                path, DocRef(_display(path, cwd), path.name, _display(path.parent, cwd))
            )
    return sorted(found.items(), key=lambda item: (item[1].rel, item[1].display))


def _markdown_files(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if (
                name.endswith(".md")
                and not name.startswith((".", "_"))
                and name.lower() not in _SKIPPED_NAMES
            ):
                yield Path(folder) / name


def _display(path: Path, cwd: Path) -> str:
    """The path as a user would type it: relative to the working directory when below it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def read_docs(paths: Sequence[Path], dialect: str | None = None) -> Spec:
    out = Collector()
    pages: list[tuple[DocRef, Page, Dialect | None]] = []
    for file, doc in discover(paths):
        text = _read_text(file, doc, out)
        if text is not None:
            page = parse_page(text)
            found = DIALECTS[dialect] if dialect and dialect != "auto" else detect(notation(page))
            pages.append((doc, page, found))
    by_root: dict[str, list[Dialect | None]] = defaultdict(list)
    for doc, _, found in pages:
        by_root[doc.root].append(found)
    fallback = {root: choose(found) for root, found in by_root.items()}
    drafts: list[Model] = []
    for doc, page, found in pages:
        model = read_document(doc, page, found or fallback[doc.root], out)
        if model is not None:
            drafts.append(model)
    drafts = _unique(drafts, out)
    models = resolve(drafts, out)
    models.sort(key=lambda m: m.key)
    return Spec(tuple(models), out.sorted())


def _read_text(file: Path, doc: DocRef, out: Collector) -> str | None:
    try:
        data = file.read_bytes()
    except OSError as exc:
        out.error(Span(doc.display, 1), "DM100", f"cannot read: {exc.strerror or exc}")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        out.error(Span(doc.display, line), "DM100", f"not UTF-8 (byte {exc.start})")
        return None


def _unique(models: list[Model], out: Collector) -> list[Model]:
    """One model per key; docs of one folder that share a title are keyed by their file names instead."""
    by_key: dict[ModelKey, list[Model]] = defaultdict(list)
    for model in models:
        by_key[model.key].append(model)
    result: list[Model] = []
    for key, group in by_key.items():
        if len(group) == 1:
            result.append(group[0])
            continue
        stems = [PurePosixPath(m.doc_path).stem for m in group]
        distinct = len(set(stems)) == len(stems) and all(is_identifier(s) for s in stems)
        for model, stem in zip(group, stems, strict=True):
            others = ", ".join(m.source.path for m in group if m is not model)
            if distinct:
                out.warning(
                    model.source,
                    "DM103",
                    f"`{key.name}` is also the title of {others}; this model is named `{stem}` after its file",
                )
                result.append(replace(model, key=ModelKey(key.namespace, stem)))
            else:
                out.error(model.source, "DM103", f"model `{key}` is also defined in {others}")
    return result


__all__ = ["discover", "read_docs"]
