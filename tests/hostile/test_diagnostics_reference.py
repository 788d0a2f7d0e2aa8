"""docs/diagnostics.md explains every diagnostic code, and explains no code that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import CODES

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"


def test_every_code_has_a_section_in_the_diagnostics_reference() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    sections = re.findall(r"^## (DM\d{3})\n(.+?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    documented = {code: body for code, body in sections}
    assert sorted(set(CODES) - documented.keys()) == []
    assert sorted(documented.keys() - set(CODES)) == []
    for code, body in documented.items():
        assert re.search(r"\*\*(error|warning|info)", body), f"{code}: no severity"


def test_the_readme_links_the_reference() -> None:
    readme = (REFERENCE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "docs/diagnostics.md" in readme
