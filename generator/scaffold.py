"""`docmodels new NAME --field name:type[:required]`: a new model doc in the plain form, canonical layout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .diagnostics import Collector
from .docfmt.layout import format_doc
from .docfmt.run import write_atomic
from .ir import Span
from .reader.cells import is_identifier, required_marker
from .reader.dialects.base import TypeNotationError
from .reader.dialects.plain import parse_plain

EXIT_OK, EXIT_ERROR = 0, 2


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool


def parse_field(spec: str) -> FieldSpec:
    """`name:type`, `name:type:required` (or `:optional`, `:yes`, `:no`); raises ValueError."""
    name, _, rest = spec.partition(":")
    type_text, required = rest, False
    head, _, last = rest.rpartition(":")
    if head and required_marker(last) is not None:
        type_text, required = head, bool(required_marker(last))
    if not is_identifier(name.strip()):
        raise ValueError(f"`{name}` is not a field name (letters, digits and `_`)")
    if not type_text.strip():
        raise ValueError(f"field `{name}` has no type (write `{name}:string`)")
    try:
        parse_plain(type_text.strip())
    except TypeNotationError as exc:
        raise ValueError(f"field `{name}`: {exc}") from exc
    return FieldSpec(name.strip(), type_text.strip(), required)


def render_doc(name: str, fields: Sequence[FieldSpec], description: str = "") -> str:
    lines = [f"# {name}", ""]
    if description.strip():
        lines += [description.strip(), ""]
    lines += [
        "## Fields",
        "",
        "| Field | Type | Required | Description |",
        "| --- | --- | --- | --- |",
    ]
    for field in fields:
        type_text = field.type.replace("|", "\\|")
        lines.append(f"| `{field.name}` | {type_text} | {'yes' if field.required else 'no'} |  |")
    return format_doc("\n".join(lines) + "\n")


def run_new(
    name: str,
    field_specs: Sequence[str],
    description: str,
    folder: Path,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Write `folder/<name lower-cased>.md`; refuses to overwrite; every problem is reported at once."""
    target = folder / f"{name.lower()}.md"
    out = Collector()
    where = Span(_display(target), 1)
    if not is_identifier(name):
        out.error(where, "DM612", f"`{name}` is not a model name (letters, digits and `_`)")
    fields: list[FieldSpec] = []
    for spec in field_specs:
        try:
            fields.append(parse_field(spec))
        except ValueError as exc:
            out.error(where, "DM612", f"--field {spec}: {exc}")
    names = [f.name for f in fields]
    for duplicate in sorted({n for n in names if names.count(n) > 1}):
        out.error(where, "DM612", f"--field `{duplicate}` is given twice")
    if target.exists():
        out.error(where, "DM611", "already exists; docmodels new never overwrites a doc")
    if out.items:
        for diagnostic in out.sorted():
            print(diagnostic.render(), file=stderr)
        print("docmodels new: nothing was written", file=stderr)
        return EXIT_ERROR
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(target, render_doc(name, fields, description))
    print(f"docmodels new: wrote {_display(target)}", file=stdout)
    return EXIT_OK


def _display(path: Path) -> str:
    """The path relative to the working folder when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
