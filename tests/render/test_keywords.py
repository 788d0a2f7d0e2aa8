"""Keyword escapes are docmodels' own data, so the same docs give the same names on every Python."""

from __future__ import annotations

import keyword

import pytest

from generator.render import naming


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
