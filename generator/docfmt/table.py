"""One markdown table in canonical layout: column order, padded cells, `| --- |` rules, required markers."""

from __future__ import annotations

from markdown_it.common.utils import mdTrim

from ..reader import cells

#: Column order of a Fields table and of a Values (or Enum) table; other columns follow in their order.
FIELD_COLUMNS = (
    "field",
    "name",
    "type",
    "required",
    "default",
    "deprecated",
    "description",
    "example",
)
VALUE_COLUMNS = ("name", "value", "description")
_LABELS = {name: name.capitalize() for name in (*FIELD_COLUMNS, *VALUE_COLUMNS)}
_EMOJI_MARKERS = {":heavy_check_mark:", ":heavy_minus_sign:", ":white_check_mark:", ":x:"}


def split_row(line: str) -> list[str]:
    """A row's cells as written (escapes kept), split where markdown-it splits them."""
    text = mdTrim(line)
    parts: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "|" and (i == 0 or text[i - 1] != "\\"):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    if parts and parts[0] == "":
        parts.pop(0)
    if parts and parts[-1] == "":
        parts.pop()
    return [mdTrim(p) for p in parts]


def format_table(lines: list[str], section: str) -> list[str]:
    """The table's lines (header, rule, rows) in canonical layout; `section` is the `##` it is in."""
    header = split_row(lines[0])
    rule = split_row(lines[1])
    width = len(header)
    rows = [_fit(split_row(line), width) for line in lines[2:]]
    order = _order(header, section)
    header = [_LABELS.get(header[i].lower(), header[i]) for i in order]
    rule = [rule[i] for i in order]
    rows = [[row[i] for i in order] + row[width:] for row in rows]
    if section == "Fields":
        rows = _canonical_fields(header, rows)
    columns = max([width, *(len(r) for r in rows)])
    widths = [max([3, *(len(r[i]) for r in [header, *rows] if i < len(r))]) for i in range(columns)]
    out = [
        _render(header, widths),
        _render([_rule(c, widths[i]) for i, c in enumerate(rule)], widths),
    ]
    out.extend(_render(row, widths) for row in rows)
    return out


def _fit(row: list[str], width: int) -> list[str]:
    """Short rows get the empty cells the parser would give them; extra cells are kept at the end."""
    return row + [""] * (width - len(row))


def _order(header: list[str], section: str) -> list[int]:
    names = [h.strip().lower() for h in header]
    canonical = {"Fields": FIELD_COLUMNS, "Values": VALUE_COLUMNS, "Enum": VALUE_COLUMNS}.get(
        section
    )
    if canonical is None or len(set(names)) != len(names):
        return list(range(len(header)))
    rank = {name: i for i, name in enumerate(canonical)}
    return sorted(range(len(header)), key=lambda i: (rank.get(names[i], len(rank)), i))


def _canonical_fields(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    """Backticked field names and one spelling of the required markers (emoji codes or yes/no)."""
    names = [h.lower() for h in header]
    name_col = names.index("field") if "field" in names else None
    if name_col is None and "name" in names:
        name_col = names.index("name")
    required_col = names.index("required") if "required" in names else None
    rows = [list(row) for row in rows]
    if name_col is not None:
        for row in rows:
            row[name_col] = _name(row[name_col])
    if required_col is not None:
        markers = [cells.required_marker(row[required_col]) for row in rows]
        if all(m is not None for m in markers):
            emoji = all(row[required_col].lower() in _EMOJI_MARKERS for row in rows)
            yes, no = (":heavy_check_mark:", ":heavy_minus_sign:") if emoji else ("yes", "no")
            for row, marker in zip(rows, markers, strict=True):
                row[required_col] = yes if marker else no
    return rows


def _name(cell: str) -> str:
    name = cells.name_cell(cell)
    if name is None:
        return cell
    return f"~~`{name.name}`~~" if name.struck else f"`{name.name}`"


def _rule(cell: str, width: int) -> str:
    left, right = cell.startswith(":"), cell.endswith(":") and len(cell) > 1
    dashes = "-" * (width - left - right)
    return f"{':' if left else ''}{dashes}{':' if right else ''}"


def _render(row: list[str], widths: list[int]) -> str:
    return "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |"
