"""The layout helpers write what black writes, so built-in templates can skip black (issue 9).

Each property renders a statement the way a template does and checks that black leaves it unchanged, and
that `fits` sends to black every file black would still change.
"""

from __future__ import annotations

import ast
import io
import keyword
import tokenize
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.formatting import _fits_by_tokens, _only_docstrings_long, fits, format_python
from generator.render.filters import docstring
from generator.render.layout import (
    annotated,
    annotated_call,
    assignment,
    call_statement,
    class_header,
    def_header,
    fit_literal,
    fit_text,
    import_block,
    within,
    wrap_call,
    wrap_import,
    wrap_list,
)
from generator.render.literals import py_literal

pytestmark = pytest.mark.slow

PIECES = [*"ab '\"\\\t\n#é日🐍", "\r\n", "\u202e", "\x00", '"""', "\n  ", "\n\t", "x" * 30]
TEXT = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)
NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,40}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name)
)
#: Names as long as generated class names get (the longest in the corpus has 103 characters).
LONG_NAMES = st.from_regex(r"[A-Z][A-Za-z0-9_]{0,100}", fullmatch=True)
OPERANDS = st.one_of(
    LONG_NAMES,
    LONG_NAMES.map(lambda name: f"list[{name}]"),
    LONG_NAMES.map(lambda name: f"dict[str, {name}]"),
    LONG_NAMES.map(lambda name: f"m.{name}"),
    st.just('Literal["a|b", "c[d"]'),
)
#: Annotations as the Python view writes them: one type, or a union of them.
ANNOTATIONS = st.lists(OPERANDS, min_size=1, max_size=4).map(" | ".join)
VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


def black_keeps(source: str) -> bool:
    return format_python("<test>", source) == source


def test_fits_sends_long_code_lines_to_black() -> None:
    long_call = "x = f(" + ", ".join(f"argument_{i}" for i in range(12)) + ")\n"
    assert not fits(long_call)
    assert not black_keeps(long_call)
    assert fits("# " + "c" * 120 + "\nx = 1\n")
    assert fits('"""' + "d" * 120 + '"""\n')
    assert not fits("x = 1  # " + "c" * 100 + "\n")
    # One literal item per line inside an exploded dict has nothing black could split.
    item = '    "deprecated": "' + "m" * 100 + '",\n'
    assert fits("X = {\n" + item + "}\n") and black_keeps("X = {\n" + item + "}\n")
    assert not fits("X = {\n" + item.replace('",', '" + "",') + "}\n")


def test_wide_characters_count_twice() -> None:
    # 46 characters, 92 columns: black measures East Asian wide characters as two columns.
    value = "日本語" * 15 + "x"
    source = '@pytest.mark.parametrize(\n    "value",\n    [' + py_literal(value) + "],\n)\n"
    source += "def test(value: object) -> None:\n    pass\n"
    assert not black_keeps(source)
    assert not fits(source)
    laid = wrap_call("@pytest.mark.parametrize", ['"value"', ["", [value]]])
    assert black_keeps(laid + "\ndef test(value: object) -> None:\n    pass\n")


def test_a_comment_inside_brackets_goes_to_black() -> None:
    # black splits the item after a comment of its own at its operators, however short the line.
    source = (
        'X = TypedDict(\n    "X",\n    {\n        # c\n        "and": bool | None,\n    },\n)\n'
    )
    assert not black_keeps(source)
    assert not fits(source)
    assert fits("class A:\n    # c\n    x: int\n")


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([0, 4, 8]))
def test_docstrings_are_as_black_writes_them(text: str, indent: int) -> None:
    literal = docstring(text, indent)
    if indent == 0:
        source = literal + "\n"
    elif indent == 4:
        source = "class A:\n    " + literal + "\n\n    x: int\n"
    else:
        source = "class A:\n    def f(self) -> None:\n        " + literal + "\n"
    assert black_keeps(source), source
    # The text survives, up to the whitespace black itself strips.
    value = ast.literal_eval(literal)
    assert value.split() == text.replace("\r", "\\r").split() or "\\u" in literal


@settings(max_examples=300, deadline=None)
@given(VALUES, st.sampled_from([0, 4, 8]), NAMES)
def test_literals_are_as_black_writes_them(value: Any, indent: int, name: str) -> None:
    statement = fit_literal(value, indent, f"{name} = ")
    source = _nested(statement, indent)
    assert ast.literal_eval(statement.split(" = ", 1)[1]) == value
    if fits(source):
        assert black_keeps(source), source


