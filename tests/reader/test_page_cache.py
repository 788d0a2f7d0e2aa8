"""What parsed pages show, and drafts, are kept between runs by each doc's text, and used only while they apply."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

import generator.reader as reader
from generator.ir import Model
from generator.reader import page_cache
from generator.reader.document import DocRef
from generator.reader.page import Page
from generator.user_cache import cache_folder
from tests.conftest import SPECS


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(SPECS, folder)
    return folder


def counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text parsed from now on (by this process: below the parallel threshold)."""
    parsed: list[str] = []
    real = reader.parse_page

    def parse(text: str) -> Page:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(reader, "parse_page", parse)
    return parsed


def cache_files() -> list[Path]:
    return sorted(cache_folder().glob("pages-*.pickle"))


def test_a_second_read_parses_nothing_and_gives_the_same_ir(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = reader.read_docs([docs])
    parsed = counting_parses(monkeypatch)
    second = reader.read_docs([docs])
    assert parsed == []
    assert second == first
    assert len(cache_files()) == 1


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display path of every doc the reader makes a model of from now on."""
    read: list[str] = []
    real = reader.read_document

    def read_document(doc: DocRef, *args: Any) -> Model | None:
        read.append(doc.display)
        return real(doc, *args)

    monkeypatch.setattr(reader, "read_document", read_document)
    return read


def test_only_changed_docs_are_parsed_and_read_again(
    docs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reader.read_docs([docs])
    changed = sorted(docs.rglob("*.md"))[3]
    text = changed.read_text(encoding="utf-8") + "\nA new closing paragraph.\n"
    changed.write_text(text, encoding="utf-8")
    parsed = counting_parses(monkeypatch)
    read = counting_reads(monkeypatch)
    cached = reader.read_docs([docs])
    assert parsed == [text]
    assert [Path(p).name for p in read] == [changed.name]
    monkeypatch.setenv("DOCMODELS_CACHE_DIR", str(tmp_path / "empty"))
    assert cached == reader.read_docs([docs])


def test_a_doc_read_in_another_dialect_is_parsed_and_read_again(
    docs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    detected = reader.read_docs([docs])
    read = counting_reads(monkeypatch)
    parsed = counting_parses(monkeypatch)
    forced = reader.read_docs([docs], "python")
    assert len(read) == len(list(docs.rglob("*.md")))
    # Pages are not kept: a draft to make again needs its page again.
    assert len(parsed) == len(read)
    assert forced != detected
    monkeypatch.setenv("DOCMODELS_CACHE_DIR", str(tmp_path / "empty"))
    assert forced == reader.read_docs([docs], "python")


def test_the_cache_keeps_what_pages_show_not_the_pages(docs: Path) -> None:
    reader.read_docs([docs])
    _, facts, _ = pickle.loads(cache_files()[0].read_bytes())
    assert len(facts) == len(list(docs.rglob("*.md")))
    for dialect, unclosed in facts.values():
        assert dialect is None or dialect in reader.DIALECTS
        assert isinstance(unclosed, tuple)


def test_an_unclosed_fence_is_reported_again_when_its_page_is_not_parsed_again(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = sorted(docs.rglob("*.md"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n```json\n{\n", encoding="utf-8")
    first = [d for d in reader.read_docs([docs]).diagnostics if d.code == "DM117"]
    parsed = counting_parses(monkeypatch)
    again = [d for d in reader.read_docs([docs]).diagnostics if d.code == "DM117"]
    assert parsed == []
    assert len(first) == 1
    assert again == first


def test_the_cache_keeps_only_the_pages_of_the_last_run(docs: Path) -> None:
    reader.read_docs([docs])
    before = pickle.loads(cache_files()[0].read_bytes())[1]
    drafts_before = pickle.loads(cache_files()[0].read_bytes())[2]
    removed = sorted(docs.rglob("*.md"))[0]
    removed.unlink()
    reader.read_docs([docs])
    after = pickle.loads(cache_files()[0].read_bytes())[1]
    assert len(after) == len(before) - 1
    assert after.keys() < before.keys()
    drafts_after = pickle.loads(cache_files()[0].read_bytes())[2]
    assert drafts_after.keys() < drafts_before.keys()


def test_a_cache_from_other_reader_code_is_ignored(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader.read_docs([docs])
    monkeypatch.setattr(page_cache, "_tag", lambda: "another version of the reader")
    parsed = counting_parses(monkeypatch)
    reader.read_docs([docs])
    assert len(parsed) == len(list(docs.rglob("*.md")))


@pytest.mark.parametrize(
    "content", [b"", b"not a pickle", pickle.dumps(["wrong", "shape"]), pickle.dumps(("a", {}, {}))]
)
def test_a_damaged_cache_is_ignored_and_replaced(
    docs: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    expected = reader.read_docs([docs])
    cache_files()[0].write_bytes(content)
    parsed = counting_parses(monkeypatch)
    assert reader.read_docs([docs]) == expected
    assert parsed
    assert pickle.loads(cache_files()[0].read_bytes())[0] == page_cache._tag()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    docs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("DOCMODELS_CACHE_DIR", str(blocked / "cache"))
    assert reader.read_docs([docs]).models
    assert reader.read_docs([docs]) == reader.read_docs([docs])
