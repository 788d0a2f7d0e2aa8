"""black's layout for the statements templates write, so that black has nothing left to change.

A statement that fits in black's 88 columns stays on one line. One that does not is written the way black
keeps it: one item per line and a trailing comma (black's "magic trailing comma" leaves that as it is).
Anything still too long after that is left to black itself (see `generator.formatting.fits`).
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from . import import_order
from .literals import kept_literal, py_literal

LINE_LENGTH = 88
#: An argument of `wrap_call`: source text, or a `[lead, value]` pair.
Argument = str | Sequence[Any]


class LiteralText:
    """A literal already written as source text (`{"wire": "x"}`): `fit_literal` spreads its brackets as
    it spreads a value's, without reading the value back."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


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
    line = f"{head}({', '.join(_flat(items))}){tail}"
    if within(line, indent) or not items:
        return line
    inner = indent + 4
    laid = [f"{a}," if isinstance(a, str) else fit_literal(a[1], inner, a[0], ",") for a in items]
    return exploded(f"{head}(", laid, ")" + tail, indent)


def wrap_list(lead: str, items: Sequence[str], indent: int = 0) -> str:
    """`lead[items]`, a list display of source text (`X: list[T] = [A, B]`), one item per line with a
    trailing comma when too long, as black explodes a collection. Left on one line, for black, when the
    opening line or an item would still be too long."""
    line = f"{lead}[{', '.join(items)}]"
    if within(line, indent) or not items:
        return line
    if len(items) == 1:
        # black adds no trailing comma to a lone item: with no comma to split at, the display's body
        # goes on its own line as it is.
        if within(f"{lead}[", indent) and within(items[0], indent + 4):
            return exploded(f"{lead}[", [items[0]], "]", indent)
        return line
    return _one_per_line(f"{lead}[", items, "]", indent) or line


def _one_per_line(opening: str, items: Sequence[str], closing: str, indent: int) -> str | None:
    """`opening`, each item with a trailing comma on its own line one level in, then `closing`; None when
    the opening line or an item would still be too long."""
    laid = [f"{item}," for item in items]
    if not within(opening, indent) or not all(within(item, indent + 4) for item in laid):
        return None
    return exploded(opening, laid, closing, indent)


def _flat(args: Sequence[Argument]) -> list[str]:
    """The arguments as one-line source text (empty ones left out)."""
    return [a if isinstance(a, str) else a[0] + _literal(a[1]) for a in args if a]


def _literal(value: Any) -> str:
    return value.text if isinstance(value, LiteralText) else py_literal(value)


def call_statement(line: str, indent: int = 0) -> str:
    """A one-line statement that ends in a call (`x = f(a, b)`, `f(a, b)`), its arguments one per line
    with a trailing comma when it is too long: black keeps that layout (a magic trailing comma).

    Left as it is, for black to lay out, when the statement does not end in a call or when the head or an
    argument would still be too long."""
    if within(line, indent):
        return line
    found = _last_call(line)
    if found is None:
        return line
    head, args = found
    return _one_per_line(head, args, ")", indent) or line


def _last_call(line: str) -> tuple[str, list[str]] | None:
    """(the text up to and including the bracket that opens the call the line ends with, its arguments);
    None when the line does not end in a call with arguments outside any other bracket."""
    return _last_bracket(line, "(", _call_head)


def _last_bracket(
    line: str, bracket: str, head_shape: Callable[[list[str]], bool]
) -> tuple[str, list[str]] | None:
    """(the text up to and including the `bracket` that opens the pair the line ends with, the items
    between them); None when the line does not end so, outside any other bracket, after a head of the
    shape `head_shape` accepts (its tokens, that bracket included), with items and no trailing comma."""
    closing = {"(": ")", "[": "]"}[bracket]
    tokens = line_tokens(line)
    if not tokens or tokens[-1].string != closing or any(t.start[0] != 1 for t in tokens):
        return None
    depth, opening = 0, -1
    cuts: list[int] = []
    for index, token in enumerate(tokens):
        if token.string in _OPEN:
            if depth == 0 and token.string == bracket:
                opening, cuts = index, []
            depth += 1
        elif token.string in _CLOSE:
            depth -= 1
        elif token.string == "," and depth == 1:
            cuts.append(token.start[1])
    if depth != 0 or opening < 0 or not head_shape([t.string for t in tokens[: opening + 1]]):
        return None
    start, end = tokens[opening].end[1], tokens[-1].start[1]
    bounds = [start, *(cut + 1 for cut in cuts), end + 1]
    items = [line[a : b - 1].strip() for a, b in pairwise(bounds)]
    if not all(items):  # none, or a trailing comma already
        return None
    return line[:start], items


