"""The decisions each built-in Python style's model template prints: imports, field options, annotations."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.ir import Deprecation, Field, Model, ModelKey, Primitive, Span
from generator.render.python_styles import (
    field_options,
    model_imports,
    msgspec_annotation,
    typeddict_annotation,
    wire_names_only,
)
from generator.render.python_view import PyField, PyModel

SPAN = Span("docs/widget.md", 1)


def py_field(
    name: str = "user_id",
    wire: str = "userId",
    required: bool = True,
    deprecated: str | None = None,
    annotation: str = "str",
) -> PyField:
    field = Field(
        name=wire,
        wire_name=wire,
        type=Primitive("string"),
        required=required,
        nullable=False,
        description="",
        source=SPAN,
        deprecated=Deprecation(deprecated) if deprecated is not None else None,
    )
    return PyField(
        name=name,
        wire_name=wire,
        annotation=annotation,
        required=required,
        description="",
        deprecated=deprecated,
        field=field,
    )


def py_model(*fields: PyField, kind: str = "object", **changes: object) -> PyModel:
    model = Model(
        key=ModelKey("components", "Widget"),
        kind=kind,  # type: ignore[arg-type]
        title="Widget",
        description="",
        source=SPAN,
        doc_path="docs/widget.md",
    )
    built = PyModel(
        model=model,
        class_name="Widget",
        module="widget",
        package=("components",),
        fields=fields,
        members=(),
        enum_base="Enum",
        alias="",
        imports=("from typing import Any",),
        local_imports=("from .. import _runtime", "from .shade import Shade"),
        late_imports=(),
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def test_dataclasses_imports_field_only_when_a_field_needs_options() -> None:
    plain = model_imports(py_model(py_field(wire="user_id")), "dataclasses")
    assert plain == (
        "from dataclasses import dataclass\nfrom typing import Any\n\n"
        "from .. import _runtime\nfrom .shade import Shade"
    )
    assert "import dataclass, field\n" in model_imports(py_model(py_field()), "dataclasses")


def test_an_enum_module_imports_no_library() -> None:
    enum = py_model(kind="enum")
    for style in ("dataclasses", "attrs", "pydantic", "typeddict"):
        assert "attrs" not in model_imports(enum, style)
        assert "dataclass" not in model_imports(enum, style)
    assert model_imports(enum, "msgspec") == "from typing import Any\n\nfrom .shade import Shade"


def test_msgspec_imports_annotated_for_a_deprecated_field_and_the_runtime_for_a_union() -> None:
    text = model_imports(py_model(py_field(deprecated="Gone.")), "msgspec")
    assert text.splitlines()[:2] == ["from typing import Annotated, Any", ""]
    # The runtime warns from the model's __post_init__.
    assert "import msgspec" in text and "from .. import _runtime" in text
    assert "_runtime" not in model_imports(py_model(py_field()), "msgspec")
    union = model_imports(py_model(kind="union"), "msgspec")
    assert "from typing import TYPE_CHECKING, Any, TypeAlias" in union  # isort: constants first
    assert union.endswith("from .. import _runtime\nfrom .shade import Shade")


def test_typeddict_imports_not_required_only_for_an_optional_key() -> None:
    assert "NotRequired" not in model_imports(py_model(py_field()), "typeddict")
    text = model_imports(py_model(py_field(required=False)), "typeddict")
    assert text.startswith("from typing import Any, NotRequired, TypedDict\n\n")
    assert "_runtime" not in text


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "dataclasses",
            ["default=None", 'metadata={"wire": "userId", "deprecated": "Gone."}'],
        ),
        (
            "attrs",
            [
                "default=None",
                'metadata={"wire": "userId", "deprecated": "Gone."}',
                "on_setattr=_runtime.warn_deprecated",
            ],
        ),
        ("pydantic", ["default=None", 'alias="userId"', 'deprecated="Gone."']),
        ("msgspec", ['name="userId"', "default=None"]),
    ],
)
def test_field_options_per_style(style: str, expected: list[str]) -> None:
    assert field_options(py_field(required=False, deprecated="Gone."), style) == expected


def test_pydantic_gives_a_deprecation_without_message_one() -> None:
    assert field_options(py_field(wire="user_id", deprecated=""), "pydantic") == [
        'deprecated="Deprecated."'
    ]


def test_msgspec_annotation_carries_the_deprecation() -> None:
    assert msgspec_annotation(py_field()) == "str"
    assert msgspec_annotation(py_field(deprecated='Use "x".')) == (
        "Annotated[str, msgspec.Meta(description='Deprecated: Use \"x\".', "
        'extra_json_schema={"deprecated": True})]'
    )


def test_typeddict_quotes_a_forward_reference_and_wraps_an_optional_key() -> None:
    own = py_field(annotation="list[Widget] | None")
    assert typeddict_annotation(own, py_model(own)) == '"list[Widget] | None"'
    other = py_field(annotation="Shade", required=False)
    assert typeddict_annotation(other, py_model(other)) == "NotRequired[Shade]"
    late = py_model(other, late_imports=("from .shade import Shade",))
    assert typeddict_annotation(other, late) == 'NotRequired["Shade"]'


def test_pydantic_reads_wire_names_only_when_a_name_is_another_wire_name() -> None:
    user_id = py_field()
    assert not wire_names_only(py_model(user_id))
    clash = py_field(name="user_id", wire="user_id")
    assert not wire_names_only(py_model(clash))
    shadow = py_field(name="user_id", wire="userId")
    other = py_field(name="name", wire="user_id")
    assert wire_names_only(py_model(shadow, other))
