"""Jinja filters that turn doc text into Python source safely: text from a doc is data, never code."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

from ..ir import ArrayOf, Field, MapOf, Model, Primitive, Ref, TypeExpr, UnionOf
from ..ir import Literal as LiteralType
from . import schema_view
from .layout import (
    annotated,
    annotated_call,
    assignment,
    call_statement,
    class_header,
    def_header,
    fit_literal,
    import_block,
    wrap_call,
    wrap_import,
    wrap_list,
)
from .literals import UNSAFE, py_literal
from .python_styles import FILTERS as STYLE_FILTERS
from .python_view import PyField, merge_imports


def docstring(text: str, indent: int = 0) -> str:
    """A triple-quoted literal holding `text`, whatever quotes or backslashes it contains, laid out as
    black lays out a docstring: outer whitespace and the lines' common indent dropped, leading tabs
    expanded, a space before closing quotes that would touch a quote."""
    body = text.replace("\\", "\\\\")
    body = UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)
    body = body.replace("\r\n", "\n").replace("\r", "\\r")
    body = re.sub('"(?=")', '\\\\"', body).strip()
    if body.startswith('"'):
        body = '\\"' + body[1:]
    first, *rest = body.split("\n")
    rest = [_expand_leading_tabs(line).rstrip() for line in rest]
    margin = min((len(line) - len(line.lstrip()) for line in rest if line), default=0)
    lines = [first.rstrip(), *(line[margin:] for line in rest)]
    if len(lines) == 1:
        only = lines[0] + " " if lines[0].endswith('"') else lines[0] or " "
        return f'"""{only}"""'
    pad = " " * indent
    joined = "\n".join(pad + line if line else "" for line in lines).lstrip()
    return f'"""{joined}\n{pad}"""'


def _expand_leading_tabs(line: str) -> str:
    stripped = line.lstrip()
    return line[: len(line) - len(stripped)].expandtabs() + stripped


def comment(text: str) -> str:
    """Text safe inside a `#` comment: one line, no control characters."""
    return UNSAFE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def md_cell(text: object) -> str:
    """Text safe inside a markdown table cell: pipes escaped, newlines as `<br/>`."""
    value = str(text).replace("\r\n", "\n").replace("|", "\\|")
    return UNSAFE.sub(" ", value).replace("\n", "<br/>")


def model_description(model: Model) -> str:
    """What the doc says of a model, and its deprecation: empty when it says nothing (then a template
    writes no docstring at all, rather than one that repeats the class name)."""
    description = model.description.strip()
    if model.deprecated is None:
        return description
    notice = f"Deprecated: {model.deprecated.message}"
    return f"{description}\n\n{notice}" if description else notice


def model_docstring(model: Model) -> str:
    """`model_description`, or, for a model the doc says nothing of, the doc it is generated from (the doc
    to change, as the module's header asks): the built-in templates write a docstring for every model,
    and a class without fields needs one as its body. Never a placeholder that repeats the class name."""
    source = f"`{model.doc_path}`" if model.doc_path else "the model docs"
    return model_description(model) or f"Generated from {source}."


def field_docstring(field: PyField | Field) -> str:
    description = field.description.strip()
    deprecated = field.deprecated
    message = (
        deprecated if isinstance(deprecated, str) else deprecated.message if deprecated else None
    )
    if message:
        return f"Deprecated: {message}" + (f"\n\n{description}" if description else "")
    return description


def with_imports(lines: Iterable[str], extra: Iterable[str] = ()) -> tuple[str, ...]:
    """A module's import lines plus a template's own, merged per module and sorted."""
    return merge_imports([*lines, *extra])


def block_comment(text: str) -> str:
    """Text safe inside a `/* ... */` comment (JSDoc, C, Go, Java): `*/` cannot close it early."""
    return UNSAFE.sub(" ", text.replace("\r\n", "\n").replace("*/", "*\\/"))


def type_kind(expr: TypeExpr) -> str:
    """Which IR type node this is: primitive, literal, array, map, union or ref (for type macros)."""
    kinds: dict[type, str] = {
        Primitive: "primitive",
        LiteralType: "literal",
        ArrayOf: "array",
        MapOf: "map",
        UnionOf: "union",
        Ref: "ref",
    }
    return kinds[type(expr)]


def relative_module(path: str, start: str) -> str:
    """The relative path from the module at `start` to the module at `path` (`./actor`, `../x/y`)."""
    found = posixpath.relpath(path, posixpath.dirname(start) or ".")
    return found if found.startswith("../") else "./" + found


FILTERS = {
    "wrap_import": wrap_import,
    "import_block": import_block,
    "fit_literal": fit_literal,
    "wrap_call": wrap_call,
    "wrap_list": wrap_list,
    "call_statement": call_statement,
    "annotated": annotated,
    "annotated_call": annotated_call,
    "assignment": assignment,
    "class_header": class_header,
    "def_header": def_header,
    "block_comment": block_comment,
    "type_kind": type_kind,
    "relative_module": relative_module,
    "json": schema_view.dumps,
    "merge_imports": with_imports,
    "pyrepr": py_literal,
    "docstring": docstring,
    "comment": comment,
    "md_cell": md_cell,
    "model_docstring": model_docstring,
    "model_description": model_description,
    "field_docstring": field_docstring,
    **STYLE_FILTERS,
}
