"""Python literals for values from docs: exact, and safe to print into generated source."""

from __future__ import annotations

import re
from typing import Any

#: Characters that must never appear raw in generated source: controls other than newline and tab,
#: and the bidirectional overrides that can make code read differently from how it runs.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def py_literal(value: Any) -> str:
    """A Python literal for a str, int, float, bool, None, or a dict/list of them."""
    if isinstance(value, str):
        # repr() already escapes controls; it leaves bidi overrides and line separators raw.
        return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", repr(value))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    raise TypeError(f"no Python literal for {type(value).__name__}")
