"""The pydantic target: generated models read and write wire names, reject wrong data and warn when a
deprecated field is read (what the generated tests do not cover)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest

from tests.helpers import SPECS
from tests.render.style_support import generated_package, model_classes, private_runtime


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("pydantic_tiny")
    with generated_package(root, "pydantic", "pyd_tiny") as package:
        yield package


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("pydantic_specs")
    with generated_package(root, "pydantic", "pyd_specs", SPECS) as package:
        yield package


def test_reads_wire_names_and_writes_them_back(tiny: ModuleType) -> None:
    data: dict[str, Any] = {
        "userId": "u1",
        "schema": "s1",
        "createdAt": "2024-05-01T10:00:00Z",
        "payload": "aGk=",
        "shade": "green",
        "parent": {"userId": "u0", "schema": "s0", "shade": "red"},
    }
    widget = tiny.Widget.model_validate(data)
    assert widget.user_id == "u1"
    assert widget.schema_ == "s1"  # `schema` would shadow BaseModel.schema
    assert widget.created_at == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert widget.payload == b"hi"
    assert widget.shade.value == "green"  # an open enum keeps a value the docs do not list
    assert widget.parent.shade is tiny.Shade.RED
    assert widget.count is None
    # Optional fields that are None are left out; wire names, `Z` and base64 on the way out.
    assert widget.model_dump(mode="json") == data
    assert widget.model_dump_json(by_alias=True).startswith('{"userId":"u1","schema":"s1"')


def test_a_required_null_is_written(tiny: ModuleType) -> None:
    widget = tiny.Widget.model_validate({"userId": None, "schema": "s"})
    assert widget.model_dump(mode="json") == {"userId": None, "schema": "s"}


def test_rejects_a_wrong_type_naming_the_wire_name(tiny: ModuleType) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        tiny.Widget.model_validate({"userId": 5, "schema": "s", "shade": 3})
    locations = {error["loc"] for error in caught.value.errors()}
    assert locations == {("userId",), ("shade",)}


def test_a_python_name_that_is_another_wire_name_is_not_read_as_it(tiny: ModuleType) -> None:
    # Widget.user_id has wire name `userId`; `user_id` is the wire name of another field.
    with pytest.raises(pydantic.ValidationError, match="userId"):
        tiny.Widget.model_validate({"user_id": "x", "schema": "s"})
    widget = tiny.Widget.model_validate({"userId": "a", "user_id": "b", "schema": "s"})
    assert (widget.user_id, widget.user_id_2) == ("a", "b")


def test_python_names_construct_a_model(specs: ModuleType) -> None:
    spec = specs.typescript.components.DockerSpec(image="comfy", ports=[8188])
    machine = specs.typescript.components.Machine(
        id="m", kind="machine", name="n", gpu="T4", spec=spec, created_at=None
    )
    assert machine.model_dump(mode="json")["createdAt"] is None
    assert machine.model_dump(mode="json", by_alias=False)["created_at"] is None


def test_deprecated_field_warns_when_read_not_when_validated(tiny: ModuleType) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        widget = tiny.Widget.model_validate({"userId": "u", "schema": "s", "oldName": "o"})
        assert widget.model_dump(mode="json")["oldName"] == "o"
    with pytest.warns(DeprecationWarning, match="Use `userId` instead"):
        assert widget.old_name == "o"


def test_untagged_union_reads_each_member(specs: ModuleType) -> None:
    components = specs.typescript.components
    runtime = private_runtime(specs)
    assert runtime.from_wire(components.MachineSpec, "comfy:latest") == "comfy:latest"
    docker = runtime.from_wire(components.MachineSpec, {"image": "comfy", "ports": [1]})
    assert isinstance(docker, components.DockerSpec)
    assert runtime.to_wire(docker) == {"image": "comfy", "ports": [1]}
    with pytest.raises(runtime.ValidationError):
        runtime.from_wire(components.MachineSpec, 5)


def test_from_dict_is_model_validate(tiny: ModuleType) -> None:
    widget = private_runtime(tiny).from_dict(tiny.Widget, {"userId": "u", "schema": "s"})
    assert widget == tiny.Widget.model_validate({"userId": "u", "schema": "s"})
    with pytest.raises(private_runtime(tiny).ValidationError):
        private_runtime(tiny).from_dict(tiny.Widget, [])


def test_only_models_with_a_notation_field_have_the_notation_validator(specs: ModuleType) -> None:
    """The generator's choice agrees with the runtime's reading of the fields: a model with a date-time,
    float or decimal field derives from `NotationModel` (its validator keeps the notation read)."""
    runtime = private_runtime(specs)
    root = Path(specs.__path__[0])
    models = model_classes(root.parent, root.name, runtime.Model)
    assert models
    with_notation = [m for m in models if runtime._notation_fields(m)]
    assert with_notation and len(with_notation) < len(models)
    for model in models:
        assert issubclass(model, runtime.NotationModel) is bool(runtime._notation_fields(model)), (
            model
        )
