"""Read the `let value: T = <literal>;` declaration of a TypeScript `## Example Usage` block.

Only what Speakeasy-style examples use is accepted: object and array literals, strings (quoted and
template literals without substitutions), numbers (including BigInt literals), `true`, `false`,
`null`, and `new Date("...")` / `new RFCDate("...")`, which give their string argument. Anything
else (identifiers, member expressions such as `Status.Active`, calls, spreads, regexes, `undefined`,
`NaN`, `Infinity`) raises `ExampleSyntaxError` with the line and column in the code.

The parser is iterative (no recursion per nesting level) and each character is looked at a bounded
number of times, so the time taken grows linearly with the size of the code.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = ["ExampleSyntaxError", "parse_typescript_example"]

_MAX_DEPTH = 200

# ECMAScript WhiteSpace and LineTerminator code points.
_SPACE = re.compile(r"[ \t\n\r\v\f\u00a0\ufeff\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_LINE_END = re.compile(r"[\n\r\u2028\u2029]")
_IDENT = re.compile(r"(?:[^\W\d]|\$)(?:\w|\$)*")
_NUMBER = re.compile(
    r"0[xX][0-9a-fA-F](?:_?[0-9a-fA-F])*"
    r"|0[oO][0-7](?:_?[0-7])*"
    r"|0[bB][01](?:_?[01])*"
    r"|(?:(?:0|[1-9](?:_?[0-9])*)(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)"
    r"(?:[eE][+-]?[0-9](?:_?[0-9])*)?"
)
_NUMBER_LIKE = re.compile(r"[\w$.]+")
_HEX_DIGITS = re.compile(r"[0-9a-fA-F]+")
# Characters of a string literal body that need no special handling.
_PLAIN = {
    '"': re.compile(r'[^"\\\n\r]+'),
    "'": re.compile(r"[^'\\\n\r]+"),
    "`": re.compile(r"[^`\\$\r]+"),
}
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
_LINE_TERMINATORS = "\n\r\u2028\u2029"
_DATE_CLASSES = frozenset({"Date", "RFCDate"})
_NOT_JSON = {
    "undefined": "`undefined` is not a JSON value",
    "NaN": "`NaN` is not a JSON value",
    "Infinity": "`Infinity` is not a JSON value",
}
_CLOSERS = {"{": "}", "[": "]"}


class ExampleSyntaxError(ValueError):
    """The example is not a literal this module can read.

    The message says what and where (`line:col: what`, counted in the code, both from 1); the
    parts are also kept as `reason`, `line` and `column`.
    """

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.reason = message
        self.line = line
        self.column = column


def parse_typescript_example(code: str) -> object:
    """Return the JSON value of the `let value: T = <literal>;` declaration in `code`.

    `code` is the fence's content. The value is a dict[str, object] (in source order), list, str,
    int, float, bool or None; anything else raises `ExampleSyntaxError`.
    """
    return _Parser(code).parse_example()


@dataclass
class _Frame:
    """An object or array literal being read: the container and where it was opened."""

    opener: str
    start: int
    items: list[object] = field(default_factory=list)
    members: dict[str, object] = field(default_factory=dict)
    key: str = ""

    def add(self, value: object) -> None:
        if self.opener == "[":
            self.items.append(value)
        else:
            self.members[self.key] = value

    def value(self) -> object:
        return self.items if self.opener == "[" else self.members


class _Parser:
    def __init__(self, code: str) -> None:
        self.code = code
        self.pos = 0
        self._line_starts: list[int] | None = None

    # -- errors ------------------------------------------------------------------------------

    def error(self, message: str, pos: int | None = None) -> ExampleSyntaxError:
        offset = self.pos if pos is None else pos
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.code)]
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return ExampleSyntaxError(message, index + 1, offset - self._line_starts[index] + 1)

    def found(self, pos: int | None = None) -> str:
        """A short description of what is at `pos`, for error messages."""
        at = self.pos if pos is None else pos
        if at >= len(self.code):
            return "end of code"
        ident = _IDENT.match(self.code, at)
        if ident:
            return f"identifier {_clip(ident.group())!r}"
        return f"{self.code[at]!r}"

    # -- characters and trivia ---------------------------------------------------------------

    def peek(self, ahead: int = 0) -> str:
        at = self.pos + ahead
        return self.code[at] if at < len(self.code) else ""

    def skip_trivia(self) -> None:
        """Skip white space, `// line` and `/* block */` comments."""
        code = self.code
        while True:
            space = _SPACE.match(code, self.pos)
            if space:
                self.pos = space.end()
            if code.startswith("//", self.pos):
                line_end = _LINE_END.search(code, self.pos)
                self.pos = len(code) if line_end is None else line_end.start()
            elif code.startswith("/*", self.pos):
                end = code.find("*/", self.pos + 2)
                if end < 0:
                    raise self.error("unterminated block comment")
                self.pos = end + 2
            else:
                return

    def expect(self, char: str, context: str) -> None:
        self.skip_trivia()
        if self.peek() != char:
            raise self.error(f"expected {char!r} {context}, found {self.found()}")
        self.pos += 1

    def identifier(self) -> str | None:
        match = _IDENT.match(self.code, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        return match.group()

    # -- the statement -----------------------------------------------------------------------

    def parse_example(self) -> object:
        while True:
            self.skip_trivia()
            start = self.pos
            word = self.identifier()
            if word == "import":
                self.skip_import(start)
            elif word in ("let", "const"):
                break
            elif word is None and self.pos >= len(self.code):
                raise self.error("no `let value = ...` declaration found", start)
            else:
                found = self.found(start)
                raise self.error(
                    f"expected an import or a `let value = ...` declaration, found {found}", start
                )
        self.skip_trivia()
        name_at = self.pos
        if self.identifier() != "value":
            raise self.error(f"expected the name `value`, found {self.found(name_at)}", name_at)
        self.skip_trivia()
        if self.peek() == ":":
            self.pos += 1
            self.skip_type()
        self.expect("=", "after `let value`")
        value = self.parse_literal()
        self.skip_trivia()
        if self.peek() == ";":
            self.pos += 1
            self.skip_trivia()
        if self.pos < len(self.code):
            raise self.error(f"unexpected {self.found()} after the example value")
        return value

    def skip_import(self, start: int) -> None:
        """Skip the rest of `import ... from "module";` (or `import "module";`)."""
        while True:
            self.skip_trivia()
            char = self.peek()
            if char in ("'", '"'):
                self.read_string(char)
                break
            if not char or char == ";":
                raise self.error("import without a module name", start)
            if self.identifier() is None:
                self.pos += 1
        self.skip_trivia()
        if self.peek() == ";":
            self.pos += 1

    def skip_type(self) -> None:
        """Skip a type annotation up to the `=` that ends it (outside brackets, not in `=>`)."""
        start = self.pos
        depth = 0
        empty = True
        while True:
            self.skip_trivia()
            char = self.peek()
            if not char:
                raise self.error("expected '=' after the type annotation, found end of code")
            if char in "'\"`":
                self.read_string(char)
            elif char == "=" and self.peek(1) == ">":
                self.pos += 2
            elif char == "=" and depth == 0:
                if empty:
                    raise self.error("missing type after ':'", start)
                return
            elif char in "<([{":
                depth += 1
                self.pos += 1
            elif char in ">)]}":
                if depth == 0:
                    raise self.error(f"unbalanced {char!r} in the type annotation")
                depth -= 1
                self.pos += 1
            elif char == ";" and depth == 0:
                raise self.error("expected '=' after the type annotation, found ';'")
            elif self.identifier() is None:
                self.pos += 1
            empty = False

    # -- literals ----------------------------------------------------------------------------

    def parse_literal(self) -> object:
        """Read one literal value; objects and arrays are read with an explicit stack."""
        stack: list[_Frame] = []
        while True:
            # Read a value (or open a container) at the current position.
            self.skip_trivia()
            char = self.peek()
            value: object
            if char in _CLOSERS:
                if len(stack) >= _MAX_DEPTH:
                    raise self.error(f"literal nested deeper than {_MAX_DEPTH} levels")
                frame = _Frame(char, self.pos)
                self.pos += 1
                self.skip_trivia()
                if self.peek() == _CLOSERS[char]:
                    self.pos += 1
                    value = frame.value()
                else:
                    stack.append(frame)
                    if char == "{":
                        frame.key = self.read_key()
                    elif self.peek() == ",":
                        raise self.error("array holes are not supported")
                    continue
            else:
                value = self.read_scalar()
            # Put the value in its container; close containers that end here.
            while True:
                if not stack:
                    return value
                frame = stack[-1]
                frame.add(value)
                closer = _CLOSERS[frame.opener]
                self.skip_trivia()
                char = self.peek()
                if char == ",":
                    self.pos += 1
                    self.skip_trivia()
                    if self.peek() != closer:
                        if frame.opener == "{":
                            frame.key = self.read_key()
                        elif self.peek() == ",":
                            raise self.error("array holes are not supported")
                        break
                    char = closer
                if char == closer:
                    self.pos += 1
                    value = frame.value()
                    stack.pop()
                    continue
                if not char:
                    opened = self.error("", frame.start)
                    raise self.error(
                        f"expected {closer!r} to close the {frame.opener!r} opened at "
                        f"{opened.line}:{opened.column}, found end of code"
                    )
                raise self.error(f"expected ',' or {closer!r}, found {self.found()}")

    def read_key(self) -> str:
        """Read `key:` of an object member (the current position is at the key)."""
        self.skip_trivia()
        start = self.pos
        char = self.peek()
        key: str
        if char in ("'", '"'):
            key = self.read_string(char)
        elif _is_digit(char) or (char == "." and _is_digit(self.peek(1))):
            key = _number_key(self.read_number())
        elif self.code.startswith("...", start):
            raise self.error("spread syntax is not supported")
        elif char == "[":
            raise self.error("computed property keys are not supported")
        else:
            name = self.identifier()
            if name is None:
                raise self.error(f"expected a property key, found {self.found()}")
            key = name
            self.skip_trivia()
            if self.peek() in (",", "}"):
                raise self.error(f"shorthand property {name!r} is not a literal", start)
            if self.peek() == "(":
                raise self.error(f"method {name!r} is not a literal", start)
        self.expect(":", "after the property key")
        return key

    def read_scalar(self) -> object:
        start = self.pos
        char = self.peek()
        if char in ("'", '"', "`"):
            return self.read_string(char)
        if char in ("-", "+"):
            self.pos += 1
            self.skip_trivia()
            after = self.pos
            if _is_digit(self.peek()) or (self.peek() == "." and _is_digit(self.peek(1))):
                number = self.read_number()
                if isinstance(number, _BigInt) and char == "+":
                    raise self.error("unary '+' cannot be applied to a BigInt", start)
                return -number if char == "-" else +number
            name = _IDENT.match(self.code, after)
            if name and name.group() in _NOT_JSON:
                raise self.error(f"{char}{name.group()} is not a JSON value", start)
            raise self.error(f"expected a number after {char!r}, found {self.found()}")
        if _is_digit(char) or (char == "." and _is_digit(self.peek(1))):
            number = self.read_number()
            return int(number) if isinstance(number, _BigInt) else number
        if not char:
            raise self.error("expected a value, found end of code")
        if self.code.startswith("...", start):
            raise self.error("spread syntax is not supported")
        if char == "/":
            raise self.error("regular expressions are not supported")
        word = self.identifier()
        if word is None:
            raise self.error(f"expected a value, found {self.found()}")
        if word == "true":
            return True
        if word == "false":
            return False
        if word == "null":
            return None
        if word in _NOT_JSON:
            raise self.error(_NOT_JSON[word], start)
        if word == "new":
            return self.read_new(start)
        return self.reject_expression(word, start)

    def reject_expression(self, word: str, start: int) -> object:
        """Raise for an identifier, a member expression or a call starting with `word`."""
        self.skip_trivia()
        text = word
        kind = "identifier"
        while self.peek() == "." or (self.peek() == "?" and self.peek(1) == "."):
            kind = "member expression"
            self.pos += 2 if self.peek() == "?" else 1
            self.skip_trivia()
            part = self.identifier()
            if part is None:
                break
            text = f"{text}.{part}"
            self.skip_trivia()
        if self.peek() == "(":
            raise self.error(f"function call {_clip(text)}(...) is not a literal", start)
        raise self.error(f"{kind} {_clip(text)!r} is not a literal", start)

    def read_new(self, start: int) -> str:
        """Read `new Date("...")` or `new RFCDate("...")` (after `new`) as its string argument."""
        self.skip_trivia()
        name = self.identifier()
        if name is None:
            raise self.error(f"expected a class name after `new`, found {self.found()}")
        while self.peek() == ".":
            self.pos += 1
            name = f"{name}.{self.identifier() or ''}"
        if name not in _DATE_CLASSES:
            raise self.error(f"`new {name}(...)` is not a literal", start)
        self.expect("(", f"after `new {name}`")
        self.skip_trivia()
        char = self.peek()
        if char not in ("'", '"', "`"):
            raise self.error(f"`new {name}(...)` needs a string argument, found {self.found()}")
        text = self.read_string(char)
        self.skip_trivia()
        if self.peek() == ",":
            self.pos += 1
        self.expect(")", f"to close `new {name}(`")
        return text

    def read_number(self) -> int | float:
        """Read a numeric literal (no sign); a BigInt literal is returned as `_BigInt`."""
        start = self.pos
        match = _NUMBER.match(self.code, start)
        if match is None:  # pragma: no cover - callers check for a digit or '.' + digit first
            raise self.error(f"expected a number, found {self.found()}")
        text = match.group().replace("_", "")
        self.pos = match.end()
        prefix = text[:2].lower()
        is_float = prefix not in ("0x", "0o", "0b") and any(c in text for c in ".eE")
        bigint = not is_float and self.peek() == "n"
        if bigint:
            self.pos += 1
        follower = self.peek()
        if follower and (_is_digit(follower) or _IDENT.match(follower) or follower in "_\\"):
            if text == "0" and _is_digit(follower):
                raise self.error("a leading zero (legacy octal) is not allowed", start)
            bad = _NUMBER_LIKE.match(self.code, start)
            assert bad is not None
            raise self.error(f"malformed number {_clip(bad.group())!r}", start)
        if is_float:
            value = float(text)
            if math.isinf(value):
                raise self.error(f"number {match.group()!r} is too large for a JSON number", start)
            return value
        base = {"0x": 16, "0o": 8, "0b": 2}.get(prefix, 10)
        digits = text[2:] if base != 10 else text
        return _BigInt(int(digits, base)) if bigint else int(digits, base)

    def read_string(self, quote: str) -> str:
        """Read a quoted string or a template literal without substitutions (at its quote)."""
        start = self.pos
        code = self.code
        plain = _PLAIN[quote]
        parts: list[str] = []
        self.pos += 1
        while True:
            run = plain.match(code, self.pos)
            if run:
                parts.append(run.group())
                self.pos = run.end()
            char = self.peek()
            if char == quote:
                self.pos += 1
                return _join_surrogates("".join(parts), self, start)
            if not char or (quote != "`" and char in "\n\r"):
                raise self.error("unterminated string", start)
            if char == "\\":
                parts.append(self.read_escape(quote == "`"))
            elif char == "$":  # only reached in template literals
                if self.peek(1) == "{":
                    raise self.error("template literal substitutions `${...}` are not supported")
                parts.append("$")
                self.pos += 1
            else:  # '\r' in a template literal: CR and CR LF read as LF
                self.pos += 2 if code.startswith("\r\n", self.pos) else 1
                parts.append("\n")

    def read_escape(self, template: bool) -> str:
        """Read one escape sequence (at its backslash)."""
        start = self.pos
        self.pos += 1
        char = self.peek()
        if not char:
            raise self.error("unterminated string", start)
        self.pos += 1
        if char in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[char]
        if char in _LINE_TERMINATORS:  # line continuation
            if char == "\r" and self.peek() == "\n":
                self.pos += 1
            return ""
        if char == "0" and not _is_digit(self.peek()):
            return "\0"
        if _is_digit(char):
            what = "octal escapes" if char < "8" else f"'\\{char}' escapes"
            kind = "template literals" if template else "strict mode"
            raise self.error(f"{what} are not allowed in {kind}", start)
        if char == "x":
            digits = self.code[self.pos : self.pos + 2]
            if len(digits) != 2 or not _HEX_DIGITS.fullmatch(digits):
                raise self.error("invalid \\x escape: expected two hex digits", start)
            self.pos += 2
            return chr(int(digits, 16))
        if char == "u":
            if self.peek() == "{":
                end = self.code.find("}", self.pos)
                digits = self.code[self.pos + 1 : end] if end >= 0 else ""
                if not _HEX_DIGITS.fullmatch(digits) or int(digits, 16) > 0x10FFFF:
                    raise self.error("invalid \\u{...} escape", start)
                self.pos = end + 1
                return chr(int(digits, 16))
            digits = self.code[self.pos : self.pos + 4]
            if len(digits) != 4 or not _HEX_DIGITS.fullmatch(digits):
                raise self.error("invalid \\u escape: expected four hex digits", start)
            self.pos += 4
            return chr(int(digits, 16))
        return char  # \\ \" \' \/ \` \$ and any other character stand for themselves


def _clip(text: str, limit: int = 60) -> str:
    """`text`, shortened with "..." when it is longer than `limit` (for error messages)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_digit(char: str) -> bool:
    return len(char) == 1 and "0" <= char <= "9"


