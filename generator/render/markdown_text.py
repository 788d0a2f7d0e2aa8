"""Doc text made safe for markdown: inline text, code spans, code fences and links (GitHub and MkDocs)."""

from __future__ import annotations

import re
from functools import cache

from .literals import UNSAFE

#: ASCII punctuation that can start or end markdown (or GitHub math) inline syntax.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&!~$#])")
_BACKTICKS = re.compile(r"`+")


@cache
def inline(text: str) -> str:
    """Text shown as it is in running text or a table cell: markdown punctuation escaped, one line."""
    one_line = UNSAFE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", " ")
    return _SPECIAL.sub(r"\\\1", one_line)


@cache
def code_span(text: str, in_table: bool = False) -> str:
    """`text` as inline code, whatever backticks it holds (in a table, a pipe is written `\\|`)."""
    one_line = UNSAFE.sub(" ", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    longest = max((len(run) for run in _BACKTICKS.findall(one_line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if one_line.startswith("`") or one_line.endswith("`") else ""
    if in_table:
        one_line = one_line.replace("|", "\\|")
    return f"{fence}{pad}{one_line}{pad}{fence}"


def code_fence(text: str) -> str:
    """A fence that no line of `text` can close: one backtick more than its longest run (at least 3)."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    return "`" * max(3, longest + 1)


@cache
def relative_link(target: str, page: str) -> str:
    """The link from the page at `page` to the page at `target` (both normalised paths relative to the
    docs folder): `posixpath.relpath` without its trips to the working folder, which cost most of a page."""
    here = page.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(text: str, target: str, page: str) -> str:
    """A markdown link with escaped text from `page` to `target`."""
    return f"[{inline(text)}]({relative_link(target, page)})"