def _call_head(strings: list[str]) -> bool:
    """`f(`, `a.b(`, `name = a.b(` or `assert a.b(`: a call of a dotted name as the whole statement, the
    value of an assignment, or what an assert tests (the shapes whose layout black is known to keep)."""
    if strings[:1] == ["assert"]:
        strings = strings[1:]
    elif strings[1:2] == ["="]:
        if not strings[0].isidentifier() or keyword.iskeyword(strings[0]):
            return False
        strings = strings[2:]
    return strings[-1:] == ["("] and _dotted(strings[:-1])


def _subscript_head(strings: list[str]) -> bool:
    """`Name[` or `a.Name[`: a subscript of a dotted name (`Literal[`)."""
    return strings[-1:] == ["["] and _dotted(strings[:-1])


def _dotted(strings: list[str]) -> bool:
    return (
        len(strings) % 2 == 1
        and all(s.isidentifier() and not keyword.iskeyword(s) for s in strings[::2])
        and all(s == "." for s in strings[1::2])
    )


def fit_literal(value: Any, indent: int = 0, lead: str = "", trail: str = "") -> str:
    """`lead` + a Python literal + `trail`, its dicts and lists one item per line where too long."""
    if isinstance(value, LiteralText):
        return fit_text(value.text, indent, lead, trail)
    return _fit_literal(value, indent, lead, trail, {})


def fit_text(text: str, indent: int = 0, lead: str = "", trail: str = "") -> str:
    """`fit_literal` for a literal written as source text: `lead` + `text` + `trail`, each dict or list
    display in it one item per line where the line would be too long, and each call of a dotted name
    (`st.lists(...)`) split as black splits it (`_fit_call`)."""
    line = lead + text + trail
    if within(line, indent):
        return line
    found = display_items(text)
    if found is None:
        return _fit_call(text, indent, lead, trail) or line
    opening, items, closing = found
    parts = [fit_text(value, indent + 4, key, ",") for key, value in items]
    return exploded(lead + opening, parts, closing + trail, indent)


def _fit_call(text: str, indent: int, lead: str, trail: str) -> str | None:
    """`lead` + the call `text` + `trail` too long for one line, as black's right-hand split lays it out:
    the arguments on a line of their own when they fit there, else one per line with a trailing comma,
    each laid out in turn; a lone argument on its own line, laid out in turn. None when `text` is no call
    of a dotted name, when the head would still be too long, or when a lone argument is one atom (a
    string, a name, a number) too long for its own line: black leaves that line whole."""
    call = call_parts(text)
    if call is None or not within(lead + call[0] + "(", indent):
        return None
    callee, items = call
    arguments = [_keyword_split(item) for item in items]
    inner = indent + 4
    if len(arguments) == 1:
        key, value = arguments[0]
        if not key and _ATOM.fullmatch(value) and not within(value, inner):
            return None
        body = [fit_text(value, inner, key, "")]
    elif within(", ".join(items), inner):
        body = [", ".join(items)]
    else:
        body = [fit_text(value, inner, key, ",") for key, value in arguments]
    return exploded(lead + callee + "(", body, ")" + trail, indent)


def call_parts(text: str) -> tuple[str, list[str]] | None:
    """(the dotted callee, its arguments as written) of `text` when it is one call `a.b(args)` with
    arguments; None for any other text."""
    call = _CALL.fullmatch(text)
    if call is None:
        return None
    found = display_items(f"[{call[2]}]")
    return None if found is None else (call[1], [value for _, value in found[1]])


