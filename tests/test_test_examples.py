"""Where the generated tests' examples come from (the doc, its Example column, the OpenAPI document, the
types) and what the field-by-field checks of a model hold."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator.config import ConfigError, load_config
from generator.examples import example_for
from generator.ir import Spec
from generator.openapi import enrich
from generator.reader import read_docs
from generator.render.python_view import PyStyle, python_package
from generator.render.targets import load_target
from generator.render.test_view import model_tests
from tests.helpers import GENERATED, SPECS
from tests.test_openapi import OPENAPI, _setup

COLUMN_DOC = """# Widget

## Fields

| Field | Type | Required | Description | Example |
| ----- | ---- | -------- | ----------- | ------- |
| `name` | *string* | :heavy_check_mark: | N/A | gear |
| `count` | *int* | :heavy_check_mark: | N/A | 12 |
| `ratio` | *float64* | :heavy_minus_sign: | N/A | not a number |
| `on` | *bool* | :heavy_minus_sign: | N/A | true |
"""


def _model(spec: Spec, name: str) -> Any:
    return next(m for m in spec.models if m.key.name == name)


def test_the_seed_session_response_tests_use_the_docs_own_example() -> None:
    text = (GENERATED / "tests" / "test_typescript_components_session_response.py").read_text()
    assert "# The doc's Example Usage." in text
    assert '"createdAt": "2025-03-31T12:50:52.284Z"' in text


def test_the_openapi_example_is_taken_when_the_doc_has_none(tmp_path: Path) -> None:
    openapi = copy.deepcopy(OPENAPI)
    actor = openapi["components"]["schemas"]["Session"]["properties"]["actor"]
    actor["example"] = {"sub": "user_42"}
    spec, path = _setup(tmp_path, openapi)
    enriched, _ = enrich(spec, path)
    example = example_for(enriched, _model(enriched, "Actor"))
    assert example is not None
    assert (example.value, example.source) == ({"sub": "user_42"}, "openapi")
    # Without the document, the example is built from the types.
    plain = example_for(spec, _model(spec, "Actor"))
    assert plain is not None and plain.source == "types"


def test_an_openapi_examples_list_gives_its_first_and_a_misfit_is_not_used(tmp_path: Path) -> None:
    openapi = copy.deepcopy(OPENAPI)
    actor = openapi["components"]["schemas"]["Session"]["properties"]["actor"]
    actor["examples"] = [{"sub": "first"}, {"sub": "second"}]
    spec, path = _setup(tmp_path, openapi)
    enriched, _ = enrich(spec, path)
    example = example_for(enriched, _model(enriched, "Actor"))
    assert example is not None and example.value == {"sub": "first"}
    actor.pop("examples")
    actor["example"] = {"sub": 7}
    (tmp_path / "api.json").write_text(json.dumps(openapi), encoding="utf-8")
    enriched, _ = enrich(spec, path)
    example = example_for(enriched, _model(enriched, "Actor"))
    assert example is not None and example.source == "types"


def test_the_example_column_gives_values_of_the_field_types(tmp_path: Path) -> None:
    (tmp_path / "Widget.md").write_text(COLUMN_DOC, encoding="utf-8")
    spec = read_docs([tmp_path], "go")
    example = example_for(spec, _model(spec, "Widget"))
    assert example is not None and example.source == "column"
    assert example.value == {"name": "gear", "count": 12, "ratio": 1.5, "on": True}


def _tests_of(spec: Spec, name: str) -> Any:
    py = python_package(spec, PyStyle.from_options(load_target("dataclasses").python))
    model = _model(spec, name)
    return model_tests(spec, py.models[model.key], "pkg", py.models)


def test_field_cases_name_the_type_each_value_is_read_as() -> None:
    spec = read_docs([SPECS], "auto")
    machine = _tests_of(spec, "Machine")
    cases = {(c.attribute, c.type_name) for c in machine.field_cases}
    assert {("created_at", "datetime"), ("gpu", "GpuType"), ("tags", "list")} <= cases
    assert ("env", "dict") in cases and ("parent", "Machine") in cases
    # A union-typed field gets a case per member whose class is certain.
    assert {name for attribute, name in cases if attribute == "spec"} == {"DockerSpec", "str"}
    session = _tests_of(spec, "Session")
    assert [(c.wire_name, c.kept) for c in session.enum_cases] == [
        ("object", False),
        ("status", False),
    ]


def test_nullability_cases_follow_what_the_doc_says(tmp_path: Path) -> None:
    (tmp_path / "pet.md").write_text(
        """# Pet

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| `name` | *str* | :heavy_check_mark: | N/A |
| `nickname` | *Optional[str]* | :heavy_check_mark: | N/A |
| `age` | *Optional[int]* | :heavy_minus_sign: | N/A |
""",
        encoding="utf-8",
    )
    spec = read_docs([tmp_path], "python")
    pet = _tests_of(spec, "Pet")
    assert [(c.wire_name, c.required) for c in pet.nullable] == [("nickname", True)]
    assert [c.wire_name for c in pet.not_nullable] == ["name"]


def test_the_tests_setting_adds_a_property_test_and_rejects_other_values(tmp_path: Path) -> None:
    spec = read_docs([SPECS], "auto")
    py = python_package(spec, PyStyle.from_options(load_target("dataclasses").python))
    machine = _model(spec, "Machine")
    off = model_tests(spec, py.models[machine.key], "pkg", py.models)
    on = model_tests(spec, py.models[machine.key], "pkg", py.models, properties=True)
    assert off.payloads == ""
    assert on.payloads.startswith("st.fixed_dictionaries({")
    # Enum values, union members, nullable and nested objects are drawn from the IR.
    assert 'st.sampled_from(["T4", "A10G", "A100", "H100"])' in on.payloads
    assert '"sessions": st.lists(st.fixed_dictionaries(' in on.payloads
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.docmodels]\ntests = "everything"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="`tests` must be one of examples, properties"):
        load_config({}, pyproject, tmp_path)
    pyproject.write_text('[tool.docmodels]\ntests = "properties"\n', encoding="utf-8")
    assert load_config({}, pyproject, tmp_path).tests == "properties"
