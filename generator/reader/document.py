"""Turn one parsed page into a draft model (references still unresolved `Link`s)."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import cast

from ..diagnostics import Collector
from ..ir import (
    Deprecation,
    EnumValue,
    Field,
    JSONValue,
    Model,
    ModelKey,
    Primitive,
    Span,
    TypeExpr,
)
from ..wire_names import words
from . import cells
from .dialects import Dialect, ParsedType, TypeNotationError
from .dialects.base import split_top_level
from .js_literal import ExampleSyntaxError
from .page import BulletList, Fence, Page, Section, Table, TableRow, Text

_NO_EXAMPLE = object()
# How SDK docs say that an enum accepts values it does not list (Python prose and Example Usage comments
# in Python, Go, Java, C# and Ruby), and that its values are integers.
_OPEN_ENUM = re.compile(r"\bopen enum\b", re.IGNORECASE)
_INTEGER_ENUM = re.compile(r"custom integer values|UnrecognizedInt\b(?!\|)", re.IGNORECASE)
_INTEGER = re.compile(r"^-?\d+$")
_BARE_VALUE = re.compile(r"^[\w.:/@+-]+$")
_KNOWN_SECTIONS = ("Example Usage", "Fields", "Values", "Enum", "Supported Types")
_MODEL_SECTIONS = ("Fields", "Values", "Enum", "Supported Types")
#: More rows than any real table has by far (the largest real one has about 60); bounds time and memory.
MAX_TABLE_ROWS = 2_000


@dataclass(frozen=True)
class DocRef:
    """Where a doc is: its display path (for diagnostics), its path below the docs root (POSIX), the root."""

    display: str
    rel: str
    root: str = ""

    def span(self, line: int, column: int = 1) -> Span:
        return Span(self.display, line, column)

    @property
    def namespace(self) -> str:
        return self.rel.rpartition("/")[0]


def read_document(doc: DocRef, page: Page, dialect: Dialect, out: Collector) -> Model | None:
    """The draft model of one doc, or None when the page is no model (skipped, with a diagnostic saying why).

    What the doc gets wrong costs only that doc, field or member: problems are warnings, and every problem of
    a row is reported."""
    if page.title is None:
        out.info(doc.span(1), "DM101", "skipped: no `# Title` heading, so not a model doc")
        return None
    title = cells.title_text(page.title)
    if not cells.is_identifier(title.name):
        _not_a_name(doc, page, title.name, out)
        return None
    sections = _sections(doc, page, out)
    if "Fields" not in sections:
        _stray_fields_tables(doc, page, out)
    deprecation = _model_deprecation(page, title.struck)
    base = Model(
        key=ModelKey(doc.namespace, title.name),
        kind="object",
        title=title.name,
        description=_description(page),
        source=doc.span(page.title_line),
        deprecated=deprecation,
        dialect=dialect.name,
        doc_path=doc.rel,
    )
    example = _example(doc, sections.get("Example Usage"), dialect, out)
    if example is not _NO_EXAMPLE:
        base = replace(base, example=cast(JSONValue, example), has_example=True)
    if "Fields" in sections and not _has_required_column(sections["Fields"]):
        # SDK utility pages (Speakeasy's utils/retryconfig.md) document settings, not models, this way; so
        # does a hand-written table whose Required header has a typo: either way, say so.
        table = _first_table(sections["Fields"])
        typo = _did_you_mean(table.header if table else (), ("Required",), "column")
        out.warning(
            doc.span(sections["Fields"].line),
            "DM105",
            "skipped: the Fields table has no Required column"
            + (
                typo
                or " (a settings page such as RetryConfig is no model; add the column if this is one)"
            ),
        )
        return None
    if "Fields" in sections:
        fields = _fields(doc, sections["Fields"], dialect, out)
        if fields is None:
            return None
        shown = _json_example(sections.get("Example Usage"))
        if shown is not None:
            fields = wire_names_shown(fields, shown)
        return replace(base, kind="object", fields=fields)
    plain_values = dialect.name == "plain" or ("Enum" in sections and "Values" not in sections)
    if "Enum" in sections:
        sections.setdefault("Values", sections["Enum"])  # `## Enum`: the hand-written form's name
    if "Values" in sections:
        values = _values(doc, sections["Values"], out, plain_values)
        if values is None:
            return None
        if not values:
            out.warning(
                doc.span(sections["Values"].line),
                "DM136",
                "skipped: `## Values` lists no value (an enum of nothing)",
            )
            return None
        markers = _section_text(sections["Values"]) + _section_text(sections.get("Example Usage"))
        if _INTEGER_ENUM.search(markers):
            values = _as_integers(values)
        return replace(base, kind="enum", values=values, open=bool(_OPEN_ENUM.search(markers)))
    if "Supported Types" in sections:
        members, degraded = _members(doc, sections["Supported Types"], dialect, out)
        if not members:
            out.warning(
                doc.span(sections["Supported Types"].line),
                "DM136",
                "`## Supported Types` lists no member (no `###` heading): read as any",
            )
            members, degraded = (Primitive("any"),), ((0, "no member listed"),)
        return replace(base, kind="union", members=members, degraded_members=degraded)
    if page.sections:
        # Usage notes, option lists, type pages: they have sections, but none that describes a model.
        out.info(
            doc.span(page.title_line),
            "DM107",
            "skipped: no Fields, Values or Supported Types section",
        )
        return None
    # A title-only page: resolving gives it the members that the cells linking to it list.
    return replace(base, kind="alias", members=())


def _not_a_name(doc: DocRef, page: Page, title: str, out: Collector) -> None:
    """A title that is no identifier: a page with a model section is a model that cannot be named (a
    warning); any other page (a README, an SDK's usage or utility-class page) is no model doc (an info)."""
    span = doc.span(page.title_line, 3)
    if any(s.title.strip() in _MODEL_SECTIONS for s in page.sections):
        out.warning(
            span,
            "DM102",
            f"skipped: title `{title}` is not an identifier, so the model has no name "
            "(what links to it is read as any)",
        )
    else:
        out.info(
            span,
            "DM107",
            f"skipped: title `{title}` is no model name, and the page has no Fields, Values "
            "or Supported Types section",
        )


def _did_you_mean(found: Iterable[str], wanted: Iterable[str], what: str) -> str:
    """`; did you mean ...?` naming the written text closest to one of `wanted`, or nothing."""
    written = [f.strip() for f in found if f.strip()]
    for name in wanted:
        close = difflib.get_close_matches(name.lower(), [w.lower() for w in written], 1, 0.7)
        if close:
            original = next(w for w in written if w.lower() == close[0])
            return f"; the {what} `{original}`: did you mean `{name}`?"
    return ""


def notation(page: Page) -> str:
    """The text a dialect is recognised by: type cells, member headings and fence languages."""
    parts: list[str] = []
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                try:
                    column = [h.lower() for h in block.header].index("type")
                except ValueError:
                    continue
                parts.extend(row.cells[column] for row in block.rows if column < len(row.cells))
            elif isinstance(block, Fence):
                parts.append(f"```{block.info}")
        parts.extend(sub.title for sub in section.subsections)
        for sub in section.subsections:
            parts.extend(f"```{b.info}" for b in sub.blocks if isinstance(b, Fence))
    return "\n".join(parts)


def _sections(doc: DocRef, page: Page, out: Collector) -> dict[str, Section]:
    found: dict[str, Section] = {}
    for section in page.sections:
        name = section.title.strip()
        if name not in _KNOWN_SECTIONS:
            continue
        if name in found:
            out.warning(
                doc.span(section.line),
                "DM114",
                f"second `## {name}` section: not read (merge the two)",
            )
            continue
        found[name] = section
    return found


def _description(page: Page) -> str:
    end = page.sections[0].line - 1 if page.sections else len(page.lines)
    lines = [
        line.rstrip()
        for line in page.lines[page.title_line : end]
        if not cells.MODEL_DEPRECATION.match(line.strip())
    ]
    return "\n".join(lines).strip("\n")


def _model_deprecation(page: Page, struck: bool) -> Deprecation | None:
    for block in page.preamble:
        if isinstance(block, Text):
            match = cells.MODEL_DEPRECATION.match(block.text.strip())
            if match:
                return Deprecation(match.group("message").strip() or cells.DEFAULT_DEPRECATION)
    return Deprecation(cells.DEFAULT_DEPRECATION) if struck else None


def _has_required_column(section: Section) -> bool:
    table = _first_table(section)
    if table is None:
        return True  # reported as a Fields section without a table
    columns = _columns(table)
    return "required" in columns or not (
        "type" in columns and ("field" in columns or "name" in columns)
    )


def _first_table(section: Section) -> Table | None:
    return next((b for b in section.blocks if isinstance(b, Table)), None)


def _columns(table: Table) -> dict[str, int]:
    return {name.strip().lower(): i for i, name in enumerate(table.header)}


def _stray_fields_tables(doc: DocRef, page: Page, out: Collector) -> None:
    """A table with Field and Type columns outside `## Fields` is not read: say so."""
    blocks = list(page.preamble)
    for section in page.sections:
        if section.title.strip() not in _KNOWN_SECTIONS:
            blocks.extend(section.blocks)
    for block in blocks:
        if isinstance(block, Table) and {"field", "type"} <= _columns(block).keys():
            out.warning(
                doc.span(block.line),
                "DM118",
                "a Fields table outside a `## Fields` section is not read",
            )


def _headless_table(doc: DocRef, section: Section, out: Collector) -> bool:
    """Report lines that look like table rows but have no header and separator row; True if any."""
    for block in section.blocks:
        if isinstance(block, Text) and block.text.lstrip().startswith("|"):
            out.warning(
                doc.span(block.line),
                "DM119",
                f"`## {section.title}` has table rows without a header and `| --- |` separator row: "
                "the doc is skipped",
            )
            return True
    return False


def _rows(doc: DocRef, table: Table, out: Collector) -> tuple[TableRow, ...]:
    """The rows that have as many cells as the header (others are reported), at most MAX_TABLE_ROWS."""
    if len(table.rows) > MAX_TABLE_ROWS:
        out.error(
            doc.span(table.line),
            "DM133",
            f"table not read: {len(table.rows):,} rows, more than the limit of {MAX_TABLE_ROWS:,}",
        )
        return ()
    rows: list[TableRow] = []
    for row in table.rows:
        if row.width >= 0 and row.width != len(table.header):
            out.warning(
                doc.span(row.line),
                "DM131",
                f"row has {row.width} cells, the header has {len(table.header)}: the row is left out",
            )
            continue
        rows.append(row)
    return tuple(rows)


def _fields(
    doc: DocRef, section: Section, dialect: Dialect, out: Collector
) -> tuple[Field, ...] | None:
    """The fields of the section's table; None when there is no table to read (the doc is then skipped)."""
    table = _first_table(section)
    if table is None:
        if not _headless_table(doc, section, out):
            out.warning(
                doc.span(section.line), "DM110", "`## Fields` has no table: the doc is skipped"
            )
        return None
    columns = _columns(table)
    name_col = columns.get("field", columns.get("name"))
    missing = [
        label
        for label, index in (
            ("Field", name_col),
            ("Type", columns.get("type")),
            ("Required", columns.get("required")),
        )
        if index is None
    ]
    if missing:
        out.warning(
            doc.span(table.line),
            "DM110",
            f"Fields table has no {', '.join(missing)} column"
            + _did_you_mean(table.header, missing, "column")
            + ": the doc is skipped",
        )
        return None
    assert name_col is not None
    type_col, required_col = columns["type"], columns["required"]
    description_col = columns.get("description")
    example_col = columns.get("example")
    default_col, deprecated_col = columns.get("default"), columns.get("deprecated")
    fields: list[Field] = []
    seen: dict[str, int] = {}
    rows = _rows(doc, table, out)
    raw_http = any(cells.is_raw_http(row.cells[type_col]) for row in rows)
    for row in rows:
        if _sdk_row(doc, row, name_col, type_col, description_col, raw_http, out):
            continue
        # Every problem of the row is reported before the row is left out or read with what was understood.
        keep = True
        name = cells.field_name_cell(row.cells[name_col])
        if name is None:
            out.warning(
                doc.span(row.line, row.columns[name_col]),
                "DM112",
                f"field name `{row.cells[name_col]}` is not a name (write the key in backticks): "
                "the row is left out",
            )
            keep = False
        elif name.name in seen:
            out.warning(
                doc.span(row.line, row.columns[name_col]),
                "DM113",
                f"field `{name.name}` is also defined on line {seen[name.name]}: this row is left out",
            )
            keep = False
        else:
            seen[name.name] = row.line
        required = cells.required_marker(row.cells[required_col])
        if required is None:
            out.warning(
                doc.span(row.line, row.columns[required_col]),
                "DM111",
                f"Required cell `{row.cells[required_col]}` is not understood: "
                f"{_required_markers(dialect)}"
                + ("; the field is read as optional" if keep else ""),
            )
        type_span = doc.span(row.line, row.columns[type_col])
        degraded: str | None = None
        try:
            parsed = dialect.parse_type(row.cells[type_col])
        except TypeNotationError as exc:
            out.warning(
                type_span,
                "DM120",
                f"{dialect.name} type notation not understood: {exc}"
                + ("; the field is typed any" if keep else ""),
            )
            parsed = ParsedType(Primitive("any"))
            degraded = f"type `{row.cells[type_col].strip()}` not understood ({exc})"
        if not keep or name is None:
            continue
        described = cells.split_deprecation(
            row.cells[description_col] if description_col is not None else ""
        )
        deprecation = described.deprecation
        if deprecation is None and deprecated_col is not None:
            deprecation = cells.deprecated_cell(row.cells[deprecated_col])
        if name.struck and deprecation is None:
            deprecation = cells.DEFAULT_DEPRECATION
        example = cells.cell_text(row.cells[example_col]) if example_col is not None else ""
        default, has_default = _default(row.cells[default_col] if default_col is not None else "")
        fields.append(
            Field(
                name=name.name,
                wire_name=name.name,
                type=parsed.type,
                required=bool(required),
                nullable=_nullable(parsed, bool(required)),
                description=described.description,
                source=type_span,
                deprecated=Deprecation(deprecation) if deprecation else None,
                example=example or None,
                default=default,
                has_default=has_default,
                degraded=degraded,
            )
        )
    return tuple(fields)


def _required_markers(dialect: Dialect) -> str:
    """What a Required cell says in the dialect's own notation."""
    if dialect.name == "plain":
        return "write `yes` or `no`"
    return "write `:heavy_check_mark:` or `:heavy_minus_sign:`"


def _default(cell: str) -> tuple[JSONValue, bool]:
    """A Default cell: a JSON literal (`0`, `"a"`, `true`, `null`), else its text; empty means none."""
    text = cells.cell_text(cell).strip()
    if len(text) > 1 and text.startswith("`") and text.endswith("`"):
        text = text[1:-1].strip()
    if not text:
        return None, False
    try:
        value: JSONValue = json.loads(text)
    except json.JSONDecodeError:
        value = text
    return value, True


def _sdk_row(
    doc: DocRef,
    row: TableRow,
    name_col: int,
    type_col: int,
    description_col: int | None,
    raw_http: bool,
    out: Collector,
) -> bool:
    """Rows an SDK adds to operation responses and the API does not send: left out, with an info."""
    name = row.cells[name_col].strip("`~ ")
    description = (
        cells.description_text(row.cells[description_col]) if description_col is not None else ""
    )
    if cells.is_raw_http(row.cells[type_col]):
        what = "the SDK's raw HTTP object"
    elif cells.is_sdk_status_row(name, description, raw_http):
        what = "the SDK's copy of the HTTP response metadata"
    else:
        return False
    out.info(
        doc.span(row.line, row.columns[name_col]),
        "DM106",
        f"left out `{name}`: {what}, not an API field",
    )
    return True


def _nullable(parsed: ParsedType, required: bool) -> bool | None:
    """What the notation says about null: explicitly, or because a required field is marked optional-or-null."""
    if parsed.nullable is not None:
        return parsed.nullable
    if parsed.optional and required:
        return True
    return None


def _values(
    doc: DocRef, section: Section, out: Collector, plain: bool = False
) -> tuple[EnumValue, ...] | None:
    """`plain`: the hand-written form, where values may be bare words and backticks are optional.

    A bullet list's items may be bare words in any dialect (SDKs quote theirs). None: nothing to read."""
    for block in section.blocks:
        if isinstance(block, Table):
            return _value_table(doc, block, out, plain)
        if isinstance(block, Fence):
            return _value_literals(doc, block.content.strip(), block.line + 1, out)
        if isinstance(block, BulletList):
            values: list[EnumValue] = []
            for item in block.items:
                values.extend(
                    _value_literals(doc, item.text.strip().strip("`"), item.line, out, plain=True)
                )
            return tuple(values)
    if not _headless_table(doc, section, out):
        out.warning(
            doc.span(section.line),
            "DM110",
            "`## Values` has no table, code block or list: the doc is skipped",
        )
    return None


def _section_text(section: Section | None) -> str:
    """The raw text of a section's paragraphs and code blocks, where enum markers are written."""
    if section is None:
        return ""
    parts = []
    for block in section.blocks:
        if isinstance(block, Text):
            parts.append(block.text)
        elif isinstance(block, Fence):
            parts.append(block.content)
    return "\n".join(parts)


def _as_integers(values: tuple[EnumValue, ...]) -> tuple[EnumValue, ...]:
    """An enum the doc calls an integer enum: its table values become integers when all of them are."""
    if not all(isinstance(v.value, int) or _INTEGER.match(str(v.value)) for v in values):
        return values
    return tuple(replace(v, value=int(v.value)) for v in values)


def _value_table(
    doc: DocRef, table: Table, out: Collector, plain: bool = False
) -> tuple[EnumValue, ...] | None:
    columns = _columns(table)
    value_col = columns.get("value")
    name_col = columns.get("name")
    if value_col is None:
        out.warning(
            doc.span(table.line),
            "DM110",
            "Values table has no Value column"
            + _did_you_mean(table.header, ("Value",), "column")
            + ": the doc is skipped",
        )
        return None
    description_col, deprecated_col = columns.get("description"), columns.get("deprecated")
    values: list[EnumValue] = []
    for row in _rows(doc, table, out):
        name = cells.name_cell(row.cells[name_col]) if name_col is not None else None
        value = cells.cell_text(row.cells[value_col])
        if plain and len(value) > 1 and value.startswith("`") and value.endswith("`"):
            value = value[1:-1]
        described = cells.split_deprecation(
            row.cells[description_col] if description_col is not None else ""
        )
        deprecation = described.deprecation
        if deprecation is None and deprecated_col is not None:
            deprecation = cells.deprecated_cell(row.cells[deprecated_col])
        if name is not None and name.struck and deprecation is None:
            deprecation = cells.DEFAULT_DEPRECATION
        values.append(
            EnumValue(
                name.name if name else None,
                value,
                described.description,
                Deprecation(deprecation) if deprecation else None,
            )
        )
    return tuple(values)


def _value_literals(
    doc: DocRef, text: str, line: int, out: Collector, plain: bool = False
) -> tuple[EnumValue, ...]:
    """Values written as literals: `"a" | "b"` (TypeScript) or one per bullet (bare words when `plain`)."""
    if plain and _BARE_VALUE.match(text):
        return (EnumValue(None, int(text) if _INTEGER.match(text) else text),)
    values: list[EnumValue] = []
    for part in split_top_level(text, "|"):
        literal = part.strip()
        try:
            value = json.loads(literal)
        except json.JSONDecodeError:
            out.warning(
                doc.span(line),
                "DM121",
                f"enum value `{literal}` is not a string or integer: left out",
            )
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            out.warning(
                doc.span(line),
                "DM121",
                f"enum value `{literal}` is not a string or integer: left out",
            )
            continue
        values.append(EnumValue(None, value))
    return tuple(values)


def _members(
    doc: DocRef, section: Section, dialect: Dialect, out: Collector
) -> tuple[tuple[TypeExpr, ...], tuple[tuple[int, str], ...]]:
    """The union's members, and those read as any because their heading was not understood."""
    members: list[TypeExpr] = []
    degraded: list[tuple[int, str]] = []
    for sub in section.subsections:
        code = next((b.content for b in sub.blocks if isinstance(b, Fence)), "")
        try:
            members.append(dialect.parse_member(sub.title, code))
        except TypeNotationError as exc:
            out.warning(
                doc.span(sub.line), "DM122", f"union member `{sub.title}`: {exc}; read as any"
            )
            degraded.append((len(members), f"member `{sub.title}` not understood ({exc})"))
            members.append(Primitive("any"))
    return tuple(members), tuple(degraded)


def _json_example(section: Section | None) -> dict[str, object] | None:
    """The object of the first ```` ```json ```` block of an Example Usage section: wire data as the API sends it."""
    if section is None:
        return None
    for block in section.blocks:
        if isinstance(block, Fence) and block.info.strip().lower() in ("json", "jsonc", "json5"):
            try:
                value = json.loads(block.content)
            except json.JSONDecodeError:
                return None
            return value if isinstance(value, dict) else None
    return None


def wire_names_shown(fields: tuple[Field, ...], example: dict[str, object]) -> tuple[Field, ...]:
    """Fields whose name the JSON example spells otherwise (`utmSource` shown as `"utm_source"`) take that
    spelling as their wire name. A key is taken when it has the field's words, in any case and separator,
    is the only such key, and is no other field's own name."""
    names = {f.name for f in fields}
    by_words: dict[tuple[str, ...], list[str]] = {}
    for key in example:
        if key not in names:
            by_words.setdefault(_word_key(key), []).append(key)
    result: list[Field] = []
    for f in fields:
        found = by_words.get(_word_key(f.name), []) if f.name not in example else []
        if len(found) == 1 and found[0] != f.wire_name:
            facts = (*(x for x in f.facts if x[0] != "wire_name"), ("wire_name", "example"))
            f = replace(f, wire_name=found[0], facts=facts)
        result.append(f)
    return tuple(result)


def _word_key(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words(name))


def _example(
    doc: DocRef, section: Section | None, dialect: Dialect, out: Collector
) -> JSONValue | object:
    """The Example Usage value, or _NO_EXAMPLE when there is none the dialect can read."""
    if section is None:
        return _NO_EXAMPLE
    fence = next((b for b in section.blocks if isinstance(b, Fence)), None)
    if fence is None:
        return _NO_EXAMPLE
    try:
        return dialect.parse_example(fence.content)
    except ExampleSyntaxError as exc:
        out.info(doc.span(fence.line), "DM130", f"Example Usage not read: {exc}")
        return _NO_EXAMPLE
