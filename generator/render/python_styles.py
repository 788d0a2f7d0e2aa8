"""What each built-in Python style prints that its template would otherwise work out in Jinja: the import
lines, a field's options and, where the style needs one, its annotation.

Each function returns plain one-line source text; `line_layout` lays out what is too long afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import import_order
from .literals import py_literal
from .python_view import PyField, PyModel, merge_imports, runtime_import


def model_imports(m: PyModel, style: str) -> str:
    """A model module's import lines for `style`, one per line, a blank line between groups."""
    return import_text(_IMPORT_GROUPS[style](m))


def import_text(groups: Sequence[Sequence[str]]) -> str:
    """Import lines in isort's sections and order (ruff's I001), a blank line between sections; the
    grouping given does not matter."""
    ordered = import_order.sections(line for group in groups for line in group)
    return "\n\n".join("\n".join(section) for section in ordered)


def _dataclasses_imports(m: PyModel) -> list[Sequence[str]]:
    own = []
    if m.model.kind == "object":
        own = ["from dataclasses import dataclass" + (", field" if m.has_field_metadata else "")]
    return [merge_imports([*m.imports, *own]), m.local_imports]


def _attrs_imports(m: PyModel) -> list[Sequence[str]]:
    own = ["import attrs"] if m.model.kind == "object" else []
    return [m.imports, own, m.local_imports]


def _pydantic_imports(m: PyModel) -> list[Sequence[str]]:
    own = ["from pydantic import Field"] if m.model.kind == "object" and m.has_field_options else []
    return [m.imports, own, m.local_imports]


def _msgspec_imports(m: PyModel) -> list[Sequence[str]]:
    kind = m.model.kind
    own: list[str] = []
    if kind == "object" and any(f.deprecated is not None for f in m.fields):
        own = ["from typing import Annotated"]
    elif kind == "union":
        own = ["from typing import TYPE_CHECKING, TypeAlias"]
    runtime = runtime_import(m.package)
    uses_runtime = (
        bool(m.wrapped_unions) or kind == "union" or m.model.open or bool(msgspec_deprecations(m))
    )
    local = [runtime] if uses_runtime else []
    local += [line for line in m.local_imports if line != runtime]
    return [
        merge_imports([*m.imports, *own]),
        ["import msgspec"] if kind == "object" else [],
        local,
    ]


def _typeddict_imports(m: PyModel) -> list[Sequence[str]]:
    own: list[str] = []
    if m.model.kind == "object":
        own = ["from typing import TypedDict"]
        if any(not f.required for f in m.fields):
            own.append("from typing import NotRequired")
    runtime = runtime_import(m.package)
    return [
        merge_imports([*m.imports, *own]),
        [line for line in m.local_imports if line != runtime],
    ]


_IMPORT_GROUPS = {
    "dataclasses": _dataclasses_imports,
    "attrs": _attrs_imports,
    "pydantic": _pydantic_imports,
    "msgspec": _msgspec_imports,
    "typeddict": _typeddict_imports,
}


def field_options(f: PyField, style: str) -> list[str]:
    """The arguments of the field call (`field(...)`, `attrs.field(...)`, `Field(...)`,
    `msgspec.field(...)`) a field is assigned in `style`."""
    default = [] if f.required else [f"default={f.default}"]
    if style in ("dataclasses", "attrs"):
        options = [*default, f"metadata={py_literal(f.metadata)}"]
        if style == "attrs" and f.deprecated is not None:
            options.append("on_setattr=_runtime.warn_deprecated")
        return options
    if style == "pydantic":
        options = list(default)
        if f.wire_name != f.name:
            options.append(f"alias={py_literal(f.wire_name)}")
        if f.deprecated is not None:
            options.append(f"deprecated={py_literal(f.deprecated or 'Deprecated.')}")
        return options
    if style == "msgspec":
        return [f"name={py_literal(f.wire_name)}", *default]
    raise ValueError(f"no field options for the style {style!r}")


def msgspec_annotation(f: PyField) -> str:
    """A msgspec field's annotation: a deprecated field's carries the deprecation into the JSON Schema."""
    if f.deprecated is None:
        return f.annotation
    description = py_literal(f"Deprecated: {f.deprecated}")
    return (
        f"Annotated[{f.annotation}, msgspec.Meta(description={description}, "
        'extra_json_schema={"deprecated": True})]'
    )


def msgspec_deprecations(m: PyModel) -> str:
    """An object model's deprecated fields and their messages, as a dict display (`{"old": "Use x."}`) for
    its `__post_init__`; empty when it has none (msgspec calls no Python code per field but that hook)."""
    found = {f.name: f.deprecated for f in m.fields if f.deprecated is not None}
    if m.model.kind != "object" or not found:
        return ""
    return py_literal(found)


def msgspec_struct_options(m: PyModel) -> str:
    """A msgspec model's class keywords: `dict=True` (an instance `__dict__`, where the runtime keeps the
    wire forms read) only for a model whose reading may keep one (`PyModel.keeps_wire_forms`); the others
    are read and written by msgspec alone."""
    options = ["kw_only=True", "omit_defaults=True"]
    if m.keeps_wire_forms:
        options.append("dict=True")
    return ", ".join(options)


def pydantic_base(m: PyModel) -> str:
    """A pydantic model's base class: `_runtime.NotationModel` (a validator that keeps the notation of the
    date-times, floats and decimals read) for a model with such a field, else `_runtime.Model`."""
    return "_runtime.NotationModel" if m.has_notation else "_runtime.Model"


def typeddict_annotation(f: PyField, m: PyModel) -> str:
    """A TypedDict key's annotation: quoted when it names this model or one imported after it (a forward
    reference), in `NotRequired[...]` when the key is optional."""
    names = f.annotation.replace("[", " ").replace("]", " ").replace(",", " ").split()
    text = py_literal(f.annotation) if m.late_imports or m.class_name in names else f.annotation
    return text if f.required else f"NotRequired[{text}]"


def wire_names_only(m: PyModel) -> bool:
    """pydantic: whether some attribute is spelt as another field's wire name, so the model must read
    wire names only (else pydantic also accepts attribute names, and would read that key twice)."""
    wire_names = {f.wire_name for f in m.fields}
    named_like_a_key = sum(f.name in wire_names for f in m.fields)
    without_wire_name = sum("wire" not in f.metadata for f in m.fields)
    return named_like_a_key > without_wire_name


FILTERS = {
    "model_imports": model_imports,
    "field_options": field_options,
    "msgspec_annotation": msgspec_annotation,
    "msgspec_deprecations": msgspec_deprecations,
    "msgspec_struct_options": msgspec_struct_options,
    "pydantic_base": pydantic_base,
    "typeddict_annotation": typeddict_annotation,
    "wire_names_only": wire_names_only,
}
