"""`lay_out`: the one pass that lays out rendered Python files, so that templates print one-line statements.

Each shape a template prints on one line is laid out exactly as the helper of `layout` for that shape lays
it out (those helpers are held to black's output in test_black_layout.py); anything else stays as it is.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    wrap_call,
    wrap_import,
)
from generator.render.line_layout import lay_out, statement
from generator.render.literals import py_literal

LONG = "VeryLongModelNameThatGoesOnAndOn"


def test_a_file_whose_lines_fit_is_unchanged() -> None:
    source = "from a import b\n\n\nclass A(b.C):\n    x: int = field(default=1)\n"
    assert lay_out(source) is source


def test_an_unindented_docstring_is_indented_as_its_quotes() -> None:
    text = "First line.\n\n  Indented more.\nLast."
    source = f"class A:\n    {docstring(text)}\n\n    x: int\n    {docstring(text)}\n"
    expected = f"class A:\n    {docstring(text, 4)}\n\n    x: int\n    {docstring(text, 4)}\n"
    assert lay_out(source) == expected


def test_an_indented_docstring_and_a_module_docstring_stay() -> None:
    indented = docstring("a\nb", 4)
    source = f'"""Module.\n\nMore.\n"""\n\n\nclass A:\n    {indented}\n'
    assert lay_out(source) == source


def test_field_with_options_is_laid_out_as_annotated_call() -> None:
    metadata = {"wire": "someWireName" * 3, "deprecated": "Use the other field " * 3}
    line = f"x_name: list[{LONG}] | None = field(default=None, metadata={py_literal(metadata)})"
    expected = annotated_call(
        "x_name", f"list[{LONG}] | None", "field", ["default=None", ["metadata=", metadata]], 4
    )
    assert statement(line, 4) == expected
    assert lay_out(f"class A:\n    {line}\n") == f"class A:\n    {expected}\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            f"from .a.b import {LONG}, {LONG}2, {LONG}3",
            wrap_import(f"from .a.b import {LONG}, {LONG}2, {LONG}3"),
        ),
        (f"class {LONG * 3}(str, Enum):", class_header(LONG * 3, "str, Enum")),
        (
            f"class {LONG * 2}(msgspec.Struct, kw_only=True):",
            wrap_call(f"class {LONG * 2}", ["msgspec.Struct", "kw_only=True"], 0, ":"),
        ),
        (
            f"def _missing_(cls, value: object) -> {LONG * 2} | None:",
            def_header("_missing_", "cls, value: object", f"{LONG * 2} | None"),
        ),
        (
            f"{LONG}: TypeAlias = {LONG}A | {LONG}B | None",
            assignment(f"{LONG}: TypeAlias", f"{LONG}A | {LONG}B | None"),
        ),
        (f"NAME = {py_literal('x' * 80)}", assignment("NAME", py_literal("x" * 80))),
        (
            f"field_name: {LONG}A | {LONG}B | int | None",
            annotated("field_name", f"{LONG}A | {LONG}B | int | None"),
        ),
        (
            f"field_name: {LONG} | None = {LONG}.SOME_MEMBER_NAME",
            annotated("field_name", f"{LONG} | None", default=f"{LONG}.SOME_MEMBER_NAME"),
        ),
        (
            f"model = _runtime.from_wire({LONG}, EXAMPLE, strict=True, other=1)",
            call_statement(f"model = _runtime.from_wire({LONG}, EXAMPLE, strict=True, other=1)"),
        ),
    ],
)
def test_each_shape_is_laid_out_by_its_helper(line: str, expected: str) -> None:
    assert expected != line
    assert statement(line, 0) == expected


def test_a_constant_display_is_laid_out_as_fit_literal() -> None:
    value = {f"Name{i}": f".module.path_{i}" for i in range(6)}
    line = f"_MODELS: dict[str, str] = {py_literal(value)}"
    assert statement(line, 0) == fit_literal(value, 0, "_MODELS: dict[str, str] = ")


def test_a_call_of_long_strings_is_split_one_per_line() -> None:
    line = f'{LONG} = _runtime.untagged("{LONG}", "{LONG}A | {LONG}B | {LONG}C", globals())'
    args = [f'"{LONG}"', f'"{LONG}A | {LONG}B | {LONG}C"', "globals()"]
    assert statement(line, 4) == wrap_call(f"{LONG} = _runtime.untagged", args, 4)


@pytest.mark.parametrize(
    "source",
    [
        # Inside a string, inside brackets, with a comment, of an unknown shape: left to black.
        f'"""\nfrom a import {LONG}, {LONG}2, {LONG}3\n"""\n',
        f"x = [\n    f({LONG}, {LONG}2, {LONG}3),\n]\n",
        f"from a import {LONG}, {LONG}2, {LONG}3  # noqa: E402\n",
        f"assert {LONG}.from_wire(data) == {LONG}.from_wire(other_data_that_is_long)\n",
        f"x = 1 + \\\n    {LONG} + {LONG} + {LONG}\n",
        f"first_name = second_name = {'x' * 65}\n",
        f"first_name: int = second_name = {'x' * 65}\n",
    ],
)
def test_what_it_does_not_know_stays_as_it_is(source: str) -> None:
    assert lay_out(source) == source


NAMES = st.from_regex(r"[a-z_][a-z0-9_]{0,30}", fullmatch=True).filter(
    lambda n: n not in ("if", "in", "is", "or", "as", "and", "not", "for", "def", "del")
)
TYPES = st.lists(st.from_regex(r"[A-Z][A-Za-z0-9]{0,60}", fullmatch=True), min_size=1, max_size=3)
TEXT = st.text(alphabet="ab \"'\\é", max_size=60)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(NAMES, TYPES, st.booleans(), TEXT, st.booleans())
def test_a_field_printed_on_one_line_is_laid_out_as_the_filters_did(
    name: str, types: list[str], required: bool, wire: str, deprecated: bool
) -> None:
    annotation = " | ".join(types)
    metadata = {"wire": wire, **({"deprecated": wire * 2} if deprecated else {})}
    options: list[str | list[object]] = [] if required else ["default=None"]
    options.append(["metadata=", metadata])
    flat = [o if isinstance(o, str) else f"{o[0]}{py_literal(o[1])}" for o in options]
    line = f"{name}: {annotation} = field({', '.join(flat)})"
    assert statement(line, 4) == annotated_call(name, annotation, "field", options, 4)
    assert statement(f"{name}: {annotation}", 4) == annotated(name, annotation, 4)


VALUES: st.SearchStrategy[object] = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(VALUES, st.integers(min_value=0, max_value=12))
def test_a_literal_written_as_text_is_laid_out_as_the_value(value: object, indent: int) -> None:
    text = py_literal(value)
    assert fit_text(text, indent, "metadata=", ",") == fit_literal(value, indent, "metadata=", ",")


ARGUMENTS = st.lists(
    st.sampled_from(
        [
            "default=None",
            "default_factory=list",
            "default_factory=lambda: {'a': [1, 2]}",
            'metadata={"wire": "aVeryLongWireNameThatKeepsGoing", "deprecated": "use b, (not c) = d"}',
            "kw_only=True",
            'alias="x, y"',
            "converter=make(a, b=[1, 2])",
            "x == y",
            "*args",
        ]
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=80, deadline=None)
@given(NAMES, TYPES, st.sampled_from(["field", "msgspec.field", "attrs.field"]), ARGUMENTS)
def test_a_field_read_without_tokens_is_laid_out_as_the_tokens_lay_it_out(
    name: str, types: list[str], callee: str, arguments: list[str]
) -> None:
    """`statement` reads `name: annotation = callee(arguments)` by one pattern, not the tokenizer: the
    layout is the one the token path gives (the pattern switched off)."""
    import re

    from generator.render import line_layout

    line = f"{name}: {' | '.join(types)} = {callee}({', '.join(arguments)})"
    fast = statement(line, 4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(line_layout, "_FIELD_CALL", re.compile(r"(?!)"))
        assert statement(line, 4) == fast
