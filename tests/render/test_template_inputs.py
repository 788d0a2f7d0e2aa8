"""What each template reads is learned once per template text and kept between runs; it is always what
parsing the template now would tell."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.cache_store import Store
from generator.render.targets import Target, load_target
from generator.render.template_inputs import KnownTemplates, template_reads


def read_names_once(
    target: Target, template: str, known: KnownTemplates | None = None
) -> frozenset[str] | None:
    return template_reads(target, template, known).names


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "cache")


def read_names(target: Target, template: str, store: Store) -> frozenset[str] | None:
    """What a run reads of one template: what the store keeps from earlier runs, kept again after."""
    known = KnownTemplates(store)
    try:
        return read_names_once(target, template, known)
    finally:
        known.save()


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


def all_names(target: Target, store: Store) -> dict[str, frozenset[str] | None]:
    """What one run reads of every template of the target."""
    known = KnownTemplates(store)
    found = {
        rule.template: read_names_once(target, rule.template, known) for rule in target.outputs
    }
    known.save()
    return found


def user_target(tmp_path: Path, model_template: str) -> Target:
    folder = tmp_path / "templates" / "dataclasses"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.py.j2").write_text(model_template, encoding="utf-8")
    return load_target("dataclasses", tmp_path / "templates")


def test_a_second_run_parses_no_template_and_reads_the_same_names(
    parses: list[str], store: Store
) -> None:
    target = load_target("dataclasses")
    first = all_names(target, store)
    assert parses, "the first run parses the templates"
    assert first["model.py.j2"] == {"header", "m"}
    parses.clear()
    assert all_names(target, store) == first
    assert parses == []


def test_an_edited_template_is_parsed_again(
    tmp_path: Path, parses: list[str], store: Store
) -> None:
    assert read_names(user_target(tmp_path, "{{ m.class_name }}\n"), "model.py.j2", store) == {"m"}
    edited = user_target(tmp_path, "{{ header }}\n{% include 'part.j2' %}\n")
    (tmp_path / "templates" / "dataclasses" / "part.j2").write_text("{{ m }}", encoding="utf-8")
    parses.clear()
    assert read_names(edited, "model.py.j2", store) == {"header", "m"}
    assert len(parses) == 2  # the edited template, and the one it now includes


def test_a_template_named_at_run_time_reads_anything_every_time(
    tmp_path: Path, parses: list[str], store: Store
) -> None:
    target = user_target(tmp_path, "{% include m.template_name %}\n")
    assert read_names(target, "model.py.j2", store) is None
    parses.clear()
    assert read_names(target, "model.py.j2", store) is None
    assert parses == []


def test_nothing_is_kept_without_a_store(parses: list[str]) -> None:
    target = load_target("dataclasses")
    read_names_once(target, "model.py.j2")
    parses.clear()
    assert read_names_once(target, "model.py.j2") == {"header", "m"}
    assert parses


@pytest.mark.parametrize(
    "payload",
    [{"tag": 1}, {"a": [["m"], "x"]}, {"a": ["m", []]}, {"a": [[1], []]}, [["m"], []], "text"],
)
def test_a_record_of_another_shape_is_ignored(
    parses: list[str], payload: object, store: Store
) -> None:
    target = load_target("dataclasses")
    expected = all_names(target, store)
    known = KnownTemplates(store)
    assert store.save("template-names", known.where, known.tag, payload)  # a header that verifies
    parses.clear()
    assert all_names(target, store) == expected
    assert parses


@pytest.mark.parametrize("content", [b"", b"not json", b"docmodels-cache 1\n{}"])
def test_a_damaged_record_is_ignored(
    parses: list[str], content: bytes, store: Store, tmp_path: Path
) -> None:
    target = load_target("dataclasses")
    expected = all_names(target, store)
    (record,) = (tmp_path / "cache" / "template-names").glob("*.entry")
    record.write_bytes(content)
    parses.clear()
    assert all_names(target, store) == expected
    assert parses
