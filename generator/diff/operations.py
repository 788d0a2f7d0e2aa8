"""Operation pages (`docs/sdks/<resource>/README.md`): each SDK method's request, response and errors.

Speakeasy writes one page per resource: an `## <method>` section per operation (struck through when
deprecated) with `### Parameters` (a `request` row naming one model, or one row per keyword parameter),
`### Response` (the returned type, in bold) and `### Errors` (a table of error types)."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable

from ..ir import (
    ArrayOf,
    Link,
    MapOf,
    ModelKey,
    Primitive,
    Ref,
    Span,
    Spec,
    TypeExpr,
    UnionOf,
)
from ..reader import cells
from ..reader.dialects import DIALECTS, Dialect, TypeNotationError
from ..reader.page import Section, Table, Text, parse_page
from .change import Operation, Parameter

#: Parameters that configure the SDK call, not the request the API receives.
_PLUMBING = frozenset(
    {
        "retries",
        "server_url",
        "timeout_ms",
        "http_headers",
        "accept_header_override",
        "opts",
        "options",
    }
)
_STRUCK = re.compile(r"^~~(.*)~~$")
_BOLD = re.compile(r"^\*\*(.*)\*\*$", re.DOTALL)


def is_operation_page(rel: str) -> bool:
    """Whether a path below an SDK's docs folder is an operation page (`sdks/<resource>/README.md`)."""
    parts = rel.split("/")
    return len(parts) >= 3 and parts[-3].lower() == "sdks" and parts[-1].lower() == "readme.md"


def read_operations(pages: Iterable[tuple[str, str]], spec: Spec) -> list[Operation]:
    """Every operation on the pages given as (display path, text), with its types linked to `spec`."""
    dialect = _dialect(spec)
    names = _Names(spec)
    found: list[Operation] = []
    for path, text in sorted(pages):
        found.extend(_page_operations(path, text, dialect, names))
    return _unique_names(found)


def _dialect(spec: Spec) -> Dialect:
    counts: dict[str, int] = defaultdict(int)
    for model in spec.models:
        if model.dialect in DIALECTS:
            counts[model.dialect] += 1
    best = max(sorted(counts), key=counts.__getitem__, default="plain")
    return DIALECTS[best]


class _Names:
    """Finds the model a link on an operation page names: by the doc it links to, else by its name."""

    def __init__(self, spec: Spec) -> None:
        self.by_path = {m.source.path: m.key for m in spec.models}
        self.by_name: dict[str, list[ModelKey]] = defaultdict(list)
        for model in spec.models:
            self.by_name[model.key.name.lower()].append(model.key)

    def link(self, page: str, href: str | None, text: str) -> TypeExpr:
        if href:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
            if target in self.by_path:
                return Ref(self.by_path[target])
            folder = posixpath.dirname(target).lower()
        else:
            folder = ""
        name = re.split(r"[.\\:/]", text.strip().strip("`*"))[-1].lower()
        keys = self.by_name.get(name, [])
        if not keys:
            return Link(href, text)
        near = [k for k in keys if folder and folder.endswith(k.namespace.lower())]
        return Ref(sorted(near or keys)[0])

    def resolve(self, page: str, expr: TypeExpr) -> TypeExpr:
        if isinstance(expr, Link):
            return self.link(page, expr.href, expr.text)
        if isinstance(expr, ArrayOf):
            return ArrayOf(self.resolve(page, expr.item))
        if isinstance(expr, MapOf):
            return MapOf(self.resolve(page, expr.value))
        if isinstance(expr, UnionOf):
            return UnionOf(tuple(self.resolve(page, m) for m in expr.members))
        return expr


def _page_operations(path: str, text: str, dialect: Dialect, names: _Names) -> list[Operation]:
    page = parse_page(text)
    resource = path.split("/")[-2] if "/" in path else "sdk"
    operations: list[Operation] = []
    for section in page.sections:
        title = section.title.strip()
        struck = _STRUCK.match(title)
        method = (struck.group(1) if struck else title).strip().strip("`")
        if not method.isidentifier() or method.lower() == "overview":
            continue
        subs = {s.title.strip().lower(): s for s in section.subsections}
        if not ({"parameters", "response", "errors"} & subs.keys()):
            continue
        call = _call_name(subs.get("example usage"), method) or f"{resource}.{method}"
        request, parameters = _request(path, subs.get("parameters"), dialect, names)
        operations.append(
            Operation(
                name=call,
                source=Span(path, section.line),
                deprecated=bool(struck),
                request=request,
                parameters=parameters,
                response=_response(path, subs.get("response"), dialect, names),
                errors=_errors(path, subs.get("errors"), names),
            )
        )
    return operations


