"""What parsed pages show, and drafts, are kept between runs by each doc's text, and used only while they apply."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

import generator.reader as reader
from generator.cache_store import Store
from generator.ir import Model
from generator.reader import page_cache
from generator.reader.document import DocRef
from generator.reader.page import Page
from tests.helpers import SPECS


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(SPECS, folder)
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "cache")


def empty_store(tmp_path: Path) -> Store:
    return Store(tmp_path / "empty")


def counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text parsed from now on (by this process: below the parallel threshold)."""
    parsed: list[str] = []
    real = reader.parse_page

    def parse(text: str) -> Page:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(reader, "parse_page", parse)
    return parsed


def cache_files(store: Store) -> list[Path]:
    assert store.folder is not None
    return sorted((store.folder / "pages").glob("*.entry"))


def kept(store: Store, docs: Path) -> page_cache.PageCache:
    """What the store keeps for the docs, as the next run reads it."""
    return page_cache.PageCache(store, [docs])


def test_a_second_read_parses_nothing_and_gives_the_same_ir(
    docs: Path, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    first = reader.read_docs([docs], store=store)
    parsed = counting_parses(monkeypatch)
    second = reader.read_docs([docs], store=store)
    assert parsed == []
    assert second == first
    assert len(cache_files(store)) == 1


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
    docs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: Store
) -> None:
    reader.read_docs([docs], store=store)
    changed = sorted(docs.rglob("*.md"))[3]
    text = changed.read_text(encoding="utf-8") + "\nA new closing paragraph.\n"
    changed.write_text(text, encoding="utf-8")
    parsed = counting_parses(monkeypatch)
    read = counting_reads(monkeypatch)
    cached = reader.read_docs([docs], store=store)
    assert parsed == [text]
    assert [Path(p).name for p in read] == [changed.name]
    assert cached == reader.read_docs([docs], store=empty_store(tmp_path))


def test_a_doc_read_in_another_dialect_is_parsed_and_read_again(
    docs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: Store
) -> None:
    detected = reader.read_docs([docs], store=store)
    read = counting_reads(monkeypatch)
    parsed = counting_parses(monkeypatch)
    forced = reader.read_docs([docs], "python", store=store)
    assert len(read) == len(list(docs.rglob("*.md")))
    # Pages are not kept: a draft to make again needs its page again.
    assert len(parsed) == len(read)
    assert forced != detected
    assert forced == reader.read_docs([docs], "python", store=empty_store(tmp_path))


def test_the_cache_keeps_what_pages_show_not_the_pages(docs: Path, store: Store) -> None:
    reader.read_docs([docs], store=store)
    facts = kept(store, docs).facts.kept
    assert len(facts) == len(list(docs.rglob("*.md")))
    for (dialect, unclosed), _ in facts.values():
        assert dialect is None or dialect in reader.DIALECTS
        assert isinstance(unclosed, tuple)


def test_an_unclosed_fence_is_reported_again_when_its_page_is_not_parsed_again(
    docs: Path, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    doc = sorted(docs.rglob("*.md"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n```json\n{\n", encoding="utf-8")
    first = [d for d in reader.read_docs([docs], store=store).diagnostics if d.code == "DM117"]
    parsed = counting_parses(monkeypatch)
    again = [d for d in reader.read_docs([docs], store=store).diagnostics if d.code == "DM117"]
    assert parsed == []
    assert len(first) == 1
    assert again == first


def test_the_cache_keeps_only_the_pages_of_the_last_run(docs: Path, store: Store) -> None:
    reader.read_docs([docs], store=store)
    before = kept(store, docs)
    removed = sorted(docs.rglob("*.md"))[0]
    removed.unlink()
    reader.read_docs([docs], store=store)
    after = kept(store, docs)
    assert len(after.facts.kept) == len(before.facts.kept) - 1
    assert after.facts.kept.keys() < before.facts.kept.keys()
    assert after.drafts.kept.keys() < before.drafts.kept.keys()


def test_a_cache_from_other_reader_code_is_ignored(
    docs: Path, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    reader.read_docs([docs], store=store)
    monkeypatch.setattr(page_cache, "_tag", lambda: "another version of the reader")
    parsed = counting_parses(monkeypatch)
    reader.read_docs([docs], store=store)
    assert len(parsed) == len(list(docs.rglob("*.md")))


def entry_of(store: Store, docs: Path, payload: list[bytes]) -> None:
    """Replace the docs' entry by one whose header verifies, over `payload` lines."""
    cache = kept(store, docs)
    assert store.save_lines("pages", cache.where, cache.tag, payload)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        pickle.dumps(["wrong", "shape"]),
        b"docmodels-cache 1 pages 0 0 0\n[{},[]]",
    ],
)
def test_a_damaged_cache_is_ignored_and_replaced(
    docs: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, store: Store
) -> None:
    expected = reader.read_docs([docs], store=store)
    cache_files(store)[0].write_bytes(content)
    parsed = counting_parses(monkeypatch)
    assert reader.read_docs([docs], store=store) == expected
    assert parsed
    assert len(kept(store, docs).drafts.kept) == len(expected.models)


@pytest.mark.parametrize(
    "change",
    [
        lambda line: line.replace(b'"php"', b'"klingon"', 1),  # read in a dialect no reader knows
        lambda line: line.replace(b'"object"', b'"class"', 1),  # a model kind the IR has not
        lambda line: line.replace(b'"string"', b'"str"', 1),  # a type kind the IR has not
        lambda line: line.replace(b"[", b"[1,", 1),  # one value too many
        lambda line: line[:-5],  # cut short
        lambda line: json.dumps({"model": "a dict"}).encode(),
    ],
)
def test_a_draft_the_cache_did_not_write_is_never_used(
    docs: Path, monkeypatch: pytest.MonkeyPatch, store: Store, change: Any
) -> None:
    expected = reader.read_docs([docs], store=store)
    cache = kept(store, docs)
    facts = json.dumps({k: plain for k, (_, plain) in cache.facts.kept.items()}).encode()
    lines = [line for _, line in cache.drafts.kept.values()]
    damaged = [change(line) for line in lines]
    assert damaged != lines
    entry_of(store, docs, [facts, *damaged])
    parsed = counting_parses(monkeypatch)
    assert reader.read_docs([docs], store=store) == expected
    assert parsed  # the whole entry counted as missing


def test_a_dialect_the_reader_does_not_know_is_never_used(
    docs: Path, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    expected = reader.read_docs([docs], store=store)
    cache = kept(store, docs)
    facts = {k: ["klingon", plain[1]] for k, (_, plain) in cache.facts.kept.items()}
    entry_of(store, docs, [json.dumps(facts).encode()])
    assert reader.read_docs([docs], store=store) == expected


def test_a_store_that_keeps_nothing_reads_the_same_and_writes_nothing(
    docs: Path, tmp_path: Path
) -> None:
    nothing = Store(None)
    assert reader.read_docs([docs], store=nothing) == reader.read_docs([docs])
    assert not (tmp_path / "cache").exists()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(docs: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    store = Store(blocked / "cache")
    assert reader.read_docs([docs], store=store).models
    assert reader.read_docs([docs], store=store) == reader.read_docs([docs], store=store)
