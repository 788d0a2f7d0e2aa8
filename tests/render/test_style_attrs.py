"""The attrs target: generated attrs classes read and write wire names through cattrs, reject wrong
data with every problem named, and warn when a deprecated field is set (beyond the generated tests)."""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

from tests.helpers import ROOT, SPECS
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


#: A Machine payload with every required field.
MACHINE = {"id": "m", "kind": "machine", "name": "n", "gpu": "T4", "spec": "img", "createdAt": None}


def test_lists_and_maps_are_not_coerced(specs: ModuleType) -> None:
    machine = specs.typescript.components.Machine
    base = MACHINE
    with pytest.raises(
        private_runtime(specs).ValidationError, match=r"Machine\.tags: expected a list"
    ):
        machine.from_dict({**base, "tags": "abc"})
    with pytest.raises(
        private_runtime(specs).ValidationError, match=r"Machine\.env\['A'\]: expected str"
    ):
        machine.from_dict({**base, "env": {"A": 1}})


# --- the straight reading and the detailed one ------------------------------------------------------
# A read goes through the converter's hooks without cattrs' detailed validation; only data that fails is
# read again with it, to word every problem. Both must give the same models, and user hooks apply to both.


def _read_detailed(runtime: ModuleType, cls: type, data: Any) -> Any:
    """What the detailed reading (cattrs' detailed validation, used after a failure) makes of `data`."""
    token = runtime._how.set(runtime._READING | runtime._INT_STRINGS | runtime._DETAILED)
    try:
        return runtime.converter.structure(data, cls)
    finally:
        runtime._how.reset(token)


def _state(model: Any) -> tuple[Any, ...]:
    """A model's values and what it keeps beside them (wire keys read, wire forms)."""
    return (
        model,
        getattr(model, "_docmodels_present", None),
        getattr(model, "_docmodels_wire_kept", None),
    )


