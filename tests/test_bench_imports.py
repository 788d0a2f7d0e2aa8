"""The import-time bench's pure parts (bench/import_time.py): its synthetic docs and its summary."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.ir import Ref, walk_type
from generator.reader import read_docs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from import_time import (  # noqa: E402
    over_floor,
    package_import_us,
    report_lines,
    write_synthetic_docs,
)


def test_synthetic_docs_read_as_a_tree_with_sibling_cycles(tmp_path: Path) -> None:
    spec = read_docs([write_synthetic_docs(tmp_path, 7)])
    assert not [d for d in spec.diagnostics if d.severity == "error"]
    refs = {
        m.key.name: sorted(
            {p.key.name for f in m.fields for p in walk_type(f.type) if isinstance(p, Ref)}
        )
        for m in spec.models
    }
    assert refs["Kind"] == []
    assert refs["Model0"] == ["Kind", "Model1"]
    assert refs["Model5"] == ["Kind", "Model2", "Model4"]
    assert refs["Model6"] == ["Kind", "Model3"]  # its sibling, Model7, is not there
    assert len(refs) == 8


def test_summary_lists_each_statement_and_the_budget_test_reads_the_package_import() -> None:
    row = {"statement": "import synth", "median_s": 0.05, "over_floor_s": 0.01, "modules_loaded": 1}
    results = {
        "target": "dataclasses",
        "python_c_pass_s": 0.04,
        "clerk": {"skipped": "no docs at /nowhere"},
        "synthetic": {
            "modules_in_package": 3,
            "package": row,
            "one_model": dict(row, statement="from synth.a import A", over_floor_s=0.2),
            "package_then_attribute": dict(row, statement="import synth; synth.A"),
        },
    }
    assert over_floor(results) == {"synthetic": 0.01}
    lines = report_lines(results)
    assert any("no docs at /nowhere" in line for line in lines)
    assert any("`from synth.a import A`" in line and "+200 ms" in line for line in lines)


def test_importtime_counts_the_package_entries_at_the_top_level_only() -> None:
    log = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:       100 |        100 | site",
            "import time:        20 |         20 |     synth",
            "import time:        30 |        500 |   synth._runtime",
            "import time:        40 |        900 | synth.components.a",
            "import time:         5 |          5 | synthetic_other",
            "import time:        10 |         70 | synth.components.b",
        ]
    )
    assert package_import_us(log, "synth") == 970
