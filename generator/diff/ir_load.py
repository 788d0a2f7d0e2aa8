"""Read back the JSON that `docmodels ir` prints (ir_version 1 and 2) into the IR."""

from __future__ import annotations

from typing import Any

from ..ir import (
    IR_VERSION,
    PRIMITIVE_KINDS,
    ArrayOf,
    Deprecation,
    EnumValue,
    Field,
    Link,
    Literal,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    Spec,
    TypeExpr,
    UnionOf,
)


class IRFormatError(ValueError):
    """The JSON is not what `docmodels ir` prints."""


def spec_from_json(data: Any) -> Spec:
    """The IR of a `docmodels ir` document (only data: nothing in it is executed)."""
    if not isinstance(data, dict) or not isinstance(data.get("models"), list):
        raise IRFormatError("not the output of `docmodels ir`: no `models` list")
    version = data.get("ir_version")
    if not isinstance(version, int) or not 1 <= version <= IR_VERSION:
        raise IRFormatError(
            f"ir_version {version!r} is not one this docmodels reads (1 to {IR_VERSION})"
        )
    try:
        models = tuple(sorted((_model(m) for m in data["models"]), key=lambda m: m.key))
    except (KeyError, TypeError, ValueError) as exc:
        raise IRFormatError(f"a model is not in the IR format: {exc!r}") from exc
    return Spec(models)


def _type(data: dict[str, Any]) -> TypeExpr:
    kind = data["kind"]
    if kind in PRIMITIVE_KINDS:
        return Primitive(kind)
    if kind == "ref":
        return Ref(_key(data["ref"]))
    if kind == "array":
        return ArrayOf(_type(data["items"]))
    if kind == "map":
        return MapOf(_type(data["values"]))
    if kind == "union":
        return UnionOf(tuple(_type(m) for m in data["members"]))
    if kind == "literal":
        value = data["value"]
        if not isinstance(value, (str, int, float, bool)) and value is not None:
            raise ValueError(f"a constant must be a scalar, not {value!r}")
        return Literal(value)
    if kind == "link":
        return Link(data.get("href"), str(data.get("text", "")))
    raise ValueError(f"unknown type kind {kind!r}")


def _key(data: dict[str, Any]) -> ModelKey:
    return ModelKey(str(data["namespace"]), str(data["name"]))


def _span(data: dict[str, Any]) -> Span:
    return Span(str(data["path"]), int(data["line"]), int(data.get("column", 1)))


def _deprecation(data: dict[str, Any]) -> Deprecation | None:
    if not data.get("deprecated"):
        return None
    return Deprecation(str(data.get("deprecation_message") or ""))


def _field(data: dict[str, Any]) -> Field:
    nullable = data.get("nullable")
    return Field(
        name=str(data["name"]),
        wire_name=str(data.get("wire_name", data["name"])),
        type=_type(data["type"]),
        required=bool(data["required"]),
        nullable=nullable if isinstance(nullable, bool) else None,
        description=str(data.get("description", "")),
        source=_span(data["source"]),
        deprecated=_deprecation(data),
        example=data.get("example"),
        default=data.get("default"),
        has_default=bool(data.get("has_default", False)),
        const=data.get("const"),
        has_const=bool(data.get("has_const", False)),
        format=data.get("format"),
    )


def _model(data: dict[str, Any]) -> Model:
    kind = data["kind"]
    if kind not in ("object", "enum", "union", "alias"):
        raise ValueError(f"unknown model kind {kind!r}")
    values = tuple(EnumValue(v.get("name"), v["value"]) for v in data.get("values", ()))
    return Model(
        key=_key(data["key"]),
        kind=kind,
        title=str(data.get("title", data["key"]["name"])),
        description=str(data.get("description", "")),
        source=_span(data["source"]),
        deprecated=_deprecation(data),
        fields=tuple(_field(f) for f in data.get("fields", ())),
        values=values,
        members=tuple(_type(m) for m in data.get("members", ())),
        example=data.get("example"),
        has_example="example" in data,
        dialect=str(data.get("dialect", "")),
        doc_path=str(data.get("doc", "")),
        open=bool(data.get("open", False)),
        schema=str(data.get("schema") or ""),
    )
