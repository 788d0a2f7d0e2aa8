"""Python names: snake_case attributes that are valid, keyword-safe and distinct."""

from __future__ import annotations

import keyword

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render import naming


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("userId", "user_id"),
        ("lastActiveOrganizationId", "last_active_organization_id"),
        ("HTTPStatus", "http_status"),
        ("DocURL", "doc_url"),
        ("utm_source", "utm_source"),
        ("ID", "id"),
        ("__pydantic_extra__", "pydantic_extra"),
        ("kebab-case-name", "kebab_case_name"),
    ],
)
def test_snake_case(name: str, expected: str) -> None:
    assert naming.snake_case(name) == expected


def test_attribute_names_are_safe_and_distinct() -> None:
    names = naming.attribute_names(
        ["from", "class", "match", "str", "userId", "user_id", "1st", "", "field"], {"str", "field"}
    )
    assert names == [
        "from_",
        "class_",
        "match",
        "str_",
        "user_id",
        "user_id_2",
        "field_1st",
        "field_",
        "field_2",
    ]


def test_enum_member_names() -> None:
    assert naming.enum_member_names(["active", "dns-01", "", "1", "A100-80GB", "active"]) == [
        "ACTIVE",
        "DNS_01",
        "EMPTY",
        "VALUE_1",
        "A100_80_GB",
        "ACTIVE_2",
    ]


@given(st.lists(st.text(max_size=12), max_size=8))
def test_any_names_become_distinct_identifiers(raw: list[str]) -> None:
    names = naming.attribute_names(raw, {"str"})
    assert len(names) == len(raw)
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert name.isidentifier() and not keyword.iskeyword(name)
        assert not name.startswith("_") and name != "str"
