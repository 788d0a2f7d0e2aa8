"""The typeddict style's models: wire names as keys, NotRequired optional keys, JSON-form values, mypy checks."""

from __future__ import annotations

import importlib
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.render.style_support import OPEN_ENUM_DOC, specs_generated

PACKAGE = "typeddict_style_models"
KEYWORDS_DOC = """# Header

A header whose keys are Python keywords.

## Fields

| Field   | Type     | Required           | Description         |
| ------- | -------- | ------------------ | ------------------- |
| `kind`  | *string* | :heavy_check_mark: | The media type.     |
| `class` | *string* | :heavy_minus_sign: | A keyword as a key. |
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    docs, out = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("out")
    with specs_generated(
        "typeddict", PACKAGE, docs, out, {"header.md": KEYWORDS_DOC, "Color.md": OPEN_ENUM_DOC}
    ) as generated:
        yield generated


def load(module: str) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.{module}")


def test_keys_are_wire_names_and_optional_keys_are_not_required(generated: Path) -> None:
    machine: Any = load("typescript.components.machine").Machine
    assert "createdAt" in machine.__required_keys__
    assert {"tags", "legacyName", "parent"} <= machine.__optional_keys__
    assert not machine.__required_keys__ & machine.__optional_keys__


def test_values_keep_their_json_form_and_forward_references_resolve(generated: Path) -> None:
    machine: Any = load("typescript.components.machine").Machine
    hints = typing.get_type_hints(machine)
    assert hints["createdAt"] == str | None  # a date-time is the ISO string
    assert hints["parent"] == machine | None  # the model refers to itself


def test_keywords_as_keys_use_the_functional_syntax(generated: Path) -> None:
    source = (generated / PACKAGE / "extra" / "header.py").read_text(encoding="utf-8")
    assert 'TypedDict(\n    "Header",' in source
    header: Any = load("extra.header").Header
    assert header.__required_keys__ == frozenset({"kind"})
    assert header.__optional_keys__ == frozenset({"class"})


def test_enums_are_literals_of_the_wire_values(generated: Path) -> None:
    runtime = load("_runtime")
    status = load("php.components.status").Status
    assert typing.get_origin(status) is typing.Literal
    assert "active" in runtime.literal_values(status)
    color = load("extra.color").Color
    assert runtime.literal_values(color) == ("red", "green")
    assert str in typing.get_args(color)  # an open enum admits other strings


@pytest.mark.slow
def test_mypy_accepts_wire_data_and_rejects_a_wrong_type(generated: Path, tmp_path: Path) -> None:
    user = generated / "user_code.py"
    user.write_text(
        f"from {PACKAGE}.typescript.components.machine import Machine\n"
        f"from {PACKAGE}.php.components.status import Status\n\n"
        'good: Machine = {"id": "m", "kind": "machine", "name": "n", "gpu": "A10G",\n'
        '                 "spec": "img", "createdAt": "2025-01-01T00:00:00Z"}\n'
        'bad: Machine = {"id": 1, "kind": "machine", "name": "n", "gpu": "A10G",\n'
        '                "spec": "img", "createdAt": "2025-01-01T00:00:00Z"}\n'
        'status: Status = "no-such-status"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            "user_code.py",
        ],
        cwd=generated,
        capture_output=True,
        text=True,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["6", "8"], done.stdout
    assert '"id"' in errors[0] and "no-such-status" in errors[1]
