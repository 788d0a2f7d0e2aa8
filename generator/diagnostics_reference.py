"""The code index of docs/diagnostics.md, generated from the catalogue in diagnostics.py.

The page explains each code in a `## DMxxx` section that opens with its level (`**warning.**`, `**warning or
error.**`); the index at the top of the page lists every code of `CODES` with that level and the catalogue's own
summary, so the wording of the page's index is the code's. Run `python -m generator.diagnostics_reference
[PAGE]` after changing `CODES` (PAGE defaults to docs/diagnostics.md); a test checks the committed page is what
this writes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .diagnostics import CODES

BEGIN = (
    "<!-- The code index is generated from generator/diagnostics.py by "
    "`python -m generator.diagnostics_reference`: do not edit it by hand. -->"
)
END = "<!-- End of the generated code index. -->"
_SECTION = re.compile(
    r"^## (DM\d{3})\n\*\*(error|warning|info)(?: or (error|warning|info))?\.", re.MULTILINE
)


def documented_levels(page: str) -> dict[str, tuple[str, ...]]:
    """Each code's level(s), as the opening words of its `## DMxxx` section state them."""
    return {m.group(1): tuple(g for g in m.groups()[1:] if g) for m in _SECTION.finditer(page)}


def code_index(page: str) -> str:
    """The markdown table of every catalogued code: a link to its section, its level(s), its summary."""
    levels = documented_levels(page)
    rows = ["| code | level | what it means |", "| --- | --- | --- |"]
    for code in sorted(CODES):
        level = " or ".join(levels.get(code, ("(no section)",)))
        summary = CODES[code].replace("|", "\\|")
        rows.append(f"| [{code}](#{code.lower()}) | {level} | {summary} |")
    return "\n".join(rows)


def with_code_index(page: str) -> str:
    """The page with the text between its BEGIN and END markers replaced by the current code index."""
    start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
    return page[:start] + "\n\n" + code_index(page) + "\n\n" + page[end:]


def main(argv: list[str]) -> int:
    """Rewrite the page's code index in place; exit 0."""
    path = Path(argv[0]) if argv else Path("docs") / "diagnostics.md"
    page = path.read_text(encoding="utf-8")
    path.write_text(with_code_index(page), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
