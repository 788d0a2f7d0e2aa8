"""gen writes only what changed and removes what it wrote before; check writes nothing and reports drift."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.sync.disk import existing_files
from tests.helpers import GENERATED, ROOT

SESSION_DOC = Path("specs/php/Models/Components/Session.md")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file that `check` looks at, with its hash."""
    return {
        p: hashlib.sha256((folder / p).read_bytes()).hexdigest() for p in existing_files(folder)
    }


def test_gen_matches_the_committed_golden_output(project: Path, run) -> None:
    result = run("gen")
    assert result.code == 0, result.err
    assert snapshot(project / "generated") == snapshot(GENERATED)
    assert result.out.strip().endswith("written, 0 unchanged, 0 removed in generated")


def test_second_gen_writes_nothing(project: Path, run) -> None:
    run("gen")
    before = {p: p.stat().st_mtime_ns for p in (project / "generated").rglob("*") if p.is_file()}
    result = run("gen")
    assert result.out.startswith("docmodels: 0 written,")
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_check_after_editing_a_doc_shows_a_diff(project: Path, run) -> None:
    run("gen")
    assert run("check").code == 0
    SESSION_DOC.write_text(
        SESSION_DOC.read_text().replace("Unix timestamp of creation.", "When it was made.")
    )
    before = snapshot(project / "generated")
    result = run("check")
    assert result.code == 1
    assert "--- a/generated/example_models/php/components/session.py" in result.out
    assert "+++ b/generated/example_models/php/components/session.py" in result.out
    assert '-    """Unix timestamp of creation."""' in result.out
    assert '+    """When it was made."""' in result.out
    assert result.out.strip().splitlines()[-1].endswith("run `docmodels gen` to update it")
    assert snapshot(project / "generated") == before  # check wrote nothing
    assert run("gen").code == 0
    assert run("check").code == 0


def test_deleting_a_doc_makes_its_files_extra_then_gen_removes_them(project: Path, run) -> None:
    run("gen")
    Path("specs/typescript/models/components/legacymachine.md").unlink()
    result = run("check")
    assert result.code == 1
    assert (
        "extra: generated/example_models/typescript/components/legacy_machine.py (generated before"
        in result.out
    )
    assert "extra: generated/tests/test_typescript_components_legacy_machine.py" in result.out
    gen = run("gen")
    assert gen.code == 0 and " 3 removed" in gen.out
    assert not (
        project / "generated/example_models/typescript/components/legacy_machine.py"
    ).exists()
    assert run("check").code == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_written_files_get_0644_or_keep_the_mode_they_had(project: Path, run) -> None:
    run("gen")
    session = project / "generated/example_models/php/components/session.py"
    assert stat.S_IMODE(session.stat().st_mode) == 0o644
    session.chmod(0o600)
    before = session.read_bytes()
    SESSION_DOC.write_text(
        SESSION_DOC.read_text().replace("Unix timestamp of creation.", "When it was made.")
    )
    assert run("gen").code == 0
    assert session.read_bytes() != before
    assert stat.S_IMODE(session.stat().st_mode) == 0o600


def test_temporary_files_of_a_killed_gen_are_ignored_then_removed(project: Path, run) -> None:
    run("gen")
    leftover = project / "generated/example_models/php/.docmodels-tmp-k1ll3d"
    leftover.write_text("half a file")
    assert run("check").code == 0  # not an extra file
    assert leftover.exists()  # check writes nothing
    SESSION_DOC.write_text(SESSION_DOC.read_text().replace("Unix timestamp", "Timestamp"))
    assert run("gen").code == 0
    assert not leftover.exists()


def test_missing_generated_file_is_listed(project: Path, run) -> None:
    run("gen")
    (project / "generated/docs/index.md").unlink()
    result = run("check")
    assert result.code == 1 and "missing: generated/docs/index.md" in result.out


def test_stray_file_is_reported_and_never_touched(project: Path, run) -> None:
    run("gen")
    stray = project / "generated/example_models/notes.py"
    stray.write_text("# mine\n")
    result = run("check")
    assert result.code == 1
    assert "extra: generated/example_models/notes.py (not written by docmodels)" in result.out
    assert "delete the extra files docmodels did not write" in result.out
    gen = run("gen")
    assert gen.code == 0 and "notes.py: left alone" in gen.err
    assert stray.read_text() == "# mine\n"


def test_gen_refuses_to_overwrite_a_file_it_did_not_write(project: Path, run) -> None:
    target = project / "generated/docs/index.md"
    target.parent.mkdir(parents=True)
    target.write_text("hand-written\n")
    result = run("gen")
    assert result.code == 2
    assert "generated/docs/index.md:1:1: error[DM401]" in result.err
    assert target.read_text() == "hand-written\n"
    assert sorted(p.name for p in (project / "generated").rglob("*") if p.is_file()) == ["index.md"]


