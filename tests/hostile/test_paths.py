"""Paths: nothing is ever read through a link out of the docs or written outside the output folder."""

from __future__ import annotations

import posixpath
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.reader import read_docs
from generator.render.naming import MAX_MODULE_NAME
from generator.sync.plan import UnsafePathError, check_path

from .docs import config, generate

DOC = (
    "# {0}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
    "| `x` | *string* | :heavy_check_mark: | d |\n"
)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(["..", ".", "", "a", "/", "\\", "C:", "x\x00", "~", "%2e%2e", "a..b"]),
        max_size=6,
    ).map("/".join)
    | st.text(max_size=20)
)
def test_check_path_never_lets_a_path_leave_the_output_folder(path: str) -> None:
    try:
        normal = check_path(path)
    except UnsafePathError:
        return
    joined = posixpath.normpath(posixpath.join("/out", normal))
    assert joined.startswith("/out/") and joined != "/out"


@pytest.mark.parametrize(
    "title", ["../../etc/x", "/etc/passwd", "..", "a/b", "C:\\x", "x\x00y", "~root"]
)
def test_a_title_that_is_a_path_is_diagnosed_and_nothing_is_written(
    tmp_path: Path, title: str
) -> None:
    docs = tmp_path / "deep" / "docs"
    docs.mkdir(parents=True)
    (docs / "doc.md").write_text(DOC.format(title), encoding="utf-8")
    spec = read_docs([docs])
    assert any(d.code == "DM102" and d.span.line == 1 for d in spec.diagnostics), spec.diagnostics
    assert spec.models == () and len(spec.skipped) == 1
    before = tree(tmp_path)
    # --strict: the warning fails the run, and nothing is written.
    built = generate(replace(config(tmp_path, "p", docs), strict=True))
    assert built.failed
    assert tree(tmp_path) == before
    # Otherwise the doc is skipped and the rest is written, all of it inside the output folder.
    built = generate(config(tmp_path, "p", docs))
    assert not built.failed
    after = tree(tmp_path)
    assert {p: b for p, b in after.items() if not p.startswith("out/")} == before
    assert not any(title in p for p in after)


def test_docs_in_folders_with_odd_names_are_written_inside_the_output_folder(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    for folder in ["..a", "a..", "-x", "1st", "class", "__pycache__x", "ünï", "con", "a b"]:
        (docs / folder).mkdir(parents=True)
        (docs / folder / "m.md").write_text(DOC.format("M"), encoding="utf-8")
    outside = tree(tmp_path)
    built = generate(config(tmp_path, "p", docs))
    assert not built.failed, [d.render() for d in built.diagnostics]
    out = (tmp_path / "out").resolve()
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out)
    assert {k: v for k, v in tree(tmp_path).items() if not k.startswith("out/")} == outside


def test_a_doc_linked_from_outside_the_docs_folder_is_skipped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(DOC.format("Secret"), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "model.md").write_text(DOC.format("Model"), encoding="utf-8")
    (docs / "secret.md").symlink_to(secret)
    (docs / "linked_folder").symlink_to(tmp_path, target_is_directory=True)
    (docs / "loop.md").symlink_to(docs / "loop.md")
    spec = read_docs([docs])
    assert [m.title for m in spec.models] == ["Model"]
    skipped = {(Path(d.span.path).name, d.code) for d in spec.diagnostics}
    assert ("secret.md", "DM135") in skipped
    assert ("loop.md", "DM135") in skipped


def test_a_link_inside_the_docs_folder_is_read(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "real").mkdir(parents=True)
    (docs / "real" / "model.md").write_text(DOC.format("Model"), encoding="utf-8")
    (docs / "alias.md").symlink_to(docs / "real" / "model.md")
    spec = read_docs([docs])
    assert not any(d.code == "DM135" for d in spec.diagnostics)


def test_a_symlinked_folder_in_the_output_never_leads_a_write_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "model.md").write_text(DOC.format("Model"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    out = tmp_path / "out"
    out.mkdir()
    (out / "p").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "pyproject.toml").write_text("[tool.docmodels]\n")
    code = main(
        [
            "gen",
            str(docs),
            "--out",
            str(out),
            "--package",
            "p",
            "--config",
            str(tmp_path / "pyproject.toml"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "DM402" in err
    assert tree(elsewhere) == {"keep.txt": b"mine"}
    assert sorted(p.name for p in out.iterdir()) == ["p"]  # not even the manifest was written


def test_a_symlinked_file_in_the_output_is_not_followed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "model.md").write_text(DOC.format("Model"), encoding="utf-8")
    first = generate(config(tmp_path, "p", docs))
    assert not first.failed
    victim = tmp_path / "victim.py"
    victim.write_text("precious")
    target = tmp_path / "out" / "p" / "model.py"
    target.unlink()
    target.symlink_to(victim)
    (docs / "model.md").write_text(DOC.format("Model").replace("| d |", "| changed |"))
    generate(config(tmp_path, "p", docs))
    assert victim.read_text() == "precious"


def test_very_long_names_give_short_distinct_stable_file_names(tmp_path: Path) -> None:
    docs = tmp_path / "docs" / ("Folder" * 40)
    docs.mkdir(parents=True)
    titles = ["Ab" * 150, "Ab" * 150 + "C", "Ab" * 149]
    for i, title in enumerate(titles):
        (docs / f"m{i}.md").write_text(DOC.format(title).replace("`x`", f"`{'x' * 300}`"))
    names = []
    for _ in range(2):
        built = generate(config(tmp_path, "p"))
        assert not built.failed, [d.render() for d in built.diagnostics]
        names.append(sorted(p.name for p in (tmp_path / "out").rglob("*")))
    assert names[0] == names[1]
    assert max(len(n.encode()) for n in names[0]) <= 255  # what file systems allow
    modules = [p.stem for p in (tmp_path / "out" / "p").rglob("*.py")]
    assert max(len(m) for m in modules) <= MAX_MODULE_NAME
    assert len([n for n in names[0] if n.startswith("ab_ab") and n.endswith(".py")]) == len(titles)