class _BigInt(int):
    """An integer read from a BigInt literal (`123n`), kept apart until its sign is applied."""


def _join_surrogates(text: str, parser: _Parser, start: int) -> str:
    """Combine UTF-16 surrogate pairs from escapes; a lone surrogate cannot be stored as UTF-8."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        raise parser.error("string holds a lone UTF-16 surrogate", start) from None


def _number_key(number: int | float) -> str:
    """The string key of a numeric property name: JavaScript reads it as a double first."""
    if isinstance(number, _BigInt):
        return str(int(number))
    try:
        return _js_number_string(float(number))
    except OverflowError:
        return "Infinity"


def _js_number_string(number: float) -> str:
    """The property key JavaScript makes of a number (Number::toString), e.g. 1.50 -> "1.5"."""
    if number == 0:
        return "0"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    sign = "-" if number < 0 else ""
    _, digit_tuple, exponent = Decimal(repr(abs(number))).normalize().as_tuple()
    assert isinstance(exponent, int)
    digits = "".join(map(str, digit_tuple))
    count = len(digits)
    point = count + exponent  # the decimal point sits after `point` digits
    if count <= point <= 21:
        text = digits + "0" * (point - count)
    elif 0 < point <= 21:
        text = f"{digits[:point]}.{digits[point:]}"
    elif -6 < point <= 0:
        text = "0." + "0" * -point + digits
    else:
        power = point - 1
        tail = f".{digits[1:]}" if count > 1 else ""
        text = f"{digits[0]}{tail}e{'+' if power >= 0 else '-'}{abs(power)}"
    return sign + text
