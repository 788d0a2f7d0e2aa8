"""`docmodels fmt`: canonical layout, the same IR before and after, idempotent, `--check` with a diff."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.docfmt.layout import format_doc
from generator.docfmt.meaning import meaning, page_dialect, without_positions
from generator.docfmt.table import split_row
from generator.ir_json import spec_json
from generator.reader import read_docs
from tests.helpers import CORPUS, SPECS


def _ir(folder: Path) -> Any:
    spec = spec_json(read_docs([folder]))
    spec["diagnostics"] = sorted((d["severity"], d["code"]) for d in spec["diagnostics"])
    return without_positions(spec)


def test_specs_round_trip_to_an_identical_ir_and_are_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SPECS, tmp_path / "specs")
    before = _ir(Path("specs"))
    assert main(["fmt", "specs"]) == 0
    assert _ir(Path("specs")) == before
    docs = sorted((tmp_path / "specs").rglob("*.md"))
    assert docs and all(format_doc(d.read_text("utf-8")) == d.read_text("utf-8") for d in docs)
    assert main(["fmt", "--check", "specs"]) == 0


def _corpus_doc(path: str) -> str | None:
    """None when the doc formats to the same meaning and is stable; else what went wrong."""
    text = Path(path).read_text(encoding="utf-8-sig")
    once = format_doc(text)
    if once != text:
        dialect = page_dialect(text)
        if meaning(text, dialect) != meaning(once, dialect):
            return f"{path}: meaning changed"
    if format_doc(once) != once:
        return f"{path}: not idempotent"
    return None


@pytest.mark.corpus
def test_every_corpus_doc_keeps_its_meaning_and_formats_once() -> None:
    docs = [str(p) for p in sorted(CORPUS.rglob("*.md")) if not p.name.startswith(("_", "."))]
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        problems = [p for p in pool.map(_corpus_doc, docs, chunksize=200) if p]
    assert len(docs) > 10_000
    assert problems == []


HAND_WRITTEN = """

# Thing
Described.

## Notes
Free text.
## Fields
|name|description|type|required|
|-|-|:-:|-|
|a|x \\| y|int|✓
|~~b~~||string|-|
## Example Usage
```json
{"a": 1}
```
"""

CANONICAL = """# Thing
Described.

## Example Usage

```json
{"a": 1}
```

## Fields

| Name    | Type   | Required | Description |
| ------- | :----: | -------- | ----------- |
| `a`     | int    | yes      | x \\| y      |
| ~~`b`~~ | string | no       |             |

## Notes

Free text.
"""


def test_canonical_layout() -> None:
    assert format_doc(HAND_WRITTEN) == CANONICAL
    assert format_doc(CANONICAL) == CANONICAL
    dialect = page_dialect(HAND_WRITTEN)
    assert meaning(HAND_WRITTEN, dialect) == meaning(CANONICAL, dialect)


def test_split_row_keeps_escapes() -> None:
    assert split_row("| a \\| b | `c` |") == ["a \\| b", "`c`"]
    assert split_row("a | b") == ["a", "b"]
    assert split_row("| a |  |") == ["a", ""]


def test_check_prints_a_diff_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "thing.md"
    doc.write_text(HAND_WRITTEN, encoding="utf-8")
    assert main(["fmt", "--check", "docs"]) == 1
    out = capsys.readouterr().out
    assert "--- a/docs/thing.md" in out and "+++ b/docs/thing.md" in out
    assert doc.read_text("utf-8") == HAND_WRITTEN
    assert main(["fmt", "docs"]) == 0
    assert doc.read_text("utf-8") == CANONICAL
    assert main(["fmt", "--check", "docs"]) == 0


def test_unreadable_doc_is_an_error_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(HAND_WRITTEN, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_bytes(b"# B\n\xff\n")
    assert main(["fmt", "docs"]) == 2
    assert (tmp_path / "docs" / "a.md").read_text("utf-8") == HAND_WRITTEN
