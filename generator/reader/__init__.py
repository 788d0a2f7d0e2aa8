"""Reading: markdown model docs in, the IR (`Spec`) out, with every problem as a diagnostic."""

from __future__ import annotations

import os
import posixpath
import stat
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..cache_store import Store
from ..diagnostics import Collector
from ..ir import Diagnostic, Model, ModelKey, Span, Spec
from ..paths import shown_path
from .cells import is_identifier
from .dialects import DIALECTS, Dialect, choose, detect
from .document import DocRef, notation, read_document
from .page import Page, parse_page
from .page_cache import DraftKey, PageCache, PageFacts, text_key
from .resolve import resolve

#: Limits that keep time and memory bounded on hostile input (the largest real doc is 0.2 MB, 700 lines).
MAX_DOC_BYTES = 2 * 1024 * 1024
MAX_DOC_LINES = 20_000
#: A doc's size, modification time and inode, by its display path (-1s when it cannot be read).
Stamps = dict[str, tuple[int, int, int]]
#: Below this many docs, starting processes costs more than parsing on one core saves.
_PARALLEL_FROM = 300


def discover(paths: Sequence[Path]) -> list[tuple[Path, DocRef]]:
    """Every doc below the given folders (and the given files), in a stable order."""
    return sorted(
        ((Path(file), doc) for file, doc in _doc_files(paths)),
        key=lambda item: (item[1].rel, item[1].display),
    )


def _doc_files(paths: Sequence[Path]) -> list[tuple[str, DocRef]]:
    """The docs `discover` finds, each path a string (a doc found twice counts once, as first found).

    The folders' paths are `Path`s, so each path is in normal form already, as `Path(file)` would put it, and
    `os.path.normcase` compares them as `Path`s compare: `stamp_docs` takes the docs from here without
    making a `Path` of each."""
    found: dict[str, tuple[str, DocRef]] = {}
    cwd = Path.cwd().resolve()
    for path in paths:
        if path.is_dir():
            shown = shown_path(path, cwd)
            for file, rel in _markdown_files(path):
                key = os.path.normcase(file)
                if key not in found:
                    display = rel if shown == "." else posixpath.join(shown, rel)
                    found[key] = (file, DocRef(display, rel, shown))
        else:
            file = os.fspath(path)
            found.setdefault(
                os.path.normcase(file),
                (file, DocRef(shown_path(path, cwd), path.name, shown_path(path.parent, cwd))),
            )
    return list(found.values())


def _markdown_files(root: Path) -> Iterable[tuple[str, str]]:
    """(path, path below `root` in POSIX form) of every doc below `root`."""
    top = os.fspath(root)
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        below = os.path.relpath(folder, top)
        prefix = "" if below == "." else below.replace(os.sep, "/") + "/"
        for name in sorted(files):
            # Never by name: a model may be called `License` or `Readme`; a page that is no model (a
            # README of prose) is skipped by what it holds, with a diagnostic.
            if name.endswith(".md") and not name.startswith((".", "_")):
                yield os.path.join(folder, name), prefix + name


def read_docs(
    paths: Sequence[Path],
    dialect: str | None = None,
    stamps: Stamps | None = None,
    store: Store | None = None,
) -> Spec:
    """The IR of every doc below `paths`; `stamps`, when given, receives each doc's stamp as it is read.

    `store` keeps what unchanged docs showed between runs (None: nothing is kept)."""
    cache = PageCache(store or Store(None), paths)
    return _spec(read_all(discover(paths), dialect, cache, stamps), cache)


