"""The no-op fast path: a run that would change nothing is replayed, and any change means a full run."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import generator
import generator.pipeline
from generator import user_cache
from generator.cache_store import default_folder
from tests.helpers import modules_after

SESSION = "specs/php/Models/Components/Session.md"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full runs (each reads, renders and formats through `pipeline.build`)."""
    calls: list[int] = []
    real = generator.pipeline.build

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(generator.pipeline, "build", counting)
    return calls


def _records(project: Path) -> list[Path]:
    return sorted((default_folder() / "fastpath").glob("*.entry"))


def test_records_are_kept_outside_the_project(project: Path, run: Callable[..., Any]) -> None:
    assert run("gen").code == 0
    before = sorted(p for p in project.rglob("*"))
    assert run("check").code == 0
    assert _records(project)
    assert not default_folder().is_relative_to(project)
    assert sorted(p for p in project.rglob("*")) == before


def test_a_run_that_changed_nothing_is_replayed_byte_for_byte(
    project: Path, run: Callable[..., Any], builds: list[int]
) -> None:
    assert run("gen").code == 0
    assert not _records(project)  # it wrote files: nothing to replay
    full = run("gen", "--exit-nonzero-on-change")
    assert full.code == 0 and len(builds) == 2 and len(_records(project)) == 1
    replayed = run("gen", "--exit-nonzero-on-change")
    assert len(builds) == 2, "the second no-op run must not read, render or format"
    assert (replayed.code, replayed.out, replayed.err) == (full.code, full.out, full.err)
    checked = run("check")
    again = run("check")
    assert len(builds) == 3 and (again.code, again.out) == (0, checked.out)
    assert "is in sync" in again.out


def _doc(project: Path) -> None:
    path = project / SESSION
    path.write_text(
        path.read_text().replace("Unix timestamp of creation.", "Unix time of creation."),
        encoding="utf-8",
    )


def _config(project: Path) -> None:
    path = project / "pyproject.toml"
    path.write_text(path.read_text() + "# a comment\n", encoding="utf-8")


def _output(project: Path) -> None:
    path = project / "generated/example_models/php/components/session.py"
    path.write_text(path.read_text() + "# edited\n", encoding="utf-8")


def _extra_output(project: Path) -> None:
    (project / "generated/notes.txt").write_text("mine\n", encoding="utf-8")


def _removed_output(project: Path) -> None:
    (project / "generated/docs/index.md").unlink()


def _new_doc(project: Path) -> None:
    (project / "specs/php/Models/Components/Extra.md").write_text(
        "# Extra\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        "| `id` | *string* | :heavy_check_mark: | N/A |\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "change", [_doc, _config, _output, _extra_output, _removed_output, _new_doc]
)
def test_any_changed_input_or_output_means_a_full_run(
    project: Path, run: Callable[..., Any], builds: list[int], change: Callable[[Path], None]
) -> None:
    run("gen")
    assert run("check").code == 0 and run("check").code == 0
    assert len(builds) == 2  # the last check was replayed
    change(project)
    result = run("check")
    assert len(builds) == 3, "a change must never be answered from the record"
    if change is not _config:
        assert result.code == 1, result.out
    assert run("gen").code == 0 and len(builds) == 4


def test_a_changed_template_means_a_full_run(
    project: Path, run: Callable[..., Any], builds: list[int]
) -> None:
    target = project / "my_templates" / "tiny"
    target.mkdir(parents=True)
    (target / "manifest.toml").write_text(
        'name = "tiny"\n[[outputs]]\ngroup = "models"\neach = "package"\ntemplate = "x.j2"\n'
        'path = "x.txt"\nformat = "none"\n',
        encoding="utf-8",
    )
    template = target / "x.j2"
    template.write_text("one\n", encoding="utf-8")
    options = ("--templates", "my_templates", "--target", "tiny", "--outputs", "models")
    assert run("gen", *options).code == 0
    assert run("gen", *options).code == 0 and run("gen", *options).code == 0
    assert len(builds) == 2
    template.write_text("two\n", encoding="utf-8")
    assert run("gen", *options).code == 0 and len(builds) == 3
    assert (project / "generated/x.txt").read_text() == "two\n"


