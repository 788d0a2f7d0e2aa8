"""Python literals for values from docs: exact, safe to print into generated source, in black's style."""

from __future__ import annotations

import re
from typing import Any

#: Characters that must never appear raw in generated source: controls other than newline and tab,
#: and the bidirectional overrides that can make code read differently from how it runs.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def py_literal(value: Any) -> str:
    """A Python literal for a str, int, float, bool, None, or a dict/list of them."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")


def _string(value: str) -> str:
    """Double quotes unless they would need more escapes than single ones: black's own choice."""
    quote = "'" if value.count('"') > value.count("'") else '"'
    body = "".join(_char(c, quote) for c in value) if _needs_escapes(value) else value
    return quote + body + quote


def _needs_escapes(value: str) -> bool:
    return not value.isprintable() or any(c in value for c in "\\'\"") or bool(UNSAFE.search(value))


def _char(c: str, quote: str) -> str:
    if c == quote:
        return "\\" + c
    if c in "'\"":
        return c
    if UNSAFE.match(c):
        return f"\\u{ord(c):04x}" if ord(c) > 0xFF else f"\\x{ord(c):02x}"
    # repr() escapes backslashes, newlines, tabs and every unprintable character.
    return repr(c)[1:-1]