def test_parts_of_a_value_are_each_written_where_they_stand() -> None:
    """`fit_literal` keeps the literal of each part while it lays the value out: a part met again (the
    same object, or another of the same size) is written as itself."""
    shared = ["x" * 40, {"k": "y" * 40}]
    value = {"a": shared, "b": [shared, shared, ["z" * 40]], "c": "w" * 90}
    statement = fit_literal(value, 4, "value = ")
    assert ast.literal_eval(statement.split(" = ", 1)[1]) == value
    assert statement.count('"k": "' + "y" * 40 + '"') == 3
    assert all(within(line) for line in statement.splitlines() if "w" * 90 not in line)


@settings(max_examples=200, deadline=None)
@given(NAMES, st.lists(NAMES, min_size=1, max_size=6), st.sampled_from([0, 4]), VALUES)
def test_calls_are_as_black_writes_them(
    name: str, args: list[str], indent: int, value: Any
) -> None:
    statement = wrap_call(f"{name}: int = field", [*args, ["metadata=", value]], indent)
    source = _nested(statement, indent)
    if fits(source):
        assert black_keeps(source), source


#: Arguments as generated tests pass them: names, attributes, subscripts, literals, nested calls.
ARGUMENTS = st.one_of(
    LONG_NAMES,
    NAMES.map(lambda name: f"m.{name}"),
    st.tuples(LONG_NAMES, NAMES).map(lambda p: f'get_type_hints({p[0]})["{p[1]}"]'),
    VALUES.map(py_literal),
    st.tuples(NAMES, LONG_NAMES).map(lambda p: f"_runtime.to_wire({p[0]}, {p[1]})"),
    st.just("[]"),
)
#: The statements generated tests write around a call.
LEADS = st.sampled_from(["", "model = ", "again = ", "assert "])


@settings(max_examples=400, deadline=None)
@given(
    LEADS,
    st.lists(NAMES, min_size=1, max_size=3).map(".".join),
    st.lists(ARGUMENTS, min_size=1, max_size=3),
    st.sampled_from([0, 4, 8]),
)
def test_call_statements_are_as_black_writes_them(
    lead: str, callee: str, args: list[str], indent: int
) -> None:
    """A too-long statement that ends in a call: its arguments one per line, or left to black."""
    line = f"{lead}{callee}({', '.join(args)})"
    statement = call_statement(line, indent)
    source = _nested(statement, indent)
    assert ast.dump(ast.parse(source)) == ast.dump(ast.parse(_nested(line, indent)))
    if statement != line:  # laid out: every line fits, and black keeps them
        assert fits(source), source
    if fits(source):
        assert black_keeps(source), source


def test_call_statements_leave_other_statements_to_black() -> None:
    tail = "a" * 90
    for line in (
        f"x = ({tail})",  # a bracket, not a call: exploding it would make a tuple
        f"assert f(a) == g({tail})",
        f"x.y = f({tail})",
        f"return f({tail})",
        f"x = f({tail},)",
        f"x = f({tail})  # a comment",
        "x = f()" + " " * 90,
    ):
        assert call_statement(line) == line, line
    assert call_statement(f"x = f(b, {tail[:80]})") == f"x = f(\n    b,\n    {tail[:80]},\n)"
    assert call_statement("x = f(b, c)") == "x = f(b, c)"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(NAMES, min_size=1, max_size=4), max_size=3), st.lists(NAMES, max_size=3))
def test_imports_are_as_black_writes_them(groups: list[list[str]], tail: list[str]) -> None:
    lines = [[f"from .m_{g[0].lower()} import {', '.join(sorted(set(g)))}"] for g in groups]
    block = import_block([*lines, [f"from x import {n}" for n in sorted(set(tail))]])
    source = "from __future__ import annotations\n\n" + block + "\n" if block else "x = 1\n"
    if fits(source):
        assert black_keeps(source), source
    assert wrap_import("from m import " + "a" * 100) == "from m import (\n    " + "a" * 100 + ",\n)"


def test_strings_take_the_quotes_black_would() -> None:
    assert py_literal("it's") == '"it\'s"'
    assert py_literal('say "hi"') == "'say \"hi\"'"
    assert py_literal("both ' and \"") == '"both \' and \\""'
    for value in ("it's", 'say "hi"', "both ' and \"", "\\", "\u202e", "\x00"):
        assert black_keeps(f"x = {py_literal(value)}\n")


