"""Each rule of `docmodels diff` on a before/after pair of docs of its own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.diff.change import Change
from generator.diff.rules import RULES
from tests.diff.conftest import Differ
from tests.diff.docs import Op, enum, link, model, page, union

USER = model(
    "User", [("id", "*str*", True, "The id."), ("name", "*Optional[str]*", False, "The name.")]
)
ERRORS = {"ClerkErrors": model("ClerkErrors", [("message", "*str*", True, "What failed.")])}


def _request(rows: list[tuple[object, ...]], **kw: object) -> dict[str, str]:
    return {"CreateUserRequest": model("CreateUserRequest", rows, **kw)}  # type: ignore[arg-type]


def _response(rows: list[tuple[object, ...]], **kw: object) -> dict[str, str]:
    return {"UserResponse": model("UserResponse", rows, **kw)}  # type: ignore[arg-type]


@dataclass
class Case:
    rule: str
    old: dict[str, str]
    new: dict[str, str]
    model: str
    field: str | None
    direction: str
    severity: str
    old_pages: dict[str, str] | None = None
    new_pages: dict[str, str] | None = None
    python: bool = False
    #: Rules that must not be reported (a rename is not a removal plus an addition).
    absent: tuple[str, ...] = ()


def _users(*ops: Op) -> dict[str, str]:
    return {"users": page("users", list(ops))}


_GET = Op("get", params=[("user_id", "*str*", True, "The id.")], response="User")
_LIST = Op("list", params=[], response="User")
_MODELS = {"User": USER, **ERRORS}
NOT_FOUND = {"NotFound": model("NotFound", [("status", "*int*", True, "The status.")])}

CASES = [
    # Operations.
    Case(
        "operation-removed",
        _MODELS,
        _MODELS,
        "users.get()",
        None,
        "both",
        "breaking",
        _users(_LIST, _GET),
        _users(_LIST),
    ),
    Case(
        "deprecated-operation-removed",
        _MODELS,
        _MODELS,
        "users.get()",
        None,
        "both",
        "warning",
        _users(_LIST, Op("get", response="User", deprecated=True)),
        _users(_LIST),
    ),
    Case(
        "operation-added",
        _MODELS,
        _MODELS,
        "users.get()",
        None,
        "both",
        "info",
        _users(_LIST),
        _users(_LIST, _GET),
    ),
    Case(
        "operation-deprecated",
        _MODELS,
        _MODELS,
        "users.get()",
        None,
        "both",
        "info",
        _users(_GET),
        _users(Op("get", params=_GET.params, response="User", deprecated=True)),
    ),
    Case(
        "request-style-changed",
        _MODELS,
        {
            **_MODELS,
            "GetUserRequest": model("GetUserRequest", [("user_id", "*str*", True, "The id.")]),
        },
        "users.get()",
        None,
        "request",
        "breaking",
        _users(_GET),
        _users(Op("get", request="GetUserRequest", response="User")),
    ),
    Case(
        "required-field-added",
        {
            **_MODELS,
            "CreateUserRequest": model("CreateUserRequest", [("email", "*str*", True, "Email.")]),
        },
        {
            **_MODELS,
            "CreateUserRequest": model("CreateUserRequest", [("email", "*str*", True, "Email.")]),
        },
        "users.create()",
        "email",
        "request",
        "breaking",
        _users(Op("create", response="User")),
        _users(Op("create", request="CreateUserRequest", response="User")),
    ),
    Case(
        "error-added",
        _MODELS,
        {**_MODELS, **NOT_FOUND},
        "users.get()",
        None,
        "response",
        "warning",
        _users(_GET),
        _users(Op("get", params=_GET.params, response="User", errors=["ClerkErrors", "NotFound"])),
    ),
    Case(
        "error-removed",
        {**_MODELS, **NOT_FOUND},
        _MODELS,
        "users.get()",
        None,
        "response",
        "info",
        _users(Op("get", params=_GET.params, response="User", errors=["ClerkErrors", "NotFound"])),
        _users(_GET),
    ),
    # Models (no operation pages: paired by name, direction from the name).
    Case("model-removed", {"User": USER}, {}, "User", None, "both", "breaking"),
    Case(
        "deprecated-model-removed",
        {"User": model("User", [("id", "*str*", True, "The id.")], deprecated=True)},
        {},
        "User",
        None,
        "both",
        "warning",
    ),
    Case("model-added", {}, {"User": USER}, "User", None, "both", "info"),
    Case(
        "field-removed",
        {"User": USER},
        {"User": model("User", [("id", "*str*", True, "The id.")])},
        "User",
        "name",
        "both",
        "breaking",
    ),
    Case(
        "deprecated-field-removed",
        {
            "User": model(
                "User",
                [
                    ("id", "*str*", True, "The id."),
                    (
                        "nick",
                        "*Optional[str]*",
                        False,
                        ":warning: ** DEPRECATED **: Use name.<br/><br/>A nickname.",
                    ),
                ],
            )
        },
        {"User": model("User", [("id", "*str*", True, "The id.")])},
        "User",
        "nick",
        "both",
        "warning",
    ),
    Case(
        "field-renamed",
        {"User": USER},
        {
            "User": model(
                "User",
                [
                    ("id", "*str*", True, "The id."),
                    ("full_name", "*Optional[str]*", False, "The name."),
                ],
            )
        },
        "User",
        "full_name",
        "both",
        "breaking",
        absent=("field-removed", "optional-field-added"),
    ),
    Case(
        "required-field-added",
        _request([("id", "*str*", True, "The id.")]),
        _request([("id", "*str*", True, "The id."), ("email", "*str*", True, "The email.")]),
        "CreateUserRequest",
        "email",
        "request",
        "breaking",
    ),
    Case(
        "required-field-added",
        _response([("id", "*str*", True, "The id.")]),
        _response([("id", "*str*", True, "The id."), ("email", "*str*", True, "The email.")]),
        "UserResponse",
        "email",
        "response",
        "info",
    ),
    Case(
        "optional-field-added",
        _request([("id", "*str*", True, "The id.")]),
        _request(
            [("id", "*str*", True, "The id."), ("email", "*Optional[str]*", False, "The email.")]
        ),
        "CreateUserRequest",
        "email",
        "request",
        "info",
    ),
    Case(
        "type-changed",
        {"User": USER},
        {
            "User": model(
                "User",
                [
                    ("id", "*bool*", True, "The id."),
                    ("name", "*Optional[str]*", False, "The name."),
                ],
            )
        },
        "User",
        "id",
        "both",
        "breaking",
    ),
    Case(
        "type-narrowed",
        _request([("age", "*float*", True, "Age.")]),
        _request([("age", "*int*", True, "Age.")]),
        "CreateUserRequest",
        "age",
        "request",
        "breaking",
    ),
    Case(
        "type-narrowed",
        _response([("age", "*float*", True, "Age.")]),
        _response([("age", "*int*", True, "Age.")]),
        "UserResponse",
        "age",
        "response",
        "info",
    ),
    Case(
        "type-narrowed",
        _response([("kind", "*str*", True, "Kind.")]),
        _response([("kind", '*Literal["user"]*', True, "Kind.")]),
        "UserResponse",
        "kind",
        "response",
        "info",
    ),
    Case(
        "type-widened",
        _response([("age", "*int*", True, "Age.")]),
        _response([("age", "*float*", True, "Age.")]),
        "UserResponse",
        "age",
        "response",
        "breaking",
    ),
    Case(
        "became-required",
        _request([("id", "*str*", True, "The id."), ("email", "*Optional[str]*", False, "Email.")]),
        _request([("id", "*str*", True, "The id."), ("email", "*str*", True, "Email.")]),
        "CreateUserRequest",
        "email",
        "request",
        "breaking",
    ),
    Case(
        "became-optional",
        _response([("email", "*str*", True, "Email.")]),
        _response([("email", "*Optional[str]*", False, "Email.")]),
        "UserResponse",
        "email",
        "response",
        "breaking",
    ),
    Case(
        "became-optional",
        _request([("email", "*str*", True, "Email.")]),
        _request([("email", "*Optional[str]*", False, "Email.")]),
        "CreateUserRequest",
        "email",
        "request",
        "info",
    ),
    Case(
        "became-nullable",
        _response([("email", "*str*", True, "Email.")]),
        _response([("email", "*Nullable[str]*", True, "Email.")]),
        "UserResponse",
        "email",
        "response",
        "breaking",
    ),
    Case(
        "became-non-nullable",
        _request([("email", "*Nullable[str]*", True, "Email.")]),
        _request([("email", "*str*", True, "Email.")]),
        "CreateUserRequest",
        "email",
        "request",
        "breaking",
    ),
    Case(
        "enum-value-removed",
        {
            **_request([("role", link("Role"), True, "Role.")]),
            "Role": enum("Role", ["admin", "member"]),
        },
        {**_request([("role", link("Role"), True, "Role.")]), "Role": enum("Role", ["admin"])},
        "Role",
        None,
        "request",
        "breaking",
    ),
    Case(
        "enum-value-removed",
        {
            **_response([("role", link("Role"), True, "Role.")]),
            "Role": enum("Role", ["admin", "member"]),
        },
        {**_response([("role", link("Role"), True, "Role.")]), "Role": enum("Role", ["admin"])},
        "Role",
        None,
        "response",
        "warning",
    ),
    Case(
        "enum-value-added",
        {**_response([("role", link("Role"), True, "Role.")]), "Role": enum("Role", ["admin"])},
        {
            **_response([("role", link("Role"), True, "Role.")]),
            "Role": enum("Role", ["admin", "guest"]),
        },
        "Role",
        None,
        "response",
        "warning",
    ),
    Case(
        "union-member-removed",
        {
            **_request([("who", link("Who"), True, "Who.")]),
            "Who": union("Who", ["Person", "Bot"]),
            "Person": model("Person", [("name", "*str*", True, "N.")]),
            "Bot": model("Bot", [("token", "*str*", True, "T.")]),
        },
        {
            **_request([("who", link("Who"), True, "Who.")]),
            "Who": union("Who", ["Person"]),
            "Person": model("Person", [("name", "*str*", True, "N.")]),
        },
        "Who",
        None,
        "request",
        "breaking",
    ),
    Case(
        "union-member-added",
        {
            **_response([("who", link("Who"), True, "Who.")]),
            "Who": union("Who", ["Person"]),
            "Person": model("Person", [("name", "*str*", True, "N.")]),
        },
        {
            **_response([("who", link("Who"), True, "Who.")]),
            "Who": union("Who", ["Person", "Bot"]),
            "Person": model("Person", [("name", "*str*", True, "N.")]),
            "Bot": model("Bot", [("token", "*str*", True, "T.")]),
        },
        "Who",
        None,
        "response",
        "warning",
    ),
    Case(
        "const-changed",
        _request([("kind", '*Literal["user"]*', True, "Kind.")]),
        _request([("kind", '*Literal["person"]*', True, "Kind.")]),
        "CreateUserRequest",
        "kind",
        "request",
        "breaking",
    ),
    Case(
        "default-changed",
        _request([("limit", "*Optional[int]*", False, "Limit.", "10")]),
        _request([("limit", "*Optional[int]*", False, "Limit.", "20")]),
        "CreateUserRequest",
        "limit",
        "request",
        "warning",
    ),
    Case(
        "model-kind-changed",
        {
            **_response([("who", link("Who"), True, "Who.")]),
            "Who": model("Who", [("name", "*str*", True, "N.")]),
        },
        {
            **_response([("who", link("Who"), True, "Who.")]),
            "Who": union("Who", ["Person"]),
            "Person": model("Person", [("x", "*str*", True, "X.")]),
        },
        "Who",
        None,
        "response",
        "breaking",
    ),
    Case(
        "description-changed",
        {"User": USER},
        {
            "User": model(
                "User",
                [
                    ("id", "*str*", True, "The user's id."),
                    ("name", "*Optional[str]*", False, "The name."),
                ],
            )
        },
        "User",
        "id",
        "both",
        "info",
    ),
    Case(
        "example-changed",
        {
            "User": USER.replace("| Description |", "| Description | Example |")
            .replace("| --- |\n", "| --- | --- |\n", 1)
            .replace("The id. |", "The id. | usr_1 |")
            .replace("The name. |", "The name. | Ann |")
        },
        {
            "User": USER.replace("| Description |", "| Description | Example |")
            .replace("| --- |\n", "| --- | --- |\n", 1)
            .replace("The id. |", "The id. | usr_2 |")
            .replace("The name. |", "The name. | Ann |")
        },
        "User",
        "id",
        "both",
        "info",
    ),
    Case(
        "deprecated",
        {"User": USER},
        {
            "User": model(
                "User",
                [
                    ("id", "*str*", True, "The id."),
                    (
                        "name",
                        "*Optional[str]*",
                        False,
                        ":warning: ** DEPRECATED **: Use full_name.<br/><br/>The name.",
                    ),
                ],
            )
        },
        "User",
        "name",
        "both",
        "info",
    ),
    Case(
        "undeprecated",
        {"User": model("User", [("id", "*str*", True, "The id.")], deprecated=True)},
        {"User": model("User", [("id", "*str*", True, "The id.")])},
        "User",
        None,
        "both",
        "info",
    ),
    # The generated Python package.
    Case("python.class-removed", {"User": USER}, {}, "User", None, "both", "breaking", python=True),
    Case(
        "python.deprecated-class-removed",
        {"User": model("User", [("id", "*str*", True, "The id.")], deprecated=True)},
        {},
        "User",
        None,
        "both",
        "warning",
        python=True,
    ),
    Case(
        "python.class-renamed",
        {"User": USER},
        {"Member": USER.replace("# User", "# Member")},
        "User",
        None,
        "both",
        "breaking",
        python=True,
        absent=("python.class-removed",),
    ),
    Case(
        "python.import-moved",
        {"User": USER},
        {"admin/User": USER},
        "User",
        None,
        "both",
        "breaking",
        python=True,
        absent=("model-removed", "model-added", "python.class-removed"),
    ),
    Case(
        "python.attribute-renamed",
        {"User": USER},
        {
            "User": model(
                "User",
                [
                    ("id", "*str*", True, "The id."),
                    ("full_name", "*Optional[str]*", False, "The name."),
                ],
            )
        },
        "User",
        "full_name",
        "both",
        "breaking",
        python=True,
        absent=("python.attribute-removed",),
    ),
    Case(
        "python.attribute-removed",
        {"User": USER},
        {"User": model("User", [("id", "*str*", True, "The id.")])},
        "User",
        "name",
        "both",
        "breaking",
        python=True,
    ),
    Case(
        "python.annotation-changed",
        {"User": model("User", [("age", "*int*", True, "Age.")])},
        {"User": model("User", [("age", "*float*", True, "Age.")])},
        "User",
        "age",
        "both",
        "breaking",
        python=True,
    ),
    Case(
        "python.required-argument-added",
        _response([("id", "*str*", True, "The id.")]),
        _response([("id", "*str*", True, "The id."), ("email", "*str*", True, "Email.")]),
        "UserResponse",
        "email",
        "both",
        "breaking",
        python=True,
    ),
    Case(
        "python.enum-member-removed",
        {"Role": enum("Role", ["admin", "member"])},
        {"Role": enum("Role", ["admin"])},
        "Role",
        "MEMBER",
        "both",
        "breaking",
        python=True,
    ),
]


def _find(changes: list[Change], case: Case) -> list[Change]:
    return [
        c
        for c in changes
        if c.rule == case.rule and c.model == case.model and c.field == case.field
    ]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{c.model}-{c.direction}" for c in CASES])
def test_rule(case: Case, diff: Differ) -> None:
    changes = diff(case.old, case.new, case.old_pages, case.new_pages, python=case.python)
    found = _find(changes, case)
    assert len(found) == 1, [(c.rule, c.model, c.field) for c in changes]
    assert (found[0].direction, found[0].severity) == (case.direction, case.severity)
    assert found[0].breaking == (case.severity == "breaking")
    for rule in case.absent:
        assert not [c for c in changes if c.rule == rule], rule


def test_every_rule_has_a_case() -> None:
    assert sorted(set(RULES) - {c.rule for c in CASES}) == []


def test_an_unchanged_tree_has_no_changes(diff: Differ) -> None:
    models = {"User": USER, **ERRORS}
    assert diff(models, models, _users(_GET), _users(_GET), python=True) == []
