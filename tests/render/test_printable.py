"""String literals escape by docmodels' own table of printable characters, not by the interpreter's."""

from __future__ import annotations

import sys

import pytest

from generator.render.literals import py_literal
from generator.render.printable import all_printable, printable

#: Assigned in Unicode 15.0 (Python 3.12): printable on 3.12 and 3.13, not on 3.11.
SHAKING_FACE = "\U0001fae8"


def test_the_table_is_python_3_11s_isprintable() -> None:
    """Every character the table calls printable is printable here; on 3.11 the two agree everywhere."""
    everything = [chr(cp) for cp in range(0x110000)]
    ours = {c for c in everything if printable(c)}
    theirs = {c for c in everything if c.isprintable()}
    assert ours <= theirs
    if sys.version_info[:2] == (3, 11):
        assert ours == theirs
    else:
        assert SHAKING_FACE in theirs - ours


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("café ☕", '"café ☕"'),
        (f"new {SHAKING_FACE}", '"new \\U0001fae8"'),
        ("\x85", '"\\x85"'),
        ("\u0378", '"\\u0378"'),  # unassigned
        ("a\\b\n\t", '"a\\\\b\\n\\t"'),
        ('it\'s "quoted"', "'it\\'s \"quoted\"'"),
    ],
)
def test_literals_are_the_same_on_every_python(value: str, literal: str) -> None:
    assert py_literal(value) == literal
    assert eval(literal) == value


def test_a_literal_is_reprs_wherever_the_table_and_the_interpreter_agree() -> None:
    agreed = [
        chr(cp)
        for cp in range(0x20, 0x110000, 61)
        if chr(cp) not in "'\""
        and printable(chr(cp)) == chr(cp).isprintable()
        and not 0xD800 <= cp <= 0xDFFF
    ]
    for c in agreed:
        literal = py_literal(c)
        assert literal[1:-1] == repr(c)[1:-1] or literal in (f'"\\u{ord(c):04x}"',), repr(c)
    assert all_printable("plain ASCII") and not all_printable("tab\t")
