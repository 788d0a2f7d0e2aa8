"""`docmodels lint`: what is worth fixing in the docs, reported without generating anything.

Links to nothing, models nobody uses, fields without descriptions, deprecations without a message, names that
need escaping in Python, and docs the reader only partly understood; the reader's own errors and warnings too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .cache_store import Store
from .degradation import Degradation
from .diagnostics import Collector
from .ir import Diagnostic, Model, ModelKey, Ref, Span, Spec, walk_type
from .reader import discover, read_docs
from .reader.cells import DEFAULT_DEPRECATION
from .render import naming

EXIT_OK, EXIT_WARNINGS, EXIT_ERROR = 0, 1, 2
#: Reader diagnostics that mean a doc was only partly understood (lint repeats them as DM605 warnings).
PARTLY_UNDERSTOOD = ("DM104", "DM105", "DM107", "DM130", "DM203")
_LINK = re.compile(r"\]\((?P<href>[^)\s]+)\)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")


def lint(
    paths: Sequence[Path], dialect: str | None = None, store: Store | None = None
) -> list[Diagnostic]:
    """Every lint finding and every reader diagnostic that is not an info, sorted (`store`: see read_docs)."""
    return _lint(paths, dialect, store)[0]


def _lint(
    paths: Sequence[Path], dialect: str | None, store: Store | None
) -> tuple[list[Diagnostic], Spec]:
    """The findings, and the IR they were found in."""
    spec = read_docs(paths, dialect, store=store)
    out = Collector()
    reported_links = {(d.span.path, d.span.line) for d in spec.diagnostics if d.code == "DM200"}
    _links(paths, reported_links, out)
    _unused(spec, out)
    for model in spec.models:
        _model(model, out)
    for d in spec.diagnostics:
        if d.code in PARTLY_UNDERSTOOD:
            out.warning(d.span, "DM605", f"only partly understood: {d.message} ({d.code})")
    found = [
        d for d in spec.diagnostics if d.severity != "info" and d.code not in PARTLY_UNDERSTOOD
    ]
    return sorted(set(found) | set(out.items)), spec


def _links(paths: Sequence[Path], reported: set[tuple[str, int]], out: Collector) -> None:
    """Relative links (in any line outside code blocks) whose target file does not exist."""
    for file, doc in discover(paths):
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the reader reports it
        in_fence = False
        for number, line in enumerate(lines, start=1):
            if _FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence or (doc.display, number) in reported:
                continue
            for match in _LINK.finditer(line):
                href = match.group("href").split("#", 1)[0]
                if not href or _EXTERNAL.match(href):
                    continue
                target = file.parent / posixpath.normpath(href)
                if not target.exists():
                    out.warning(
                        Span(doc.display, number, match.start("href") + 1),
                        "DM600",
                        f"link to `{match.group('href')}`: no such file",
                    )


def _unused(spec: Spec, out: Collector) -> None:
    """Enums, unions and aliases that no other model refers to (objects may be an API's entry points)."""
    used: set[ModelKey] = set()
    for model in spec.models:
        types = [f.type for f in model.fields] + list(model.members)
        for expr in types:
            used.update(t.key for t in walk_type(expr) if isinstance(t, Ref) and t.key != model.key)
    for model in spec.models:
        if model.kind != "object" and model.key not in used:
            out.warning(model.source, "DM601", f"no model uses `{model.title}`")


def _model(model: Model, out: Collector) -> None:
    if model.deprecated is not None and model.deprecated.message == DEFAULT_DEPRECATION:
        out.warning(model.source, "DM603", f"`{model.title}` is deprecated without a message")
    if naming.class_name(model.title) != model.title:
        out.warning(
            model.source,
            "DM604",
            f"`{model.title}` becomes the Python class `{naming.class_name(model.title)}`",
        )
    names = [f.name for f in model.fields]
    plain = [naming.snake_case(n) or "field" for n in names]
    safe = naming.attribute_names(names, ())
    for field, wanted, actual in zip(model.fields, plain, safe, strict=True):
        if not field.description:
            out.warning(field.source, "DM602", f"field `{field.name}` has no description")
        if field.deprecated is not None and field.deprecated.message == DEFAULT_DEPRECATION:
            out.warning(
                field.source, "DM603", f"field `{field.name}` is deprecated without a message"
            )
        if actual != wanted:
            out.warning(
                field.source,
                "DM604",
                f"field `{field.name}` becomes the Python attribute `{actual}` "
                "(a keyword, or a clash with another field)",
            )


def run_lint(paths: Sequence[Path], dialect: str | None, strict: bool, stdout: TextIO) -> int:
    found, spec = _lint(paths, dialect, Store.default())
    for diagnostic in found:
        print(diagnostic.render(), file=stdout)
    errors = sum(1 for d in found if d.severity == "error")
    warnings = len(found) - errors
    # What the reader did not understand, counted as gen counts it (each item has its warning above).
    understood = Degradation.of(spec).phrase()
    print(
        f"docmodels lint: {errors} errors, {warnings} warnings"
        + (f"; {understood}" if understood else ""),
        file=stdout,
    )
    if errors:
        return EXIT_ERROR
    return EXIT_WARNINGS if strict and warnings else EXIT_OK
