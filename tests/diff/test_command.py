"""`docmodels diff` on the command line: sides, formats, exit codes, settings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff.report import DIFF_FORMAT_VERSION
from tests.diff.docs import Op, enum, link, model, page, write_tree

PYPROJECT = '[tool.docmodels]\ndocs = "docs/models"\ndialect = "python"\n'
USER = model(
    "User",
    [("id", "*str*", True, "The id."), ("role", link("Role"), True, "The role.")],
)
MODELS = {"User": USER, "Role": enum("Role", ["admin", "member"])}
PAGES = {
    "users": page(
        "users", [Op("get", params=[("user_id", "*str*", True, "Id.")], response="User", errors=[])]
    )
}


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with one commit of docs and operation pages; the working directory."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT)
    write_tree(root, MODELS, PAGES)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(
        root,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "-m",
        "docs",
    )
    monkeypatch.chdir(root)
    return root


def _drop_role_value(repo: Path) -> None:
    (repo / "docs/models/role.md").write_text(enum("Role", ["admin"]))


def _drop_field(repo: Path) -> None:
    (repo / "docs/models/user.md").write_text(
        model("User", [("role", link("Role"), True, "The role.")])
    )


def test_an_unchanged_tree_has_nothing_to_fix(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--against", "HEAD"]) == 0
    assert "nothing to fix" in capsys.readouterr().out


def test_a_breaking_change_exits_1_and_never_touches_the_working_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _drop_field(repo)
    before = _git(repo, "status", "--porcelain")
    text = (repo / "docs/models/user.md").read_text()
    assert main(["diff", "--against", "HEAD"]) == 1
    out = capsys.readouterr().out
    assert "breaking[field-removed] User.id (response; users.get)" in out
    assert "docs/models/user.md:" in out
    assert "need a major version" in out
    assert _git(repo, "status", "--porcelain") == before
    assert (repo / "docs/models/user.md").read_text() == text


def test_fail_on_sets_the_threshold(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _drop_role_value(repo)  # a value a response no longer sends: a warning on the wire
    assert main(["diff", "--against", "HEAD", "--surface", "wire"]) == 0
    assert main(["diff", "--against", "HEAD", "--surface", "wire", "--fail-on", "warning"]) == 1
    assert main(["diff", "--against", "HEAD"]) == 1  # code that names Role.MEMBER breaks
    _drop_field(repo)
    assert main(["diff", "--against", "HEAD", "--fail-on", "never"]) == 0


def test_json_shape(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _drop_field(repo)
    assert main(["diff", "--against", "HEAD", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["diff_version"] == DIFF_FORMAT_VERSION
    assert data["version_bump"] == "major"
    assert data["breaking_operations"] == ["users.get"]
    removed = [c for c in data["changes"] if c["rule"] == "field-removed"]
    assert removed == [
        {
            "rule": "field-removed",
            "severity": "breaking",
            "breaking": True,
            "surface": "wire",
            "model": "User",
            "field": "id",
            "direction": "response",
            "operations": ["users.get"],
            "old": "string",
            "new": None,
            "message": "the field is gone",
            "path": "docs/models/user.md",
            "line": 7,
            "column": removed[0]["column"],
        }
    ]
    assert data["summary"]["breaking"] == sum(1 for c in data["changes"] if c["breaking"])


def test_markdown_and_github_formats(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _drop_field(repo)
    main(["diff", "--against", "HEAD", "--format", "markdown"])
    markdown = capsys.readouterr().out
    assert markdown.startswith("## docmodels diff\n")
    assert "### Breaking (" in markdown
    assert "| `field-removed` | User.id | response | users.get |" in markdown
    main(["diff", "--against", "HEAD", "--format", "github"])
    github = capsys.readouterr().out
    assert "::error file=docs/models/user.md,line=7," in github
    assert "title=field-removed (breaking)::" in github


def test_a_bad_ref_is_unreadable_input(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--against", "no-such-branch"]) == 2
    assert "error[DM800]" in capsys.readouterr().err


def test_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(tmp_path, MODELS)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["diff", "--against", "HEAD"]) == 2
    assert "error[DM801]" in capsys.readouterr().err


def test_a_new_untracked_doc_is_seen(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "docs/models/team.md").write_text(model("Team", [("id", "*str*", True, "Id.")]))
    assert main(["diff", "--against", "HEAD", "-v"]) == 0
    assert "python.class" not in capsys.readouterr().out  # an added class breaks nothing


def test_two_folders_and_two_ir_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write_tree(repo / "old", MODELS)
    new = write_tree(repo / "new", {**MODELS, "Role": enum("Role", ["admin"])})
    assert main(["diff", str(old), str(new), "--fail-on", "warning", "--format", "json"]) == 1
    folders = json.loads(capsys.readouterr().out)["changes"]
    for side in ("old", "new"):
        main(["ir", str(repo / side / "docs/models")])
        (repo / f"{side}.json").write_text(capsys.readouterr().out)
    assert main(["diff", "old.json", "new.json", "--fail-on", "warning", "--format", "json"]) == 1
    files = json.loads(capsys.readouterr().out)["changes"]
    assert [(c["rule"], c["model"], c["old"]) for c in files] == [
        (c["rule"], c["model"], c["old"]) for c in folders
    ]
    assert ("enum-value-removed", "Role", "member") in [
        (c["rule"], c["model"], c["old"]) for c in files
    ]


def test_one_side_is_not_enough(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "docs/models"]) == 2
    assert "error[DM805]" in capsys.readouterr().err


def test_a_broken_ir_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "bad.json").write_text('{"models": [], "ir_version": 99}')
    assert main(["diff", "bad.json", "bad.json"]) == 2
    assert "error[DM803]" in capsys.readouterr().err


def test_severity_overrides(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _drop_role_value(repo)
    (repo / "pyproject.toml").write_text(
        PYPROJECT
        + '\n[tool.docmodels.diff.severity]\nenum-value-removed = { response = "breaking" }\n'
    )
    assert main(["diff", "--against", "HEAD", "--surface", "wire"]) == 1
    (repo / "pyproject.toml").write_text(PYPROJECT + '\n[tool.docmodels.diff]\nfail_on = "never"\n')
    _drop_field(repo)
    assert main(["diff", "--against", "HEAD"]) == 0
    (repo / "pyproject.toml").write_text(
        PYPROJECT + '\n[tool.docmodels.diff.severity]\nno-such-rule = "info"\n'
    )
    assert main(["diff", "--against", "HEAD"]) == 2
    assert "error[DM804]" in capsys.readouterr().err


def test_surface_filter(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _drop_field(repo)
    main(["diff", "--against", "HEAD", "--format", "json", "--surface", "python"])
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert changes and {c["surface"] for c in changes} == {"python"}
    assert "python.attribute-removed" in {c["rule"] for c in changes}


def test_errors_on_both_sides_are_the_docs_business(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = model("Team", [("lead", link("Nobody"), True, "Lead."), ("id", "*str*", True, "Id.")])
    (repo / "docs/models/team.md").write_text(broken)
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "team")
    (repo / "docs/models/team.md").write_text(
        broken.replace("| `id` | *str* |", "| `id` | *int* |")
    )
    assert main(["diff", "--against", "HEAD"]) == 1  # a broken link on both sides: still compared
    captured = capsys.readouterr()
    assert "breaking[type-changed] Team.id" in captured.out
    assert "DM200" not in captured.err
    # An error on the new side only (a doc that is not UTF-8; a doc's own problems are warnings).
    (repo / "docs/models/user.md").write_bytes(b"# User\xff\n")
    assert main(["diff", "--against", "HEAD"]) == 2
    assert "error[DM100]" in capsys.readouterr().err


PHP_USER = """# User

