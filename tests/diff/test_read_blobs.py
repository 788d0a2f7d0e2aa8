"""The reader's in-memory seam: docs given as (where, bytes) read as the same files on disk read."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reader import discover, read_blobs, read_docs
from tests.diff.docs import enum, link, model, write_tree


def test_blobs_read_as_their_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = write_tree(
        tmp_path,
        {
            "User": model("User", [("role", link("Role"), True, "The role.")]),
            "Role": enum("Role", ["admin"]),
            "Broken": "# 1Broken\n",
            "Empty": "   \n",
        },
    )
    on_disk = read_docs([root], "python")
    blobs = [(ref, Path(file).read_bytes()) for file, ref in discover([root])]
    in_memory = read_blobs(blobs, [root], "python")
    assert in_memory == on_disk
    assert [m.key.name for m in in_memory.models] == ["Role", "User"]
    # `# 1Broken` with no model section is no model doc (an info); the empty doc is a warning.
    assert {d.code for d in in_memory.diagnostics} >= {"DM107", "DM134"}


def test_blobs_are_held_to_the_file_limits(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"User": model("User", [("id", "*str*", True, "Id.")])})
    ref = discover([root])[0][1]
    spec = read_blobs([(ref, b"\xff\xfe not utf-8"), (ref, b"x" * (3 * 1024 * 1024))], [root])
    assert [d.code for d in spec.diagnostics] == ["DM100", "DM115"]
