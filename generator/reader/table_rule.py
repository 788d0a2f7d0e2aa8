"""markdown-it's own GFM table rule, run with a cell splitter that finds the same cells by regular expression.

markdown-it-py splits every table row character by character in Python (`escapedSplit`), which is more
than half of the time it spends on a doc of field tables. The stock rule is kept as it is; only the name
`escapedSplit` it calls resolves to `split_row` in a private copy of its globals, so no other user of
markdown-it in the process is touched. Where the installed markdown-it does not call `escapedSplit`, or its
`escapedSplit` cuts a probe row differently, the stock rule stays."""

from __future__ import annotations

import re
import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

#: A pipe that no backslash escapes (markdown-it counts one backslash before a pipe as an escape, even
#: when that backslash is itself escaped).
_CELL_BORDER = re.compile(r"(?<!\\)\|")

#: Rows that tell a splitter of this kind from one that treats escapes, code spans or borders otherwise.
PROBES = (
    "",
    "|",
    "||",
    "a|b",
    "| a | b |",
    r"a \| b | c",
    r"a \\| b",
    r"\\\| a | b \|",
    r"| `a|b` | c |",
    r"| `a\|b` | \ |",
    "| a |\\",
    "\\|",
)


def split_row(row: str) -> list[str]:
    """A table row's cells as markdown-it's `escapedSplit` gives them: cut at every pipe no backslash
    precedes; the backslash of an escaped pipe is dropped."""
    if "\\|" not in row:
        return row.split("|")
    return [cell.replace("\\|", "|") for cell in _CELL_BORDER.split(row)]


def use_fast_tables(md: MarkdownIt) -> bool:
    """Put the table rule with `split_row` into `md` (whether it could: see the module docstring)."""
    active = md.block.ruler.getRules("")
    module = sys.modules.get("markdown_it.rules_block.table")
    table = getattr(module, "table", None)
    stock_split = getattr(module, "escapedSplit", None)
    if (
        not isinstance(table, types.FunctionType)
        or table not in active
        or "escapedSplit" not in table.__code__.co_names
        or not callable(stock_split)
        or any(stock_split(probe) != split_row(probe) for probe in PROBES)
    ):
        return False
    rule = types.FunctionType(
        table.__code__,
        {**table.__globals__, "escapedSplit": split_row},
        table.__name__,
        table.__defaults__,
        table.__closure__,
    )
    rule.__kwdefaults__ = table.__kwdefaults__
    alt = [
        chain
        for chain in ("paragraph", "reference", "blockquote", "list")
        if table in md.block.ruler.getRules(chain)
    ]
    md.block.ruler.at("table", rule, {"alt": alt})
    return True