def read_blobs(
    blobs: Sequence[tuple[DocRef, bytes]],
    roots: Sequence[Path],
    dialect: str | None = None,
    store: Store | None = None,
) -> Spec:
    """The IR of docs given as (where, bytes) pairs instead of files (such as a git revision's blobs).

    Each doc is held to the same limits as a file, and shares the page cache of the folders `roots`
    (`store`: as for read_docs)."""
    cache = PageCache(store or Store(None), roots)
    texts: list[tuple[DocRef, str | None, Collector]] = []
    for doc, data in blobs:
        out = Collector()
        if len(data) > MAX_DOC_BYTES:
            out.error(
                doc.span(1),
                "DM115",
                f"not read: {len(data):,} bytes, more than the limit of {MAX_DOC_BYTES:,} for one doc",
            )
            texts.append((doc, None, out))
            continue
        texts.append((doc, _decoded(data, doc, out), out))
    return _spec(_read_texts(texts, dialect, cache), cache)


def _spec(read: list[ReadDoc], cache: PageCache) -> Spec:
    """The resolved IR of the docs read, with every problem; keeps the cache for the next run."""
    out = Collector()
    by_root: dict[str, list[Dialect | None]] = defaultdict(list)
    for doc in read:
        out.items.extend(doc.problems)
        if doc.text is not None:
            by_root[doc.ref.root].append(DIALECTS[doc.shown] if doc.shown else None)
    fallback = {root: choose(found) for root, found in by_root.items()}
    wanted = [
        (d, (d.key, d.ref.display, d.ref.rel, d.ref.root, d.shown or fallback[d.ref.root].name))
        for d in read
        if d.text is not None
    ]
    skipped = {d.ref.rel: _skip_reason(d.problems) for d in read if d.text is None}
    drafts = _drafts(cache, wanted, out, skipped)
    cache.save()
    models = resolve(_unique(drafts, out), out, skipped)
    models.sort(key=lambda m: m.key)
    shown = {d.ref.rel: d.ref.display for d in read}
    return Spec(tuple(models), out.sorted(), skipped=tuple(sorted(shown[r] for r in skipped)))


#: Codes that say why a doc gave no model, as the reason a link to it is typed any.
_SKIP_CODES = ("DM101", "DM102", "DM105", "DM107", "DM110", "DM119", "DM134", "DM135", "DM136")


def _skip_reason(problems: Sequence[Diagnostic]) -> str:
    """Why a doc gave no model: the code of the diagnostic that said so."""
    codes = [d.code for d in problems]
    found = next((c for c in codes if c in _SKIP_CODES), None)
    return found or next(iter(codes), "not read")


@dataclass(frozen=True)
class ReadDoc:
    """A doc as read: its text (None: not read) and its digest, the dialect its notation shows, its problems.

    `page` is its parsed page when this run had to parse it."""

    ref: DocRef
    key: str
    text: str | None
    shown: str | None
    problems: list[Diagnostic]
    page: Page | None = None


def _drafts(
    cache: PageCache,
    wanted: list[tuple[ReadDoc, DraftKey]],
    out: Collector,
    skipped: dict[str, str],
) -> list[Model]:
    """The model the reader makes of each doc, as kept from an earlier run when the doc did not change.

    A doc whose draft is not kept is read from its page, parsed now if this run has not parsed it yet.
    A doc that gives no model is added to `skipped` (its path below its root, and why)."""
    kept = {where: cache.drafts.get(where) for _, where in wanted}
    unparsed = {
        doc.key: doc.text
        for doc, where in wanted
        if kept[where] is None and doc.page is None and doc.text is not None
    }
    pages = {key: page for key, (page, _) in _parse_texts(list(unparsed.items())).items()}
    models: list[Model] = []
    for doc, where in wanted:
        draft = kept[where]
        if draft is None:
            page = doc.page or pages[doc.key]
            own = Collector()
            draft = (read_document(doc.ref, page, DIALECTS[where[4]], own), own.items)
            draft = cache.put_draft(where, draft)
        out.items.extend(draft[1])
        if draft[0] is not None:
            models.append(draft[0])
        else:
            skipped[doc.ref.rel] = _skip_reason(draft[1])
    return models


