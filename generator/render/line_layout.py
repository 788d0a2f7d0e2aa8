"""Lays out a rendered Python file the way black would: templates print plain one-line statements.

After a template renders, every Python file (from a built-in template or a user's) comes through `lay_out`:
a docstring printed unindented after its first line is indented as its opening quotes are, and each
statement on one line longer than black's 88 columns is laid out by the helper of `layout` for its shape
(an import, a class or def header, an annotated or plain assignment, a call). A statement of any other
shape is left as it is; `generator.formatting.fits` then sends the file to black, the authority.
"""

from __future__ import annotations

import keyword
import re
import tokenize
from collections.abc import Callable
from itertools import accumulate, pairwise

from .layout import (
    Argument,
    LiteralText,
    annotated,
    annotated_call,
    assignment,
    call_parts,
    call_statement,
    class_header,
    def_header,
    display_items,
    fit_text,
    line_tokens,
    within,
    wrap_call,
    wrap_import,
)

#: A docstring whose later lines a template printed unindented: its closing quotes start a line.
_UNINDENTED_DOCSTRING = re.compile(
    r'^( +)[rRuU]?"""(?!.*""").*\n(?:(?!.*""").*\n)*?"""$', re.MULTILINE
)

#: A line this long or shorter fits, whatever its characters (`within` counts a wide one as two).
_SURELY_WITHIN = 44

#: How a line of a shape `statement` knows starts: a first, cheap test.
_SHAPE_START = re.compile(r" *(?:from |class |def |@|assert |[A-Za-z_]\w*(?: *[:=(.]))")

#: `name: annotation = value` whose annotation is names, dots, commas, brackets and `|` only: with a call
#: as its value (`call_parts`), a field with options.
_FIELD_CALL = re.compile(r"([A-Za-z_]\w*): ([\w.\[\], |]+) = (.+)")

#: `NAME: annotation = ` and a value that may be a dict or list display.
_CONSTANT = re.compile(r"([A-Za-z_]\w*): ([^=\n]+) = ([\[{].*)")

#: The pieces of Python text that tell where statements are: strings, comments and brackets. Each match
#: first skips, possessively, the text that starts none of them (the engine's fastest loop); a quote that
#: starts no string is a `stray`, and the end of the text ends the last match, so no match ever fails
#: after a long skip (a failed match would be retried at every position it skipped).
_LEXEME = re.compile(
    # No string prefix: the quote starts the string (a prefix changes no span).
    r"""[^"'#()\[\]{}]*+(?:"""
    r'''(?P<string>"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'''
    r"""|'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"""
    r"""|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|'[^'\\\n]*(?:\\.[^'\\\n]*)*')"""
    r"|(?P<comment>#[^\n]*)|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<stray>[\"'])|\Z)"
)


def lay_out(source: str) -> str:
    """The file with its docstrings indented and its long one-line statements laid out as black would."""
    if '\n"""' in source:
        source = _UNINDENTED_DOCSTRING.sub(_indent_docstring, source)
    lines = source.split("\n")
    long_rows = [
        row
        for row, line in enumerate(lines)
        if len(line) > _SURELY_WITHIN and not within(line) and _SHAPE_START.match(line)
    ]
    if not long_rows or "\\\n" in source:
        return source
    for row in reversed(_one_line_statements(source, lines, long_rows)):
        line = lines[row]
        text = line.lstrip(" ")
        laid = statement(text, len(line) - len(text))
        if laid != text:
            lines[row] = line[: len(line) - len(text)] + laid
    return "\n".join(lines)


def _indent_docstring(found: re.Match[str]) -> str:
    """The docstring with each later line that holds text, and its closing quotes, indented."""
    pad = found.group(1)
    first, *rest = found.group(0).split("\n")
    return "\n".join([first, *(pad + line if line else line for line in rest)])


def _one_line_statements(source: str, lines: list[str], rows: list[int]) -> list[int]:
    """Those of `rows` (0-based, ascending) that hold a whole statement: a line that starts outside any
    bracket or string and ends so, with no comment.

    One pass over the strings, comments and brackets of the source, up to the last row's end."""
    offsets = [0, *accumulate(len(line) + 1 for line in lines)]
    kept: list[int] = []
    pending = iter(rows)
    row = next(pending)
    begin, finish = offsets[row], offsets[row] + len(lines[row])
    # The bracket depth after the lexemes seen, and where the last of them ended.
    depth, reach = 0, 0
    clean: bool | None = None  # None until every lexeme before the row is seen
    for found in _LEXEME.finditer(source):
        kind = found.lastgroup
        if kind is None or kind == "stray":
            continue
        start, end = found.span(kind)
        while start >= finish:  # every lexeme of the row is seen: judge it, go on to the next row
            if (depth == 0 and reach <= begin) if clean is None else (clean and depth == 0):
                kept.append(row)
            row = next(pending, -1)
            if row < 0:
                return kept
            begin, finish, clean = offsets[row], offsets[row] + len(lines[row]), None
        if start >= begin:
            if clean is None:
                clean = depth == 0 and reach <= begin
            if kind == "comment" or end > finish:
                clean = False
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        reach = end
    while row >= 0:  # rows after the last lexeme
        if (depth == 0 and reach <= begin) if clean is None else (clean and depth == 0):
            kept.append(row)
        row = next(pending, -1)
        begin, clean = offsets[row], None
    return kept


