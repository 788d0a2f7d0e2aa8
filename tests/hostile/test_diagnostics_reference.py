"""docs/diagnostics.md explains every diagnostic code and no code that does not exist, and its code index is the one
generator/diagnostics_reference.py writes from the code's catalogue (CODES): the page and the code say the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diagnostics import CODES
from generator.diagnostics_reference import code_index, documented_levels, with_code_index

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"


def test_every_code_has_a_section_in_the_diagnostics_reference() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    sections = re.findall(r"^## (DM\d{3})\n(.+?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    documented = {code: body for code, body in sections}
    assert sorted(set(CODES) - documented.keys()) == []
    assert sorted(documented.keys() - set(CODES)) == []
    assert len(sections) == len(documented), "a code has two sections"
    for code, body in documented.items():
        assert re.match(r"\*\*(error|warning|info)(?: or (error|warning|info))?\.\*\*", body), (
            f"{code}: no level"
        )


def test_the_committed_code_index_is_the_generated_one() -> None:
    """Regenerate with `python -m generator.diagnostics_reference` when this fails."""
    text = REFERENCE.read_text(encoding="utf-8")
    assert with_code_index(text) == text


def test_the_code_index_gives_each_code_its_catalogue_summary_and_documented_level() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    levels = documented_levels(text)
    rows = dict(
        re.findall(r"^\| \[(DM\d{3})\]\(#dm\d{3}\) \| (.+) \|$", code_index(text), re.MULTILINE)
    )
    assert sorted(rows) == sorted(CODES)
    for code, summary in CODES.items():
        assert (
            rows[code] == f"{' or '.join(levels[code])} | {summary.replace('|', chr(92) + '|')}"
        ), code


def test_the_code_index_follows_a_change_of_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A summary reworded in the code makes the committed page stale: the test above would fail."""
    import generator.diagnostics_reference as reference

    text = REFERENCE.read_text(encoding="utf-8")
    monkeypatch.setitem(reference.CODES, "DM100", "a reworded summary")
    regenerated = with_code_index(text)
    assert regenerated != text
    assert "| [DM100](#dm100) | error | a reworded summary |" in regenerated


def test_the_readme_links_the_reference_and_holds_no_copy_of_it() -> None:
    readme = (REFERENCE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "docs/diagnostics.md" in readme
    assert re.findall(r"^\|.*\bDM\d{3}\b.*\|$", readme, re.MULTILINE) == []