def _nested(statement: str, indent: int) -> str:
    """The statement at its indent, inside as many blocks as that takes."""
    head = "".join(" " * level + "if True:\n" for level in range(0, indent, 4))
    return head + " " * indent + statement + "\n"


def _bare_union(annotation: str, room: int) -> bool:
    """A union of plain names (one alone short enough for its own line): the layout must avoid black."""
    parts = annotation.split(" | ")
    return all(part.isidentifier() for part in parts) and (len(parts) > 1 or len(parts[0]) <= room)


@settings(max_examples=300, deadline=None)
@given(LONG_NAMES, st.one_of(ANNOTATIONS, TEXT.map(py_literal)), st.sampled_from([0, 4]))
def test_assignments_are_as_black_writes_them(target: str, value: str, indent: int) -> None:
    """Enum members and type aliases: a too-long value goes in parentheses, a union one operand a line."""
    for lead in (target, f"{target}: TypeAlias"):
        source = _nested(assignment(lead, value, indent), indent)
        if fits(source):
            assert black_keeps(source), source
        elif _bare_union(value, 88 - indent - 4) and within(f"{lead} = (", indent):
            raise AssertionError(f"left to black:\n{source}")


@settings(max_examples=300, deadline=None)
@given(
    LONG_NAMES,
    st.lists(st.one_of(TEXT.map(py_literal), st.integers().map(str)), min_size=1, max_size=8),
    st.sampled_from([0, 4]),
)
def test_literal_aliases_are_as_black_writes_them(
    name: str, values: list[str], indent: int
) -> None:
    """An enum as `Literal[...]`: one value per line when too long (never a one-item tuple)."""
    value = f"Literal[{', '.join(values)}]"
    statement = assignment(f"{name}: TypeAlias", value, indent)
    source = _nested(statement, indent)
    assert ast.dump(ast.parse(source)) == ast.dump(
        ast.parse(_nested(f"{name}: TypeAlias = {value}", indent))
    )
    if fits(source):
        assert black_keeps(source), source
    elif len(values) > 1 and all(len(v) < 60 for v in values) and len(name) < 60:
        raise AssertionError(f"left to black:\n{source}")


@settings(max_examples=300, deadline=None)
@given(NAMES, ANNOTATIONS, st.sampled_from(["NotRequired", "Required", "list", "typing.Optional"]))
def test_subscripted_annotations_are_as_black_writes_them(
    name: str, annotation: str, wrapper: str
) -> None:
    """A TypedDict key `name: NotRequired[...]`: black splits the subscript, not the line before it."""
    statement = annotated(name, f"{wrapper}[{annotation}]", 4)
    source = _nested(statement, 4)
    if fits(source):
        assert black_keeps(source), source


@settings(max_examples=300, deadline=None)
@given(NAMES, ANNOTATIONS, st.sampled_from(["", "None"]))
def test_annotations_are_as_black_writes_them(name: str, annotation: str, default: str) -> None:
    source = _nested(annotated(name, annotation, 4, default), 4)
    if fits(source):
        assert black_keeps(source), source
    elif _bare_union(annotation, 88 - 8) and len(name) < 60:
        raise AssertionError(f"left to black:\n{source}")


@settings(max_examples=300, deadline=None)
@given(
    NAMES,
    ANNOTATIONS,
    st.sampled_from(["field", "Field", "attrs.field", "msgspec.field"]),
    st.lists(NAMES.map(lambda name: f"{name}=None"), max_size=2),
    NAMES,
)
def test_fields_with_options_are_as_black_writes_them(
    name: str, annotation: str, callee: str, options: list[str], wire: str
) -> None:
    statement = annotated_call(
        name, annotation, callee, [*options, ["metadata=", {"wire": wire}]], 4
    )
    source = _nested(statement, 4)
    if fits(source):
        assert black_keeps(source), source
    elif _bare_union(annotation, 88 - 8) and len(name) < 60:
        raise AssertionError(f"left to black:\n{source}")


@settings(max_examples=300, deadline=None)
@given(LONG_NAMES, st.lists(NAMES, max_size=12))
def test_list_displays_are_as_black_writes_them(cls: str, items: list[str]) -> None:
    """`MEMBER_EXAMPLES: list[T] = [A, B]`: exactly what black makes of the one-line statement."""
    lead = f"MEMBER_EXAMPLES: list[{cls}] = "
    source = wrap_list(lead, items) + "\n"
    if fits(source):
        assert source == format_python("<test>", f"{lead}[{', '.join(items)}]\n"), source
    elif items and within(f"{lead}[") and all(within(f"{item},", 4) for item in items):
        raise AssertionError(f"left to black:\n{source}")