def statement(text: str, indent: int) -> str:
    """One statement, laid out as black lays out its shape when it is too long; as it is otherwise."""
    if within(text, indent):
        return text
    if text.startswith("from ") and " import " in text and not any(c in text for c in "()#\\'\";"):
        return wrap_import(text, indent)  # the most common long line: no need to tokenize it
    field = _FIELD_CALL.fullmatch(text)
    # The most common statement, read without tokens.
    if field is not None and not keyword.iskeyword(field[1]):
        call = call_parts(field[3])
        if call is not None:
            arguments = [_argument(item) for item in call[1]]
            return annotated_call(field[1], field[2].strip(), call[0], arguments, indent)
    constant = _CONSTANT.fullmatch(text)
    if constant is not None:  # a module's table (`_MODELS: dict[str, str] = {...}`), tokenized once
        table = fit_text(constant[3], indent, f"{constant[1]}: {constant[2]} = ")
        if table != text:
            return table
    tokens = line_tokens(text)
    if not tokens:
        return text
    strings = [t.string for t in tokens]
    for shape in _SHAPES:
        laid = shape(text, tokens, strings, indent)
        if laid is not None:
            return laid
    return text


_Tokens = list[tokenize.TokenInfo]


def _import(text: str, tokens: _Tokens, strings: list[str], indent: int) -> str | None:
    if strings[0] != "from" or "import" not in strings or "(" in strings:
        return None
    return wrap_import(text, indent)


def _class(text: str, tokens: _Tokens, strings: list[str], indent: int) -> str | None:
    """`class Name(bases):`; with keywords among the bases (`kw_only=True`), one per line."""
    if strings[:1] != ["class"] or strings[2:3] != ["("] or strings[-2:] != [")", ":"]:
        return None
    inside = _items(text, tokens, 2, len(tokens) - 2)
    if inside is None:
        return None
    if any("=" in item for item in inside):
        return wrap_call(f"class {strings[1]}", inside, indent, ":")
    return class_header(strings[1], ", ".join(inside), indent)


def _def(text: str, tokens: _Tokens, strings: list[str], indent: int) -> str | None:
    """`def name(params) -> returns:`."""
    if strings[:1] != ["def"] or strings[2:3] != ["("] or strings[-1] != ":":
        return None
    closing = _closing(tokens, 2)
    if closing is None or strings[closing + 1 : closing + 2] != ["->"]:
        return None
    params = text[tokens[2].end[1] : tokens[closing].start[1]]
    returns = text[tokens[closing + 1].end[1] : tokens[-1].start[1]].strip()
    return def_header(strings[1], params, returns, indent)


def _annotated(text: str, tokens: _Tokens, strings: list[str], indent: int) -> str | None:
    """`name: annotation` (`= value`): a field, a type alias, a constant."""
    if strings[1:2] != [":"] or not _is_name(tokens[0]):
        return None
    equals = _top_level(tokens, "=")
    name = strings[0]
    if equals is None:
        return annotated(name, text[tokens[1].end[1] :].strip(), indent)
    if _top_level(tokens[equals + 1 :], "=") is not None:
        return None
    annotation = text[tokens[1].end[1] : tokens[equals].start[1]].strip()
    value = text[tokens[equals].end[1] :].strip()
    if value.startswith(("{", "[")) and display_items(value) is not None:
        return fit_text(value, indent, f"{name}: {annotation} = ")
    call = _call(text, tokens[equals + 1 :])
    if call is not None:
        return annotated_call(name, annotation, call[0], call[1], indent)
    if annotation == "TypeAlias":
        return assignment(f"{name}: {annotation}", value, indent)
    return annotated(name, annotation, indent, value)