def read_all(
    docs: list[tuple[Path, DocRef]],
    dialect: str | None,
    cache: PageCache,
    stamps: Stamps | None = None,
) -> list[ReadDoc]:
    """Every doc read, in order, with the dialect its notation shows and its problems.

    What a doc's page shows is kept by the digest of its text: an unchanged doc is not parsed again. Past a
    few hundred docs to parse, they are parsed on every core (markdown-it builds a token per table cell)."""
    texts: list[tuple[DocRef, str | None, Collector]] = []
    for file, doc in docs:
        out = Collector()
        info, linked = _stat(file)
        if stamps is not None:
            stamps[doc.display] = _stamp(info)
        texts.append((doc, _read_text(file, doc, out, info, linked), out))
    return _read_texts(texts, dialect, cache)


def _read_texts(
    texts: list[tuple[DocRef, str | None, Collector]], dialect: str | None, cache: PageCache
) -> list[ReadDoc]:
    """The docs whose texts are read (None: not readable), with their dialects and problems."""
    keys = [text_key(text) if text is not None else "" for _, text, _ in texts]
    facts: dict[str, PageFacts] = {}
    missing: dict[str, str] = {}
    for key, (_, text, _) in zip(keys, texts, strict=True):
        found = cache.facts.get(key) if text is not None else None
        if found is not None:
            facts[key] = found
        elif text is not None:
            missing[key] = text
    parsed = _parse_texts(list(missing.items()))
    for key, (page, detected) in parsed.items():
        facts[key] = (detected, tuple(page.unclosed_fences))
        cache.put_facts(key, facts[key])
    results: list[ReadDoc] = []
    for key, (doc, text, out) in zip(keys, texts, strict=True):
        if text is None:
            results.append(ReadDoc(doc, key, None, None, out.items))
            continue
        detected, unclosed = facts[key]
        for line, marker in unclosed:
            out.warning(
                doc.span(line),
                "DM117",
                f"the code fence opened here ({marker}) is never closed: the rest of the doc reads as code",
            )
        shown = dialect if dialect and dialect != "auto" else detected
        fresh = parsed.get(key)
        results.append(ReadDoc(doc, key, text, shown, out.items, fresh[0] if fresh else None))
    return results