@settings(max_examples=400, deadline=None)
@given(NAMES, ANNOTATIONS, TEXT, st.sampled_from(["", "None", "field"]), NAMES)
def test_annotated_metadata_is_as_black_writes_it(
    name: str, annotation: str, message: str, default: str, wire: str
) -> None:
    """A msgspec field with a deprecation, `Annotated[T, msgspec.Meta(...)]`: exactly what black makes
    of the one-line statement, and kept from black whenever its pieces fit."""
    meta = (
        f"msgspec.Meta(description={py_literal('Deprecated: ' + message)}, "
        'extra_json_schema={"deprecated": True})'
    )
    full = f"Annotated[{annotation}, {meta}]"
    if default == "field":
        options = [f"name={py_literal(wire)}", "default=None"]
        statement = annotated_call(name, full, "msgspec.field", options, 4)
        one_line = f"{name}: {full} = msgspec.field({', '.join(options)})"
    else:
        statement = annotated(name, full, 4, default)
        one_line = f"{name}: {full}" + (f" = {default}" if default else "")
    source = _nested(statement, 4)
    if fits(source):
        assert source == format_python("<test>", _nested(one_line, 4)), source
    elif len(name) < 40 and len(wire) < 30 and within(f"{annotation},", 8):
        raise AssertionError(f"left to black:\n{source}")


@settings(max_examples=200, deadline=None)
@given(LONG_NAMES, st.sampled_from(["_runtime.Model", "str, Enum", "TypedDict"]), LONG_NAMES)
def test_class_and_def_headers_are_as_black_writes_them(
    name: str, bases: str, returns: str
) -> None:
    source = (
        class_header(name, bases)
        + "\n    "
        + def_header("_missing_", "cls, value: object", f"{returns} | None", 4)
        + "\n        return None\n"
    )
    if fits(source):
        assert black_keeps(source), source
    elif len(returns) < 70:
        raise AssertionError(f"left to black:\n{source}")


def test_fits_knows_the_long_lines_black_keeps() -> None:
    name = "N" * 95
    lines = {
        "an exploded import": f"from .{name.lower()} import (\n    {name} as Other{name},\n)\n",
        "a class head": f"class {name}(\n    _runtime.Model\n):\n    x: int\n",
        "a member head": f'class A:\n    {name} = (\n        "value"\n    )\n',
        "a union operand": f"X: TypeAlias = (\n    {name}\n    | {name}\n)\n",
        "a field of a long union": _nested(
            annotated_call("type", f"{name} | None", "field", ["default=None"], 4), 4
        ),
        "a call that must not type-check": _nested(f"f({name}, [])  # type: ignore[arg-type]", 8),
        "a keyword argument of a long string": _nested(
            wrap_call("x: int = Field", ['alias="A"', ["deprecated=", name], "default=None"], 4), 4
        ),
        "a literal that must not type-check": f'X: T = {{"{name}": 1}}  # type: ignore[typeddict-item]\n',
    }
    for what, source in lines.items():
        assert fits(source), what
        assert black_keeps(source), what
    # The same heads before a call: black would rather wrap the call in parentheses.
    call = f"class A:\n    {name} = (\n        f(1)\n    )\n"
    assert not fits(call) and not black_keeps(call)
    assert not fits(f"X = (\n    {name}\n)\n")
    # A type: ignore keeps a line whole only when the statement is on that one line and has no magic
    # trailing comma; any other comment does not.
    for source in (
        f"x = f({name},)  # type: ignore[arg-type]\n",
        f"x = f(\n    {name}, b)  # type: ignore\n",
        f"x = f({name}, b)  # noqa: E501\n",
    ):
        assert not fits(source) and not black_keeps(source), source


@pytest.mark.parametrize("indent", [0, 4, 8])
def test_a_string_value_too_long_for_parentheses_is_kept(indent: int) -> None:
    """`name = "..."`: black wraps the string in parentheses when that makes it fit, else keeps the line."""
    for size in range(60, 100):
        source = _nested(f"message = {py_literal('m' * size)}", indent)
        assert fits(source) == black_keeps(source), source