def test_edited_generated_file_that_is_no_longer_produced_is_kept(project: Path, run) -> None:
    run("gen")
    edited = project / "generated/docs/typescript/components/legacy_machine.md"
    edited.write_text("edited by hand\n")
    Path("specs/typescript/models/components/legacymachine.md").unlink()
    result = run("gen")
    assert (
        result.code == 0
        and "legacy_machine.md: kept: edited since docmodels wrote it" in result.err
    )
    assert edited.read_text() == "edited by hand\n"


def test_input_errors_exit_2_and_write_nothing(project: Path, run) -> None:
    run("gen")
    before = snapshot(project / "generated")
    SESSION_DOC.write_text(
        SESSION_DOC.read_text()
        .replace(":heavy_check_mark:", "maybe", 1)
        .replace("*int*", "*in t*", 1)
    )
    Path("specs/php/Models/Components/Status.md").unlink()
    # A problem of one doc is a warning; --strict makes every warning fail the run, writing nothing.
    for command in ("gen", "check"):
        result = run(command, "--strict")
        assert result.code == 2
        lines = result.err.splitlines()
        assert (
            "specs/php/Models/Components/Session.md:8:181" in result.err
            and "error[DM111]" in result.err
        )
        assert any("error[DM120]" in line and "Session.md:13:92" in line for line in lines)
        assert any("error[DM200]" in line and "Status.md" in line for line in lines)
        assert lines[-1] == "docmodels: 3 errors; nothing was written"
    assert snapshot(project / "generated") == before
    result = run("gen")
    assert result.code == 0
    assert any("warning[DM200]" in line and "Status.md" in line for line in result.err.splitlines())
    assert result.out.rstrip().endswith(
        "; 2 fields typed Any (warnings above; -v lists every reason)"
    )


def _gen_in_subprocess(cwd: Path, seed: str, *paths: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run(
        [sys.executable, "-m", "generator", "gen", *paths, "--out", "out"],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
    )
    return snapshot(cwd / "out")


@pytest.mark.slow
def test_output_is_byte_identical_across_hash_seeds_orders_and_folders(
    project: Path, tmp_path: Path
) -> None:
    first = _gen_in_subprocess(project, "1", "specs/typescript", "specs/php")
    (project / "out").rename(project / "out1")
    second = _gen_in_subprocess(project, "4242", "specs/php", "specs/typescript")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "pyproject.toml").write_text((project / "pyproject.toml").read_text())
    third = _gen_in_subprocess(
        elsewhere, "7", str(project / "specs/php"), str(project / "specs/typescript")
    )
    manifest = ".docmodels-manifest.json"
    assert first == second
    assert {p: h for p, h in third.items() if p != manifest} == {
        p: h for p, h in first.items() if p != manifest
    }
    # The manifest records where the docs are, relative to the output folder: the same folders from another
    # place are another record, and nothing else in it differs.
    records = [
        json.loads((folder / "out" / manifest).read_text()) for folder in (project, elsewhere)
    ]
    assert records[0].pop("docs") == ["../specs/php", "../specs/typescript"]
    assert records[1].pop("docs") == ["../../specs/php", "../../specs/typescript"]
    assert records[0] == records[1]
    assert not any(str(ROOT) in (project / "out").joinpath(p).read_text() for p in first)


def _edit_created_at_description() -> int:
    """Change one field's description in the Session doc; returns that row's line number."""
    lines = SESSION_DOC.read_text().splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith("| `createdAt`"))
    lines[row] = lines[row].replace("Unix timestamp of creation.", "When it was made.")
    SESSION_DOC.write_text("".join(lines))
    return row + 1


def test_check_json_names_the_doc_line_that_caused_each_change(project: Path, run) -> None:
    run("gen")
    (project / "generated/stray.txt").write_text("x\n")
    (project / "generated/docs/index.md").unlink()
    line = _edit_created_at_description()
    result = run("check", "--format", "json")
    assert result.code == 1
    report = json.loads(result.out)
    assert report["in_sync"] is False and report["fix"] == "docmodels gen"
    changed = {c["path"]: c for c in report["changed"]}
    module = changed["generated/example_models/php/components/session.py"]
    assert module["sources"] == [{"path": str(SESSION_DOC), "line": line, "column": 92}]
    assert '+    """When it was made."""' in module["diff"]
    assert {"path": "generated/docs/index.md", "sources": []} in report["missing"]
    assert report["extra"] == [
        {"path": "generated/stray.txt", "reason": "not written by docmodels"}
    ]


def test_moving_rows_changes_no_output(project: Path, run) -> None:
    run("gen")
    text = SESSION_DOC.read_text()
    SESSION_DOC.write_text(text.replace("# Session\n", "# Session\n\n\n\n", 1))
    assert run("check").code == 0


def test_check_github_annotates_the_markdown_line(project: Path, run) -> None:
    run("gen")
    line = _edit_created_at_description()
    result = run("check", "--format", "github")
    assert result.code == 1
    annotations = [x for x in result.out.splitlines() if x.startswith("::error")]
    title = "title=docmodels%3A generated code is out of date"
    assert annotations == [
        f"::error file={SESSION_DOC},line={line},col=92,{title}::generated/{p} differs from what this doc produces. "
        "Run `docmodels gen` and commit the result."
        for p in ("docs/php/components/session.md", "example_models/php/components/session.py")
    ]
    assert "::group::docmodels diff" in result.out


