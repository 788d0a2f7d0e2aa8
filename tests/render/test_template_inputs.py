"""What each template reads is learned once per template text and kept between runs; it is always what
parsing the template now would tell."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.render.targets import Target, load_target
from generator.render.template_inputs import read_names
from generator.user_cache import cache_folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source of every template Jinja parses from now on."""
    seen: list[str] = []
    real = jinja2.Environment.parse

    def parse(self: jinja2.Environment, source: str, *args: object, **kwargs: object) -> object:
        seen.append(source)
        return real(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "parse", parse)
    return seen


def all_names(target: Target) -> dict[str, frozenset[str] | None]:
    return {rule.template: read_names(target, rule.template) for rule in target.outputs}


def user_target(tmp_path: Path, model_template: str) -> Target:
    folder = tmp_path / "templates" / "dataclasses"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.py.j2").write_text(model_template, encoding="utf-8")
    return load_target("dataclasses", tmp_path / "templates")


def test_a_second_run_parses_no_template_and_reads_the_same_names(parses: list[str]) -> None:
    target = load_target("dataclasses")
    first = all_names(target)
    assert parses, "the first run parses the templates"
    assert first["model.py.j2"] == {"header", "m"}
    parses.clear()
    assert all_names(target) == first
    assert parses == []


def test_an_edited_template_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    assert read_names(user_target(tmp_path, "{{ m.class_name }}\n"), "model.py.j2") == {"m"}
    edited = user_target(tmp_path, "{{ header }}\n{% include 'part.j2' %}\n")
    (tmp_path / "templates" / "dataclasses" / "part.j2").write_text("{{ m }}", encoding="utf-8")
    parses.clear()
    assert read_names(edited, "model.py.j2") == {"header", "m"}
    assert len(parses) == 2  # the edited template, and the one it now includes


def test_a_template_named_at_run_time_reads_anything_every_time(
    tmp_path: Path, parses: list[str]
) -> None:
    target = user_target(tmp_path, "{% include m.template_name %}\n")
    assert read_names(target, "model.py.j2") is None
    parses.clear()
    assert read_names(target, "model.py.j2") is None
    assert parses == []


@pytest.mark.parametrize("content", ["", "not json", '{"tag": 1}', '{"tag": "x", "sources": []}'])
def test_a_damaged_record_is_ignored(parses: list[str], content: str) -> None:
    target = load_target("dataclasses")
    expected = all_names(target)
    (record,) = cache_folder().glob("template-names-*.json")
    record.write_text(content, encoding="utf-8")
    parses.clear()
    assert all_names(target) == expected
    assert parses