def _keyword_split(argument: str) -> tuple[str, str]:
    """(`name=`, value) of a keyword argument; ("", argument) of any other."""
    found = _KEYWORD.match(argument)
    return (found[1], argument[found.end() :]) if found else ("", argument)


#: A call of a dotted name, its arguments in group 2.
_CALL = re.compile(r"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\((.+)\)", re.DOTALL)
#: `name=` opening a keyword argument (not `==`).
_KEYWORD = re.compile(r"([A-Za-z_]\w*=)(?!=)")


def display_items(text: str) -> tuple[str, list[tuple[str, str]], str] | None:
    """(`{` or `[`, the items, `}` or `]`) of a dict or list display with items and no trailing comma,
    each item as (`"key": ` or "", its value); None for any other text (a comprehension, a dict item
    that is not one literal or name, a colon and a value).

    One regular-expression scan: a display can be long (a package's table of thousands of modules)."""
    opening = text[:1]
    if opening not in _PAIR or not text.endswith(_PAIR[opening]) or _NOT_SCANNED.search(text):
        return None
    is_dict = opening == "{"
    depth = 0
    items: list[tuple[str, str]] = []
    begin, key = 1, ""  # where the current item starts, and its key
    last = len(text) - 1
    for found in _DISPLAY_PART.finditer(text):
        kind = found.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and found.start() != last:
                return None
        elif depth != 1:
            continue
        elif kind == "colon" and is_dict and not key:
            key = text[begin : found.start()].strip()
            if not _ATOM.fullmatch(key):
                return None
            key += ": "
            begin = found.end()
        elif kind == "comma":
            if not _item(text, begin, found.start(), key, is_dict, items):
                return None
            begin, key = found.end(), ""
        elif kind == "other" and _UNSURE.search(found.group()):
            return None
    if depth != 0 or not _item(text, begin, last, key, is_dict, items):
        return None
    return opening, items, _PAIR[opening]


def _item(
    text: str, begin: int, end: int, key: str, is_dict: bool, items: list[tuple[str, str]]
) -> bool:
    """Add the item `text[begin:end]` to `items`; False when it is empty or a dict item lacks its key."""
    value = text[begin:end].strip()
    if not value or (is_dict and not key):
        return False
    items.append((key, value))
    return True


#: The parts of a display `display_items` tells apart: strings (skipped whole), brackets, commas, colons.
_DISPLAY_PART = re.compile(
    r"""(?P<string>[rRbBuUfF]{0,2}(?:\"\"\"(?:\\.|[^\\])*?\"\"\"|'''(?:\\.|[^\\])*?'''"""
    r"""|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))"""
    r"""|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<comma>,)|(?P<colon>:(?!=))|(?P<other>[^"'()\[\]{},:]+|:=)"""
)
#: Text the scan does not read: a line continuation, a newline.
_NOT_SCANNED = re.compile(r"\\?\n")
#: One token black cannot split, a string, a number or a name: a dict key the layout keeps on the line of
#: its value, or a call's lone argument that black leaves whole when it is too long.
_ATOM = re.compile(r"""[rRbBuU]{0,2}(?:"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|[\w.]+""")
#: What makes a display no plain one: a comprehension, a comment.
_UNSURE = re.compile(r"\bfor\b|#")


_PAIR = {"{": "}", "[": "]"}


def _fit_literal(value: Any, indent: int, lead: str, trail: str, known: dict[int, str]) -> str:
    """`fit_literal`, with the literal of each part of the value kept in `known` (asked for again at
    each level the value is spread over)."""
    line = lead + kept_literal(value, known) + trail
    if within(line, indent) or not value or not isinstance(value, dict | list):
        return line
    inner = indent + 4
    if isinstance(value, dict):
        parts = [
            _fit_literal(v, inner, kept_literal(k, known) + ": ", ",", known)
            for k, v in value.items()
        ]
        opening, closing = "{", "}"
    else:
        parts = [_fit_literal(v, inner, "", ",", known) for v in value]
        opening, closing = "[", "]"
    return exploded(lead + opening, parts, closing + trail, indent)