## Fields

| Field | Type | Required | Description |
| --- | --- | --- | --- |
| `id` | *string* | :heavy_check_mark: | The id. |
{extra}"""
PHP_PAGE = """# Users

## get

### Example Usage

```php
$response = $sdk->users->get(userId: 'usr_1');
```

### Parameters

| Parameter | Type | Required | Description |
| --- | --- | --- | --- |
| `$userId` | *string* | :heavy_check_mark: | The id. |

### Response

**[?Components\\User](../../Models/Components/User.md)**

### Errors

| Error Type | Status Code | Content Type |
| --- | --- | --- |
| Errors\\ClerkErrors | 400 | application/json |
"""


def test_php_operation_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sides = {}
    for side, extra in (
        ("old", "| `email` | *string* | :heavy_check_mark: | Email. |\n"),
        ("new", ""),
    ):
        models = tmp_path / side / "docs/Models/Components"
        models.mkdir(parents=True)
        (models / "User.md").write_text(PHP_USER.format(extra=extra))
        (tmp_path / side / "docs/sdks/users").mkdir(parents=True)
        # The new version takes the id as an integer.
        text = PHP_PAGE if side == "old" else PHP_PAGE.replace("| *string* |", "| *int* |")
        (tmp_path / side / "docs/sdks/users/README.md").write_text(text)
        sides[side] = str(tmp_path / side / "docs/Models")
    args = ["diff", sides["old"], sides["new"], "--dialect", "php", "--format", "json"]
    assert main([*args, "--surface", "wire"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["breaking_operations"] == ["users.get"]
    assert [(c["rule"], c["field"], c["direction"]) for c in data["changes"]] == [
        ("field-removed", "email", "response"),
        ("type-changed", "userId", "request"),
    ]
