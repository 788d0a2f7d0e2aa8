"""A file whose template reads the same values as last time is taken from the output folder, not rendered;
what a run plans is always byte for byte what a run with an empty cache plans."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cache_store import Store
from generator.config import Config
from generator.pipeline import build
from generator.render import planner
from generator.sync.disk import apply, compare
from generator.sync.plan import Plan
from tests.helpers import SPECS

SESSION = "php/Models/Components/Session.md"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    shutil.copytree(SPECS, tmp_path / "docs")
    return tmp_path / "docs"


def config(
    docs: Path, out: Path, templates: Path | None = None, target: str = "dataclasses"
) -> Config:
    return Config(
        docs=(docs,),
        out=out,
        package="models",
        outputs=("models", "docs", "tests"),
        target=target,
        templates=templates,
        dialect="auto",
        source=None,
    )


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every file rendered from now on."""
    paths: list[str] = []
    real = planner.PendingFile.render

    def render(self: planner.PendingFile) -> planner.RenderedFile:
        paths.append(self.path)
        return real(self)

    monkeypatch.setattr(planner.PendingFile, "render", render)
    return paths


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "cache")


def gen(settings: Config, store: Store) -> Plan:
    built = build(settings, store=store)
    assert built.plan is not None, [d.render() for d in built.diagnostics]
    apply(built.plan, settings.out, compare(built.plan, settings.out))
    return built.plan


def fresh_plan(settings: Config, cache: Path) -> Plan:
    """What a run plans with an empty cache folder (everything rendered)."""
    built = build(settings, store=Store(cache))
    assert built.plan is not None
    return built.plan


def edit(doc: Path, old: str, new: str) -> None:
    text = doc.read_text(encoding="utf-8")
    assert old in text
    doc.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_second_run_renders_nothing_and_plans_the_same(
    docs: Path, tmp_path: Path, rendered: list[str], store: Store
) -> None:
    settings = config(docs, tmp_path / "out")
    first = gen(settings, store)
    assert len(rendered) == len(first.files) - 1  # every file but the manifest
    rendered.clear()
    assert build(settings, store=store).plan == first
    assert rendered == []


def test_after_edits_only_files_that_read_them_are_rendered_and_the_plan_is_a_fresh_one(
    docs: Path, tmp_path: Path, rendered: list[str], store: Store
) -> None:
    settings = config(docs, tmp_path / "out")
    gen(settings, store)
    session = docs / SESSION
    steps = [
        lambda: edit(session, "| `id`", "| `sessionId`"),
        lambda: edit(session, "N/A", "The session, as the API knows it."),
        lambda: shutil.copy(session, docs / "php/Models/Components/SessionCopy.md"),
        lambda: (docs / "php/Models/Components/SessionCopy.md").unlink(),
    ]
    for number, step in enumerate(steps):
        step()
        rendered.clear()
        plan = gen(settings, store)
        again = list(rendered)
        assert plan == fresh_plan(settings, tmp_path / f"empty-{number}")
        assert 0 < len(again) < len(plan.files) / 4, again


def test_a_generated_file_edited_by_hand_is_rendered_again(
    docs: Path, tmp_path: Path, rendered: list[str], store: Store
) -> None:
    settings = config(docs, tmp_path / "out")
    first = gen(settings, store)
    edited = next(p for p in first.files if p.endswith("session.py"))
    (settings.out / edited).write_text("# mine now\n", encoding="utf-8")
    rendered.clear()
    assert build(settings, store=store).plan == first
    assert rendered == [edited]


def test_a_template_that_reads_every_model_is_rendered_when_any_model_changes(
    docs: Path, tmp_path: Path, rendered: list[str], store: Store
) -> None:
    templates = tmp_path / "templates"
    (templates / "dataclasses").mkdir(parents=True)
    (templates / "dataclasses" / "model.py.j2").write_text(
        '{% include "count.j2" %}\n', encoding="utf-8"
    )
    (templates / "dataclasses" / "count.j2").write_text(
        "# {{ m.class_name }}: one of {{ models | length }} models\n", encoding="utf-8"
    )
    settings = config(docs, tmp_path / "out", templates)
    first = gen(settings, store)
    models = {
        p
        for p in first.files
        if p.startswith("models/")
        and p.endswith(".py")
        and not p.rpartition("/")[2].startswith("_")
        and p != "models/runtime.py"  # the package's public runtime: it reads no model
    }
    shutil.copy(docs / SESSION, docs / "php/Models/Components/SessionCopy.md")
    rendered.clear()
    plan = gen(settings, store)
    again = set(rendered)
    assert plan == fresh_plan(settings, tmp_path / "empty")
    assert len(models) > 10
    assert models <= again


def test_a_changed_template_renders_every_file_it_makes(
    docs: Path, tmp_path: Path, rendered: list[str], store: Store
) -> None:
    templates = tmp_path / "templates"
    (templates / "dataclasses").mkdir(parents=True)
    override = templates / "dataclasses" / "model.md.j2"
    override.write_text("# {{ m.class_name }}\n", encoding="utf-8")
    settings = config(docs, tmp_path / "out", templates)
    gen(settings, store)
    override.write_text("# The model {{ m.class_name }}\n", encoding="utf-8")
    rendered.clear()
    plan = gen(settings, store)
    again = list(rendered)
    assert plan == fresh_plan(settings, tmp_path / "empty")
    assert {p for p in plan.files if p.endswith(".md") and "/" in p} <= set(again)
