"""A whole doc in canonical layout: sections in order, tables formatted, blank lines and line ends tidied.

It works on the page's block structure (markdown-it tokens), never on the IR, so every dialect keeps its
own notation: only layout changes. Code blocks are left byte for byte, and so is the text before the first
`##` (a model's description), apart from trailing blanks.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from markdown_it.token import Token

from ..reader.page import _parser
from .table import format_table

#: Canonical order of the sections a model doc can have; other sections follow in their own order.
SECTION_ORDER = ("Example Usage", "Fields", "Values", "Enum", "Supported Types")


@dataclass
class _Chunk:
    """A `##` section (or the text before the first one) as lines, with the lines nothing may touch."""

    title: str
    lines: list[str]
    frozen: set[int] = field(default_factory=set)


def format_doc(text: str) -> str:
    """The doc in canonical layout; formatting a formatted doc changes nothing."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    tokens = _parser().parse(text)
    frozen = _frozen_lines(tokens)
    headings = _h2_lines(tokens)
    if not headings:
        return _finish([_tidy(_Chunk("", lines, frozen), head=True)])
    replaced = _tables(tokens, lines, headings)
    chunks = _chunks(lines, headings, frozen, replaced)
    head, sections = chunks[0], chunks[1:]
    titles = [c.title for c in sections if c.title in SECTION_ORDER]
    if len(titles) == len(set(titles)):  # a duplicated section is an error: keep what comes first
        rank = {title: i for i, title in enumerate(SECTION_ORDER)}
        sections.sort(key=lambda c: rank.get(c.title, len(rank)))
    return _finish([_tidy(head, head=True), *(_tidy(c, head=False) for c in sections)])


def _frozen_lines(tokens: list[Token]) -> set[int]:
    """Lines of code blocks (0-based): their bytes are kept as they are."""
    frozen: set[int] = set()
    for tok in tokens:
        if tok.type in ("fence", "code_block") and tok.map:
            frozen.update(range(tok.map[0], tok.map[1]))
    return frozen


def _h2_lines(tokens: list[Token]) -> list[tuple[int, str]]:
    found = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h2" and tok.level == 0 and tok.map:
            found.append((tok.map[0], tokens[i + 1].content.strip()))
    return found


def _tables(
    tokens: list[Token], lines: list[str], headings: list[tuple[int, str]]
) -> dict[int, tuple[int, list[str]]]:
    """Top-level tables below the first `##`: start line -> (end line, formatted lines)."""
    found: dict[int, tuple[int, list[str]]] = {}
    for tok in tokens:
        if tok.type != "table_open" or tok.level != 0 or not tok.map:
            continue
        start, end = tok.map
        section = [title for line, title in headings if line < start]
        if section:
            found[start] = (end, format_table(lines[start:end], section[-1]))
    return found


def _chunks(
    lines: list[str],
    headings: list[tuple[int, str]],
    frozen: set[int],
    tables: dict[int, tuple[int, list[str]]],
) -> list[_Chunk]:
    bounds = [(0, ""), *headings, (len(lines), "")]
    chunks: list[_Chunk] = []
    for (start, title), (end, _) in itertools.pairwise(bounds):
        chunk = _Chunk(title, [])
        i = start
        while i < end:
            if i in tables:
                table_end, formatted = tables[i]
                chunk.lines.extend(formatted)
                i = table_end
                continue
            if i in frozen:
                chunk.frozen.add(len(chunk.lines))
            chunk.lines.append(lines[i])
            i += 1
        chunks.append(chunk)
    return chunks


def _tidy(chunk: _Chunk, head: bool) -> list[str]:
    """Trailing blanks off, no leading or trailing blank lines; in sections, runs of blank lines become one."""
    out: list[tuple[str, bool]] = []
    for i, line in enumerate(chunk.lines):
        keep = i in chunk.frozen
        if not keep:
            line = line.rstrip()
            if not line and (not out or (not head and out[-1] == ("", False))):
                continue
        heading = not head and len(out) == 1 and out[0][0].lstrip().startswith("#")
        if heading and line:
            out.append(("", False))  # one blank line between a heading and what follows it
        out.append((line, keep))
    while out and out[-1] == ("", False):
        out.pop()
    return [line for line, _ in out]


def _finish(chunks: list[list[str]]) -> str:
    parts = ["\n".join(c) for c in chunks if c]
    return "\n\n".join(parts).rstrip("\n") + "\n" if parts else ""
