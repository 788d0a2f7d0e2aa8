"""User templates: a folder given with --templates overrides single built-in templates, defines new
targets (the TypeScript example in examples/templates), and template errors name their file and line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

EXAMPLES = ROOT / "examples" / "templates"


def test_the_typescript_example_target_renders_every_model(project: Path, run) -> None:
    result = run("gen", "--templates", str(EXAMPLES), "--target", "typescript", "--out", "ts_out")
    assert result.code == 0, result.err
    machine = (project / "ts_out/ts/typescript/components/machine.ts").read_text()
    assert 'import type { GpuType } from "./gpu_type";' in machine
    assert "export interface Machine {" in machine
    assert "  legacyName?: string | null;" in machine
    assert "   * @deprecated Use `name` instead." in machine
    gpu = (project / "ts_out/ts/typescript/components/gpu_type.ts").read_text()
    assert 'export type GpuType = "T4" | "A10G" | "A100" | "H100";' in gpu
    index = (project / "ts_out/ts/index.ts").read_text()
    assert 'export type { Session } from "./php/components/session";' in index
    assert not list((project / "ts_out").rglob("*.py"))


def _tsc(cache: Path) -> Path | None:
    """A TypeScript compiler: on PATH, or installed once from the npm registry into the venv."""
    found = shutil.which("tsc")
    if found:
        return Path(found)
    local = cache / "node_modules" / ".bin" / "tsc"
    if not local.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(cache), "typescript@5"],
            capture_output=True,
            timeout=300,
        )
    return local if local.exists() else None


@pytest.mark.slow
def test_the_typescript_example_output_type_checks(project: Path, run) -> None:
    tsc = _tsc(ROOT / ".venv" / "typescript")
    if tsc is None:
        pytest.skip("no TypeScript compiler: neither tsc on PATH nor npm to install it")
    assert (
        run("gen", "--templates", str(EXAMPLES), "--target", "typescript", "--out", "o").code == 0
    )
    files = sorted(str(p) for p in (project / "o/ts").rglob("*.ts"))
    done = subprocess.run(
        [str(tsc), "--strict", "--noEmit", "--target", "es2022", "--module", "es2022", *files],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_doc_text_cannot_close_a_comment_or_a_string(project: Path, run) -> None:
    doc = project / "specs/typescript/models/components/evil.md"
    doc.write_text(
        "# Evil\n\nCloses */ the comment. export const x = 1; /*\n\n## Fields\n\n"
        "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        "| `userId` | *string* | :heavy_check_mark: | */ alert(1) /* |\n",
        encoding="utf-8",
    )
    (project / "specs/php/Models/Components/Quote.md").write_text(
        '# Quote\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `Q` | say "hi" */ now |\n',
        encoding="utf-8",
    )
    assert (
        run("gen", "--templates", str(EXAMPLES), "--target", "typescript", "--out", "o").code == 0
    )
    text = (project / "o/ts/typescript/components/evil.ts").read_text()
    assert "*/ the comment" not in text and "*\\/ the comment" in text
    assert "*/ alert" not in text
    quote = (project / "o/ts/php/components/quote.ts").read_text()
    assert 'export type Quote = "say \\"hi\\" */ now";' in quote


def test_a_user_folder_overrides_one_template_of_a_built_in_target(project: Path, run) -> None:
    user = project / "my_templates/dataclasses"
    user.mkdir(parents=True)
    (user / "py.typed.j2").write_text("# typed by {{ package }}\n", encoding="utf-8")
    assert run("gen", "--templates", "my_templates", "--out", "o").code == 0
    assert (project / "o/example_models/py.typed").read_text() == "# typed by example_models\n"
    builtin = run("gen", "--out", "builtin")
    assert builtin.code == 0
    for path in (project / "builtin").rglob("*.py"):
        assert (
            path.read_text() == (project / "o" / path.relative_to(project / "builtin")).read_text()
        )


def test_a_user_target_can_extend_a_built_in_one(project: Path, run) -> None:
    user = project / "my_templates/audited"
    user.mkdir(parents=True)
    (user / "manifest.toml").write_text(
        'extends = "dataclasses"\n\n[[outputs]]\ngroup = "docs"\neach = "package"\n'
        'template = "models.txt.j2"\npath = "docs/models.txt"\n',
        encoding="utf-8",
    )
    (user / "models.txt.j2").write_text(
        "{% for m in models %}{{ m.class_name }}\n{% endfor %}", encoding="utf-8"
    )
    result = run("gen", "--templates", "my_templates", "--target", "audited", "--out", "o")
    assert result.code == 0, result.err
    listed = (project / "o/docs/models.txt").read_text().split()
    assert "Machine" in listed and "Session" in listed
    assert (project / "o/example_models/_runtime.py").is_file()


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("line one\n{{ nope.attribute }}\n", "model.txt.j2:2:1: error[DM301]: UndefinedError"),
        ("ok\n\n{% for x in %}\n", "model.txt.j2:3:1: error[DM301]: Expected an expression"),
        ('{% include "part.j2" %}\n', "part.j2:2:1: error[DM301]: ZeroDivisionError"),
        ('{% include "bad.j2" %}\n', "bad.j2:1:1: error[DM301]: "),
        ('ok\n{% include "gone.j2" %}\n', "model.txt.j2:2:1: error[DM301]: template `gone.j2`"),
    ],
)
def test_a_template_error_names_the_file_and_line(
    project: Path, run, template: str, expected: str
) -> None:
    user = project / "my_templates/broken"
    user.mkdir(parents=True)
    (user / "manifest.toml").write_text(
        '[[outputs]]\neach = "model"\ntemplate = "model.txt.j2"\npath = "{module_path}.txt"\n',
        encoding="utf-8",
    )
    (user / "model.txt.j2").write_text(template, encoding="utf-8")
    (user / "part.j2").write_text("fine\n{{ 1 // 0 }}\n", encoding="utf-8")
    (user / "bad.j2").write_text("{% if %}\n", encoding="utf-8")
    result = run("gen", "--templates", "my_templates", "--target", "broken", "--out", "o")
    assert result.code == 2
    # The diagnostic points at the template's line, not at the configuration file.
    assert result.err.startswith("my_templates/broken/" + expected), result.err
    assert "pyproject.toml" not in result.err
    assert not (project / "o").exists()


def test_an_unknown_target_lists_the_built_in_and_user_ones(project: Path, run) -> None:
    result = run("gen", "--templates", str(EXAMPLES), "--target", "nope", "--out", "o")
    assert result.code == 2
    assert "unknown target `nope`" in result.err
    assert "dataclasses" in result.err and "typescript" in result.err and "jsonschema" in result.err
    assert "python," not in result.err  # the abstract base is not a target


NOT_BLACK = "{{ header }}\nX={'a':1}\n"


@pytest.mark.parametrize("vouched", [False, True])
def test_a_user_template_whose_lines_fit_is_formatted_unless_its_target_vouches_for_it(
    project: Path, run, vouched: bool
) -> None:
    """The layout pass lays out long lines only: a user's file goes to black even when its lines fit,
    unless the target's manifest says `black_style = true` (its author vouches for black's style)."""
    user = project / "my_templates/loose"
    user.mkdir(parents=True)
    (user / "manifest.toml").write_text(
        'extends = "dataclasses"\n'
        + ("black_style = true\n" if vouched else "")
        + '\n[[outputs]]\ngroup = "models"\neach = "package"\ntemplate = "extra.py.j2"\n'
        'path = "{package}/extra.py"\nformat = "black"\n',
        encoding="utf-8",
    )
    (user / "extra.py.j2").write_text(NOT_BLACK, encoding="utf-8")
    result = run("gen", "--templates", "my_templates", "--target", "loose", "--out", "o")
    assert result.code == 0, result.err
    extra = (project / "o/example_models/extra.py").read_text()
    assert extra.endswith("X={'a':1}\n" if vouched else 'X = {"a": 1}\n')
    assert run("check", "--templates", "my_templates", "--target", "loose", "--out", "o").code == 0


def test_which_templates_are_a_users_is_found_through_extends_and_includes(project: Path) -> None:
    from generator.render.targets import Target, load_target
    from generator.render.template_inputs import template_reads

    def user_written(target: Target, template: str) -> bool:
        return template_reads(target, template).user_written

    user = project / "my_templates/dataclasses"
    user.mkdir(parents=True)
    (user / "_enum_extra.py.j2").write_text("# mine\n", encoding="utf-8")
    builtin = load_target("dataclasses")
    assert not any(user_written(builtin, rule.template) for rule in builtin.outputs)
    shadowed = load_target("dataclasses", project / "my_templates")
    assert not user_written(shadowed, "model.py.j2")
    # A user's copy of a template the built-in model template includes makes the model file a user's.
    (user / "_enum.py.j2").write_text(
        '{% extends "builtin:python/_enum.py.j2" %}\n', encoding="utf-8"
    )
    assert user_written(load_target("dataclasses", project / "my_templates"), "model.py.j2")
