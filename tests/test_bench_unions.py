"""The union-reading bench's parts (bench/union_read.py): what each column reads, and its report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from union_read import COLUMNS, generate, readers, report_lines  # noqa: E402


@pytest.mark.parametrize("target", ["dataclasses", "msgspec"])
def test_every_column_reads_the_member_the_tag_names(target: str, tmp_path: Path) -> None:
    package, folder = generate(target, tmp_path)
    sys.path.insert(0, str(folder))
    try:
        columns = readers(target, package)
        assert tuple(columns) == COLUMNS
        tagged = {
            name: [type(read(p)).__name__ for p in payloads]
            for name, (read, payloads) in columns.items()
        }
    finally:
        sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]
    # The same payloads read as the same members, however the union is read.
    assert (
        tagged["tagged"]
        == tagged["every member"]
        == tagged["first that reads"]
        == ["Circle", "Square"]
    )
    assert tagged["untagged"] == ["LogUpdateEvent", "EventUpdateEvent"]


def test_the_report_gives_each_column_as_a_ratio_to_the_tagged_read() -> None:
    figures = {"tagged": 2.0, "every member": 5.0, "first that reads": 3.0, "untagged": 8.0}
    lines = report_lines({"rounds": 3, "targets": {"pydantic": figures}})
    assert lines[1] == "| target | tagged | every member | first that reads | untagged |"
    assert lines[-1] == "| pydantic | 2.0 (1.00x) | 5.0 (2.50x) | 3.0 (1.50x) | 8.0 (4.00x) |"
