"""black, in process: the style authority for every generated Python file.

Built-in templates write black's style already; for their files black only runs when a code line is longer
than black allows (`fits` decides), which is what makes a cold run fast. Every other file goes through black.
"""

from __future__ import annotations

import io
import os
import re
import tokenize
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import black

from .render.layout import LINE_LENGTH, is_keyword_literal, is_literal, within

_PARALLEL_FROM = 48
_SKIP = frozenset(
    {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT}
)


class FormatError(Exception):
    """black could not parse a generated file (a docmodels bug); the message names the file."""


@cache
def mode() -> black.Mode:
    """Fixed, so that output never depends on a user's black configuration."""
    import black
    from black.mode import TargetVersion

    return black.Mode(
        target_versions={TargetVersion.PY310, TargetVersion.PY311, TargetVersion.PY312},
        line_length=LINE_LENGTH,
    )


def format_python(path: str, source: str) -> str:
    import black
    from black.report import NothingChanged

    try:
        return black.format_str(source, mode=mode())
    except NothingChanged:
        return source
    except Exception as exc:  # black raises several parse error types
        raise FormatError(f"{path}: {exc}") from exc


def format_all(items: Sequence[tuple[str, str]]) -> list[str]:
    """Format many files, on every core when there are enough of them to pay for the processes."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < _PARALLEL_FROM or workers < 2:
        return [format_python(path, source) for path, source in items]
    paths = [p for p, _ in items]
    sources = [s for _, s in items]
    chunk = max(1, len(items) // (workers * 4))
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(format_python, paths, sources, chunksize=chunk))


#: Long lines black keeps whatever surrounds them, as the token check judges them (a lazy package's
#: table of modules and its imports): an indented `"...",` or `"...": "...",` item of plain strings
#: (`_unsplittable`; inside a string, black never touches it), and the head `from m import (` of an
#: exploded import (`_exploded_import`).
_KEPT_LONG = re.compile(
    r'[ ]+"(?:[^"\\\n]|\\.)*"(?:: "(?:[^"\\\n]|\\.)*")?,|[ ]*from [\w.]+ import \('
)


def fits(source: str) -> bool:
    """Whether black would leave a line of this black-style text alone for its length.

    True when no line holding code is longer than black allows. Comment lines and statements that are
    one string (docstrings) may be longer: black never breaks those. A comment on its own line inside a
    statement, and text that does not tokenize, are left to black.
    """
    lines = source.split("\n")
    long_rows: set[int] = set()
    comment_rows: set[int] = set()
    for row, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#"):
            comment_rows.add(row)
        elif not within(line) and not _KEPT_LONG.fullmatch(line):
            long_rows.add(row)
    # An indented comment line may sit inside brackets.
    if not long_rows and not any(lines[row - 1].startswith(" ") for row in comment_rows):
        return True
    return _only_docstrings_long(source, lines, long_rows, comment_rows) or _fits_by_tokens(
        source, long_rows
    )


#: The pieces of Python text that decide where a statement that is one string stands: string literals,
#: comments, brackets, and a quote that starts no string (text that does not tokenize). Each match first
#: skips, possessively, the text that starts none of them (the engine's fastest loop), and the end of the
#: text ends the last match, so no match fails after a long skip. A string's prefix letters are taken by
#: the skip: `_prefix` finds them before the quote.
_LEXEME = re.compile(
    r"""[^"'#()\[\]{}]*+(?:"""
    r"""(?P<string>\"\"\"(?:\\.|[^\\])*?\"\"\"|'''(?:\\.|[^\\])*?'''"""
    r"""|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')"""
    r"""|(?P<comment>\#[^\n]*)|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<quote>["'])|\Z)""",
    re.DOTALL,
)
_PREFIX_LETTERS = frozenset("rRbBuUfF")


def _prefix(source: str, quote: int) -> str:
    """The string prefix before the quote at `quote`: the (at most two) prefix letters just before it."""
    if not quote or source[quote - 1] not in _PREFIX_LETTERS:
        return ""
    prefix = source[max(0, quote - 2) : quote]
    return prefix if _PREFIX_LETTERS.issuperset(prefix) else prefix[1:]


