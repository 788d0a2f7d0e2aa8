"""Jinja filters that turn doc text into Python source safely: text from a doc is data, never code."""

from __future__ import annotations

import re
from typing import Any

from generator.ir import Field, Model
from generator.render.python_view import PyField

# Characters that must never appear raw in generated source: controls other than newline and tab,
# and the bidirectional overrides that can make code read differently from how it runs.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def pyrepr(value: Any) -> str:
    """A Python literal for a str, int, float, bool, None, or a dict/list of them."""
    if isinstance(value, str):
        return _string_literal(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")


def _string_literal(text: str) -> str:
    literal = repr(text)
    # repr() already escapes controls; it leaves bidi overrides and line separators raw.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", literal)


def docstring(text: str, indent: int = 0) -> str:
    """A triple-quoted literal holding `text` exactly, whatever quotes or backslashes it contains."""
    body = text.replace("\\", "\\\\")
    body = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)
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
    return _UNSAFE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def md_cell(text: object) -> str:
    """Text safe inside a markdown table cell: pipes escaped, newlines as `<br/>`."""
    value = str(text).replace("\r\n", "\n").replace("|", "\\|")
    return _UNSAFE.sub(" ", value).replace("\n", "<br/>")


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


FILTERS = {
    "pyrepr": pyrepr,
    "docstring": docstring,
    "comment": comment,
    "md_cell": md_cell,
    "model_docstring": model_docstring,
    "field_docstring": field_docstring,
}