@settings(max_examples=300, deadline=None)
@given(
    LEADS,
    st.lists(ARGUMENTS, min_size=1, max_size=3),
    st.booleans(),
    st.sampled_from(["# type: ignore[arg-type]", "# type: ignore", "# noqa", "# a note"]),
    st.sampled_from([0, 8]),
)
def test_long_lines_with_a_type_ignore_go_to_black_unless_it_keeps_them(
    lead: str, args: list[str], magic_comma: bool, comment: str, indent: int
) -> None:
    # Too long whatever else it holds (a short line fits whatever its comment).
    items = [*args, "p" * 90]
    line = f"{lead}f({', '.join(items)}{',' if magic_comma else ''})  {comment}"
    source = _nested(line, indent)
    if fits(source):
        assert black_keeps(source), source


@pytest.mark.parametrize("width", range(84, 94))
def test_layouts_at_the_edge_of_the_line(width: int) -> None:
    """Each statement shape with its one-line form a few columns either side of black's limit."""

    def union(room: int, tail: str) -> str:
        """A union `A...A{tail}` of `room` characters."""
        return "A" * (room - len(tail)) + tail

    for name_length in range(1, 38, 3):
        name = "n" * name_length
        room = width - 4 - len(f"{name}: ")  # the annotation's share of the one-line form
        statements = [
            annotated(name, union(room, " | None"), 4),
            annotated(name, union(room - 7, " | Bbbbbb | Cccccc"), 4, "None"),
            annotated_call(name, union(room - 22, " | None"), "field", ["default=None"], 4),
            annotated_call(
                name, union(room - 28, " | C"), "attrs.field", [["metadata=", {"w": 1}]], 4
            ),
            assignment("M" * (width - 4 - len(" = ") - 62), '"' + "v" * 60 + '"', 4),
            assignment(f"{name.title()}: TypeAlias", union(room - 11, " | Bbbbbb"), 4),
        ]
        for statement in statements:
            source = _nested(statement, 4)
            assert fits(source), source
            assert black_keeps(source), source


LONG = "w" * 90
#: Pieces of modules: long docstrings where black keeps them, and near misses where only the tokens can
#: tell (a string inside brackets, a comment inside brackets, a string that is not alone on its line).
MODULE_PIECES = [
    f'"""{LONG}"""',
    f'"""Head.\n\n{LONG} (with [brackets], #hashes and \'quotes\')\n"""',
    f"r'''{LONG}'''",
    f'class A:\n    """{LONG}"""\n\n    x: int = 1',
    f'class A:\n    """Head.\n\n    {LONG}\n    """',
    f'X = (\n    """{LONG}"""\n)',
    f'X = [\n    """{LONG}""",\n]',
    f'x = 1; """{LONG}"""',
    f'"""{LONG}"""  # a note',
    f'f"""{{{{ {LONG}"""',
    f'X = f(\n    "{LONG}",\n)',
    f"x = f(a, b, {LONG})",
    "# a comment at the top",
    "X = [\n# a comment inside brackets\n    1,\n]",
    "X = [\n    # an indented comment inside brackets\n    1,\n]",
    "X = [  # a note\n    1,\n]",
    "Y = \"([{\" + '#'",
    "z = (\n    1\n    + 2\n)",
    "w = 1 + \\\n    2",
    "def f() -> None:\n    pass",
    f'f"""{{value!r}} {LONG}"""',
]


def _tokenizes(source: str) -> bool:
    try:
        list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    return True


def _rows(source: str) -> tuple[list[str], set[int], set[int]]:
    lines = source.split("\n")
    comments = {row for row, line in enumerate(lines, 1) if line.lstrip().startswith("#")}
    long_rows = {
        row for row, line in enumerate(lines, 1) if row not in comments and not within(line)
    }
    return lines, long_rows, comments


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MODULE_PIECES), min_size=1, max_size=6))
def test_the_docstring_scan_vouches_only_for_what_the_tokens_vouch_for(pieces: list[str]) -> None:
    """The scan that spares the tokenizer says True only where the token by token check says True."""
    source = "\n".join(pieces) + "\n"
    lines, long_rows, comments = _rows(source)
    if not (long_rows or comments) or not _tokenizes(source):
        return
    if _only_docstrings_long(source, lines, long_rows, comments):
        assert _fits_by_tokens(source, long_rows), source


