"""Python names: snake_case attributes that are valid, keyword-safe and distinct."""

from __future__ import annotations

import keyword
import re

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


def test_module_names_collide_case_insensitively_and_get_a_numbered_suffix() -> None:
    # macOS and Windows file systems hold `User.py` and `user.py` as one file.
    titles = ["User", "user", "USER", "User_2"]
    modules = naming.unique(naming.module_name(t) for t in titles)
    assert modules == ["user", "user_2", "user_3", "user_2_2"]
    assert len({m.lower() for m in modules}) == len(titles)


def test_a_taken_name_is_never_given_to_a_module() -> None:
    assert naming.unique(["shared", "shared_2", "other"], taken=["Shared"]) == [
        "shared_2",
        "shared_2_2",
        "other",
    ]


def test_a_long_title_keeps_its_readable_name_up_to_the_limit() -> None:
    words = "_".join(["word"] * 20)  # 99 characters: longer than the old limit, 64
    title = "".join(w.title() for w in words.split("_"))
    assert naming.module_name(title) == words
    assert len(words + "_x") == naming.MAX_MODULE_NAME + 1
    cut = naming.module_name(title + "X")
    assert cut != words + "_x" and len(cut) <= naming.MAX_MODULE_NAME
    assert cut.startswith(words[:80])


def test_only_a_name_beyond_the_limit_is_cut_and_hashed_stably_and_distinctly() -> None:
    base = "Segment" * 15  # 119 characters in snake_case, the longest corpus title's length
    cut = [naming.module_name(base + suffix) for suffix in ("A", "B", "")]
    assert len(set(cut)) == 3
    assert all(len(name.encode()) <= naming.MAX_MODULE_NAME for name in cut)
    assert all(re.fullmatch(r"segment_[a-z_]+_[0-9a-f]{8}", name) for name in cut), cut
    assert cut == [naming.module_name(base + suffix) for suffix in ("A", "B", "")]
    # The longest file a module becomes still fits a file system's 255 bytes with room for folders.
    assert len(f"{cut[0]}.schema.json".encode()) <= 112