def _braces_paired(source: str, start: int, end: int) -> bool:
    """Whether an f-string's braces pair up: then it is one string as this scan reads it. (One that holds
    its own quote inside braces, as Python 3.12 allows, ends early here with a brace unclosed.)"""
    return source.count("{", start, end) == source.count("}", start, end)


def _only_docstrings_long(
    source: str, lines: list[str], long_rows: set[int], comment_rows: set[int]
) -> bool:
    """Whether every long row is a row of a statement that is one string, and no comment line sits
    inside brackets: then, for text that tokenizes, `_fits_by_tokens` finds nothing for black to do.

    One scan by a regular expression, up to the last long or comment row, instead of Python's tokenizer,
    which costs several times as much. Any doubt (a continuation line, an f-string whose braces do not
    pair, a quote that starts no string, a comment inside brackets) says False, and the tokens decide."""
    if "\\\n" in source:
        return False
    last = max(long_rows | comment_rows)
    stop = sum(len(line) + 1 for line in lines[:last])
    allowed: set[int] = set()
    depth = 0
    row, seen = 1, 0  # the row of offset `seen`
    for found in _LEXEME.finditer(source):
        kind = found.lastgroup
        if kind is None:
            break
        start, end = found.span(kind)
        prefix = _prefix(source, start) if kind == "string" else ""
        start -= len(prefix)
        if start >= stop:
            break
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "comment":
            if depth:
                return False
        elif kind == "quote" or ("f" in prefix.lower() and not _braces_paired(source, start, end)):
            return False
        elif depth == 0:
            row += source.count("\n", seen, start)
            seen = start
            if _alone_on_its_lines(source, start, end):
                allowed.update(range(row, row + source.count("\n", start, end) + 1))
    return long_rows <= allowed


def _alone_on_its_lines(source: str, start: int, end: int) -> bool:
    """Whether only blanks stand before `start` on its line and after `end` on its line."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    return (
        not source[line_start:start].strip()
        and not source[end : len(source) if line_end < 0 else line_end].strip()
    )


def _fits_by_tokens(source: str, long_rows: set[int]) -> bool:
    """`fits`, statement by statement: whether black keeps each long row of each statement as it is."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    statement: list[tokenize.TokenInfo] = []
    comment: tokenize.TokenInfo | None = None
    for token in tokens:
        if token.type == tokenize.COMMENT and statement:
            if not token.line[: token.start[1]].strip():
                # A comment on a line of its own inside brackets: black splits the item that follows it.
                return False
            comment = token
        if token.type == tokenize.NEWLINE or token.type == tokenize.ENDMARKER:
            if statement and not _is_lone_string(statement) and not _kept_for(comment, statement):
                rows = range(statement[0].start[0], statement[-1].end[0] + 1)
                if any(row in long_rows and not _black_keeps_long(statement, row) for row in rows):
                    return False
            statement, comment = [], None
        elif token.type not in _SKIP:
            statement.append(token)
    return True


def _kept_for(comment: tokenize.TokenInfo | None, statement: list[tokenize.TokenInfo]) -> bool:
    """A statement on one line that ends in a `# type: ignore` comment: black never splits it (the comment
    belongs to that line), unless a magic trailing comma asks for a split."""
    row = statement[0].start[0]
    return (
        comment is not None
        and comment.string.startswith("# type: ignore")
        and comment.start[0] == row
        and statement[-1].end[0] == row
        and not any(a.string == "," and b.string in ")]}" for a, b in pairwise(statement))
    )


def _is_lone_string(statement: list[tokenize.TokenInfo]) -> bool:
    return len(statement) == 1 and statement[0].type == tokenize.STRING


def _black_keeps_long(statement: list[tokenize.TokenInfo], row: int) -> bool:
    """Whether black leaves this too-long line of a statement in its black layout as it is."""
    return (
        _exploded_import(statement)
        or _unsplittable_head(statement, row)
        or _unsplittable(statement, row)
        or _long_string_value(statement)
    )


