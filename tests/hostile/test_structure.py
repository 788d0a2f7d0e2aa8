"""Broken docs: each gives its diagnostic (path, line, stable code), all of them in one run, in bounded time
and memory; nothing crashes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import CODES
from generator.reader import MAX_DOC_BYTES, MAX_DOC_LINES, read_docs
from generator.reader.document import MAX_TABLE_ROWS

from .docs import config, generate

HEAD = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
ROW = "| `x` | *string* | :heavy_check_mark: | d |\n"


def fields(title: str, rows: str, head: str = HEAD) -> str:
    return f"# {title}\n\n## Fields\n\n{head}{rows}"


#: file name -> (content, the code it must give, the line of that diagnostic)
BROKEN: dict[str, tuple[str | bytes, str, int]] = {
    "no_header.md": ("# A\n\n## Fields\n\n" + ROW, "DM119", 5),
    "no_separator.md": (
        "# B\n\n## Fields\n\n| Field | Type | Required | Description |\n" + ROW,
        "DM119",
        5,
    ),
    "short_row.md": (fields("C", "| `x` | *string* |\n"), "DM131", 7),
    "long_row.md": (
        fields("D", "| `x` | *string* | :heavy_check_mark: | d | e | f |\n"),
        "DM131",
        7,
    ),
    "unclosed_fence.md": ("# E\n\n```typescript\nlet x = 1;\n\n" + fields("Gone", ROW), "DM117", 3),
    "table_outside.md": ("# F\n\nA model.\n\n" + HEAD + ROW, "DM118", 5),
    "two_fields.md": (fields("G", ROW) + "\n## Fields\n\n" + HEAD + ROW, "DM114", 9),
    "duplicate_field.md": (fields("H", ROW + ROW), "DM113", 8),
    "unknown_type.md": (fields("I", "| `x` | *wibble<<* | :heavy_check_mark: | d |\n"), "DM120", 7),
    "dangling_link.md": (
        fields("J", "| `x` | [components.Nope](nope.md) | :heavy_check_mark: | d |\n"),
        "DM200",
        7,
    ),
    "bad_required.md": (fields("K", "| `x` | *string* | maybe | d |\n"), "DM111", 7),
    "bad_name.md": (fields("L", "| two words | *string* | :heavy_check_mark: | d |\n"), "DM112", 7),
    "empty.md": ("", "DM134", 1),
    "blank.md": ("\n\n   \n", "DM134", 1),
    "binary.md": (bytes(range(256)) * 8, "DM116", 1),
    "utf16.md": ("# M\n".encode("utf-16"), "DM116", 1),
    "latin1.md": ("# Café\n\nnaïve\n".encode("latin-1"), "DM100", 1),
    "bad_enum.md": ('# N\n\n## Values\n\n```typescript\n"a" | b\n```\n', "DM121", 6),
    "headless_values.md": ("# O\n\n## Values\n\n| `A` | a |\n", "DM119", 5),
}


def write(folder: Path, files: dict[str, tuple[str | bytes, str, int]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _, _) in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)


def test_every_broken_doc_gets_its_diagnostic_in_one_run(tmp_path: Path) -> None:
    write(tmp_path / "docs", BROKEN)
    spec = read_docs([tmp_path / "docs"])
    got = {(Path(d.span.path).name, d.code, d.span.line) for d in spec.diagnostics}
    for name, (_, code, line) in BROKEN.items():
        assert (name, code, line) in got, (name, sorted(g for g in got if g[0] == name))
    for d in spec.diagnostics:
        assert d.code in CODES and d.span.line >= 1 and d.span.column >= 1


def test_the_cli_lists_every_problem_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: object
) -> None:
    write(tmp_path / "docs", BROKEN)
    (tmp_path / "pyproject.toml").write_text("[tool.docmodels]\n")
    code = main(
        [
            "gen",
            str(tmp_path / "docs"),
            "--out",
            str(tmp_path / "out"),
            "--config",
            str(tmp_path / "pyproject.toml"),
        ]
    )
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert code == 2
    assert not (tmp_path / "out").exists()
    for name, (_, code_, line) in BROKEN.items():
        assert f"{name}:{line}:" in err and f"[{code_}]" in err, name


def test_huge_docs_are_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    with (docs / "fifty_mb.md").open("wb") as handle:  # a 50 MB doc
        line = b"| `x` | *string* | :heavy_check_mark: | " + b"d" * 60 + b" |\n"
        handle.write(b"# Huge\n\n## Fields\n\n" + HEAD.encode())
        handle.write(line * (50 * 1024 * 1024 // len(line)))
    rows = "".join(f"|a{i}|b|c|d|\n" for i in range(100_000))  # 100,000 rows, under the size limit
    (docs / "many_rows.md").write_text(fields("Rows", rows), encoding="utf-8")
    big_table = "".join(
        f"| `f{i}` | *string* | :heavy_check_mark: | d |\n" for i in range(MAX_TABLE_ROWS + 1)
    )
    (docs / "big_table.md").write_text(fields("Table", big_table), encoding="utf-8")
    assert (docs / "fifty_mb.md").stat().st_size > MAX_DOC_BYTES * 20
    assert len(rows.encode()) < MAX_DOC_BYTES and rows.count("\n") > MAX_DOC_LINES
    tracemalloc.start()
    start = time.monotonic()
    spec = read_docs([docs])
    elapsed = time.monotonic() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    got = {(Path(d.span.path).name, d.code) for d in spec.diagnostics}
    assert {("fifty_mb.md", "DM115"), ("many_rows.md", "DM132"), ("big_table.md", "DM133")} <= got
    assert elapsed < 20, elapsed
    assert peak < 200 * 1024 * 1024, peak


@pytest.mark.slow
def test_link_cycles_and_a_model_that_contains_itself_generate_and_their_tests_pass(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    link = "| `{0}` | [components.{1}]({2}) | {3} | d |\n"
    (docs / "a.md").write_text(fields("A", link.format("b", "B", "b.md", ":heavy_minus_sign:")))
    (docs / "b.md").write_text(fields("B", link.format("c", "C", "c.md", ":heavy_minus_sign:")))
    (docs / "c.md").write_text(fields("C", link.format("a", "A", "a.md", ":heavy_minus_sign:")))
    (docs / "node.md").write_text(
        fields("Node", link.format("next", "Node", "node.md", ":heavy_minus_sign:") + ROW)
    )
    (docs / "tree.md").write_text(
        fields("Tree", "| `children` | [components.Tree](tree.md)[] | :heavy_check_mark: | d |\n")
    )
    built = generate(config(tmp_path, "cyclic"))
    assert not built.failed, [d.render() for d in built.diagnostics]
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "out"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(tmp_path / "out" / "tests"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_a_required_field_of_its_own_type_does_not_hang(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "loop.md").write_text(
        fields("Loop", "| `me` | [components.Loop](loop.md) | :heavy_check_mark: | d |\n")
    )
    start = time.monotonic()
    built = generate(config(tmp_path, "loop"))
    assert time.monotonic() - start < 30
    assert built.failed or (tmp_path / "out" / "loop").is_dir()


def test_a_fifo_or_a_vanished_doc_is_diagnosed_without_hanging(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    os.mkfifo(docs / "pipe.md")  # reading it would block forever
    spec = read_docs([docs, tmp_path / "missing.md"])
    got = {(Path(d.span.path).name, d.code, d.message) for d in spec.diagnostics}
    assert ("pipe.md", "DM100", "cannot read: not a regular file") in got
    assert ("missing.md", "DM100", "cannot read: no such file") in got


def test_a_doc_that_grows_after_its_size_is_taken_is_read_to_the_limit_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.reader as reader

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "grown.md").write_bytes(
        fields("Grown", ROW * (MAX_DOC_BYTES // len(ROW) + 10)).encode()
    )
    (docs / "small.md").write_text(fields("Small", ROW), encoding="utf-8")
    real = reader._stat

    def stale(file: Path) -> tuple[os.stat_result | None, bool]:
        """The stat of the file as it was: 100 bytes long."""
        info, linked = real(file)
        assert info is not None
        return os.stat_result((*info[:6], 100, *info[7:])), linked

    monkeypatch.setattr(reader, "_stat", stale)
    spec = read_docs([docs])
    got = {(Path(d.span.path).name, d.code, d.message) for d in spec.diagnostics}
    assert ("grown.md", "DM115", f"not read: more than {MAX_DOC_BYTES:,} bytes") in got
    # A doc that grew below the limit is read whole, not cut at its old size.
    assert [(m.title, len(m.fields)) for m in spec.models] == [("Small", 1)]
