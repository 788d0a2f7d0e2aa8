"""Questions asked of one OpenAPI schema object: its properties, types, nullability, enum values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document

_NOT_NAME = re.compile(r"[^a-z0-9]")


def norm(name: str) -> str:
    """A name with case and separators dropped: `last_active_at`, `lastActiveAt` and `LastActiveAt` agree."""
    return _NOT_NAME.sub("", name.lower())


@dataclass
class ObjectView:
    """An object schema with its `allOf` parts merged: properties (schema, file) and required names."""

    properties: dict[str, tuple[Any, Path]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)


def json_types(schema: Any) -> set[str]:
    """The JSON types a schema names (`type` as a string or a list); empty when it names none."""
    if not isinstance(schema, dict):
        return set()
    value = schema.get("type")
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {t for t in value if isinstance(t, str)}
    return set()


def is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        json_types(schema) == {"null"} or schema.get("enum") == [None] or schema == {"const": None}
    )


def variants(schema: Any) -> list[Any]:
    """The members of `oneOf` / `anyOf` that are not the null schema."""
    if not isinstance(schema, dict):
        return []
    found: list[Any] = []
    for key in ("oneOf", "anyOf"):
        members = schema.get(key)
        if isinstance(members, list):
            found.extend(m for m in members if not is_null_schema(m))
    return found


def nullable(schema: Any, doc: Document, base: Path) -> bool:
    """Whether null is a valid value: OpenAPI 3.0 `nullable`, a 3.1 `null` type, or a null member."""
    schema, _, base = doc.deref(schema, base)
    if not isinstance(schema, dict):
        return False
    if schema.get("nullable") is True or "null" in json_types(schema):
        return True
    if isinstance(schema.get("enum"), list) and None in schema["enum"]:
        return True
    for key in ("oneOf", "anyOf"):
        members = schema.get(key)
        if isinstance(members, list) and any(is_null_schema(m) for m in members):
            return True
    parts = schema.get("allOf")
    if isinstance(parts, list) and len(parts) == 1:
        return nullable(parts[0], doc, base)
    return False


def unwrap(schema: Any, doc: Document, base: Path) -> tuple[Any, str | None, Path]:
    """Follow `$ref`s, a one-part `allOf` and a nullable `anyOf`/`oneOf` with one other member."""
    pointer: str | None = None
    for _ in range(16):
        schema, ref, base = doc.deref(schema, base)
        pointer = ref or pointer
        if not isinstance(schema, dict):
            break
        parts = schema.get("allOf")
        if isinstance(parts, list) and len(parts) == 1 and "properties" not in schema:
            schema = parts[0]
            pointer = None
            continue
        members = variants(schema)
        has_null = len(members) < len(schema.get("oneOf") or schema.get("anyOf") or [])
        if has_null and len(members) == 1 and "properties" not in schema:
            schema = members[0]
            pointer = None
            continue
        break
    return schema, pointer, base


def object_view(schema: Any, doc: Document, base: Path, depth: int = 0) -> ObjectView:
    """The properties and required names of an object schema, `allOf` parts included."""
    view = ObjectView()
    schema, _, base = doc.deref(schema, base)
    if not isinstance(schema, dict) or depth > 16:
        return view
    for part in schema.get("allOf") or []:
        inner = object_view(part, doc, base, depth + 1)
        view.properties.update(inner.properties)
        view.required |= inner.required
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for name, value in properties.items():
            view.properties[str(name)] = (value, base)
    required = schema.get("required")
    if isinstance(required, list):
        view.required |= {str(r) for r in required}
    return view


def is_object(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        "object" in json_types(schema) or "properties" in schema or "allOf" in schema
    )


def enum_values(schema: Any) -> list[Any] | None:
    """The values of an `enum` (a `const` counts as a one-value enum), nulls left out."""
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("enum"), list):
        return [v for v in schema["enum"] if v is not None]
    if "const" in schema:
        return [schema["const"]]
    return None