def test_github_format_annotates_input_errors(project: Path, run) -> None:
    SESSION_DOC.write_text(SESSION_DOC.read_text().replace(":heavy_check_mark:", "maybe", 1))
    result = run("check", "--format", "github", "--strict")
    assert result.code == 2
    assert result.out.startswith(
        f"::error file={SESSION_DOC},line=8,col=181,title=docmodels DM111::Required cell"
    )


def test_exit_nonzero_on_change_for_hooks(project: Path, run) -> None:
    assert run("gen", "--exit-nonzero-on-change").code == 1
    assert run("gen", "--exit-nonzero-on-change").code == 0


def test_output_paths_that_leave_the_output_folder_are_refused(project: Path, run) -> None:
    from generator.sync.plan import UnsafePathError, check_path

    for bad in ("../x.py", "/etc/x", "a/../../x", "C:/x", ""):
        with pytest.raises(UnsafePathError):
            check_path(bad)
    assert check_path("a/./b/../c.py") == "a/c.py"
    target = project / "my_templates" / "escape"
    target.mkdir(parents=True)
    (target / "manifest.toml").write_text(
        'name = "escape"\n[[outputs]]\ngroup = "models"\neach = "package"\ntemplate = "x.j2"\n'
        'path = "../outside.py"\nformat = "none"\n'
    )
    (target / "x.j2").write_text("x = 1\n")
    result = run("gen", "--templates", "my_templates", "--target", "escape")
    assert (
        result.code == 2
        and "error[DM400]: output path `../outside.py` would leave the output folder" in result.err
    )
    assert not (project / "outside.py").exists() and not (project / "generated").exists()


def _count_black(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths black formats from now on, in order."""
    import generator.pipeline

    formatted: list[str] = []
    real = generator.pipeline.format_all

    def counting(items):  # type: ignore[no-untyped-def]
        formatted.extend(path for path, _ in items)
        return real(items)

    monkeypatch.setattr(generator.pipeline, "format_all", counting)
    return formatted


def test_built_in_templates_skip_black_and_match_it(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.formatting import format_python

    # With the property tests too: their strategies are long nested calls, laid out as black would.
    formatted = _count_black(monkeypatch)
    assert run("gen").code == 0
    assert formatted == []  # every line of specs/' output fits: black has nothing to do
    for module in sorted((project / "generated").rglob("*.py")):
        assert format_python(str(module), module.read_text()) == module.read_text(), module


@pytest.mark.parametrize("target", ["attrs", "pydantic", "msgspec", "typeddict"])
def test_each_targets_runtime_skips_black(
    project: Path, run, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """The runtime module is the largest file of a package and the same in every run: its template prints
    black's layout, so a cold run never pays black for it."""
    formatted = _count_black(monkeypatch)
    assert run("gen", "--target", target, "--outputs", "models", "--out", "o").code == 0
    assert (project / "o/example_models/_runtime.py").is_file()
    assert "example_models/_runtime.py" not in formatted


def test_unchanged_files_are_not_formatted_again(
    project: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.pipeline

    # As for a target whose templates do not write black's style: every file needs black.
    monkeypatch.setattr(generator.pipeline, "fits", lambda text: False)
    formatted = _count_black(monkeypatch)
    run("gen")
    assert len(formatted) > 20
    formatted.clear()
    _edit_created_at_description()
    assert run("gen").code == 0
    assert formatted == [
        "example_models/php/components/session.py"
    ]  # only the module whose text changed
    formatted.clear()
    assert run("check").code == 0
    assert formatted == []


def test_a_check_without_cache_reads_unchanged_files_back_instead_of_judging_them(
    project: Path, run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A fresh CI machine: the manifest says which text each file was rendered from; a file rendered from
    the same text and not changed since is taken as it is, and `fits` judges only the others."""
    import generator.pipeline

    assert run("gen").code == 0
    judged: list[str] = []
    real = generator.pipeline.fits
    monkeypatch.setattr(generator.pipeline, "fits", lambda text: judged.append(text) or real(text))
    monkeypatch.setenv("DOCMODELS_CACHE_DIR", str(tmp_path / "fresh-cache"))
    assert run("check").code == 0
    assert judged == []
    module = project / "generated/example_models/php/components/session.py"
    module.write_text(module.read_text().replace("class Session(", "class Hacked("))
    monkeypatch.setenv("DOCMODELS_CACHE_DIR", str(tmp_path / "another-fresh-cache"))
    assert run("check").code == 1
    assert len(judged) == 1 and "class Session(" in judged[0]


def test_a_hand_edited_generated_file_is_never_trusted(project: Path, run) -> None:
    run("gen")
    module = project / "generated/example_models/php/components/session.py"
    original = module.read_text()
    module.write_text(original.replace("class Session(", "class Hacked("))
    result = run("check")
    assert result.code == 1 and "-class Hacked(" in result.out and "+class Session(" in result.out
    assert run("gen").code == 0 and module.read_text() == original