def _long_string_value(statement: list[tokenize.TokenInfo]) -> bool:
    """`name = "..."` on one line whose string would not fit even in parentheses one level in: black
    wraps a value in parentheses only when that makes it fit."""
    shape = [t.type if t.type != tokenize.OP else t.string for t in statement]
    if (
        shape != [tokenize.NAME, "=", tokenize.STRING]
        or statement[0].start[0] != statement[-1].end[0]
    ):
        return False
    return not within(statement[2].string, statement[0].start[1] + 4)


def _exploded_import(statement: list[tokenize.TokenInfo]) -> bool:
    """`from m import (` with one name per line: black splits an import only inside its brackets."""
    strings = [t.string for t in statement]
    return (
        strings[0] == "from"
        and "import" in strings
        and strings[strings.index("import") + 1 : strings.index("import") + 2] == ["("]
        and strings[-1] == ")"
        and statement[0].start[0] != statement[-1].end[0]
    )


#: First lines black cannot shorten when the bracket they open holds no other bracket. Not
#: `Name: TypeAlias = (`: black can wrap an annotation in parentheses (`Name: (`, the annotation one
#: level in, `) = ...`), and does when that head is too long.
_HEADS = (("class", "", "("), ("", "=", "("))


def _unsplittable_head(statement: list[tokenize.TokenInfo], row: int) -> bool:
    """`class Name(` or `NAME = (` opening a statement laid out over lines, its bracket holding names
    and operators only: black has no other bracket to split at."""
    if row != statement[0].start[0] or statement[-1].end[0] == row:
        return False
    head = _on_row(statement, row)
    shape = tuple("" if t.type == tokenize.NAME and t.string != "class" else t.string for t in head)
    if shape not in _HEADS:
        return False
    rest = [t.string for t in statement[len(head) :]]
    closing = len(rest) - rest[::-1].index(")") - 1 if ")" in rest else -1
    return (
        closing >= 0
        and rest[closing + 1 :] in ([], [":"])
        and not any(s in "()[]{}" for s in rest[:closing] if s)
    )


def _unsplittable(statement: list[tokenize.TokenInfo], row: int) -> bool:
    """A line inside an exploded collection or call holding one `"key": value,`, `value,` or `name=value,`
    item of literals: black has no bracket or operator to split it at, so it leaves it long."""
    if row in (statement[0].start[0], statement[-1].end[0]):
        return False
    line = _on_row(statement, row)
    if _lone_operand(statement, line) or _one_string(line, row):
        return True
    if not line or any(t.end[0] != row for t in line) or line[-1].string != ",":
        return False
    if is_keyword_literal(line):
        return True
    return (
        all(is_literal(t) or (t.type == tokenize.OP and t.string in (":", ",")) for t in line)
        and sum(t.string == "," for t in line) == 1
        and sum(t.type == tokenize.STRING for t in line) <= 2
    )


#: The tokens that open and close an f-string on Python 3.12 and later (None before: one STRING token).
_FSTRING_START = getattr(tokenize, "FSTRING_START", None)
_FSTRING_END = getattr(tokenize, "FSTRING_END", None)


def _one_string(line: list[tokenize.TokenInfo], row: int) -> bool:
    """A line inside brackets that is one string, alone (a call's lone argument, `f"..."`): black cannot
    split a string, so it leaves the line long."""
    if not line or any(t.end[0] != row for t in line):
        return False
    if len(line) == 1:
        return line[0].type == tokenize.STRING
    return (
        _FSTRING_START is not None
        and line[0].type == _FSTRING_START
        and line[-1].type == _FSTRING_END
        and sum(t.type == _FSTRING_START for t in line) == 1
    )


def _on_row(statement: list[tokenize.TokenInfo], row: int) -> list[tokenize.TokenInfo]:
    """The statement's tokens that start on `row`."""
    return [t for t in statement if t.start[0] == row]


def _lone_operand(statement: list[tokenize.TokenInfo], line: list[tokenize.TokenInfo]) -> bool:
    """A line holding one name of a union laid out one operand per line (`Name` before a `| ...` line,
    or `| Name`): black cannot split a name."""
    shape = [t.string if t.type == tokenize.OP else t.type for t in line]
    if shape == ["|", tokenize.NAME]:
        return True
    if shape != [tokenize.NAME]:
        return False
    after = statement.index(line[-1]) + 1
    return after < len(statement) and statement[after].string == "|"
