"""Python literals for values from docs: exact, safe to print into generated source, in black's style."""

from __future__ import annotations

import re
from typing import Any

from .printable import all_printable, printable

#: Characters that must never appear raw in generated source: controls other than newline and tab,
#: and the bidirectional overrides that can make code read differently from how it runs.
_UNSAFE_CHARS = r"\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")
#: What a string's body cannot hold as it is: a quote, a backslash, or an unsafe character.
_ESCAPED = re.compile(f"[\\\\'\"{_UNSAFE_CHARS}]")
_NAMED_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def py_literal(value: Any) -> str:
    """A Python literal for a str, int, float, bool, None, or a dict/list of them."""
    return kept_literal(value, None)


def kept_literal(value: Any, known: dict[int, str] | None) -> str:
    """`py_literal`, keeping in `known` the literal of each string, dict and list met, by identity: for a
    caller that asks again for parts of the same value while it holds it (`fit_literal`), each part is
    written once."""
    if known is not None and id(value) in known:
        return known[id(value)]
    if isinstance(value, str):
        text = _string(value)
    elif isinstance(value, dict):
        items = (f"{kept_literal(k, known)}: {kept_literal(v, known)}" for k, v in value.items())
        text = "{" + ", ".join(items) + "}"
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(kept_literal(v, known) for v in value) + "]"
    elif value is None or isinstance(value, bool | int | float):
        return repr(value)
    else:
        raise TypeError(f"no Python literal for {type(value).__name__}")
    if known is not None:
        known[id(value)] = text
    return text


def _string(value: str) -> str:
    """Double quotes unless they would need more escapes than single ones: black's own choice."""
    quote = "'" if value.count('"') > value.count("'") else '"'
    body = "".join(_char(c, quote) for c in value) if _needs_escapes(value) else value
    return quote + body + quote


def _needs_escapes(value: str) -> bool:
    return not all_printable(value) or bool(_ESCAPED.search(value))


def _char(c: str, quote: str) -> str:
    if c == quote:
        return "\\" + c
    if c in "'\"":
        return c
    if UNSAFE.match(c):
        return f"\\u{ord(c):04x}" if ord(c) > 0xFF else f"\\x{ord(c):02x}"
    # As repr() escapes, but by docmodels' own table of printable characters, not the interpreter's.
    if c in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[c]
    if printable(c):
        return c
    code = ord(c)
    return (
        f"\\x{code:02x}"
        if code <= 0xFF
        else f"\\u{code:04x}"
        if code <= 0xFFFF
        else f"\\U{code:08x}"
    )
