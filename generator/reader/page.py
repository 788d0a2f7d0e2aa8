"""Parse one markdown doc (markdown-it-py, block level only) into a page of sections with source lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if (
    TYPE_CHECKING
):  # markdown-it is imported only when a doc has to be parsed (the page cache may hold all)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    line: int
    columns: tuple[int, ...]
    #: How many cells the source line holds (the parser pads short rows and drops extra cells).
    width: int = -1


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    line: int


@dataclass(frozen=True)
class Fence:
    info: str
    content: str
    line: int


@dataclass(frozen=True)
class Text:
    """A paragraph, quote or other block, as its raw markdown source."""

    kind: str
    text: str
    line: int


@dataclass(frozen=True)
class BulletList:
    items: tuple[Text, ...]
    line: int


Block = Table | Fence | Text | BulletList


@dataclass
class Section:
    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Page:
    """A doc's structure: the H1, the blocks before the first H2, and the H2 sections."""

    title: str | None
    title_line: int
    preamble: list[Block]
    sections: list[Section]
    lines: list[str]
    #: Code fences that are never closed: (line, fence marker); the rest of the doc was read as code.
    unclosed_fences: list[tuple[int, str]] = field(default_factory=list)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    from .table_rule import use_fast_tables

    # Inline parsing is not needed: the raw text of each cell and heading is what the dialects read.
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")
    use_fast_tables(md)
    return md


def parse_page(text: str) -> Page:
    lines = _lines(text)
    tokens = _parser().parse(text)
    title: str | None = None
    title_line = 1
    preamble: list[Block] = []
    sections: list[Section] = []
    current_h2: Section | None = None
    current_h3: Section | None = None
    unclosed: list[tuple[int, str]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1:])
            line = _line(tok)
            content = tokens[i + 1].content.strip()
            if level == 1 and title is None and not sections and not preamble:
                title, title_line = content, line
            elif level == 2:
                current_h2 = Section(content, 2, line)
                current_h3 = None
                sections.append(current_h2)
            elif level >= 3 and current_h2 is not None:
                current_h3 = Section(content, level, line)
                current_h2.subsections.append(current_h3)
            else:
                _target(preamble, current_h2, current_h3).append(Text("heading", content, line))
            i = _skip_to_close(tokens, i)
            continue
        if tok.type == "fence" and not _closed(tok, lines):
            unclosed.append((_line(tok), tok.markup))
        block, i = _block(tokens, i, lines)
        if block is not None:
            _target(preamble, current_h2, current_h3).append(block)
    return Page(title, title_line, preamble, sections, lines, unclosed)


def _lines(text: str) -> list[str]:
    """The doc's lines as markdown counts them: only LF, CRLF and CR end a line (not `str.splitlines`'s
    form feed, vertical tab or U+2028), so row numbers agree with the parser's."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _closed(tok: Token, lines: list[str]) -> bool:
    """Whether a fence has its closing marker (an unclosed one runs to the end of the doc)."""
    if not tok.map or tok.map[1] < len(lines):
        return True
    start, end = tok.map
    last = lines[end - 1].strip() if end - start >= 2 else ""
    marker = tok.markup[:1]
    return len(last) >= len(tok.markup) and last == marker * len(last)


def _target(preamble: list[Block], h2: Section | None, h3: Section | None) -> list[Block]:
    if h3 is not None:
        return h3.blocks
    if h2 is not None:
        return h2.blocks
    return preamble


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 1


def _skip_to_close(tokens: list[Token], i: int) -> int:
    """Index just past the token that closes the one opened at i."""
    depth = 0
    while i < len(tokens):
        depth += tokens[i].nesting
        i += 1
        if depth <= 0:
            return i
    return i


def _source(tok: Token, lines: list[str]) -> str:
    if not tok.map:
        return tok.content
    return "\n".join(lines[tok.map[0] : tok.map[1]]).strip("\n")


def _block(tokens: list[Token], i: int, lines: list[str]) -> tuple[Block | None, int]:
    tok = tokens[i]
    if tok.type == "fence" or tok.type == "code_block":
        return Fence(tok.info.strip(), tok.content, _line(tok)), i + 1
    if tok.type == "table_open":
        end = _skip_to_close(tokens, i)
        return _table(tokens[i:end], lines), end
    if tok.type == "bullet_list_open":
        end = _skip_to_close(tokens, i)
        items = tuple(
            Text("item", _source(t, lines).lstrip("-*+ ").strip(), _line(t))
            for t in tokens[i:end]
            if t.type == "list_item_open" and t.level == tok.level + 1
        )
        return BulletList(items, _line(tok)), end
    if tok.nesting == 1:
        end = _skip_to_close(tokens, i)
        kind = tok.type.removesuffix("_open")
        return Text(kind, _source(tok, lines), _line(tok)), end
    if tok.nesting == 0 and tok.map:
        return Text(tok.type, _source(tok, lines), _line(tok)), i + 1
    return None, i + 1


def _table(tokens: list[Token], lines: list[str]) -> Table:
    header: list[str] = []
    rows: list[TableRow] = []
    row: list[str] = []
    row_line = 0
    in_head = False
    for tok in tokens:
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row, row_line = [], _line(tok)
        elif tok.type == "inline":
            row.append(tok.content.strip())
        elif tok.type == "tr_close":
            if in_head:
                header = row
            else:
                source = lines[row_line - 1] if 0 < row_line <= len(lines) else ""
                rows.append(
                    TableRow(tuple(row), row_line, _columns(source, row), _width(source, len(row)))
                )
    return Table(tuple(header), tuple(rows), _line(tokens[0]))


def _columns(source: str, cells: list[str]) -> tuple[int, ...]:
    """1-based column where each cell's text starts in its source line (best effort)."""
    columns: list[int] = []
    start = 0
    for cell in cells:
        probe = cell.replace("|", "\\|")[:20] if cell else ""
        at = source.find(probe, start) if probe else -1
        if at < 0:
            at = source.find("|", start) + 2 if source.find("|", start) >= 0 else start
            columns.append(at + 1)
            continue
        columns.append(at + 1)
        start = at + len(probe)
    return tuple(columns)


def _width(source: str, parsed: int) -> int:
    """How many cells a row's source line has: its unescaped pipes, less the outer ones."""
    text = source.strip()
    if not text:
        return parsed
    # Every escaped pipe is one `\|` (two cannot overlap): the unescaped ones are the rest.
    count = text.count("|") - text.count("\\|") + 1
    if text.startswith("|"):
        count -= 1
    if text.endswith("|") and not text.endswith("\\|"):
        count -= 1
    return count
