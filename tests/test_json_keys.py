"""Field names that are no Python name (`1st`, `my-field`, `@odata.type`, `$ref`): attributes in every target,
the key kept as the wire name, and a round trip gives the key back."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from generator.reader import read_docs
from generator.reader.cells import field_name_cell
from generator.wire_names import apply_policy
from tests.helpers import generate, run_generated_tests
from tests.render.style_support import imported

ROWS = {
    "1st": ("*string*", True),
    "my-field": ("*number*", True),
    "my_field": ("*string*", False),
    "@odata.type": ("*string*", False),
    "$ref": ("*string*", False),
    "content-type": ("*string*", False),
    "first name": ("*string*", False),
    "{{x}}": ("*string*", False),
    "class": ("*boolean*", False),
    "child": ("[models.Entry](../models/entry.md)", False),
}
#: The attribute each key becomes: snake_case words, `field_` before a leading digit, a stable `_2` suffix
#: for the second of two keys with the same words, `_` after a keyword.
ATTRIBUTES = {
    "1st": "field_1st",
    "my-field": "my_field",
    "my_field": "my_field_2",
    "@odata.type": "odata_type",
    "$ref": "ref",
    "content-type": "content_type",
    "first name": "first_name",
    "{{x}}": "x",
    "class": "class_",
    "child": "child",
}
PAYLOAD: dict[str, Any] = {
    "1st": "a",
    "my-field": 1.5,
    "my_field": "b",
    "@odata.type": "#microsoft.graph.user",
    "$ref": "#/x",
    "content-type": "text/plain",
    "first name": "Ada",
    "{{x}}": "y",
    "class": True,
    "child": {"1st": "c", "my-field": 2.5},
}
PYTHON_TARGETS = ("dataclasses", "pydantic", "attrs", "msgspec")


def write_docs(root: Path) -> Path:
    folder = root / "docs" / "models"
    folder.mkdir(parents=True)
    rows = "".join(
        f"| `{key}` | {cell} | {':heavy_check_mark:' if required else ':heavy_minus_sign:'} | The {key}. |\n"
        for key, (cell, required) in ROWS.items()
    )
    (folder / "entry.md").write_text(
        "# Entry\n\nKeys that are no Python names.\n\n## Fields\n\n"
        "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n"
        + rows,
        encoding="utf-8",
    )
    return root / "docs"


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docs(tmp_path_factory.mktemp("keys"))


def test_the_reader_keeps_each_key_as_name_and_wire_name(docs: Path) -> None:
    spec = read_docs([docs])
    assert not spec.diagnostics, [d.render() for d in spec.diagnostics]
    (entry,) = spec.models
    assert [(f.name, f.wire_name) for f in entry.fields] == [(k, k) for k in ROWS]


@pytest.mark.slow
@pytest.mark.parametrize("target", PYTHON_TARGETS)
def test_every_python_target_round_trips_the_keys(docs: Path, tmp_path: Path, target: str) -> None:
    package = f"keys_{target}"
    generate(docs, tmp_path, target=target, package=package, outputs=("models", "tests"))
    run_generated_tests(tmp_path)
    with imported(tmp_path, package) as module:
        runtime = importlib.import_module(f"{package}._runtime")
        entry = runtime.from_wire(module.Entry, PAYLOAD)
        for key, attribute in ATTRIBUTES.items():
            expected = PAYLOAD[key]
            value = getattr(entry, attribute)
            assert (value if key != "child" else runtime.to_wire(value)) == expected, key
        assert runtime.to_wire(entry) == PAYLOAD


def test_typeddict_keys_are_the_wire_keys(docs: Path, tmp_path: Path) -> None:
    generate(docs, tmp_path, target="typeddict", package="keys_td", outputs=("models", "tests"))
    run_generated_tests(tmp_path)
    source = (tmp_path / "keys_td" / "entry.py").read_text(encoding="utf-8")
    assert 'Entry = TypedDict(\n    "Entry",' in source  # the functional syntax
    with imported(tmp_path, "keys_td") as module:
        assert module.Entry.__required_keys__ == {"1st", "my-field"}
        assert module.Entry.__optional_keys__ == set(ROWS) - {"1st", "my-field"}


def test_json_schema_properties_are_the_wire_keys(docs: Path, tmp_path: Path) -> None:
    generate(docs, tmp_path, target="jsonschema", package="keys_js", outputs=("models",))
    document = tmp_path / "schemas" / "entry.schema.json"
    schema = json.loads(document.read_text(encoding="utf-8"))
    assert list(schema["properties"]) == list(ROWS)
    assert schema["required"] == ["1st", "my-field"]


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("`1st`", "1st"),
        ("~~`$ref`~~", "$ref"),
        ("`first name`", "first name"),
        ("my-field", "my-field"),
        ("\\@odata\\.type", "@odata.type"),
        ("my\\_field", "my_field"),
        ("` padded `", "padded"),
    ],
)
def test_name_cells_give_the_key(cell: str, key: str) -> None:
    found = field_name_cell(cell)
    assert found is not None and found.name == key


@pytest.mark.parametrize("cell", ["", "``", "two words", '`a"b`', "`a\\b`", "`a\x01b`", "a`b"])
def test_cells_that_hold_no_key_are_refused(cell: str) -> None:
    assert field_name_cell(cell) is None


def test_a_wire_name_policy_leaves_keys_that_are_no_identifier(docs: Path) -> None:
    spec = read_docs([docs])
    spelled = apply_policy(spec, "camelCase", {})
    wires = {f.name: f.wire_name for f in spelled.models[0].fields}
    assert wires["@odata.type"] == "@odata.type"
    assert wires["content-type"] == "content-type"
    assert wires["1st"] == "1st"
    assert wires["my_field"] == "myField"
