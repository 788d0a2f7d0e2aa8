"""Jinja filters that turn doc text into Python source safely: text from a doc is data, never code."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.ir import Field, Model
from generator.render.literals import UNSAFE, py_literal
from generator.render.python_view import PyField, merge_imports


def docstring(text: str, indent: int = 0) -> str:
    """A triple-quoted literal holding `text` exactly, whatever quotes or backslashes it contains."""
    body = text.replace("\\", "\\\\")
    body = UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)
    body = body.replace("\r\n", "\n").replace("\r", "\\r")
    body = re.sub('"(?=")', '\\\\"', body)
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    if body.startswith('"'):
        body = '\\"' + body[1:]
    pad = " " * indent
    lines = body.split("\n")
    if len(lines) == 1:
        return f'"""{body}"""'
    body = "\n".join(pad + line.rstrip() if line.strip() else "" for line in lines).lstrip()
    return f'"""{body}\n{pad}"""'


def comment(text: str) -> str:
    """Text safe inside a `#` comment: one line, no control characters."""
    return UNSAFE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def md_cell(text: object) -> str:
    """Text safe inside a markdown table cell: pipes escaped, newlines as `<br/>`."""
    value = str(text).replace("\r\n", "\n").replace("|", "\\|")
    return UNSAFE.sub(" ", value).replace("\n", "<br/>")


def model_docstring(model: Model) -> str:
    text = model.description.strip() or f"The `{model.title}` model."
    if model.deprecated is not None:
        text += f"\n\nDeprecated: {model.deprecated.message}"
    return text


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


FILTERS = {
    "merge_imports": with_imports,
    "pyrepr": py_literal,
    "docstring": docstring,
    "comment": comment,
    "md_cell": md_cell,
    "model_docstring": model_docstring,
    "field_docstring": field_docstring,
}