def _call_name(example: Section | None, method: str) -> str | None:
    """`resource.method` as the example calls it (`clerk.users.list(`, `$sdk->users->list(`)."""
    if example is None:
        return None
    pattern = re.compile(rf"(\w+)\s*(?:\.|->)\s*{re.escape(method)}\s*\(")
    for block in example.blocks:
        content = getattr(block, "content", None)
        if isinstance(content, str):
            found = pattern.search(content)
            if found:
                return f"{found.group(1)}.{method}"
    return None


def _table(section: Section | None) -> Table | None:
    if section is None:
        return None
    return next((b for b in section.blocks if isinstance(b, Table)), None)


def _parse(cell: str, dialect: Dialect) -> tuple[TypeExpr, bool, bool | None]:
    try:
        parsed = dialect.parse_type(cell)
    except TypeNotationError:
        return Primitive("any"), False, None
    return parsed.type, parsed.optional, parsed.nullable


def _request(
    path: str, section: Section | None, dialect: Dialect, names: _Names
) -> tuple[TypeExpr | None, tuple[Parameter, ...]]:
    table = _table(section)
    if table is None:
        return None, ()
    header = [h.strip().lower() for h in table.header]
    at = {name: i for i, name in enumerate(header)}
    if "parameter" not in at or "type" not in at:
        return None, ()
    parameters: list[Parameter] = []
    for row in table.rows:
        # PHP writes parameters as variables (`$request`).
        named = cells.name_cell(row.cells[at["parameter"]].strip().strip("`").lstrip("$"))
        if named is None:
            continue
        name = named.name
        cell = row.cells[at["type"]]
        # The SDK's own plumbing: retry settings, server overrides, Go's context, external types.
        if name in _PLUMBING or "/utils/" in cell or "](http" in cell:
            continue
        expr, optional, nullable = _parse(cell, dialect)
        marker = cells.required_marker(row.cells[at["required"]]) if "required" in at else None
        required = bool(marker) and not optional
        described = cells.split_deprecation(
            row.cells[at["description"]] if "description" in at else ""
        )
        description = described.description
        span = Span(path, row.line)
        parameters.append(
            Parameter(name, names.resolve(path, expr), required, nullable, description, span)
        )
    if len(parameters) == 1 and parameters[0].name == "request":
        return parameters[0].type, ()
    return None, tuple(parameters)


def _response(
    path: str, section: Section | None, dialect: Dialect, names: _Names
) -> TypeExpr | None:
    if section is None:
        return None
    for block in section.blocks:
        if isinstance(block, Text):
            bold = _BOLD.match(block.text.strip())
            cell = bold.group(1) if bold else block.text.strip()
            expr, _, _ = _parse(cell, dialect)
            return names.resolve(path, expr)
    return None


def _errors(path: str, section: Section | None, names: _Names) -> tuple[TypeExpr, ...]:
    table = _table(section)
    if table is None:
        return ()
    header = [h.strip().lower() for h in table.header]
    column = next((i for i, h in enumerate(header) if h.startswith("error")), None)
    if column is None:
        return ()
    found: list[TypeExpr] = []
    for row in table.rows:
        text = row.cells[column].strip().strip("`")
        if text:
            found.append(names.link(path, None, text))
    return tuple(found)


def _unique_names(operations: list[Operation]) -> list[Operation]:
    """Operations keyed by name: a second page with the same `resource.method` keeps its page in the name."""
    from dataclasses import replace

    seen: set[str] = set()
    result: list[Operation] = []
    for op in operations:
        if op.name in seen:
            op = replace(op, name=f"{op.name} ({op.source.path})")
        seen.add(op.name)
        result.append(op)
    return result
