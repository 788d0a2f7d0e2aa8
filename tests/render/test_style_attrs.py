"""The attrs target: generated attrs classes read and write wire names through cattrs, reject wrong
data with every problem named, and warn when a deprecated field is set (beyond the generated tests)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import attrs
import pytest

from tests.helpers import SPECS
from tests.render.style_support import generated_package, private_runtime


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("attrs_tiny")
    with generated_package(root, "attrs", "attrs_tiny") as package:
        yield package


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("attrs_specs")
    with generated_package(root, "attrs", "attrs_specs", SPECS) as package:
        yield package


def test_models_are_attrs_classes_with_wire_names_in_metadata(tiny: ModuleType) -> None:
    fields = attrs.fields_dict(tiny.Widget)
    assert fields["user_id"].metadata == {"wire": "userId"}
    assert "schema" in fields  # attrs has no attribute a field could shadow
    assert fields["old_name"].metadata["deprecated"] == "Use `userId` instead."


def test_reads_wire_names_and_writes_them_back(tiny: ModuleType) -> None:
    data: dict[str, Any] = {
        "userId": "u1",
        "schema": "s1",
        "user_id": "other",
        "createdAt": "2024-05-01T10:00:00.250Z",
        "payload": "aGk=",
        "shade": "green",
        "parent": {"userId": "u0", "schema": "s0", "shade": "red"},
    }
    widget = tiny.Widget.from_dict(data)
    assert (widget.user_id, widget.user_id_2) == ("u1", "other")
    assert widget.created_at == datetime(2024, 5, 1, 10, 0, 0, 250000, tzinfo=UTC)
    assert widget.payload == b"hi"
    assert widget.shade.value == "green"  # an open enum keeps a value the docs do not list
    assert widget.parent.shade is tiny.Shade.RED
    # Optional fields that are None are left out; wire names, `Z` and base64 on the way out.
    assert widget.to_dict() == data
    assert private_runtime(tiny).converter.unstructure(widget) == data
    assert private_runtime(tiny).converter.structure(data, tiny.Widget) == widget


def test_a_required_null_is_written(tiny: ModuleType) -> None:
    widget = tiny.Widget.from_dict({"userId": None, "schema": "s"})
    assert widget.to_dict() == {"userId": None, "schema": "s"}


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ({"count": "3"}, "Widget.count: expected float, got str"),
        ({"count": True}, "Widget.count: expected float, got bool"),
        ({"shade": 3}, "Widget.shade: 3 is not a valid Shade: expected one of 'red', 'blue'"),
        ({"createdAt": "soon"}, "Widget.createdAt: 'soon' is not a date-time"),
        ({"payload": "*"}, "Widget.payload: '*' is not base64"),
        ({"parent": {"userId": 1, "schema": "s"}}, "Widget.parent.userId: expected str, got int"),
        ({"parent": []}, "Widget.parent: expected an object, got list"),
    ],
)
def test_rejects_wrong_data_naming_where(
    tiny: ModuleType, extra: dict[str, Any], problem: str
) -> None:
    with pytest.raises(private_runtime(tiny).ValidationError) as caught:
        tiny.Widget.from_dict({"userId": "u", "schema": "s", **extra})
    assert problem in str(caught.value)


def test_every_problem_is_reported_at_once(tiny: ModuleType) -> None:
    with pytest.raises(private_runtime(tiny).ValidationError) as caught:
        tiny.Widget.from_dict({"userId": 5})
    assert str(caught.value) == (
        "Widget.userId: expected str, got int; Widget: required field 'schema' is missing"
    )


def test_setting_a_deprecated_field_warns_reading_does_not(tiny: ModuleType) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        widget = tiny.Widget.from_dict({"userId": "u", "schema": "s", "oldName": "o"})
        assert widget.old_name == "o"
        widget.old_name = None  # clearing it is fine
    with pytest.warns(DeprecationWarning, match="Widget.old_name is deprecated: Use `userId`"):
        widget.old_name = "again"
    assert widget.to_dict()["oldName"] == "again"


def test_untagged_union_tries_members_in_order(specs: ModuleType) -> None:
    components = specs.typescript.components
    runtime = private_runtime(specs)
    assert runtime.from_wire(components.MachineSpec, "comfy:latest") == "comfy:latest"
    docker = runtime.from_wire(components.MachineSpec, {"image": "comfy", "ports": [1]})
    assert docker == components.DockerSpec(image="comfy", ports=[1])
    assert runtime.to_wire(docker) == {"image": "comfy", "ports": [1]}
    with pytest.raises(runtime.ValidationError, match="matches no member of the union"):
        runtime.from_wire(components.MachineSpec, 5)


def test_lists_and_maps_are_not_coerced(specs: ModuleType) -> None:
    machine = specs.typescript.components.Machine
    base = {
        "id": "m",
        "kind": "machine",
        "name": "n",
        "gpu": "T4",
        "spec": "img",
        "createdAt": None,
    }
    with pytest.raises(
        private_runtime(specs).ValidationError, match=r"Machine\.tags: expected a list"
    ):
        machine.from_dict({**base, "tags": "abc"})
    with pytest.raises(
        private_runtime(specs).ValidationError, match=r"Machine\.env\['A'\]: expected str"
    ):
        machine.from_dict({**base, "env": {"A": 1}})
