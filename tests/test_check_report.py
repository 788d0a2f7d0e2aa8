"""`check` says what the user needs: the manifest is docmodels' own record, never a changed file; a generated
file edited by hand is reported at its own path, not as a change at line 1 of its doc; counts match the lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.sync.plan import MANIFEST

SESSION_DOC = Path("specs/php/Models/Components/Session.md")
SESSION_MODULE = Path("generated/example_models/php/components/session.py")


def _summary_counts(summary: str) -> dict[str, int]:
    inside = re.search(r"\(([^)]*)\)", summary)
    assert inside, summary
    return {
        what: int(n)
        for n, what in re.findall(r"(\d+) (changed|edited by hand|missing|extra)", inside.group(1))
    }


def test_the_manifest_is_never_shown_as_a_changed_file(project: Path, run) -> None:
    assert run("gen").code == 0
    manifest = json.loads((project / "generated" / MANIFEST).read_text())
    manifest["version"] = "0.0.0"
    (project / "generated" / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    text = run("check")
    assert text.code == 1
    assert MANIFEST not in text.out
    assert text.out.strip() == (
        "docmodels check: generated has drifted from the docs (its manifest is out of date); "
        "run `docmodels gen` to update it"
    )
    report = json.loads(run("check", "--format", "json").out)
    assert report["changed"] == [] and report["edited"] == [] and report["missing"] == []
    assert report["manifest_changed"] is True and report["in_sync"] is False
    github = run("check", "--format", "github").out
    assert MANIFEST not in github


def test_summary_and_lists_agree_when_docs_change(project: Path, run) -> None:
    assert run("gen").code == 0
    SESSION_DOC.write_text(
        SESSION_DOC.read_text().replace("Unix timestamp of creation.", "When it was made.")
    )
    Path("specs/typescript/models/components/legacymachine.md").unlink()
    report = json.loads(run("check", "--format", "json").out)
    counts = _summary_counts(report["summary"])
    assert counts.get("changed", 0) == len(report["changed"]) > 0
    assert counts.get("missing", 0) == len(report["missing"])
    assert counts.get("extra", 0) == len(report["extra"]) > 0
    assert not any(MANIFEST in item["path"] for item in report["changed"])
    text = run("check")
    assert f"a/generated/{MANIFEST}" not in text.out
    assert text.out.count("--- a/generated/") == counts["changed"]
    assert _summary_counts(text.out.strip().splitlines()[-1]) == counts


def _edit_by_hand(project: Path) -> str:
    original = (project / SESSION_MODULE).read_text()
    edited = original.replace("class Session(", "class Hacked(")
    (project / SESSION_MODULE).write_text(edited)
    lines = original.splitlines()
    return str(next(i for i, line in enumerate(lines, start=1) if "class Session(" in line))


def test_a_hand_edited_file_is_reported_at_its_own_path_and_line(project: Path, run) -> None:
    assert run("gen").code == 0
    line = _edit_by_hand(project)
    text = run("check")
    assert text.code == 1
    assert (
        f"edited: {SESSION_MODULE.as_posix()}:{line}: edited by hand since docmodels wrote it; "
        "run `docmodels gen` to regenerate it" in text.out
    )
    assert "-class Hacked(" in text.out  # the diff shows what was edited
    assert "(1 edited by hand)" in text.out.strip().splitlines()[-1]
    report = json.loads(run("check", "--format", "json").out)
    assert report["changed"] == []
    assert [(e["path"], e["line"]) for e in report["edited"]] == [
        (SESSION_MODULE.as_posix(), int(line))
    ]
    assert _summary_counts(report["summary"]) == {"edited by hand": 1}
    github = run("check", "--format", "github").out
    annotations = [a for a in github.splitlines() if a.startswith("::error ")]
    assert annotations == [
        f"::error file={SESSION_MODULE.as_posix()},line={line},col=1,title=docmodels%3A edited by "
        "hand::edited by hand since docmodels wrote it; run `docmodels gen` to regenerate it "
        "(change the doc or the templates instead)"
    ]
    # No annotation points at the doc (the diff may quote the docstring that names it).
    assert all("Session.md" not in a for a in github.splitlines() if a.startswith("::"))
    assert run("gen").code == 0 and run("check").code == 0


def test_a_hand_edited_file_whose_doc_also_changed_is_a_change_of_the_doc(
    project: Path, run
) -> None:
    assert run("gen").code == 0
    _edit_by_hand(project)
    SESSION_DOC.write_text(
        SESSION_DOC.read_text().replace("Unix timestamp of creation.", "When it was made.")
    )
    report = json.loads(run("check", "--format", "json").out)
    assert report["edited"] == []
    assert SESSION_MODULE.as_posix() in [c["path"] for c in report["changed"]]


def test_lines_added_at_the_end_are_reported_at_the_first_added_line(project: Path, run) -> None:
    assert run("gen").code == 0
    original = (project / SESSION_MODULE).read_text()
    (project / SESSION_MODULE).write_text(original + "print('mine')\n")
    report = json.loads(run("check", "--format", "json").out)
    assert [e["line"] for e in report["edited"]] == [len(original.splitlines()) + 1]
