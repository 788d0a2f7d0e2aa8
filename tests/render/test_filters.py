"""Text from a doc is data: every filter yields source that holds it as a literal, never as code."""

from __future__ import annotations

import ast
from dataclasses import replace

from hypothesis import example, given
from hypothesis import strategies as st

from generator.formatting import format_python
from generator.ir import Deprecation, Model, ModelKey, Span
from generator.render.filters import comment, docstring, md_cell, model_description, model_docstring
from generator.render.literals import py_literal as pyrepr

PIECES = [
    '"',
    "'",
    "\\",
    "\n",
    "\r",
    "\t",
    "\x00",
    "\x1b",
    "\u202e",
    "\u2028",
    "{{",
    "}}",
    "%}",
    "a",
    " ",
    "é",
]
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=30)


def _words(text: str) -> list[str]:
    return text.split()


@given(HOSTILE)
@example('"""; import os; os.system("x"); """')
@example('ends with a quote"')
@example("ends with a backslash\\")
def test_docstring_is_one_literal_with_the_text(text: str) -> None:
    source = f"class A:\n    {docstring(text, 4)}\n"
    for candidate in (source, format_python("a.py", source)):
        tree = ast.parse(candidate)
        body = tree.body[0].body  # type: ignore[attr-defined]
        assert len(body) == 1 and isinstance(body[0], ast.Expr)
        assert _words(body[0].value.value) == _words(text)


@given(HOSTILE)
def test_pyrepr_round_trips_exactly(text: str) -> None:
    literal = pyrepr(text)
    assert ast.literal_eval(literal) == text
    assert "\u202e" not in literal and "\x00" not in literal


def test_pyrepr_containers() -> None:
    value = {"a": [1, 2.5, True, None, "x\ny"], "b": {}}
    assert ast.literal_eval(pyrepr(value)) == value


@given(HOSTILE)
def test_comment_is_one_line(text: str) -> None:
    line = comment(text)
    assert "\n" not in line and "\r" not in line
    assert ast.parse(f"# {line}\n").body == []


@given(HOSTILE)
def test_md_cell_stays_in_its_cell(text: str) -> None:
    cell = md_cell(text)
    assert "\n" not in cell
    assert "|" not in cell.replace("\\|", "")


def _model(description: str, deprecated: str | None = None) -> Model:
    return Model(
        ModelKey("", "Session"),
        "object",
        "Session",
        description,
        Span("session.md", 1),
        deprecated=None if deprecated is None else Deprecation(deprecated),
    )


def test_a_model_the_doc_says_nothing_of_has_no_description() -> None:
    assert model_description(_model("")) == ""
    assert model_description(_model("  \n ")) == ""


def test_a_model_description_is_the_doc_text_then_its_deprecation() -> None:
    assert model_description(_model(" A session. \n")) == "A session."
    assert (
        model_description(_model("A session.", "Use Run.")) == "A session.\n\nDeprecated: Use Run."
    )


def test_a_deprecation_alone_is_not_padded_with_a_placeholder() -> None:
    assert model_description(_model("", "Use Run.")) == "Deprecated: Use Run."
    assert model_docstring(_model("", "Use Run.")) == "Deprecated: Use Run."


def test_a_model_the_doc_says_nothing_of_is_documented_by_its_source_not_its_name() -> None:
    # The built-in templates write a docstring for every model: where the doc says nothing, it names the
    # doc to change, and never repeats the class name.
    model = replace(_model(""), doc_path="docs/models/session.md")
    assert model_docstring(model) == "Generated from `docs/models/session.md`."
    assert model_docstring(_model("")) == "Generated from the model docs."
    assert model_docstring(_model("A session.")) == "A session."