def test_another_docmodels_version_means_a_full_run(
    project: Path, run: Callable[..., Any], builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("gen")
    run("check")
    monkeypatch.setattr(generator, "__version__", "9.9.9")
    run("check")
    assert len(builds) == 2 + 1


def test_the_code_digest_sees_every_changed_or_added_file(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    first = user_cache.tree_digest([tmp_path])
    (tmp_path / "a.py").write_text("x = 2\n")
    second = user_cache.tree_digest([tmp_path])
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("")
    third = user_cache.tree_digest([tmp_path])
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.pyc").write_bytes(b"cache")
    assert len({first, second, third}) == 3
    assert user_cache.tree_digest([tmp_path]) == third  # caches do not shape the output


def test_a_failed_or_drifted_run_is_never_recorded(project: Path, run: Callable[..., Any]) -> None:
    run("gen")
    _output(project)
    assert run("check").code == 1 and run("check").code == 1
    assert not _records(project)


def test_a_stamp_sees_an_edit_that_keeps_the_size_and_the_modification_time(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("# A\n")
    settled = os.stat(doc)
    never = 2**62  # no file counts as just changed: all by their stats
    first = user_cache.stat_stamp(os.stat(doc), never)
    assert first is not None and user_cache.stat_stamp(os.stat(doc), never) == first
    time.sleep(0.01)  # past the file system's timestamp granularity
    doc.write_text("# B\n")
    os.utime(doc, ns=(settled.st_atime_ns, settled.st_mtime_ns))  # a tool that restores the time
    assert os.stat(doc).st_mtime_ns == settled.st_mtime_ns
    assert user_cache.stat_stamp(os.stat(doc), never) != first


def test_a_file_changed_just_before_the_run_counts_by_its_bytes(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("# A\n")
    racy = 0  # every file counts as just changed
    assert user_cache.stat_stamp(os.stat(doc), racy) is None
    assert user_cache.stat_stamp(None, 2**62) is None  # nor can a file that cannot be read
    first = user_cache.content_digest(str(doc))
    doc.write_text("# A\n")  # the same bytes again: its times moved, its content did not
    assert user_cache.content_digest(str(doc)) == first
    doc.write_text("# B\n")
    assert user_cache.content_digest(str(doc)) != first
    assert user_cache.content_digest(str(tmp_path / "gone.md")) != first


def test_a_record_taken_from_stats_still_sees_an_edited_doc(
    project: Path, run: Callable[..., Any], builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.sync import fastpath

    monkeypatch.setattr(fastpath, "_RACY_NS", -(10**12))  # no file counts as just changed
    run("gen")
    assert run("check").code == 0 and run("check").code == 0
    assert len(builds) == 2, "the second check is replayed from the stats alone"
    doc = project / SESSION
    settled = os.stat(doc)
    time.sleep(0.01)
    doc.write_text(doc.read_text().replace("|", "|", 1).replace("Session", "Sessiom", 1))
    os.utime(doc, ns=(settled.st_atime_ns, settled.st_mtime_ns))
    assert run("check").code == 1 and len(builds) == 3


@pytest.mark.parametrize(
    ("command", "edit", "walks_after"),
    [("gen", True, 0), ("gen", False, 2), ("check", False, 2)],
)
def test_a_run_after_a_change_walks_each_tree_once_before_it_starts(
    project: Path,
    run: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    edit: bool,
    walks_after: int,
) -> None:
    """A doc edited so that the output changes, or so that it does not (one more blank line at its end)."""
    from generator.sync import fastpath

    assert run("gen").code == 0
    assert run(command).code == 0  # records the no-op
    doc = project / SESSION
    head, _, rest = doc.read_text(encoding="utf-8").partition("\n")
    doc.write_text(f"{head}\n\nA new description.\n{rest}" if edit else f"{head}\n{rest}\n")
    walks: list[tuple[Path, ...]] = []
    real = fastpath.tree_stats

    def counting(paths: Any) -> Any:
        walks.append(tuple(paths))
        return real(paths)

    monkeypatch.setattr(fastpath, "tree_stats", counting)
    result = run(command)
    assert result.code == 0, result.err
    # The lookup's walk of inputs and outputs is the state before the run. A gen that wrote files changed
    # its outputs: there is no no-op to record, and no state to take after it.
    assert walks[:2] == [walks[0], (project / "generated",)]
    assert walks[2:] == walks[:walks_after]


def _check_out_again(project: Path) -> None:
    """The project as a fresh checkout of the same commit gives it: the same bytes at the same paths, every
    file new (new inodes, modification and change times)."""
    copy = project.parent / f"{project.name}-copy"
    for name in ("specs", "generated", "pyproject.toml"):
        source = project / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
            shutil.rmtree(source)
            shutil.copytree(copy / name, source)
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy(source, copy / name)
            source.unlink()
            shutil.copy(copy / name, source)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """No file counts as just changed: records hold every file's stat, as after a CI machine's set-up."""
    from generator.sync import fastpath

    monkeypatch.setattr(fastpath, "_RACY_NS", -(10**12))


@pytest.mark.usefixtures("settled")
def test_a_fresh_checkout_of_the_same_files_is_replayed_from_their_bytes(
    project: Path, run: Callable[..., Any], builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI with the cache folder kept between runs: every stat differs, every byte is the same."""
    from generator.sync import fastpath

    assert run("gen").code == 0
    full = run("check")
    assert full.code == 0 and len(builds) == 2
    read: list[str] = []
    real = fastpath.content_digest
    monkeypatch.setattr(fastpath, "content_digest", lambda path: read.append(path) or real(path))
    assert run("check").code == 0 and len(builds) == 2
    assert not read, "a file whose stat is the recorded one is not read"
    _check_out_again(project)
    replayed = run("check")
    assert len(builds) == 2, "the same bytes give the same result: replayed"
    assert (replayed.code, replayed.out, replayed.err) == (full.code, full.out, full.err)
    assert len(read) == len({*read}) > 40  # each file read once


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("change", [_doc, _output, _extra_output, _new_doc])
def test_a_fresh_checkout_with_one_change_means_a_full_run(
    project: Path, run: Callable[..., Any], builds: list[int], change: Callable[[Path], None]
) -> None:
    assert run("gen").code == 0 and run("check").code == 0 and len(builds) == 2
    _check_out_again(project)
    change(project)
    assert run("check").code == 1 and len(builds) == 3


def test_a_reinstall_of_the_same_release_is_the_same_installation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each CI run installs the dependencies again: new files, the same RECORD."""
    import importlib

    site = tmp_path / "site-packages"
    (site / "fakedep").mkdir(parents=True)
    (site / "fakedep" / "__init__.py").write_text("")
    record = site / "fakedep-1.0.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("fakedep/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n")
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    first = user_cache.installed("fakedep")
    reinstalled = record.read_bytes()
    record.unlink()
    time.sleep(0.01)
    record.write_bytes(reinstalled)
    assert user_cache.installed("fakedep") == first
    record.write_text("fakedep/__init__.py,sha256=other,1\n")  # another build of it
    assert user_cache.installed("fakedep") != first


@pytest.mark.usefixtures("settled")
def test_a_doc_replaced_by_a_link_to_the_same_bytes_means_a_full_run(
    project: Path,
    run: Callable[..., Any],
    builds: list[int],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Through a link that leads out of the docs folder a doc is skipped: the same bytes, another result."""
    assert run("gen").code == 0 and run("check").code == 0 and len(builds) == 2
    doc = project / SESSION
    outside = tmp_path_factory.mktemp("elsewhere") / doc.name
    shutil.copy(doc, outside)
    doc.unlink()
    doc.symlink_to(outside)
    result = run("check")
    assert len(builds) == 3 and "DM135" in result.err


def test_a_large_file_is_digested_piece_by_piece(tmp_path: Path) -> None:
    big = tmp_path / "diagram.pdf"
    content = bytes(range(256)) * (6 * 4096 + 7)  # six pieces of 1 MiB and a bit
    big.write_bytes(content)
    tracemalloc.start()
    try:
        digest = user_cache.content_digest(str(big))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert digest == hashlib.sha256(content).hexdigest()
    assert peak < 3 * 2**20, "two pieces at most in memory, never the whole file"


def test_a_replayed_check_imports_neither_the_reader_nor_the_renderers(
    project: Path, run: Callable[..., Any]
) -> None:
    """The replay is what a pre-commit hook pays on every commit: the command line's set-up must stay light."""
    assert run("gen").code == 0
    assert run("check").code == 0  # recorded
    printed, heavy = modules_after(
        "import sys; sys.argv = ['docmodels', 'check']; from generator.entry import main\n"
        "assert main() == 0",
        project,
        (
            "markdown_it",
            "jinja2",
            "black",
            "generator.reader",
            "generator.render",
            "generator.pipeline",
        ),
    )
    assert "is in sync" in printed
    assert heavy == []


def test_an_editable_install_digests_the_checkouts_code() -> None:
    """The command of an editable install runs generator/ as the package `docmodels` (a shim in editable/):
    its code digest is generator/'s, so an edit there voids the records (it digested the shim alone)."""
    import importlib

    package = importlib.import_module("docmodels")
    if "editable" not in Path(package.__file__ or "").parts:
        pytest.skip("docmodels is not this checkout's editable install")
    shim = importlib.import_module("docmodels.user_cache")
    assert shim.__file__ is not None and Path(shim.__file__).parent.name == "generator"
    assert shim.code_digest() == user_cache.code_digest()
    assert user_cache.code_digest() == user_cache.tree_digest([Path(generator.__file__).parent])
