"""A user target that extends a built-in one by one block: it reaches the parent template with the
`builtin:` prefix, inherits every manifest setting and produces working models."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import imported_for_a_while, run_generated_tests

FROZEN_RUNTIME = """\
{% extends "builtin:pydantic/_runtime.py.j2" %}
{% block model_config %}
    model_config = ConfigDict(**_CONFIG, frozen=True)
{% endblock %}
"""


def _frozen_target(project: Path, black_style: bool = True) -> None:
    """The docs' example target; `black_style = true`: its author vouches for black's style."""
    user = project / "my_templates/frozen"
    user.mkdir(parents=True)
    vouched = "black_style = true\n" if black_style else ""
    (user / "manifest.toml").write_text(f'extends = "pydantic"\n{vouched}', encoding="utf-8")
    (user / "_runtime.py.j2").write_text(FROZEN_RUNTIME, encoding="utf-8")


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


def test_a_target_extending_pydantic_by_one_block_makes_frozen_models(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _frozen_target(project)
    formatted = _count_black(monkeypatch)
    result = run("gen", "--templates", "my_templates", "--target", "frozen", "--out", "frozen")
    assert result.code == 0, result.err
    frozen_black = list(formatted)
    assert run("gen", "--target", "pydantic", "--out", "base").code == 0
    # Vouched for, the same formatting path as its base (the layout pass): black runs on no more files.
    assert frozen_black == formatted[len(frozen_black) :]
    runtime = (project / "frozen/example_models/_runtime.py").read_text()
    base = (project / "base/example_models/_runtime.py").read_text()
    assert runtime == base.replace(
        "    model_config = _CONFIG\n", "    model_config = ConfigDict(**_CONFIG, frozen=True)\n"
    )
    assert runtime != base
    for path in (project / "base").rglob("*"):  # every other file is the base's
        if path.is_file() and path.name not in ("_runtime.py", ".docmodels-manifest.json"):
            assert (project / "frozen" / path.relative_to(project / "base")).read_bytes() == (
                path.read_bytes()
            ), path

    with imported_for_a_while(project / "frozen", "example_models"):
        from example_models import Machine  # type: ignore[import-not-found]
        from pydantic import ValidationError

        machine = Machine.model_construct(name="m")
        with pytest.raises(ValidationError, match="frozen"):
            machine.name = "other"
    run_generated_tests(project / "frozen")


def test_without_black_style_black_formats_the_users_template_file_only(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _frozen_target(project, black_style=False)
    formatted = _count_black(monkeypatch)
    assert run("gen", "--target", "pydantic", "--out", "base").code == 0
    base_black = set(formatted)
    formatted.clear()
    assert run("gen", "--templates", "my_templates", "--target", "frozen", "--out", "o").code == 0
    assert set(formatted) == base_black | {"example_models/_runtime.py"}
    assert (project / "o/example_models/_runtime.py").read_bytes() == (
        project / "base/example_models/_runtime.py"
    ).read_bytes().replace(
        b"    model_config = _CONFIG\n", b"    model_config = ConfigDict(**_CONFIG, frozen=True)\n"
    )


def test_an_extended_target_inherits_its_base_settings(project: Path) -> None:
    from generator.render.targets import load_target

    _frozen_target(project)
    frozen, base = load_target("frozen", project / "my_templates"), load_target("pydantic")
    assert frozen.outputs == base.outputs and frozen.python == base.python
    assert frozen.views == base.views and frozen.formatter == base.formatter
    assert frozen.black_style and not base.black_style  # its own manifest's word


def test_a_builtin_template_that_does_not_exist_is_an_error_naming_it(project: Path, run) -> None:
    _frozen_target(project)
    (project / "my_templates/frozen/_runtime.py.j2").write_text(
        '{% extends "builtin:pydantic/nope.py.j2" %}\n', encoding="utf-8"
    )
    result = run("gen", "--templates", "my_templates", "--target", "frozen", "--out", "o")
    assert result.code == 2
    assert "error[DM301]" in result.err and "builtin:pydantic/nope.py.j2" in result.err


def test_a_folder_without_manifest_extends_the_built_in_template_it_replaces(
    project: Path, run
) -> None:
    user = project / "my_templates/pydantic"
    user.mkdir(parents=True)
    (user / "_runtime.py.j2").write_text(FROZEN_RUNTIME, encoding="utf-8")
    assert run("gen", "--templates", "my_templates", "--target", "pydantic", "--out", "o").code == 0
    runtime = (project / "o/example_models/_runtime.py").read_text()
    assert "    model_config = ConfigDict(**_CONFIG, frozen=True)\n" in runtime
    assert "class Choice(UnionChoice):" in runtime  # the parent's include is there


def test_a_template_that_extends_itself_is_told_how_to_reach_the_built_in_one(
    project: Path, run
) -> None:
    user = project / "my_templates/pydantic"
    user.mkdir(parents=True)
    (user / "_runtime.py.j2").write_text(
        FROZEN_RUNTIME.replace("builtin:pydantic/", ""), encoding="utf-8"
    )
    result = run("gen", "--templates", "my_templates", "--target", "pydantic", "--out", "o")
    assert result.code == 2
    assert result.err.startswith("my_templates/pydantic/_runtime.py.j2:1:1: error[DM301]: ")
    assert '{% extends "builtin:<target>/_runtime.py.j2" %}' in result.err
