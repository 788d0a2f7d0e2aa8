"""docs/templates.md is the API of templates: every name templates can use is documented there."""

from __future__ import annotations

import dataclasses
import re

import pytest

from generator.reader import read_docs
from generator.render import planner
from generator.render.case_filters import CASE_FILTERS
from generator.render.filters import FILTERS
from generator.render.python_view import PyField, PyModel, PyStyle, python_package
from generator.render.targets import _MANIFEST_KEYS, _OUTPUT_KEYS, load_target
from tests.helpers import ROOT, SPECS

REFERENCE = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
#: Names in backticks, keys set in the manifest example, and `[[tables]]` there.
DOCUMENTED = (
    set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)", REFERENCE))
    | set(re.findall(r"^([a-z_]+) = ", REFERENCE, re.MULTILINE))
    | set(re.findall(r"^\[\[([a-z_]+)\]\]", REFERENCE, re.MULTILINE))
)


def public_names(cls: type) -> set[str]:
    fields = {f.name for f in dataclasses.fields(cls)}
    properties = {n for n, v in vars(cls).items() if isinstance(v, property)}
    return {n for n in fields | properties if not n.startswith("_")}


@pytest.mark.parametrize("name", sorted(FILTERS | CASE_FILTERS))
def test_every_filter_is_documented(name: str) -> None:
    assert name in DOCUMENTED


@pytest.mark.parametrize("name", sorted(public_names(PyModel) | public_names(PyField)))
def test_every_view_attribute_is_documented(name: str) -> None:
    assert name in DOCUMENTED


@pytest.mark.parametrize("name", sorted(_MANIFEST_KEYS | _OUTPUT_KEYS))
def test_every_manifest_key_is_documented(name: str) -> None:
    assert name in DOCUMENTED


def test_every_python_option_is_documented() -> None:
    options = {f.name for f in dataclasses.fields(PyStyle)}
    assert options <= DOCUMENTED | {"types"}
    assert "[python.types]" in REFERENCE


def test_every_context_variable_is_documented() -> None:
    spec = read_docs([SPECS])
    py = python_package(spec, PyStyle.from_options({}))
    models = sorted(py.models.values(), key=lambda m: m.dotted)
    target = load_target("dataclasses")
    names: set[str] = set()
    base = planner._base_context(py, models, spec, "pkg")
    for rule in target.outputs:
        for _path, context in planner._instances(rule, py, models, spec, "pkg", base):
            names |= set(context)
    assert names, "no context was built"
    assert names <= DOCUMENTED, sorted(names - DOCUMENTED)
