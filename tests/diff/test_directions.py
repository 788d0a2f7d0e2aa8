"""Where a model's direction comes from: operation pages, then the OpenAPI document, then its name."""

from __future__ import annotations

import json
from pathlib import Path

from generator.config import load_config
from generator.diff.compare import by_name, compare
from generator.diff.sources import load_folders
from tests.diff.docs import model, write_tree

OLD = {
    "User": model("User", [("id", "*str*", True, "The id.")]),
    "Account": model("Account", [("id", "*str*", True, "The id.")]),
}
NEW = {
    "User": model("User", [("id", "*str*", True, "The id."), ("email", "*str*", True, "Email.")]),
    "Account": model(
        "Account", [("id", "*str*", True, "The id."), ("plan", "*str*", True, "Plan.")]
    ),
}
OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/users": {
            "post": {
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/User"}}
                    }
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Account"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "User": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "email": {"type": "string"}},
                "required": ["id"],
            },
            "Account": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "plan": {"type": "string"}},
                "required": ["id"],
            },
        }
    },
}


def test_the_openapi_document_gives_directions(tmp_path: Path) -> None:
    old_root = write_tree(tmp_path / "old", OLD)
    new_root = write_tree(tmp_path / "new", NEW)
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(OPENAPI))
    config = load_config({"docs": [str(new_root)], "dialect": "python"}, cwd=tmp_path)
    found = {
        (c.model, c.rule): (c.direction, c.severity)
        for c in compare(
            load_folders([old_root], config, spec).side,
            load_folders([new_root], config, spec).side,
        )
    }
    assert found[("User", "required-field-added")] == ("request", "breaking")
    assert found[("Account", "required-field-added")] == ("response", "info")
    without = {
        (c.model, c.rule): (c.direction, c.severity)
        for c in compare(
            load_folders([old_root], config, None).side,
            load_folders([new_root], config, None).side,
        )
    }
    assert without[("Account", "required-field-added")] == ("both", "breaking")


def test_directions_from_names() -> None:
    assert [by_name(n) for n in ("CreateUserRequestBody", "GetUserResponse", "User")] == [
        "request",
        "response",
        "both",
    ]
