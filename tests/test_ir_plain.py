"""The IR's plain form (what the cache keeps of drafts): an exact round trip through JSON for every model
the reader makes, and a reader of it that accepts nothing else."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from generator.cache_store import BadEntry
from generator.ir import (
    ArrayOf,
    Deprecation,
    Diagnostic,
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
    UnionOf,
)
from generator.ir_plain import (
    diagnostic_from_plain,
    diagnostic_plain,
    model_from_plain,
    model_plain,
)
from generator.reader import read_docs
from tests.helpers import CORPUS, CORPUS_SAMPLE, SPECS

FIXTURES = Path(__file__).parent / "fixtures" / "reader"


def through_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def every_value() -> Model:
    """A model with every attribute away from its default, and every kind of type."""
    span = Span("docs/a.md", 3, 5)
    kinds: list[Any] = [
        Primitive("datetime"),
        Ref(ModelKey("ns", "B")),
        Link("b.md", "B", (Primitive("string"), Ref(ModelKey("", "C")))),
        Link(None, "text", ()),
        ArrayOf(MapOf(UnionOf((Primitive("integer"), Literal(None))))),
        Literal(1.5),
        Literal("x"),
        Literal(True),
        Literal(7),
    ]
    fields = tuple(
        Field(
            name=f"f{i}",
            wire_name=f"w{i}",
            type=kind,
            required=bool(i % 2),
            nullable=[None, True, False][i % 3],
            description="line\nnext \udcff \u2028",
            source=span if i % 2 else Span("docs/other.md", i, 1),
            deprecated=Deprecation("gone") if i == 1 else None,
            example="ex" if i == 2 else None,
            default={"k": [1, 2.5, None, True]},
            has_default=True,
            const="c",
            has_const=True,
            format="date-time",
            facts=(("wire_name", "spec"), ("nullable", "config")),
            degraded="`Custmer` matches no model" if i == 3 else None,
        )
        for i, kind in enumerate(kinds)
    )
    return Model(
        key=ModelKey("ns", "A"),
        kind="object",
        title="A",
        description="d",
        source=span,
        deprecated=Deprecation("old"),
        fields=fields,
        values=(EnumValue(None, 1), EnumValue("B", "b", "the b", Deprecation("use c"))),
        members=(Primitive("string"),),
        example={"a": [1, {"b": None}]},
        has_example=True,
        dialect="php",
        doc_path="a.md",
        open=True,
        schema="#/components/schemas/A",
        facts=(("description", "spec"),),
        degraded_members=((0, "`Int99` matches no model"),),
    )


def test_every_attribute_and_type_comes_back_equal() -> None:
    model = every_value()
    again = model_from_plain(through_json(model_plain(model)))
    assert again == model
    assert [f.source for f in again.fields] == [f.source for f in model.fields]
    diagnostic = Diagnostic(Span("a.md", 1, 2), "warning", "DM103", "m")
    assert diagnostic_from_plain(through_json(diagnostic_plain(diagnostic))) == diagnostic


def test_the_plain_form_knows_every_attribute_of_the_ir() -> None:
    """A new IR attribute must be added to the plain form (or reading it back fails loudly here)."""
    plain = model_plain(every_value())
    assert len(plain) == len(dataclasses.fields(Model)) + 1  # the key is two values
    assert len(plain[7][0]) == len(dataclasses.fields(Field))
    assert len(plain[8][0]) == len(dataclasses.fields(EnumValue))
    assert all(not hasattr(cls, "__post_init__") for cls in (Model, Field, Span))


def folders() -> list[Path]:
    found = [SPECS, *sorted(p.parent for p in FIXTURES.glob("*/docs"))]
    if CORPUS.is_dir():
        found += [CORPUS / sample for sample in CORPUS_SAMPLE]
    return found


@pytest.mark.parametrize("folder", folders(), ids=lambda p: p.name)
def test_what_the_reader_makes_comes_back_equal(folder: Path) -> None:
    spec = read_docs([folder])
    for model in spec.models:
        assert model_from_plain(through_json(model_plain(model))) == model
    for diagnostic in spec.diagnostics:
        assert diagnostic_from_plain(through_json(diagnostic_plain(diagnostic))) == diagnostic


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.__setitem__(2, "class"),  # a model kind the IR does not have
        lambda p: p.__setitem__(0, 1),  # a namespace that is no string
        lambda p: p.__setitem__(5, ["a.md", "1", 1]),  # a line that is no number
        lambda p: p.__setitem__(11, 1),  # has_example that is no boolean
        lambda p: p[7][0].__setitem__(2, "str"),  # a type kind the IR does not have
        lambda p: p[7][0].__setitem__(2, ["z", 1]),  # a type tag the IR does not have
        lambda p: p[7][0].__setitem__(2, ["c", [1]]),  # a constant that is no scalar
        lambda p: p[7][0].__setitem__(4, "yes"),  # nullable that is no boolean
        lambda p: p[7][0].append(None),  # one value too many
        lambda p: p[8].__setitem__(0, [None, 1.5]),  # an enum value that is neither
        lambda p: p[16].__setitem__(0, ["description"]),  # a fact without its source
        lambda p: p.pop(),  # one value too few
    ],
)
def test_anything_else_is_refused(change: Any) -> None:
    plain = through_json(model_plain(every_value()))
    change(plain)
    with pytest.raises((BadEntry, ValueError, TypeError)):
        model_from_plain(plain)


def test_a_diagnostic_of_another_severity_is_refused() -> None:
    plain = diagnostic_plain(Diagnostic(Span("a.md", 1, 2), "error", "DM100", "m"))
    plain[1] = "fatal"
    with pytest.raises(BadEntry):
        diagnostic_from_plain(plain)