def exploded(opening: str, items: Sequence[str], closing: str, indent: int) -> str:
    """`opening`, each item (with its comma, if any) on its own line one level in, then `closing`;
    the first line is not indented."""
    inner = " " * (indent + 4)
    body = "".join(f"{inner}{item}\n" for item in items)
    return f"{opening}\n{body}{' ' * indent}{closing}"


def import_block(groups: Sequence[Sequence[str]]) -> str:
    """Import lines in isort's sections and order (`import_order`), a blank line between sections, no
    final newline. The template's grouping does not matter: the lines of every group are merged."""
    ordered = import_order.sections(line for group in groups for line in group)
    return "\n\n".join("\n".join(wrap_import(line) for line in group) for group in ordered)


def union_parts(expression: str) -> tuple[list[str], bool]:
    """The operands of a one-line expression's top-level `|` (the whole expression when it has none), and
    whether some operand holds brackets (a string's text aside)."""
    tokens = line_tokens(expression)
    if tokens is None:
        return [expression], True
    cuts: list[int] = []
    depth, bracketed = 0, False
    for token in tokens:
        if token.string in _OPEN:
            depth, bracketed = depth + 1, True
        elif token.string in _CLOSE:
            depth -= 1
        elif token.string == "|" and depth == 0:
            cuts.append(token.start[1])
    starts = [0, *(cut + 1 for cut in cuts)]
    ends = [*cuts, len(expression)]
    parts = [expression[start:end].strip() for start, end in zip(starts, ends, strict=True)]
    return parts, bracketed


#: Brackets, by their text (a string token's text has quotes: it is never one of these).
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


def line_tokens(text: str) -> list[tokenize.TokenInfo] | None:
    """The tokens of one line of code, without the line end; None when it does not tokenize.

    Read by one regular expression (Python's tokenizer costs several times as much); a line it does not
    know (leading blanks, a backslash outside a string, a character of no token) goes to the tokenizer."""
    tokens: list[tokenize.TokenInfo] = []
    depth = 0
    for found in _TOKEN.finditer(text):
        kind = found.lastgroup or "other"
        if kind == "blank" and found.start():
            continue
        if kind in ("other", "blank"):
            return _tokenized(text)
        value = found.group()
        if kind == "op" and value in "()[]{}":
            depth += 1 if value in "([{" else -1
            if depth < 0:
                return _tokenized(text)
        start, end = found.span()
        # `tuple.__new__`: a TokenInfo without its Python-level `__new__` (a call per token).
        fields = (_TOKEN_TYPES[kind], value, (1, start), (1, end), text)
        tokens.append(_new_tuple(tokenize.TokenInfo, fields))
    return tokens if depth == 0 else None


def _tokenized(text: str) -> list[tokenize.TokenInfo] | None:
    try:
        return [
            t
            for t in tokenize.generate_tokens(io.StringIO(text).readline)
            if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)
        ]
    except (tokenize.TokenError, SyntaxError):
        return None


#: One token of a line: what `line_tokens` reads without Python's tokenizer (not f-strings: `other`).
_TOKEN = re.compile(
    r"(?P<blank>[ \t]+)"
    r"|(?P<string>(?:[rRbBuU]|[rR][bB]|[bB][rR])?"
    r'(?:"""(?:\\.|[^\\])*?"""'
    r"|'''(?:\\.|[^\\])*?'''"
    r'|"(?:\\.|[^"\\\n])*"'
    r"|'(?:\\.|[^'\\\n])*'))"
    r"|(?P<name>[^\W\d]\w*(?![\"']))"
    r"|(?P<number>0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+"
    r"|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)"
    r"|(?P<comment>\#.*)"
    r"|(?P<op>->|\*\*=?|//=?|<<=?|>>=?|[-+*/%@&|^=<>!:]=|\.\.\.|[-+*/%@&|^~<>=.,:;()\[\]{}])"
    r"|(?P<other>.)",
    re.DOTALL,
)
_new_tuple = tuple.__new__
_TOKEN_TYPES = {
    "string": tokenize.STRING,
    "name": tokenize.NAME,
    "number": tokenize.NUMBER,
    "comment": tokenize.COMMENT,
    "op": tokenize.OP,
}


