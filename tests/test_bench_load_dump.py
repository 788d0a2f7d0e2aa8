"""The load/dump bench's pure parts (bench/load_dump.py): finding the payloads and summarising the times."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from load_dump import (  # noqa: E402
    Payload,
    goals,
    payloads_of_test,
    ratio_goals,
    report_lines,
    summarise,
)

TEST_MODULE = '''"""Tests for `User`, generated from `php/Models/Components/User.md`."""

from typing import Any

from pkg import _runtime

from pkg.components.email import Email
from pkg.components.user import User

EXAMPLE: dict[str, Any] = {"id": "u1", "emails": [{"id": "e1"}], "n": -1.5}
'''


def test_a_generated_test_gives_its_example_and_the_class_it_tests() -> None:
    found = payloads_of_test(TEST_MODULE, "pkg")
    assert found == [
        Payload("components.user", "User", {"id": "u1", "emails": [{"id": "e1"}], "n": -1.5})
    ]


def test_a_test_without_example_or_import_gives_nothing() -> None:
    assert payloads_of_test(TEST_MODULE.replace("EXAMPLE", "OTHER"), "pkg") == []
    assert payloads_of_test(TEST_MODULE, "elsewhere") == []


def test_the_summary_gives_medians_and_ratios_to_pydantic() -> None:
    measured = {
        "times": {
            "dataclasses": {"load": [1e-6, 4e-6, 9e-6], "dump": [1e-6, 1e-6, 1e-6]},
            "pydantic": {"load": [2e-6, 2e-6, 3e-6], "dump": [2e-6, 2e-6, 2e-6]},
        }
    }
    summary = summarise(measured, [10, 30, 20])
    assert summary["dataclasses"]["load"]["median_us"] == 4.0
    assert summary["dataclasses"]["load"]["median_ratio_to_reference"] == 2.0
    assert summary["dataclasses"]["load"]["total_ratio_to_reference"] == 2.0
    assert summary["dataclasses"]["load"]["largest_payload_us"] == 4.0
    assert summary["dataclasses"]["dump"]["median_ratio_to_reference"] == 0.5
    assert summary["pydantic"]["load"]["median_ratio_to_reference"] == 1.0
    results = {
        "docs": "docs",
        "payloads": 3,
        "largest_payload": "a.B",
        "largest_bytes": 30,
        "summary": summary,
    }
    assert goals(results) == {
        "dataclasses load <= 1.0 x pydantic": False,
        "dataclasses dump <= 1.0 x pydantic": True,
    }
    lines = report_lines(results)
    assert any(line.startswith("| dataclasses | 4.0 | 1.0 | 2.0 | 0.5 |") for line in lines)


def test_a_bench_without_docs_says_so() -> None:
    assert report_lines({"skipped": "no docs at /nowhere"}) == [
        "load/dump of generated models: skipped (no docs at /nowhere)"
    ]


def test_the_goals_for_run_py_are_ratios_with_their_limits() -> None:
    figures = {"median_ratio_to_reference": 1.2}
    results = {"summary": {"attrs": {"load": figures}, "msgspec": {"load": figures}}}
    assert ratio_goals(results) == [("attrs load per payload / pydantic", 1.2, 1.5)]
