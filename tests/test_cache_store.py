"""The cache store: entries come back only as written, for the key, section, stamp and format they were
written for; anything else is missing, and writing is whole or nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from generator import cache_store
from generator.cache_store import BadEntry, Store

VALUE = {"files": [["a.py", "1", None, 3.5, True]], "text": "tab\t, newline\n, \udcff, é"}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "cache")


def entry(store: Store, section: str = "render", key: str = "k") -> Path:
    path = store.entry_path(section, key)
    assert path is not None
    return path


def test_a_value_comes_back_as_it_was_written(store: Store) -> None:
    assert store.save("render", "k", "v1", VALUE)
    assert store.load("render", "k", "v1") == VALUE
    lines = [cache_store.dumps(VALUE), cache_store.dumps([1, 2])]
    assert store.save_lines("pages", "k", "v1", lines)
    assert store.load_lines("pages", "k", "v1", lambda found: found) == lines


def test_each_entry_is_a_header_line_and_json(store: Store) -> None:
    store.save("render", "k", "v1", VALUE)
    head, _, payload = entry(store).read_bytes().partition(b"\n")
    assert head.split()[:3] == [b"docmodels-cache", b"1", b"render"]
    assert b"\n" not in payload  # one line of JSON: a newline in a value is escaped


def test_another_key_stamp_section_or_format_is_missing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save("render", "k", "v1", VALUE)
    assert store.load("render", "k", "v2") is None
    assert store.load("render", "other", "v1") is None
    monkeypatch.setattr(cache_store, "FORMAT", cache_store.FORMAT + 1)
    assert store.load("render", "k", "v1") is None


def test_an_entry_copied_to_another_key_or_section_is_missing(store: Store) -> None:
    store.save("render", "k", "v1", VALUE)
    for section, key in (("render", "other"), ("fastpath", "k")):
        copy = entry(store, section, key)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(entry(store).read_bytes())
        assert store.load(section, key, "v1") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # truncated
        lambda data: data[: data.index(b"\n")],  # the header alone
        lambda data: data.replace(b'"a.py"', b'"b.py"'),  # the payload changed, not its digest
        lambda data: data.replace(b"docmodels-cache", b"docmodels-cachf"),
        lambda data: b"",
        lambda data: b"\x80\x04\x95garbage",
        lambda data: data + b"\n",
    ],
)
def test_a_damaged_entry_is_missing(store: Store, damage: Any) -> None:
    store.save("render", "k", "v1", VALUE)
    path = entry(store)
    path.write_bytes(damage(path.read_bytes()))
    assert store.load("render", "k", "v1") is None


def test_an_entry_its_section_cannot_validate_is_missing(store: Store) -> None:
    store.save("render", "k", "v1", VALUE)

    def rejects(value: Any) -> Any:
        raise BadEntry("not what this section writes")

    assert store.load("render", "k", "v1", rejects) is None
    for wrong in (lambda v: v["missing"], lambda v: v["files"][9], lambda v: v.nothing, int):
        assert store.load("render", "k", "v1", wrong) is None


def test_a_deeply_nested_payload_is_missing_not_a_crash(store: Store) -> None:
    store.save_lines("render", "k", "v1", [b"[" * 100_000 + b"]" * 100_000])
    assert store.load("render", "k", "v1") is None


def test_an_entry_that_is_no_regular_file_is_missing(store: Store, tmp_path: Path) -> None:
    store.save("render", "k", "v1", VALUE)
    path = entry(store)
    real = tmp_path / "elsewhere.entry"
    path.rename(real)
    path.symlink_to(real)
    assert store.load("render", "k", "v1") is None
    path.unlink()
    path.mkdir()
    assert store.load("render", "k", "v1") is None


def test_an_entry_over_the_size_limit_is_neither_written_nor_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save("render", "k", "v1", VALUE)
    monkeypatch.setattr(cache_store, "MAX_ENTRY_BYTES", 64)
    assert store.load("render", "k", "v1") is None
    assert not store.save("render", "k2", "v1", VALUE)


def test_a_store_of_no_folder_keeps_nothing() -> None:
    nothing = Store(None)
    assert not nothing.keeps
    assert not nothing.save("render", "k", "v1", VALUE)
    assert nothing.load("render", "k", "v1") is None


def test_an_unknown_section_is_a_programming_error(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown cache section"):
        store.save("bytecode", "k", "v1", VALUE)


def test_a_folder_that_cannot_be_written_keeps_nothing_and_raises_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    store = Store(blocked / "cache")
    assert not store.save("render", "k", "v1", VALUE)
    assert store.load("render", "k", "v1") is None


def test_a_write_that_fails_midway_leaves_the_old_entry_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save("render", "k", "v1", VALUE)
    before = entry(store).read_bytes()

    def fails(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fails)
    assert not store.save("render", "k", "v1", {"new": "value"})
    assert entry(store).read_bytes() == before
    assert store.load("render", "k", "v1") == VALUE
    assert os.listdir(entry(store).parent) == [entry(store).name]  # no temporary file left


def test_each_section_keeps_at_most_its_limit_newest_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(cache_store.LIMITS, "render", 3)
    for number in range(6):
        assert store.save("render", f"k{number}", "v1", number)
        os.utime(entry(store, key=f"k{number}"), ns=(number * 10**9, number * 10**9))
    store.save("render", "k5", "v1", 5)  # the newest, written again
    kept = [n for n in range(6) if store.load("render", f"k{n}", "v1") is not None]
    assert kept == [3, 4, 5]
