"""Cell text: newlines, placeholders, deprecation markers, names and required markers."""

from __future__ import annotations

import pytest

from generator.reader import cells


def test_description_placeholder_and_newlines() -> None:
    assert cells.description_text("N/A") == ""
    assert cells.description_text("a<br/>b<br/>") == "a\nb"
    assert cells.description_text("&amp; <p>") == "&amp; <p>"  # never HTML-decoded


@pytest.mark.parametrize(
    ("cell", "description", "message"),
    [
        (": warning: ** DEPRECATED **: Gone.<br/><br/>The ID.", "The ID.", "Gone."),
        (": warning: ** DEPRECATED **: Gone.", "", "Gone."),
        (": warning: ** DEPRECATED **: Use `x` instead..<br/><br/>N/A", "", "Use `x` instead.."),
        ("DEPRECATED. Use `y` instead.", "DEPRECATED. Use `y` instead.", None),
        ("Plain.", "Plain.", None),
    ],
)
def test_split_deprecation(cell: str, description: str, message: str | None) -> None:
    described = cells.split_deprecation(cell)
    assert (described.description, described.deprecation) == (description, message)


@pytest.mark.parametrize(
    ("cell", "name", "struck"),
    [
        ("`userId`", "userId", False),
        ("~~`old`~~", "old", True),
        ("plain", "plain", False),
        ("~~x~~", "x", True),
    ],
)
def test_name_cell(cell: str, name: str, struck: bool) -> None:
    found = cells.name_cell(cell)
    assert found is not None and (found.name, found.struck) == (name, struck)


@pytest.mark.parametrize("cell", ["", "`two words`", "`1abc`", "`a-b`"])
def test_name_cell_rejects(cell: str) -> None:
    assert cells.name_cell(cell) is None


@pytest.mark.parametrize(
    ("cell", "required"),
    [
        (":heavy_check_mark:", True),
        (":heavy_minus_sign:", False),
        ("Yes", True),
        ("no", False),
        ("✔️", True),
        ("perhaps", None),
    ],
)
def test_required_marker(cell: str, required: bool | None) -> None:
    assert cells.required_marker(cell) is required


def test_title() -> None:
    assert cells.title_text("~~Old~~") == cells.NameCell("Old", True)
    assert cells.title_text("New") == cells.NameCell("New", False)
