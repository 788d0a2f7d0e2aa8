"""The rules of `docmodels diff`: stable ids, what each finds, and its severity per direction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["breaking", "warning", "info"]
#: Where a model travels: sent in requests, read from responses, or both (also: not known).
Direction = Literal["request", "response", "both"]
Surface = Literal["wire", "python"]
SEVERITIES: tuple[Severity, ...] = ("breaking", "warning", "info")
RANK: dict[str, int] = {"breaking": 2, "warning": 1, "info": 0}


@dataclass(frozen=True)
class Rule:
    """A kind of change: its id, its surface, and its severity where a client sends it and where it reads it."""

    id: str
    surface: Surface
    request: Severity
    response: Severity
    summary: str

    def severity(self, direction: Direction) -> Severity:
        if direction == "request":
            return self.request
        if direction == "response":
            return self.response
        return max(self.request, self.response, key=RANK.__getitem__)


_B: Severity = "breaking"
_W: Severity = "warning"
_I: Severity = "info"
_RULES = (
    # Operations (from the SDK's operation pages).
    Rule("operation-removed", "wire", _B, _B, "an operation is gone"),
    Rule("deprecated-operation-removed", "wire", _W, _W, "an operation deprecated before is gone"),
    Rule("operation-added", "wire", _I, _I, "a new operation"),
    Rule("operation-deprecated", "wire", _I, _I, "an operation is now deprecated"),
    Rule(
        "request-style-changed",
        "wire",
        _B,
        _B,
        "a method's keyword parameters became one `request=` argument, or the reverse",
    ),
    Rule("error-added", "wire", _I, _W, "an operation raises an error type it did not raise"),
    Rule("error-removed", "wire", _I, _I, "an operation no longer lists an error type"),
    # Models and fields on the wire.
    Rule("model-removed", "wire", _B, _B, "a model is gone"),
    Rule("deprecated-model-removed", "wire", _W, _W, "a model deprecated before is gone"),
    Rule("model-added", "wire", _I, _I, "a new model"),
    Rule("field-removed", "wire", _B, _B, "a field is gone"),
    Rule("deprecated-field-removed", "wire", _W, _W, "a field deprecated before is gone"),
    Rule(
        "field-renamed", "wire", _B, _B, "a field's wire name changed (same type and description)"
    ),
    Rule("required-field-added", "wire", _B, _I, "a new required field"),
    Rule("optional-field-added", "wire", _I, _I, "a new optional field"),
    Rule("type-changed", "wire", _B, _B, "a field's or item's type changed"),
    Rule(
        "type-narrowed",
        "wire",
        _B,
        _I,
        "a type takes fewer values (`number` to `integer`, `string` to an enum or a constant)",
    ),
    Rule(
        "type-widened",
        "wire",
        _I,
        _B,
        "a type takes more values (`integer` to `number`, an enum or constant to `string`)",
    ),
    Rule("became-required", "wire", _B, _I, "an optional field is required now"),
    Rule("became-optional", "wire", _I, _B, "a required field is optional now"),
    Rule("became-nullable", "wire", _I, _B, "a field takes null now"),
    Rule("became-non-nullable", "wire", _B, _I, "a field no longer takes null"),
    Rule("enum-value-removed", "wire", _B, _W, "an enum lost a value"),
    Rule(
        "enum-value-added", "wire", _I, _W, "an enum has a new value (exhaustive matches miss it)"
    ),
    Rule("union-member-removed", "wire", _B, _W, "a union lost a member"),
    Rule(
        "union-member-added",
        "wire",
        _I,
        _W,
        "a union has a new member (exhaustive matches miss it)",
    ),
    Rule("const-changed", "wire", _B, _B, "a constant's value changed"),
    Rule("default-changed", "wire", _W, _W, "a field's default changed"),
    Rule(
        "model-kind-changed",
        "wire",
        _B,
        _B,
        "an object became an enum, a union or an alias, or the reverse",
    ),
    # Documentation.
    Rule("description-changed", "wire", _I, _I, "a description changed (docs only)"),
    Rule("example-changed", "wire", _I, _I, "an example changed (docs only)"),
    Rule("deprecated", "wire", _I, _I, "a model, field or operation is now deprecated"),
    Rule("undeprecated", "wire", _I, _I, "a deprecation was withdrawn"),
    # The generated Python package.
    Rule("python.class-removed", "python", _B, _B, "a generated class is gone"),
    Rule(
        "python.deprecated-class-removed",
        "python",
        _W,
        _W,
        "a generated class deprecated before is gone",
    ),
    Rule(
        "python.class-renamed", "python", _B, _B, "a generated class has a new name (same content)"
    ),
    Rule("python.import-moved", "python", _B, _B, "a generated class moved to another module"),
    Rule("python.attribute-removed", "python", _B, _B, "a generated attribute is gone"),
    Rule(
        "python.attribute-renamed",
        "python",
        _B,
        _B,
        "a generated attribute has a new name (same wire name or same type and description)",
    ),
    Rule(
        "python.annotation-changed", "python", _B, _B, "a generated attribute's annotation changed"
    ),
    Rule(
        "python.required-argument-added",
        "python",
        _B,
        _B,
        "a class's constructor takes a new required argument",
    ),
    Rule("python.enum-member-removed", "python", _B, _B, "a generated enum member is gone"),
)
RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