def _in_parens(head: str, expression: str, tail: str, indent: int) -> str | None:
    """`head(`, the expression one level in (on one line, or one `|` operand per line), then `)tail`,
    as black wraps a too-long right-hand side or annotation; None when a line after the head would
    still be too long and could be split. (A lone name too long is left so, as black does; so is a head,
    which black keeps when it is `NAME = (` and splits further, `fits` knows, when it holds an annotation.)"""
    parts, bracketed = union_parts(expression)
    if len(parts) == 1 and bracketed:
        return None
    inner = indent + 4
    if within(expression, inner):
        body = [expression]
    elif len(parts) > 1:
        body = [parts[0], *(f"| {part}" for part in parts[1:])]
    else:
        return None
    if not all(within(line, inner) or line.removeprefix("| ").isidentifier() for line in body):
        return None
    if not within((")" + tail).split("\n")[0], indent):
        return None
    return exploded(f"{head}(", body, f"){tail}", indent)


def assignment(target: str, value: str, indent: int = 0) -> str:
    """`target = value`, its value in parentheses one level in when the line is too long; a value that
    is a subscript of several items (`Literal["a", "b"]`) one item per line instead."""
    line = f"{target} = {value}"
    if within(line, indent):
        return line
    return (
        _in_parens(f"{target} = ", value, "", indent)
        or _exploded_subscript(f"{target} = ", value, indent)
        or line
    )


def _exploded_subscript(head: str, value: str, indent: int) -> str | None:
    """`head` + `Name[`, the items one level in, then `]`, as black splits a subscript: one item
    alone on its line (a union one operand per line), several one per line with a trailing comma (which
    black keeps; one item with a comma would be a tuple). None for any other value, or when black would
    split further."""
    found = _last_bracket(value, "[", _subscript_head)
    if found is None or not within(head + found[0], indent):
        return None
    opening, items = found
    inner = indent + 4
    if len(items) > 1:
        return _one_per_line(head + opening, items, "]", indent)
    if within(items[0], inner) or items[0].isidentifier():
        body = items
    else:
        parts, _ = union_parts(items[0])
        body = [parts[0], *(f"| {part}" for part in parts[1:])]
        if len(parts) < 2 or not all(
            within(line, inner) or line.removeprefix("| ").isidentifier() for line in body
        ):
            return None
    return exploded(head + opening, body, "]", indent)


def annotated(name: str, annotation: str, indent: int = 0, default: str = "") -> str:
    """`name: annotation` (`= default`), the annotation in parentheses when the line is too long."""
    tail = f" = {default}" if default else ""
    line = f"{name}: {annotation}{tail}"
    if within(line, indent):
        return line
    if default and _annotation_stays_whole(name, annotation, indent):
        return _in_parens(f"{name}: {annotation} = ", default, "", indent) or line
    return (
        _annotation_in_parens(name, annotation, tail, indent)
        or _split_annotation(name, annotation, "]" + tail, indent)
        or line
    )


def _annotation_stays_whole(name: str, annotation: str, indent: int) -> bool:
    """black wraps the value, not the annotation, while `name: annotation = (` fits (bracket included)."""
    return within(f"{name}: {annotation} = (", indent)


def _annotation_in_parens(name: str, annotation: str, tail: str, indent: int) -> str | None:
    if not tail:  # `name: Wrapper[...]` (a TypedDict key): black splits the subscript
        laid = _exploded_subscript(f"{name}: ", annotation, indent)
        if laid is not None:
            return laid
    if not within(f"{name}: (", indent):
        return None
    return _in_parens(f"{name}: ", annotation, tail, indent)


