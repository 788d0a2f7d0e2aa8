"""The same two versions give the same report bytes under any hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.diff.docs import Op, enum, link, model, page, union, write_tree
from tests.diff.test_rules import _MODELS

OLD = {
    **_MODELS,
    "Who": union("Who", ["Person", "Bot"]),
    "Person": model("Person", [("name", "*str*", True, "N."), ("role", link("Role"), True, "R.")]),
    "Bot": model("Bot", [("token", "*str*", True, "T.")]),
    "Role": enum("Role", ["admin", "member", "guest"]),
}
NEW = {
    **_MODELS,
    "Who": union("Who", ["Human", "Robot", "Team"]),
    "Human": model("Human", [("name", "*int*", True, "N."), ("role", link("Role"), False, "R.")]),
    "Robot": model("Robot", [("token", "*str*", True, "T."), ("owner", "*str*", True, "O.")]),
    "Team": model("Team", [("members", "List[*str*]", True, "M.")]),
    "Role": enum("Role", ["admin", "owner"]),
}


def test_the_report_is_the_same_under_every_hash_seed(tmp_path: Path) -> None:
    pages = {
        "users": page(
            "users", [Op("get", params=[("who", link("Who"), True, "Who.")], response="Who")]
        )
    }
    old = write_tree(tmp_path / "old", OLD, pages)
    new = write_tree(tmp_path / "new", NEW, pages)
    command = [sys.executable, "-m", "generator", "diff", str(old), str(new), "--dialect", "python"]
    command += ["--format", "json", "-v", "--fail-on", "never"]
    outputs = set()
    for seed in ("0", "1", "2"):
        done = subprocess.run(
            command,
            capture_output=True,
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert b'"union-member-added"' in outputs.pop()
