"""`docmodels new` and `docmodels lint`, and a user adding a model: new, edit, fmt --check, gen, check."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docmodels]\ndocs = ["docs"]\nout = "gen"\npackage = "shop"\n', encoding="utf-8"
    )
    return tmp_path


def test_a_user_adds_a_model(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Item", "--field", "sku:string:required", "--field", "qty:int"]) == 0
    assert (
        main(
            [
                "new",
                "Order",
                "--field",
                "id:string:yes",
                "--field",
                "items:list[Item]:required",
                "--description",
                "An order.",
            ]
        )
        == 0
    )
    assert main(["fmt", "--check"]) == 0
    order = project / "docs" / "order.md"
    # The user adds a row by hand, unpadded, with a nullable type and a default.
    order.write_text(order.read_text("utf-8") + "|note|str \\| None|no|a note|\n", encoding="utf-8")
    assert main(["fmt", "--check"]) == 1
    assert main(["fmt"]) == 0
    assert main(["fmt", "--check"]) == 0
    assert main(["gen"]) == 0
    assert main(["check"]) == 0
    module = next((project / "gen" / "shop").rglob("order.py")).read_text("utf-8")
    assert "note" in module and "items" in module
    capsys.readouterr()
    assert main(["new", "Order"]) == 2
    assert "DM611" in capsys.readouterr().err


def test_new_reports_every_bad_argument_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["new", "not a name", "--field", "x", "--field", "y:wat<", "--field", "1z:int"]) == 2
    )
    err = capsys.readouterr().err
    assert err.count("DM612") == 4
    assert not (project / "docs").exists()


LINTED = {
    "a.md": "# A\n\nSee [the guide](missing.md).\n\n## Fields\n\n| Field | Type | Required | Description |\n"
    "| --- | --- | --- | --- |\n| class | string | yes | a keyword |\n| b | string | no | |\n"
    "| ~~c~~ | string | no | old |\n",
    "unused.md": "# Unused\n\n## Enum\n\n- x\n",
    "bare.md": "# Bare\n",
    "notes.md": "# Notes\n\n## Feilds\n\ntypo\n",
}


def test_lint_finds_each_kind_of_problem(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs").mkdir()
    for name, text in LINTED.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    assert main(["lint"]) == 0
    out = capsys.readouterr().out
    for code, where in [
        ("DM600", "docs/a.md:3:"),
        ("DM601", "docs/unused.md:1:"),
        ("DM602", "docs/a.md:10:"),
        ("DM603", "docs/a.md:11:"),
        ("DM604", "docs/a.md:9:"),
        ("DM605", "docs/bare.md:1:"),
        ("DM605", "docs/notes.md:1:"),
    ]:
        assert any(line.startswith(where) and f"[{code}]" in line for line in out.splitlines()), (
            code,
            out,
        )
    assert main(["lint", "--strict"]) == 1


def test_lint_is_clean_on_a_documented_doc_and_fails_on_errors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs").mkdir()
    doc = project / "docs" / "a.md"
    doc.write_text(
        "# A\n\n## Fields\n\n|Field|Type|Required|Description|\n|-|-|-|-|\n|x|int|yes|X|\n"
    )
    assert main(["lint", "--strict"]) == 0
    doc.write_text(
        "# A\n\n## Fields\n\n|Field|Type|Required|Description|\n|-|-|-|-|\n|x|Nope|yes|X|\n|y|int|no|Y|\n"
    )
    assert main(["lint"]) == 0
    assert "warning[DM201]" in capsys.readouterr().out
    assert main(["lint", "--strict"]) == 1
    doc.write_text("# A\n\n## Fields\n\n|Field|Type|Required|\n|-|-|-|\n|x|int|yes|\n")
    doc.with_name("b.md").write_bytes(b"# B\xff\n")
    assert main(["lint"]) == 2
    assert "error[DM100]" in capsys.readouterr().out
