"""A typo never deletes: gen removes files it wrote before only when the run can know they are unwanted."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from generator.sync.disk import existing_files
from generator.sync.guard import Removal, refusals
from generator.sync.plan import MANIFEST

DOC = (
    "# {0}\n\n{0} of the test.\n\n## Fields\n\n| Field | Type | Required | Description |\n"
    "| --- | --- | --- | --- |\n| `name` | *string* | :heavy_check_mark: | The name. |\n"
)
LINE = re.compile(r"^generated/\.docmodels-manifest\.json:1:1: error\[(DM4\d\d)\]: ")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p: hashlib.sha256((folder / p).read_bytes()).hexdigest() for p in existing_files(folder)
    }


def codes(err: str) -> list[str]:
    return [m.group(1) for line in err.splitlines() if (m := LINE.match(line))]


def small_project(root: Path, names: list[str]) -> None:
    """A project of independent models (one doc each) in `models/`."""
    (root / "models").mkdir()
    for name in names:
        (root / "models" / f"{name.lower()}.md").write_text(DOC.format(name), encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.docmodels]\ndocs = ["models"]\nout = "generated"\npackage = "pkg"\n',
        encoding="utf-8",
    )


def test_a_typo_in_the_docs_path_is_an_error_and_removes_nothing(project: Path, run) -> None:
    assert run("gen").code == 0
    before = snapshot(project / "generated")
    (project / "docs" / "typo").mkdir(parents=True)
    for path in ("docs/typo", "docs/nope"):
        result = run("gen", path)
        assert result.code == 2, result.out
        assert "removed" not in result.out
        assert f"{path}:1:1: error[DM303]: docs path `{path}`" in result.err
    assert "holds no markdown docs" in run("gen", "docs/typo").err
    assert "does not exist" in run("check", "docs/nope").err
    assert snapshot(project / "generated") == before


def test_docs_that_produce_no_models_never_remove_anything_even_with_prune(
    project: Path, run
) -> None:
    assert run("gen").code == 0
    before = snapshot(project / "generated")
    (project / "notes").mkdir()
    (project / "notes" / "todo.md").write_text("Just some notes, no model.\n", encoding="utf-8")
    for extra in ([], ["--prune"]):
        result = run("gen", "notes", *extra)
        assert result.code == 2
        assert "DM408" in codes(result.err), result.err
        assert "produce no models" in result.err and "nothing was written" in result.err
    assert snapshot(project / "generated") == before


def test_a_narrower_run_is_refused_and_writes_nothing_then_prune_removes(
    project: Path, run
) -> None:
    assert run("gen").code == 0
    before = snapshot(project / "generated")
    session = project / "specs/php/Models/Components/Session.md"
    session.write_text(session.read_text().replace("Unix timestamp of creation.", "Made then."))
    result = run("gen", "specs/php")
    assert result.code == 2
    assert codes(result.err) == ["DM409", "DM410"], result.err
    # The first refusal names a bounded sample and the count; the next one refers to it.
    first, second = (line for line in result.err.splitlines() if LINE.match(line))
    found = re.search(r"gen would remove the (\d+) files it wrote before \(generated/", first)
    assert found, first
    stale = int(found.group(1))
    assert stale > 5 and f"and {stale - 5} more)" in first
    assert len(re.findall(r"generated/\S+\.(?:py|md)", first)) == 5
    assert "this run reads specs/php, but generated was made from specs" in first
    assert "--prune" in first and f"the {stale} files listed above" in second
    # Nothing at all was written: not the changed Session module either.
    assert snapshot(project / "generated") == before
    pruned = run("gen", "specs/php", "--prune")
    assert pruned.code == 0 and f"{stale} removed" in pruned.out
    manifest = json.loads((project / "generated" / MANIFEST).read_text())
    assert manifest["docs"] == ["../specs/php"]
    # Back to the configured folders: the output was made from specs/php now, so this run reads others too.
    back = run("gen")
    assert back.code == 2 and "DM409" in codes(back.err)
    assert "if the configured folders are right, add --prune" in back.err
    assert run("gen", "--prune").code == 0
    assert json.loads((project / "generated" / MANIFEST).read_text())["docs"] == ["../specs"]


def test_a_wider_or_other_run_over_folders_that_are_not_the_record_is_refused(
    tmp_path: Path, run, monkeypatch
) -> None:
    small_project(tmp_path, ["Alpha", "Beta", "Gamma", "Delta"])
    monkeypatch.chdir(tmp_path)
    assert run("gen").code == 0
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "omega.md").write_text(DOC.format("Omega"), encoding="utf-8")
    (tmp_path / "models" / "delta.md").unlink()
    result = run("gen", "models", "more")
    assert result.code == 2 and codes(result.err) == ["DM409"], result.err
    assert not (tmp_path / "generated/pkg/omega.py").exists()
    assert run("gen", "models", "more", "--prune").code == 0
    assert (tmp_path / "generated/pkg/omega.py").exists()
    assert not (tmp_path / "generated/pkg/delta.py").exists()


def test_removing_more_than_half_needs_prune_and_half_or_less_does_not(
    tmp_path: Path, run, monkeypatch
) -> None:
    small_project(tmp_path, ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"])
    monkeypatch.chdir(tmp_path)
    assert run("gen").code == 0
    (tmp_path / "models" / "zeta.md").unlink()
    one = run("gen")
    assert one.code == 0 and " 3 removed" in one.out  # module, doc page, test of one model
    owned = len(json.loads((tmp_path / "generated" / MANIFEST).read_text())["files"])
    dropped = ["beta", "gamma", "delta", "epsilon"]
    for name in dropped:
        (tmp_path / "models" / f"{name}.md").unlink()
    assert 3 * len(dropped) * 2 > owned  # more than half
    before = snapshot(tmp_path / "generated")
    result = run("gen")
    assert result.code == 2 and codes(result.err) == ["DM410"], result.err
    assert f"more than half of the {owned} files it wrote before" in result.err
    assert snapshot(tmp_path / "generated") == before
    pruned = run("gen", "--prune")
    assert pruned.code == 0 and f" {3 * len(dropped)} removed" in pruned.out
    modules = {p.name for p in (tmp_path / "generated/pkg").glob("*.py")}
    assert "alpha.py" in modules and not modules & {f"{name}.py" for name in dropped}


def test_the_manifest_records_the_doc_folders_sorted_and_relative(project: Path, run) -> None:
    assert run("gen", "specs/typescript", "./specs/php/", "specs/php").code == 0
    manifest = json.loads((project / "generated" / MANIFEST).read_text())
    assert manifest["docs"] == ["../specs/php", "../specs/typescript"]
    assert run("gen", "--out", "deep/er/out").code == 0
    manifest = json.loads((project / "deep/er/out" / MANIFEST).read_text())
    assert manifest["docs"] == ["../../../specs"]


def _forget_folders(out: Path) -> None:
    """Make the manifest one that an older docmodels wrote: no record of the doc folders."""
    manifest = json.loads((out / MANIFEST).read_text())
    del manifest["docs"]
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def test_an_old_manifest_trusts_only_a_run_over_the_configured_folders(project: Path, run) -> None:
    assert run("gen").code == 0
    _forget_folders(project / "generated")
    Path("specs/typescript/models/components/legacymachine.md").unlink()
    named = run("gen", "specs")
    assert named.code == 2 and codes(named.err) == ["DM409"], named.err
    assert "does not record" in named.err
    configured = run("gen")
    assert configured.code == 0 and " 3 removed" in configured.out, configured.err
    manifest = json.loads((project / "generated" / MANIFEST).read_text())
    assert manifest["docs"] == ["../specs"]


def test_an_old_manifest_still_guards_against_a_narrower_run(project: Path, run) -> None:
    assert run("gen").code == 0
    _forget_folders(project / "generated")
    before = snapshot(project / "generated")
    result = run("gen", "specs/typescript")
    assert result.code == 2 and "DM409" in codes(result.err)
    assert snapshot(project / "generated") == before


def test_refusals_are_reported_in_json_and_github_formats(project: Path, run) -> None:
    assert run("gen").code == 0
    result = run("gen", "specs/php", "--format", "json")
    assert result.code == 2
    reported = json.loads(result.out)["diagnostics"]
    assert [d["code"] for d in reported] == ["DM409", "DM410"]
    github = run("gen", "specs/php", "--format", "github")
    assert github.code == 2
    assert "::error file=generated/.docmodels-manifest.json,line=1" in github.out


def test_a_blocked_file_and_a_refused_removal_are_listed_at_once(project: Path, run) -> None:
    assert run("gen").code == 0
    # A run over specs/php alone writes its docs without the php/ folder: put a file of the user's there.
    mine = project / "generated/docs/components/session.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("mine\n")
    before = snapshot(project / "generated")
    result = run("gen", "specs/php")
    assert result.code == 2
    assert "generated/docs/components/session.md:1:1: error[DM401]" in result.err
    assert codes(result.err) == ["DM409", "DM410"]
    assert snapshot(project / "generated") == before


@pytest.mark.parametrize(
    ("stale", "recorded", "reading", "models", "configured", "prune", "expected"),
    [
        (2, ("../docs",), ("../docs",), 3, False, False, []),  # exactly half: allowed
        (3, ("../docs",), ("../docs",), 3, False, False, ["DM410"]),
        (3, ("../docs",), ("../docs",), 3, False, True, []),
        (1, ("../docs",), ("../docs/a",), 3, False, False, ["DM409"]),
        (1, ("../docs",), ("../docs", "../more"), 3, True, False, ["DM409"]),
        (1, None, ("../docs",), 3, True, False, []),  # an older manifest, the configured folders
        (1, None, ("../docs",), 3, False, False, ["DM409"]),
        (1, ("../docs",), ("../docs",), 0, False, True, ["DM408"]),
        (
            0,
            ("../docs",),
            ("../elsewhere",),
            0,
            False,
            False,
            [],
        ),  # nothing to remove: nothing to refuse
    ],
)
def test_the_removal_rules(
    tmp_path: Path,
    stale: int,
    recorded: tuple[str, ...] | None,
    reading: tuple[str, ...],
    models: int,
    configured: bool,
    prune: bool,
    expected: list[str],
) -> None:
    files = [f"pkg/m{i}.py" for i in range(stale)]
    removal = Removal("out", tmp_path / "out", files, 4, recorded, reading, models, configured)
    assert [d.code for d in refusals(removal, prune)] == expected
