"""Keyword escapes are docmodels' own data, so the same docs give the same names on every Python."""

from __future__ import annotations

import keyword

import pytest

from generator.ir import Field, Model, ModelKey, Primitive, Span, Spec
from generator.render import naming
from generator.wire_names import apply_policy, is_sdk_name


def test_hard_keywords_are_the_running_pythons() -> None:
    assert frozenset(keyword.kwlist) == naming.HARD_KEYWORDS


@pytest.mark.parametrize("soft", ["type", "match", "case"])
def test_soft_keywords_are_names_as_they_are(soft: str) -> None:
    assert naming.attribute_names([soft], ()) == [soft]
    assert naming.module_name(soft) == soft
    assert naming.class_name(soft.title()) == soft.title()


def test_the_underscore_soft_keyword_is_no_name_on_its_own() -> None:
    assert naming.attribute_names(["_"], ()) == ["field"]


@pytest.mark.parametrize("hard", sorted(naming.HARD_KEYWORDS))
def test_hard_keywords_are_escaped(hard: str) -> None:
    assert naming.safe_identifier(hard) == f"{hard}_"


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("type", True),
        ("user_id", True),
        ("class", False),
        ("größe", False),  # an identifier, but not ASCII: the Unicode tables differ by Python
        (
            "ﬁeld",
            False,
        ),  # Python folds it to `field` (NFKC): as an attribute it would lose its name
        ("1st", False),
        ("my-field", False),
    ],
)
def test_plain_identifiers(name: str, plain: bool) -> None:
    assert naming.is_plain_identifier(name) is plain


def test_a_non_ascii_field_name_is_its_wire_name_under_any_policy() -> None:
    """`str.isidentifier` follows the interpreter's Unicode tables: only ASCII names are SDK spellings."""
    fields = tuple(
        Field(n, n, Primitive("string"), True, None, "", Span("a.md", i + 1))
        for i, n in enumerate(["größe", "lastActiveAt", "\U000311b0x"])
    )
    model = Model(ModelKey("", "Box"), "object", "Box", "", Span("a.md", 1), fields=fields)
    spec = apply_policy(Spec((model,)), "snake_case", {})
    assert [f.wire_name for f in spec.models[0].fields] == [
        "größe",
        "last_active_at",
        "\U000311b0x",
    ]
    assert is_sdk_name("lastActiveAt") and not is_sdk_name("größe")
