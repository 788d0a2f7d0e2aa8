"""The msgspec style's models behave like msgspec models: wire names, errors, unions, omitted defaults."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec
import pytest

from tests.render.style_support import OPEN_ENUM_DOC, model_classes, specs_generated

PACKAGE = "msgspec_style_models"
PAYLOAD: dict[str, Any] = {
    "id": "mch_1",
    "kind": "machine",
    "name": "render-box",
    "gpu": "A10G",
    "spec": {"image": "comfy:latest", "ports": [8188]},
    "createdAt": "2025-03-31T12:50:52.284Z",
    "legacyName": "old-box",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    docs, out = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("out")
    with specs_generated("msgspec", PACKAGE, docs, out, {"Color.md": OPEN_ENUM_DOC}) as generated:
        yield generated


def load(generated: Path, module: str) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.{module}")


@pytest.fixture(scope="module")
def runtime(generated: Path) -> ModuleType:
    return load(generated, "_runtime")


@pytest.fixture(scope="module")
def machine(generated: Path) -> type[Any]:
    cls: type[Any] = load(generated, "typescript.components.machine").Machine
    return cls


def test_models_are_structs_with_the_wire_names(machine: type[Any]) -> None:
    assert issubclass(machine, msgspec.Struct)
    encode = dict(zip(machine.__struct_fields__, machine.__struct_encode_fields__, strict=True))
    assert encode["created_at"] == "createdAt"
    assert encode["legacy_name"] == "legacyName"


def test_reads_a_payload_with_wire_names(runtime: ModuleType, machine: type[Any]) -> None:
    model = runtime.from_dict(machine, PAYLOAD)
    assert model.created_at == datetime(2025, 3, 31, 12, 50, 52, 284000, tzinfo=UTC)
    assert model.legacy_name == "old-box"
    assert type(model.spec).__name__ == "DockerSpec"
    assert model.spec.ports == [8188]


def test_json_decode_and_encode_agree_with_convert(runtime: ModuleType, machine: type[Any]) -> None:
    model = runtime.from_dict(machine, PAYLOAD)
    raw = msgspec.json.encode(model)
    again = msgspec.json.decode(raw, type=machine, dec_hook=runtime.dec_hook)
    assert again == model
    # msgspec writes its own notation (`.284000Z`); the runtime's to_dict the one read (`.284Z`).
    assert runtime.to_dict(model) == PAYLOAD
    assert msgspec.json.decode(raw) == {**PAYLOAD, "createdAt": "2025-03-31T12:50:52.284000Z"}


def test_a_wrong_type_is_rejected_with_its_path(runtime: ModuleType, machine: type[Any]) -> None:
    with pytest.raises(msgspec.ValidationError, match=r"\$\.name"):
        runtime.from_dict(machine, {**PAYLOAD, "name": 42})


def test_a_missing_required_field_names_its_wire_name(
    runtime: ModuleType, machine: type[Any]
) -> None:
    data = {k: v for k, v in PAYLOAD.items() if k != "createdAt"}
    with pytest.raises(msgspec.ValidationError, match="createdAt"):
        runtime.from_dict(machine, data)


def test_an_explicit_null_is_written_back_and_an_absent_field_left_out(
    runtime: ModuleType, machine: type[Any]
) -> None:
    model = runtime.from_dict(machine, {**PAYLOAD, "name": None, "tags": None})
    wire = runtime.to_dict(model)
    assert wire["name"] is None
    assert wire["tags"] is None  # read as an explicit null: written back as null
    assert wire["createdAt"] == "2025-03-31T12:50:52.284Z"  # in the notation read
    assert "tags" not in msgspec.to_builtins(model)  # msgspec alone follows omit_defaults
    absent = runtime.from_dict(machine, {k: v for k, v in PAYLOAD.items() if k != "tags"})
    assert "tags" not in runtime.to_dict(absent)


def test_untagged_union_tries_each_member(
    runtime: ModuleType, machine: type[Any], generated: Path
) -> None:
    union = load(generated, "typescript.components.machine_spec").MachineSpec
    assert runtime.from_wire(union, "comfy:latest") == "comfy:latest"
    docker = runtime.from_wire(union, {"image": "comfy:latest"})
    assert type(docker).__name__ == "DockerSpec"
    assert isinstance(docker, union) and isinstance("text", union)
    assert not isinstance(3, union)
    with pytest.raises(msgspec.ValidationError, match=r"matches no member.*\$\.spec"):
        runtime.from_dict(machine, {**PAYLOAD, "spec": 3})


def test_deprecation_is_in_the_json_schema(runtime: ModuleType, machine: type[Any]) -> None:
    schema = runtime.field_schema(machine, "legacy_name")
    assert schema["deprecated"] is True
    assert "Use `name` instead." in schema["description"]
    assert "deprecated" not in runtime.field_schema(machine, "name")
    whole = msgspec.json.schema(machine, schema_hook=runtime.schema_hook)
    assert whole["$defs"]["Machine"]["properties"]["legacyName"]["deprecated"] is True


def test_open_enum_keeps_unknown_values(runtime: ModuleType, generated: Path) -> None:
    color = load(generated, "extra.color").Color
    assert runtime.from_wire(color, "red") is color.RED
    unknown = runtime.from_wire(color, "purple")
    assert isinstance(unknown, color) and runtime.to_wire(unknown) == "purple"
    with pytest.raises(msgspec.ValidationError):
        runtime.from_wire(color, 3)


def test_closed_enum_rejects_unknown_values(runtime: ModuleType, generated: Path) -> None:
    status = load(generated, "php.components.status").Status
    assert runtime.from_wire(status, "active") is status.ACTIVE
    with pytest.raises(msgspec.ValidationError):
        runtime.from_wire(status, "purple")


def test_only_models_that_may_keep_a_wire_form_are_dict_structs(
    runtime: ModuleType, generated: Path
) -> None:
    """The generator's choice agrees with the runtime's own reading of the types: a model the runtime would
    keep a wire form in is a `dict=True` struct (else what it keeps would be lost)."""
    models = model_classes(generated, PACKAGE, msgspec.Struct)
    assert models
    for model in models:
        may_keep = any(
            runtime._kind(f.type) or f.default is not msgspec.NODEFAULT
            for f in msgspec.structs.fields(model)
        )
        assert model.__struct_config__.dict or not may_keep, model


def test_a_plain_model_round_trips_through_msgspec_alone(
    runtime: ModuleType, generated: Path
) -> None:
    plain = [
        m for m in model_classes(generated, PACKAGE, msgspec.Struct) if not m.__struct_config__.dict
    ]
    for model in plain:
        assert runtime._plan_of(model) is None
