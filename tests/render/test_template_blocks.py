"""A user's model template, an extension of a built-in one by one block or a copy with one line changed,
is laid out by the same pass as the built-in one: black runs on no file of it, and its output is the
built-in output but for that line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.targets import templates_root

MODEL_PATH = "{package}/{module_path}.py"


def _user_target(project: Path, style: str, template: str) -> None:
    """`my_templates/mine`: the built-in `style` with its model template replaced by `template`, its
    author vouching for black's style (`black_style = true`)."""
    folder = project / "my_templates" / "mine"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text(
        f'extends = "{style}"\nblack_style = true\n\n[[outputs]]\ngroup = "models"\neach = "model"\n'
        f'template = "mine.py.j2"\npath = "{MODEL_PATH}"\nformat = "black"\n',
        encoding="utf-8",
    )
    (folder / "mine.py.j2").write_text(template, encoding="utf-8")


def _count_black(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths black formats from now on."""
    import generator.pipeline

    formatted: list[str] = []
    real = generator.pipeline.format_all

    def counting(items):  # type: ignore[no-untyped-def]
        formatted.extend(path for path, _ in items)
        return real(items)

    monkeypatch.setattr(generator.pipeline, "format_all", counting)
    return formatted


def _models(out: Path) -> dict[str, str]:
    return {
        str(p.relative_to(out)): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*.py"))
        if "tests" not in p.parts
    }


@pytest.mark.parametrize("style", ["dataclasses", "attrs", "pydantic", "msgspec", "typeddict"])
def test_extending_a_model_template_without_overriding_renders_the_same_bytes(
    project: Path, run, style: str
) -> None:
    _user_target(project, style, '{% extends "model.py.j2" %}\n')
    assert run("gen", "--target", style, "--out", "builtin", "--outputs", "models").code == 0
    result = run(
        "gen",
        "--templates",
        "my_templates",
        "--target",
        "mine",
        "--out",
        "mine",
        "--outputs",
        "models",
    )
    assert result.code == 0, result.err
    assert _models(project / "mine") == _models(project / "builtin")


def test_one_overridden_block_changes_one_line_and_skips_black_when_vouched_for(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _user_target(
        project,
        "dataclasses",
        '{% extends "model.py.j2" %}\n{% block class_header %}\n@dataclass(kw_only=True, frozen=True)\n'
        "class {{ m.class_name }}(_runtime.Model):\n{% endblock %}\n",
    )
    assert run("gen", "--out", "builtin", "--outputs", "models").code == 0
    formatted = _count_black(monkeypatch)
    result = run(
        "gen",
        "--templates",
        "my_templates",
        "--target",
        "mine",
        "--out",
        "mine",
        "--outputs",
        "models",
    )
    assert result.code == 0, result.err
    assert formatted == []
    builtin, mine = _models(project / "builtin"), _models(project / "mine")
    assert mine.keys() == builtin.keys()
    frozen = [path for path in mine if "frozen=True" in mine[path]]
    assert frozen
    for path, text in mine.items():
        assert text.replace("kw_only=True, frozen=True", "kw_only=True") == builtin[path]


def test_a_copy_of_the_built_in_template_with_one_line_changed_skips_black_when_vouched_for(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = (templates_root() / "dataclasses" / "model.py.j2").read_text(encoding="utf-8")
    assert source.count("@dataclass(kw_only=True)\n") == 1
    _user_target(
        project,
        "dataclasses",
        source.replace("@dataclass(kw_only=True)\n", "@dataclass(slots=True)\n"),
    )
    formatted = _count_black(monkeypatch)
    result = run("gen", "--templates", "my_templates", "--target", "mine", "--outputs", "models")
    assert result.code == 0, result.err
    assert formatted == []
    machine = (project / "generated/example_models/typescript/components/machine.py").read_text()
    assert "@dataclass(slots=True)\nclass Machine(_runtime.Model):" in machine
    assert "    legacy_name: str | None = field(\n        default=None,\n" in machine
