"""The table rule docmodels runs: markdown-it's own, with a faster cell splitter that must cut rows alike."""

from __future__ import annotations

import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.reader.page import _parser, _width
from generator.reader.table_rule import PROBES, split_row, use_fast_tables
from tests.helpers import CORPUS, SPECS

TABLE_MODULE = sys.modules["markdown_it.rules_block.table"]
STOCK_SPLIT: Callable[[str], list[str]] = TABLE_MODULE.escapedSplit


def stock_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")


def tokens(md: MarkdownIt, text: str) -> list[MutableMapping[str, Any]]:
    return [token.as_dict() for token in md.parse(text)]


@given(st.text(alphabet="|\\` a-:\t", max_size=40))
def test_rows_are_cut_where_markdown_it_cuts_them(row: str) -> None:
    assert split_row(row) == STOCK_SPLIT(row)


@pytest.mark.parametrize("probe", PROBES)
def test_the_probes_are_cut_alike(probe: str) -> None:
    assert split_row(probe) == STOCK_SPLIT(probe)


def test_docmodels_parser_runs_the_fast_rule() -> None:
    assert TABLE_MODULE.table not in _parser().block.ruler.getRules("")


def test_the_fast_rule_stands_where_the_stock_one_stands_in_every_chain() -> None:
    fast, stock = _parser(), stock_parser()
    fast_rule = fast.block.ruler.getRules("")[
        stock.block.ruler.getRules("").index(TABLE_MODULE.table)
    ]
    assert fast_rule is not TABLE_MODULE.table
    for chain in ("", "paragraph", "reference", "blockquote", "list"):
        assert [rule is fast_rule for rule in fast.block.ruler.getRules(chain)] == [
            rule is TABLE_MODULE.table for rule in stock.block.ruler.getRules(chain)
        ]


def test_markdown_it_itself_is_left_as_it_was() -> None:
    md = stock_parser()
    assert use_fast_tables(md)
    assert TABLE_MODULE.escapedSplit is STOCK_SPLIT
    assert TABLE_MODULE.table in stock_parser().block.ruler.getRules("")


TRICKY = """# Model

| Field | Type | Description |
| ----- | ---- | ----------- |
| `a` | *str* | pipes \\| escaped, \\\\| twice, `code | span` |
| `b` | *int* | short row |
| `c` |
trailing text that continues the table
> a quote ends it

A paragraph that a table interrupts
| x | y |
| - | - |
| 1 | 2 |
"""


def test_a_tricky_table_parses_to_the_same_tokens() -> None:
    assert tokens(_parser(), TRICKY) == tokens(stock_parser(), TRICKY)


def assert_same_tokens(docs: list[Path]) -> None:
    fast, stock = _parser(), stock_parser()
    for doc in docs:
        text = doc.read_text(encoding="utf-8", errors="replace")
        assert tokens(fast, text) == tokens(stock, text), doc


def test_every_spec_parses_to_the_same_tokens() -> None:
    docs = sorted(SPECS.rglob("*.md"))
    assert len(docs) >= 10
    assert_same_tokens(docs)


@pytest.mark.corpus
def test_a_corpus_sample_parses_to_the_same_tokens() -> None:
    docs = sorted(CORPUS.rglob("*.md"))[::25]
    assert len(docs) > 40
    assert_same_tokens(docs)


def test_a_splitter_that_cuts_otherwise_keeps_the_stock_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def splits_code_spans_apart(row: str) -> list[str]:
        return STOCK_SPLIT(row.replace("`", "|"))

    monkeypatch.setattr(TABLE_MODULE, "escapedSplit", splits_code_spans_apart)
    md = stock_parser()
    assert not use_fast_tables(md)
    assert TABLE_MODULE.table in md.block.ruler.getRules("")


def test_a_rule_that_no_longer_calls_the_splitter_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    stock_rule = TABLE_MODULE.table

    def table(state: object, start: int, end: int, silent: bool) -> bool:
        return bool(stock_rule(state, start, end, silent))

    monkeypatch.setattr(TABLE_MODULE, "table", table)
    md = stock_parser()
    md.block.ruler.at("table", table, {"alt": ["paragraph", "reference"]})
    assert not use_fast_tables(md)
    assert table in md.block.ruler.getRules("")


def test_without_the_table_rule_nothing_is_put_in() -> None:
    md = MarkdownIt("commonmark").disable("inline")
    assert not use_fast_tables(md)
    assert "table" not in md.block.ruler.get_active_rules()


def test_an_escaped_pipe_stays_in_its_cell_without_its_backslash() -> None:
    assert split_row("| a\\|b | c |") == ["", " a|b ", " c ", ""]


@given(st.text(alphabet="|\\` a", min_size=1, max_size=30))
def test_a_rows_width_counts_the_cells_the_splitter_cuts(row: str) -> None:
    text = row.strip()
    cells = split_row(text)
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        cells = cells[:-1]
    assert _width(row, -1) == (len(cells) if text else -1)
