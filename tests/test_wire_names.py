"""The wire-name policy without a spec: spelling, overrides, and reading only the configured names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.ir import Field, Model, ModelKey, Primitive, Span, Spec
from generator.wire_names import apply_policy, spell, words

SESSION_DOC = """# Session

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| `userId` | *string* | :heavy_check_mark: | N/A |
| `lastActiveAt` | *int* | :heavy_check_mark: | N/A |
| `utmSource` | *?string* | :heavy_minus_sign: | N/A |
"""


@pytest.mark.parametrize(
    ("name", "snake", "camel", "pascal"),
    [
        ("lastActiveAt", "last_active_at", "lastActiveAt", "LastActiveAt"),
        ("utmSource", "utm_source", "utmSource", "UtmSource"),
        ("last_active_at", "last_active_at", "lastActiveAt", "LastActiveAt"),
        ("userID", "user_id", "userId", "UserId"),
        ("web3Wallet", "web3_wallet", "web3Wallet", "Web3Wallet"),
        ("id", "id", "id", "Id"),
    ],
)
def test_spellings(name: str, snake: str, camel: str, pascal: str) -> None:
    assert spell(name, "snake_case") == snake
    assert spell(name, "camelCase") == camel
    assert spell(name, "PascalCase") == pascal
    assert spell(name, "as-written") == name


def test_words_split_acronyms() -> None:
    assert words("HTTPServer") == ["HTTP", "Server"]


def _spec(*names: str) -> Spec:
    fields = tuple(
        Field(n, n, Primitive("string"), True, None, "", Span("a.md", i + 1))
        for i, n in enumerate(names)
    )
    return Spec(
        (Model(ModelKey("", "Session"), "object", "Session", "", Span("a.md", 1), fields=fields),)
    )


def test_policy_and_override_set_wire_names_and_their_source() -> None:
    spec = apply_policy(
        _spec("userId", "lastActiveAt"), "snake_case", {"Session.lastActiveAt": "last_active"}
    )
    fields = spec.models[0].fields
    assert [f.wire_name for f in fields] == ["user_id", "last_active"]
    assert [f.name for f in fields] == ["userId", "lastActiveAt"]
    assert all(f.fact_source("wire_name") == "config" for f in fields)
    assert not spec.errors


def test_as_written_changes_nothing() -> None:
    spec = _spec("userId")
    assert apply_policy(spec, "as-written", {}) is spec


def test_unknown_override_and_clash_are_errors() -> None:
    spec = apply_policy(_spec("userId", "user_id"), "snake_case", {"Session.nope": "x"})
    assert sorted(d.code for d in spec.errors) == ["DM720", "DM721"]


def test_cli_reads_only_the_configured_names(run: object, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Session.md").write_text(SESSION_DOC, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docmodels]\nwire_names = "snake_case"\n\n'
        '[tool.docmodels.wire_name_overrides]\n"Session.utmSource" = "utm_src"\n',
        encoding="utf-8",
    )
    result = run("ir", str(docs), "--config", str(tmp_path / "pyproject.toml"))  # type: ignore[operator]
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["ir_version"] == 2
    fields = data["models"][0]["fields"]
    assert [f["wire_name"] for f in fields] == ["user_id", "last_active_at", "utm_src"]
    assert {f["facts"]["wire_name"] for f in fields} == {"config"}
    out = tmp_path / "out"
    result = run(  # type: ignore[operator]
        "gen",
        str(docs),
        "--config",
        str(tmp_path / "pyproject.toml"),
        "--out",
        str(out),
        "--package",
        "wired",
        "--outputs",
        "models",
        "--wire-names",
        "camelCase",
    )
    assert result.code == 0, result.err
    import importlib
    import sys

    sys.path.insert(0, str(out))
    try:
        session_cls = importlib.import_module("wired").Session
        wire = {"userId": "u", "lastActiveAt": 1, "utm_src": "x"}
        assert session_cls.from_dict(wire).to_dict() == wire
        with pytest.raises(ValueError, match="missing"):
            session_cls.from_dict({"user_id": "u", "last_active_at": 1})
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == "wired" or m.startswith("wired.")]:
            del sys.modules[name]


def test_bad_policy_is_a_config_error(run: object, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docmodels]\nwire_names = "kebab"\n', encoding="utf-8"
    )
    result = run("ir", "--config", str(tmp_path / "pyproject.toml"))  # type: ignore[operator]
    assert result.code == 2 and "DM300" in result.err and "wire_names" in result.err
