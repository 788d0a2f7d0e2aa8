"""Per corpus folder: docs read, models, type cells understood, links resolved, fields typed Any and docs
skipped for what the reader did not understand, import, generated tests, time; then the totals.

Usage: python bench/corpus_report.py [CORPUS | FOLDER...] > report.md
(default: every folder of ../shared/corpus beside the project; a FOLDER is one SDK's folder, such as
../shared/corpus/ts/dubinc__dub-ts)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from generator.config import Config
from generator.degradation import Degradation
from generator.ir import Link, Ref, TypeExpr, walk_type
from generator.pipeline import build
from generator.sync.disk import apply, compare

ROOT = Path(__file__).resolve().parent.parent


def refs(expr: TypeExpr) -> list[TypeExpr]:
    return [node for node in walk_type(expr) if isinstance(node, Ref | Link)]


def report(folder: Path) -> dict[str, object]:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        config = Config(
            (folder,),
            out,
            "corpus_models",
            ("models", "docs", "tests"),
            "dataclasses",
            None,
            "auto",
            None,
        )
        built = build(config)
        codes = Counter(d.code for d in built.diagnostics)
        spec = built.spec
        degraded = Degradation.of(spec)
        fields = [f for m in spec.models for f in m.fields]
        cells_not_understood = codes["DM120"]
        links = [r for m in spec.models for f in m.fields for r in refs(f.type)]
        # A link that leads to no model is typed any (no Ref is left of it): count it among the links.
        unresolved = codes["DM200"] + codes["DM201"] + codes["DM202"]
        generated = 0.0
        imports = tests = "not run"
        if built.plan is not None:
            apply(built.plan, out, compare(built.plan, out))
            generated = time.perf_counter() - started
            env = {"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""}
            imported = subprocess.run(
                [sys.executable, "-c", "import corpus_models"],
                cwd=out,
                env=env,
                capture_output=True,
            )
            imports = "yes" if imported.returncode == 0 else "NO"
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                cwd=out,
                env=env,
                capture_output=True,
                text=True,
            )
            tail = (
                done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]
            )
            tests = re.sub(r" in [\d.]+s.*", "", tail)
    docs = sum(1 for p in folder.rglob("*.md") if not p.name.startswith("_"))
    return {
        "folder": folder.relative_to(folder.parent.parent).as_posix(),
        "docs": docs,
        "models": len(spec.models),
        "type cells": f"{len(fields) - cells_not_understood}/{len(fields)}",
        "links": f"{len(links)}/{len(links) + unresolved}",
        "untyped aliases": codes["DM104"],
        "typed Any": degraded.fields + degraded.members,
        "rows left out": degraded.rows,
        "docs skipped": degraded.docs,
        "SDK rows": codes["DM106"],
        "warnings": sum(1 for d in built.diagnostics if d.severity == "warning"),
        "imports": imports,
        "generated tests": tests,
        "read+gen s": f"{generated:.1f}",
        "errors": sum(1 for d in built.diagnostics if d.severity == "error"),
    }


#: The columns that add up over folders (the totals row).
SUMMED = (
    "docs",
    "models",
    "untyped aliases",
    "typed Any",
    "rows left out",
    "docs skipped",
    "SDK rows",
    "warnings",
    "errors",
)


def totals(rows: list[dict[str, object]]) -> dict[str, object]:
    """The last row: sums of the countable columns, the others blank."""
    total: dict[str, object] = {key: "" for key in rows[0]}
    total["folder"] = f"**total ({len(rows)} folders)**"
    for key in SUMMED:
        total[key] = sum(int(str(row[key])) for row in rows)
    return total


def folders_of(args: list[str]) -> list[Path]:
    """The SDK folders to report: those named, or every folder of the corpus named (default: beside us)."""
    paths = [Path(a) for a in args] or [ROOT.parent / "shared" / "corpus"]
    found: list[Path] = []
    for path in paths:
        if (path / "_SOURCE.txt").is_file():
            found.append(path)
        else:
            found.extend(p for d in path.iterdir() if d.is_dir() for p in d.iterdir() if p.is_dir())
    return sorted(found)


def main() -> None:
    rows = [report(f) for f in folders_of(sys.argv[1:])]
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for row in [*rows, totals(rows)]:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
