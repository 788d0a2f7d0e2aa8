"""What every dialect provides, and the markdown layer of Type cells that all of them share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ...ir import TypeExpr


class TypeNotationError(ValueError):
    """A Type cell (or member heading) uses notation the dialect does not know."""


@dataclass(frozen=True)
class ParsedType:
    """A Type cell read by a dialect: the type, and what the notation says about presence and null.

    `optional`: the notation wraps the type as optional-or-nullable (PHP `?T`, Go `*T`, Java `Optional<T>`);
    on a required row the reader takes that to mean nullable. `nullable`: what the notation says outright
    (True, False), or None when it does not say.
    """

    type: TypeExpr
    optional: bool = False
    nullable: bool | None = None


class Dialect(Protocol):
    name: str

    def score(self, notation: str) -> int:
        """How strongly a page's notation (type cells, headings, fence languages) says this dialect."""
        ...

    def parse_type(self, cell: str) -> ParsedType: ...

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        """The type of one `### member` of a `## Supported Types` union page."""
        ...

    def parse_example(self, code: str) -> object:
        """The value of an Example Usage block; raises ExampleSyntaxError when it holds no literal."""
        ...


def count_signals(patterns: tuple[re.Pattern[str], ...], notation: str) -> int:
    return sum(len(p.findall(notation)) for p in patterns)


class Cursor:
    """A position in a Type cell, with the few moves every dialect's recursive-descent parser needs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def rest(self) -> str:
        return self.text[self.pos :]

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def startswith(self, prefix: str) -> bool:
        return self.text.startswith(prefix, self.pos)

    def eat(self, prefix: str) -> bool:
        if self.text.startswith(prefix, self.pos):
            self.pos += len(prefix)
            return True
        return False

    def expect(self, prefix: str) -> None:
        if not self.eat(prefix):
            raise TypeNotationError(f"expected `{prefix}` at `{self.rest()[:40]}` in `{self.text}`")

    def skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def link(self) -> tuple[str, str]:
        """Read `[text](url)`, where text may hold balanced brackets; returns (text, url)."""
        self.expect("[")
        depth, start = 1, self.pos
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch == "\\" and self.pos + 1 < len(self.text):
                self.pos += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    break
            self.pos += 1
        if depth:
            raise TypeNotationError(f"unclosed link text in `{self.text}`")
        text = self.text[start : self.pos]
        self.pos += 1
        self.expect("(")
        end = self.text.find(")", self.pos)
        if end < 0:
            raise TypeNotationError(f"unclosed link target in `{self.text}`")
        url = self.text[self.pos : end].strip()
        self.pos = end + 1
        return text, url

    def delimited(self, delimiter: str) -> str:
        """Read `<delimiter>inner<delimiter>` (emphasis or code span) and return inner."""
        self.expect(delimiter)
        end = self.text.find(delimiter, self.pos)
        if end < 0:
            raise TypeNotationError(f"unclosed `{delimiter}` in `{self.text}`")
        inner = self.text[self.pos : end]
        self.pos = end + len(delimiter)
        return inner


T = TypeVar("T")


def read_whole(text: str, read: Callable[[Cursor], T]) -> T:
    """Run a dialect's reader over a whole cell; text it leaves over is an error."""
    cursor = Cursor(text)
    result = read(cursor)
    if not cursor.at_end():
        raise TypeNotationError(f"unexpected `{cursor.rest()}` in `{text}`")
    return result


def split_top_level(text: str, separator: str) -> list[str]:
    """Split on separator outside brackets, angle brackets, parentheses and quotes."""
    parts: list[str] = []
    depth, start, i, quote = 0, 0, 0, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[(<{":
            depth += 1
        elif ch in "])>}":
            depth -= 1
        elif depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            i += len(separator)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return parts


def qualified_tail(name: str) -> str:
    """The last identifier of a qualified name: `components.Foo`, `Components\\Foo`, `Models::X`."""
    return re.split(r"[.\\:]+", name.strip())[-1]