def _parse_texts(texts: list[tuple[str, str]]) -> dict[str, tuple[Page, str | None]]:
    """Each (key, text) parsed to a page and the dialect its notation shows; on every core when many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(texts) < _PARALLEL_FROM or workers < 2:
        return dict(_parse_chunk(texts))
    # This process parses one share itself while the other cores parse theirs.
    shares = [texts[i::workers] for i in range(workers)]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers - 1) as pool:
        futures = [pool.submit(_parse_chunk, share) for share in shares[1:]]
        done = _parse_chunk(shares[0])
        for future in futures:
            done.extend(future.result())
    return dict(done)


def _parse_chunk(texts: list[tuple[str, str]]) -> list[tuple[str, tuple[Page, str | None]]]:
    found: list[tuple[str, tuple[Page, str | None]]] = []
    for key, text in texts:
        page = parse_page(text)
        dialect = detect(notation(page))
        found.append((key, (page, dialect.name if dialect else None)))
    return found


def _stat(file: str | Path) -> tuple[os.stat_result | None, bool]:
    """The doc's stat through symbolic links (None: there is no such file, or it cannot be told), and
    whether the doc is a symbolic link. A plain file costs one call; only a link costs a second."""
    try:
        info = os.lstat(file)
    except OSError:
        return None, False
    if not stat.S_ISLNK(info.st_mode):
        return info, False
    try:
        return os.stat(file), True
    except OSError:
        return None, True


def _stamp(info: os.stat_result | None) -> tuple[int, int, int]:
    if info is None:
        return (-1, -1, -1)
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _read_text(
    file: Path, doc: DocRef, out: Collector, info: os.stat_result | None, linked: bool
) -> str | None:
    """The doc's text, or None (with a diagnostic) when it is not a readable, bounded UTF-8 text file.

    `info` is its stat, taken just before; `linked`, whether the doc is a symbolic link."""
    if linked and _escapes(file, doc.root):
        out.warning(
            doc.span(1), "DM135", "skipped: a symbolic link to a file outside the docs folder"
        )
        return None
    if info is None or not stat.S_ISREG(info.st_mode):
        what = "not a regular file" if info is not None else "no such file"
        out.error(doc.span(1), "DM100", f"cannot read: {what}")
        return None
    if info.st_size > MAX_DOC_BYTES:
        out.error(
            doc.span(1),
            "DM115",
            f"not read: {info.st_size:,} bytes, more than the limit of {MAX_DOC_BYTES:,} for one doc",
        )
        return None
    try:
        # Unbuffered: a buffered reader costs three system calls more per doc.
        with open(file, "rb", buffering=0) as handle:
            data = _read_bounded(handle, info.st_size + 1, MAX_DOC_BYTES + 1)
    except OSError as exc:
        out.error(doc.span(1), "DM100", f"cannot read: {exc.strerror or exc}")
        return None
    if len(data) > MAX_DOC_BYTES:  # it grew after the size check
        out.error(doc.span(1), "DM115", f"not read: more than {MAX_DOC_BYTES:,} bytes")
        return None
    return _decoded(data, doc, out)


def _decoded(data: bytes, doc: DocRef, out: Collector) -> str | None:
    """A doc's bytes as text, or None (with a diagnostic) when empty, not UTF-8, or too long."""
    if not data.strip():
        out.warning(doc.span(1), "DM134", "skipped: the doc is empty")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if b"\x00" in data:
            out.error(
                doc.span(1), "DM116", "not read: a binary file (or UTF-16): it holds NUL bytes"
            )
        else:
            out.error(doc.span(line), "DM100", f"not UTF-8 (byte {exc.start})")
        return None
    lines = text.count("\n") + 1
    if lines > MAX_DOC_LINES:
        out.error(
            doc.span(1),
            "DM132",
            f"not read: {lines:,} lines, more than the limit of {MAX_DOC_LINES:,} for one doc",
        )
        return None
    return text


def _read_bounded(handle: BinaryIO, first: int, limit: int) -> bytes:
    """The file to its end, but no more than `limit` bytes.

    The first read asks for `first` bytes (the size the stat told, and one more): a 2 MB buffer for
    every doc would cost more than reading it. A file that grew since, or a short read, is read on."""
    data = handle.read(first)
    while data and len(data) < limit:
        more = handle.read(min(limit - len(data), max(len(data), 1 << 16)))
        if not more:
            break
        data += more
    return data


def _escapes(file: Path, root: str) -> bool:
    """Whether a doc that is a symbolic link leads out of its docs folder."""
    try:
        return not file.resolve().is_relative_to(Path(root).resolve())
    except (OSError, RuntimeError):  # a loop of links
        return True


def stamp_docs(paths: Sequence[Path]) -> Stamps:
    """Each doc's size, modification time and inode now (`read_docs` takes them as it reads each doc)."""
    return {doc.display: _stamp(_stat(file)[0]) for file, doc in _doc_files(paths)}


def changed_docs(paths: Sequence[Path], before: Stamps) -> list[Diagnostic]:
    """A DM405 error for each doc that was added, removed, changed or replaced since `before`."""
    after = stamp_docs(paths)
    return [
        Diagnostic(
            Span(path, 1),
            "error",
            "DM405",
            "this doc changed while docmodels ran; nothing was written: run gen again",
        )
        for path in sorted(before.keys() | after.keys())
        if before.get(path) != after.get(path)
    ]


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


__all__ = ["Stamps", "changed_docs", "discover", "read_blobs", "read_docs", "stamp_docs"]