def test_the_docstring_scan_takes_long_docstrings_and_leaves_the_rest() -> None:
    def scan(source: str) -> bool:
        return _only_docstrings_long(source, *_rows(source))

    # Plain strings, and an f-string whose braces pair (one whose braces do not, such as `{{`, is a near miss).
    for piece in [*MODULE_PIECES[:5], MODULE_PIECES[-1]]:
        source = f"# header\n{piece}\n\nclass B:\n    # c\n    x: int\n"
        assert scan(source), source
    for near_miss in MODULE_PIECES[5:10]:
        assert not scan(near_miss + "\n"), near_miss
    assert not scan(f'"""{LONG}"""\nX = [\n# c\n    1,\n]\n')
    assert not scan(f'"""{LONG}"""\nw = 1 + \\\n    2\n')
    assert not scan(f'x = "a\n"""{LONG}"""\n')


@pytest.mark.parametrize("indent", [0, 4])
def test_a_type_alias_too_long_for_its_head_goes_to_black(indent: int) -> None:
    """`Name: TypeAlias = (` too long: black wraps the annotation in parentheses, so `fits` never vouches
    for that head (a Mistral response union's 92-character name came out unlike black)."""
    values = ["Foo", "Aaaa | Bbbb", "A" * 40 + " | " + "B" * 40 + " | C", '"' + "s" * 30 + '"']
    for size in range(60, 100):
        for value in values:
            source = _nested(assignment(f"{'N' * size}: TypeAlias", value, indent), indent)
            if fits(source):
                assert black_keeps(source), source


@given(name=st.from_regex(r"[a-z][a-z_]{60,110}", fullmatch=True))
@settings(max_examples=60)
def test_a_lazy_package_table_fits_without_the_tokenizer(name: str) -> None:
    """Long `"Name": ".module",` items and `from .module import (` heads: black keeps them, and `fits`
    says so by its line scan alone."""
    import generator.formatting as formatting

    source = (
        "TYPE_CHECKING = False\n"
        "if TYPE_CHECKING:\n"
        f"    from .components.{name} import (\n"
        "        Model,\n"
        "    )\n\n"
        "_MODELS: dict[str, str] = {\n"
        f'    "Model": ".components.{name}",\n'
        f'    "Other": ".components.{name}.x",\n'
        "}\n"
    )
    assert format_python("m.py", source) == source
    tokenized: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(formatting, "_fits_by_tokens", lambda text, rows: tokenized.append(text))
        assert formatting.fits(source)
    assert tokenized == []


ATOMS = st.one_of(
    st.from_regex(r'"[a-z ]{0,60}"', fullmatch=True),
    st.sampled_from(["True", "None", "2", "-(2**53)", "value"]),
)


def _call_of(arguments: list[tuple[str, str]], callee: str) -> str:
    """A call: positional arguments first, each keyword once."""
    positional = [value for key, value in arguments if not key]
    keywords = {key: value for key, value in arguments if key}
    return f"{callee}({', '.join([*positional, *(k + v for k, v in keywords.items())])})"


EXPRESSIONS: st.SearchStrategy[str] = st.recursive(
    ATOMS,
    lambda inner: st.one_of(
        st.builds(
            _call_of,
            st.lists(
                st.tuples(st.sampled_from(["", "", "max_size=", "optional="]), inner),
                min_size=1,
                max_size=4,
            ),
            st.sampled_from(["st.lists", "st.fixed_dictionaries", "f", "a.b.c"]),
        ),
        st.lists(inner, min_size=1, max_size=4).map(lambda items: f"[{', '.join(items)}]"),
        st.dictionaries(
            st.from_regex(r'"[a-z]{1,20}"', fullmatch=True), inner, min_size=1, max_size=4
        ).map(lambda items: "{" + ", ".join(f"{k}: {v}" for k, v in items.items()) + "}"),
    ),
    max_leaves=14,
)


@settings(max_examples=300, deadline=None)
@given(EXPRESSIONS, st.sampled_from([0, 4, 8]))
def test_nested_calls_written_as_text_are_laid_out_as_black_keeps_them(
    text: str, indent: int
) -> None:
    """`fit_text` splits calls of dotted names inside a value (a property test's strategies) as black's
    right-hand split does: the same expression, and where every line fits, a layout black keeps."""
    statement = fit_text(text, indent, "X = ")
    source = _nested(statement, indent)
    assert ast.dump(ast.parse(source)) == ast.dump(ast.parse(_nested("X = " + text, indent)))
    if fits(source):
        assert black_keeps(source), source
