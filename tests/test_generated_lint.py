"""Generated code a linter likes: ruff's default rules find nothing in generated/, imports are laid out as
ruff's isort rule wants them, and the text is what a reader wants (no placeholder docstrings, no stray
escapes in the docs pages).

Every style's output of specs/ and of a corpus folder per dialect is checked by ruff in test_styles.py and
test_corpus.py, where it is generated anyway.
"""

from __future__ import annotations

import ast
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.render.import_order import all_key, sections
from generator.render.layout import import_block
from tests.helpers import GENERATED, ROOT, assert_ruff_clean, escaped_pipes_outside_tables

#: Import lines that exercise each of isort's rules: sections, plain before `from`, case-insensitive natural
#: order of modules and of names (constants, classes, the rest), relative imports furthest first, renames.
TRICKY_IMPORTS = (
    "from __future__ import annotations",
    "import json",
    "import warnings",
    "from typing import TypeAlias",
    "from typing import TYPE_CHECKING, Annotated",
    "from typing import Any, cast",
    "from dataclasses import dataclass, field",
    "from datetime import datetime",
    "from decimal import Decimal",
    "import pytest",
    "import attrs",
    "from pydantic import Field",
    "from m import _runtime",
    "from m.shared.schema10 import Schema10",
    "from m.shared.schema2 import Schema2",
    "from m.Shared.zeta import Zeta",
    "from .. import _runtime",
    "from ..shared.a_b import AB",
    "from ...top import Top",
    "from . import php as php",
    "from . import runtime as runtime",
    "from .item10 import Item10",
    "from .item2 import Item2",
    "from .item2_extra import Item2Extra",
    "from .user import User as SharedUser",
    "from .user import USER_ID, UserKind, user_of",
    "from .UPPER import UPPER",
)


def _ruff(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=cwd, capture_output=True, text=True
    )


def test_generated_folder_is_ruff_clean() -> None:
    # From the project's root, as a user runs ruff: the generated package is third-party there.
    assert_ruff_clean(GENERATED, cwd=ROOT)


def test_import_block_is_what_ruffs_isort_rule_wants_in_any_input_order(tmp_path: Path) -> None:
    shuffler = random.Random(24)
    blocks = set()
    for _ in range(5):
        lines = list(TRICKY_IMPORTS)
        shuffler.shuffle(lines)
        blocks.add(import_block([lines[:9], lines[9:]]))
    assert len(blocks) == 1, "the order of the input lines shows in the output"
    (tmp_path / "module.py").write_text(blocks.pop() + "\n", encoding="utf-8")
    done = _ruff(["check", "--no-cache", "--isolated", "--select", "I", "module.py"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_sections_merge_one_module_and_keep_renames_apart() -> None:
    found = sections(["from typing import Any", "from typing import TYPE_CHECKING", "import json"])
    assert found == [["import json", "from typing import TYPE_CHECKING, Any"]]
    renamed = sections(["from .user import User as SharedUser", "from .user import UserKind"])
    assert renamed == [["from .user import User as SharedUser", "from .user import UserKind"]]


def test_dunder_all_order_is_what_ruff_wants(tmp_path: Path) -> None:
    names = ["RestAPIv2Void", "RestAPIVoid", "Item10", "Item2", "MAX", "helper", "ABC2", "Abc"]
    text = "__all__ = [" + ", ".join(repr(n) for n in sorted(names, key=all_key)) + "]\n"
    (tmp_path / "module.py").write_text(text, encoding="utf-8")
    done = _ruff(["check", "--no-cache", "--isolated", "--select", "RUF022", "module.py"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_generated_class_has_a_docstring_that_repeats_its_name() -> None:
    placeholders = []
    for path in sorted((GENERATED / "example_models").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                doc = ast.get_docstring(node) or ""
                if re.fullmatch(rf"(The )?`?{node.name}`?( model)?\.?", doc):
                    placeholders.append(f"{path.name}: {node.name}")
    assert not placeholders


def test_a_model_the_doc_says_nothing_of_names_its_doc() -> None:
    # SessionResponse's doc has no description: its docstring says which doc to change.
    path = GENERATED / "example_models/typescript/components/session_response.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    doc = ast.get_docstring(cls) or ""
    assert doc == "Generated from `typescript/models/components/sessionresponse.md`."
    assert (ROOT / "specs" / "typescript/models/components/sessionresponse.md").is_file()


def test_generated_docs_have_no_escaped_pipe_outside_tables() -> None:
    assert not escaped_pipes_outside_tables(GENERATED / "docs")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("| a \\| b |", []),
        ("```python\nX = A \\| B\n```", ["page.md:2"]),
        ("a \\| b", ["page.md:1"]),
    ],
)
def test_escaped_pipes_are_found_outside_tables_only(
    text: str, found: list[str], tmp_path: Path
) -> None:
    (tmp_path / "page.md").write_text(text + "\n", encoding="utf-8")
    assert escaped_pipes_outside_tables(tmp_path) == found
