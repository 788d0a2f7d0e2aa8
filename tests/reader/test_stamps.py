"""The stamps a run takes at its end name exactly the docs it read: the same docs, found twice or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reader import Stamps, changed_docs, discover, read_docs, stamp_docs

DOC = (
    "# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
    "| `id` | *string* | :heavy_check_mark: | The id. |\n"
)


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for rel in ("docs/A.md", "docs/sub/B.md", "docs/sub/deeper/C.md", "docs/_hidden/D.md"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DOC.format(name=path.stem), encoding="utf-8")
    return tmp_path / "docs"


@pytest.mark.parametrize(
    "roots",
    [
        ["docs"],
        ["docs", "docs/sub"],
        ["docs/sub", "docs"],
        ["docs/sub/B.md", "docs"],
        ["./docs/", "docs/sub/../sub"],
        ["{abs}", "docs/sub"],
    ],
)
def test_the_stamps_name_each_doc_discovered_once(docs: Path, roots: list[str]) -> None:
    paths = [Path(r.format(abs=docs)) for r in roots]
    found = discover(paths)
    stamps: Stamps = {}
    read_docs(paths, stamps=stamps)
    assert set(stamp_docs(paths)) == {doc.display for _, doc in found} == set(stamps)
    assert changed_docs(paths, stamps) == []


def test_a_doc_added_or_changed_during_a_run_is_reported(docs: Path) -> None:
    stamps: Stamps = {}
    read_docs([Path("docs")], stamps=stamps)
    (docs / "sub" / "E.md").write_text(DOC.format(name="E"), encoding="utf-8")
    (docs / "A.md").write_text(DOC.format(name="A") + "\nMore.\n", encoding="utf-8")
    assert [d.span.path for d in changed_docs([Path("docs")], stamps)] == [
        "docs/A.md",
        "docs/sub/E.md",
    ]