def _spec_examples() -> list[tuple[str, str, dict[str, Any]]]:
    """The example payload of every generated test of specs/ (generated/tests): module, class, data."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from load_dump import payloads_of_test
    finally:
        sys.path.remove(str(ROOT / "bench"))
    found = []
    for path in sorted((ROOT / "generated" / "tests").glob("test_*.py")):
        for payload in payloads_of_test(path.read_text(encoding="utf-8"), "example_models"):
            found.append((payload.module, payload.name, payload.data))
    return found


def test_the_straight_reading_makes_what_the_detailed_one_makes(specs: ModuleType) -> None:
    runtime = private_runtime(specs)
    examples = _spec_examples()
    assert examples
    for module, name, data in examples:
        cls = getattr(importlib.import_module(f"{specs.__name__}.{module}"), name)
        straight = runtime.read(cls, data)
        detailed = _read_detailed(runtime, cls, data)
        assert _state(straight) == _state(detailed), name
        assert runtime.write(straight) == runtime.write(detailed), name


def _outcome(runtime: ModuleType, cls: type, data: Any, *, detailed: bool) -> tuple[str, Any]:
    """("read", the model's state and its wire data) or ("error", the message read gives)."""
    try:
        model = _read_detailed(runtime, cls, data) if detailed else runtime.read(cls, data)
    except runtime.ValidationError as exc:
        return ("error", str(exc))
    except runtime._FAILURES as exc:  # the detailed reading's failure, worded as read words it
        return ("error", "; ".join(runtime._problems(exc, cls.__name__)))
    return ("read", (_state(model), runtime.write(model)))


#: Wire values that are wrong for most fields (and right for some).
WRONG_VALUES: tuple[Any, ...] = (None, 7, 1.5, "x", "12", True, [], [{}], {}, {"k": 1})


def test_the_straight_reading_accepts_and_rejects_what_the_detailed_one_does(
    specs: ModuleType,
) -> None:
    """Each key of each example set to values that are often wrong: both readings read the same model,
    or both fail with the same message."""
    runtime = private_runtime(specs)
    checked = 0
    for module, name, data in _spec_examples():
        cls = getattr(importlib.import_module(f"{specs.__name__}.{module}"), name)
        for key in data:
            for wrong in WRONG_VALUES:
                changed = {**data, key: wrong}
                straight = _outcome(runtime, cls, changed, detailed=False)
                assert straight == _outcome(runtime, cls, changed, detailed=True), (key, wrong)
                checked += 1
    assert checked > 100


def test_the_straight_reading_keeps_wire_forms_as_the_detailed_one(tiny: ModuleType) -> None:
    runtime = private_runtime(tiny)
    data = {
        "userId": "u",
        "schema": "s",
        "count": 1,
        "createdAt": "2024-05-01T10:00:00.250Z",
        "shade": None,
        "parent": {"userId": "p", "schema": "s", "createdAt": "2024-05-01T10:00:00+02:00"},
    }
    straight = runtime.read(tiny.Widget, data)
    detailed = _read_detailed(runtime, tiny.Widget, data)
    assert _state(straight) == _state(detailed)
    assert _state(straight.parent) == _state(detailed.parent)
    assert runtime.write(straight) == data


def test_a_list_item_error_names_its_index(specs: ModuleType) -> None:
    machine = specs.typescript.components.Machine
    base = MACHINE
    with pytest.raises(private_runtime(specs).ValidationError) as caught:
        machine.from_dict({**base, "tags": ["a", 2, "c", None]})
    assert str(caught.value) == (
        "Machine.tags[1]: expected str, got int; Machine.tags[3]: expected str, got null"
    )


@pytest.fixture
def hooked(tmp_path: Path) -> Iterator[ModuleType]:
    """A package of its own: the hooks a test registers on its converter stay there."""
    with generated_package(tmp_path, "attrs", "attrs_hooked") as package:
        yield package


def test_a_hook_registered_on_the_converter_applies(hooked: ModuleType) -> None:
    runtime = private_runtime(hooked)
    data = {
        "userId": "u",
        "schema": "s",
        "createdAt": "2024-05-01T10:00:00Z",
        "parent": {"userId": "p", "schema": "s", "createdAt": "2024-05-02T10:00:00Z"},
    }
    # Read once before the hook: nothing read before is kept past it.
    before = hooked.Widget.from_dict(data)
    assert before.created_at.year == 2024
    fixed = datetime(2000, 1, 1, tzinfo=UTC)
    runtime.converter.register_structure_hook(datetime, lambda value, _: fixed)
    after = hooked.Widget.from_dict(data)
    assert (after.created_at, after.parent.created_at) == (fixed, fixed)
    assert hooked.runtime.read(hooked.Widget, data).parent.created_at == fixed


def test_a_hook_for_an_enum_applies_inside_models_and_lists(hooked: ModuleType) -> None:
    runtime = private_runtime(hooked)
    data = {
        "userId": "u",
        "schema": "s",
        "shade": "rouge",
        "parent": {"userId": "p", "schema": "s", "shade": "rouge"},
    }
    assert hooked.Widget.from_dict(data).shade.value == "rouge"  # the open enum keeps it
    shade = hooked.Shade
    runtime.converter.register_structure_hook(
        shade, lambda value, _: shade.RED if value == "rouge" else shade(value)
    )
    widget = hooked.Widget.from_dict(data)
    assert (widget.shade, widget.parent.shade) == (shade.RED, shade.RED)
    assert runtime.from_wire(list[shade], ["rouge", "blue"]) == [shade.RED, shade.BLUE]


def test_a_failing_user_hook_is_worded_with_its_path(hooked: ModuleType) -> None:
    runtime = private_runtime(hooked)

    def no_dates(value: Any, _: Any) -> Any:
        raise ValueError("no dates here")

    runtime.converter.register_structure_hook(datetime, no_dates)
    with pytest.raises(runtime.ValidationError) as caught:
        hooked.Widget.from_dict(
            {"userId": "u", "schema": 5, "parent": {"userId": "p", "schema": "s", "createdAt": "x"}}
        )
    assert str(caught.value) == (
        "Widget.schema: expected str, got int; Widget.parent.createdAt: no dates here"
    )


def test_a_hook_for_str_applies_to_optional_fields_too(hooked: ModuleType) -> None:
    runtime = private_runtime(hooked)
    data = {"userId": "u", "schema": "s", "user_id": "other"}
    assert hooked.Widget.from_dict(data).user_id_2 == "other"
    runtime.converter.register_structure_hook(str, lambda value, _: value.upper())
    widget = hooked.Widget.from_dict(data)
    assert (widget.user_id, widget.schema, widget.user_id_2) == ("U", "S", "OTHER")