def _assigned(text: str, tokens: _Tokens, strings: list[str], indent: int) -> str | None:
    """`name = value`: a call's arguments one per line, any other value in parentheses."""
    if strings[1:2] != ["="] or not _is_name(tokens[0]) or _top_level(tokens[2:], "=") is not None:
        return None  # not `a = b = c`
    value = text[tokens[1].end[1] :].strip()
    call = _call(text, tokens[2:])
    if call is None:
        return assignment(strings[0], value, indent)
    laid = call_statement(text, indent)
    if laid == text and _strings_too_long(call[1], indent + 4):
        # Items that are long strings: black splits the call one item per line all the same.
        return wrap_call(f"{strings[0]} = {call[0]}", call[1], indent)
    return laid


def _called(text: str, tokens: _Tokens, strings: list[str], indent: int) -> str | None:
    """`f(args)`, `assert f(args)`, `@decorator(args)`."""
    if strings[0] == "@":
        call = _call(text, tokens[1:])
        return None if call is None else wrap_call("@" + call[0], call[1], indent)
    if _call(text, tokens[1:] if strings[0] == "assert" else tokens) is None:
        return None
    return call_statement(text, indent)


def _is_name(token: tokenize.TokenInfo) -> bool:
    return token.type == tokenize.NAME and not keyword.iskeyword(token.string)


_Shape = Callable[[str, _Tokens, list[str], int], "str | None"]
_SHAPES: tuple[_Shape, ...] = (_import, _class, _def, _annotated, _assigned, _called)


def _strings_too_long(args: list[Argument], indent: int) -> bool:
    """Two or more arguments, each too long one a lone string literal."""
    if len(args) < 2:
        return False
    for arg in args:
        if not isinstance(arg, str) or within(arg + ",", indent):
            continue
        tokens = line_tokens(arg)
        if not tokens or len(tokens) != 1 or tokens[0].type != tokenize.STRING:
            return False
    return True


def _call(text: str, tokens: _Tokens) -> tuple[str, list[Argument]] | None:
    """(the dotted callee, its arguments) of the expression `tokens` (of `text`) when it is `a.b(args)`
    with arguments; a `name=` + dict or list display argument as a `[lead, LiteralText]` pair. None for
    any other expression."""
    if not tokens or tokens[-1].string != ")":
        return None
    strings = [t.string for t in tokens]
    if "(" not in strings:
        return None
    opening = strings.index("(")
    callee = strings[:opening]
    if (
        not callee
        or not all(
            (t.type == tokenize.NAME) if i % 2 == 0 else t.string == "."
            for i, t in enumerate(tokens[:opening])
        )
        or len(callee) % 2 == 0
    ):
        return None
    if _closing(tokens, opening) != len(tokens) - 1:
        return None
    items = _items(text, tokens, opening, len(tokens) - 1)
    if not items:
        return None
    return "".join(callee), [_argument(item) for item in items]


def _argument(item: str) -> Argument:
    """An argument as `wrap_call` takes it: a keyword's display value is a literal laid out by brackets."""
    keyword, equals, value = item.partition("=")
    displayed = equals and value.startswith(("{", "[")) and keyword.isidentifier()
    if displayed and display_items(value) is not None:
        return [keyword + "=", LiteralText(value)]
    if item.startswith(("{", "[")) and display_items(item) is not None:
        return ["", LiteralText(item)]
    return item


def _items(text: str, tokens: _Tokens, opening: int, closing: int) -> list[str] | None:
    """The comma-separated items between the brackets at token indexes `opening` and `closing`; None when
    there is none, one is empty, or a trailing comma (black keeps that layout by itself)."""
    depth = 0
    cuts: list[int] = []
    for token in tokens[opening + 1 : closing]:
        if token.string in _OPEN:
            depth += 1
        elif token.string in _CLOSE:
            depth -= 1
        elif token.string == "," and depth == 0:
            cuts.append(token.start[1])
    bounds = [tokens[opening].end[1], *(cut + 1 for cut in cuts), tokens[closing].start[1] + 1]
    items = [text[a : b - 1].strip() for a, b in pairwise(bounds)]
    return items if items and all(items) else None


def _closing(tokens: _Tokens, opening: int) -> int | None:
    """The index of the bracket that closes the one at `opening`."""
    depth = 0
    for index in range(opening, len(tokens)):
        kind = tokens[index].string
        if kind in _OPEN:
            depth += 1
        elif kind in _CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return None


def _top_level(tokens: _Tokens, string: str) -> int | None:
    """The index of the first `string` token outside any bracket."""
    depth = 0
    for index, token in enumerate(tokens):
        if token.string in _OPEN:
            depth += 1
        elif token.string in _CLOSE:
            depth -= 1
        elif depth == 0 and token.string == string:
            return index
    return None


#: Brackets, by their text (a string token's text has quotes: it is never one of these).
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")
