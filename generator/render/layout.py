"""black's layout for the statements templates write, so that black has nothing left to change.

A statement that fits in black's 88 columns stays on one line. One that does not is written the way black
keeps it: one item per line and a trailing comma (black's "magic trailing comma" leaves that as it is).
Anything still too long after that is left to black itself (see `generator.formatting.fits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.render.literals import py_literal

LINE_LENGTH = 88
#: An argument of `wrap_call`: source text, or a `[lead, value]` pair.
Argument = str | Sequence[Any]


def within(text: str, indent: int = 0) -> bool:
    """Whether a line fits in black's 88 columns, counted as black counts them (East Asian wide
    characters take two)."""
    if indent + len(text) > LINE_LENGTH:
        return False
    if text.isascii() or indent + 2 * len(text) <= LINE_LENGTH:
        return True
    from black.strings import str_width

    return indent + str_width(text) <= LINE_LENGTH


def wrap_import(line: str, indent: int = 0) -> str:
    """`from m import a, b`, or the parenthesised one-name-per-line form when it is too long."""
    if within(line, indent) or " import " not in line or "#" in line:
        return line
    head, _, names = line.partition(" import ")
    return exploded(f"{head} import (", [n.strip() + "," for n in names.split(",")], ")", indent)


def wrap_call(head: str, args: Sequence[Argument], indent: int = 0, tail: str = "") -> str:
    """`head(args)tail` (`head` ends where the bracket opens), one argument per line when too long.

    An argument is source text, or a `[lead, value]` pair: `value` written as a Python literal after
    `lead` (`"metadata="`), itself spread over lines when it does not fit on its own.
    """
    items = [a for a in args if a]
    flat = [a if isinstance(a, str) else a[0] + py_literal(a[1]) for a in items]
    line = f"{head}({', '.join(flat)}){tail}"
    if within(line, indent) or not items:
        return line
    inner = indent + 4
    laid = [f"{a}," if isinstance(a, str) else fit_literal(a[1], inner, a[0], ",") for a in items]
    return exploded(f"{head}(", laid, ")" + tail, indent)


def fit_literal(value: Any, indent: int = 0, lead: str = "", trail: str = "") -> str:
    """`lead` + a Python literal + `trail`, its dicts and lists one item per line where too long."""
    line = lead + py_literal(value) + trail
    if within(line, indent) or not value or not isinstance(value, dict | list):
        return line
    inner = indent + 4
    if isinstance(value, dict):
        parts = [fit_literal(v, inner, py_literal(k) + ": ", ",") for k, v in value.items()]
        opening, closing = "{", "}"
    else:
        parts = [fit_literal(v, inner, "", ",") for v in value]
        opening, closing = "[", "]"
    return exploded(lead + opening, parts, closing + trail, indent)


def exploded(opening: str, items: Sequence[str], closing: str, indent: int) -> str:
    """`opening`, each item (ending in its comma) on its own line one level in, then `closing`;
    the first line is not indented."""
    inner = " " * (indent + 4)
    body = "".join(f"{inner}{item}\n" for item in items)
    return f"{opening}\n{body}{' ' * indent}{closing}"


def import_block(groups: Sequence[Sequence[str]]) -> str:
    """Groups of import lines, a blank line between groups, empty groups left out, no final newline."""
    return "\n\n".join("\n".join(wrap_import(line) for line in group) for group in groups if group)