def annotated_call(
    name: str, annotation: str, callee: str, args: Sequence[Argument], indent: int = 0
) -> str:
    """`name: annotation = callee(args)`, laid out as black lays out a field with options."""
    head = f"{name}: {annotation} = {callee}"
    if within(head + "(", indent):
        return wrap_call(head, args, indent)
    if _annotation_stays_whole(name, annotation, indent):
        return exploded(
            f"{name}: {annotation} = (", [wrap_call(callee, args, indent + 4)], ")", indent
        )
    tail = wrap_call(f") = {callee}", args, indent)[1:]
    laid = _annotation_in_parens(name, annotation, tail, indent)
    if laid is None:
        closing = _split_call(f"] = {callee}", _flat(args), indent, "")
        if closing is not None:
            laid = _split_annotation(name, annotation, closing, indent)
    return laid or wrap_call(head, args, indent)


def _split_annotation(name: str, annotation: str, closing: str, indent: int) -> str | None:
    """`name: Name[`, the subscript's items one per line with a trailing comma, then `closing` (`]` and
    what follows): how black splits an annotation that is a subscript of several items
    (`Annotated[T, msgspec.Meta(...)]`) when the line is too long. An item still too long is a call laid
    out in turn; None when black would split elsewhere or further."""
    found = _last_bracket(annotation, "[", _subscript_head)
    if found is None or len(found[1]) < 2:
        return None
    opening, items = found
    if not within(f"{name}: {opening}", indent) or not within(closing.split("\n")[0], indent):
        return None
    body: list[str] = []
    for item in items:
        laid = _item_line(item, indent + 4)
        if laid is None:
            return None
        body.append(laid)
    return exploded(f"{name}: {opening}", body, closing, indent)


def _item_line(item: str, indent: int) -> str | None:
    """One item of an exploded bracket, with its comma: on one line when it fits, else a call split as
    black splits it; None when black would do more."""
    line = f"{item},"
    if within(line, indent):
        return line
    found = _last_call(item)
    if found is None:
        return None
    return _split_call(found[0][:-1], found[1], indent, ",")


def _split_call(head: str, args: Sequence[str], indent: int, end: str) -> str | None:
    """`head(args)end` as black lays out a call: on one line when it fits, else the arguments on a line
    of their own, else one per line with a trailing comma; None when black would split further."""
    line = f"{head}({', '.join(args)}){end}"
    if within(line, indent):
        return line
    if not within(f"{head}(", indent):
        return None
    inner = indent + 4
    hugged = ", ".join(args)
    if within(hugged, inner):
        return exploded(f"{head}(", [hugged], f"){end}", indent)
    lines = [f"{arg}," for arg in args]
    if not all(within(arg, inner) or _long_keyword_literal(arg) for arg in lines):
        return None
    return exploded(f"{head}(", lines, f"){end}", indent)


def _long_keyword_literal(line: str) -> bool:
    tokens = line_tokens(line)
    return tokens is not None and is_keyword_literal(tokens)


def is_keyword_literal(tokens: Sequence[tokenize.TokenInfo]) -> bool:
    """`name=literal,`: a keyword argument of one literal, with its comma, which black cannot split."""
    return (
        len(tokens) == 4
        and tokens[0].type == tokenize.NAME
        and tokens[1].string == "="
        and is_literal(tokens[2])
        and tokens[3].string == ","
    )


def is_literal(token: tokenize.TokenInfo) -> bool:
    """A string, a number, `True`, `False` or `None`."""
    return token.type in (tokenize.STRING, tokenize.NUMBER) or (
        token.type == tokenize.NAME and token.string in ("True", "False", "None")
    )


def class_header(name: str, bases: str, indent: int = 0) -> str:
    """`class name(bases):`, the bases one level in when the line is too long."""
    line = f"class {name}({bases}):"
    if within(line, indent) or not within(bases, indent + 4):
        return line
    return exploded(f"class {name}(", [bases], "):", indent)


def def_header(name: str, params: str, returns: str, indent: int = 0) -> str:
    """`def name(params) -> returns:`, the parameters one level in when the line is too long."""
    line = f"def {name}({params}) -> {returns}:"
    tail = f") -> {returns}:"
    if within(line, indent) or not within(params, indent + 4) or not within(tail, indent):
        return line
    return exploded(f"def {name}(", [params], tail, indent)
