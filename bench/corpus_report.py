"""Per corpus folder: docs read, models, type cells understood, links resolved, import, generated tests, time.

Usage: python bench/corpus_report.py [CORPUS] > report.md   (default: ../shared/corpus beside the project)
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
        codes = Counter(f"{d.severity}:{d.code}" for d in built.diagnostics)
        spec = built.spec
        fields = [f for m in spec.models for f in m.fields]
        cells_not_understood = codes["error:DM120"]
        links = [r for m in spec.models for f in m.fields for r in refs(f.type)]
        unresolved = codes["error:DM200"] + codes["error:DM201"] + codes["error:DM202"]
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
        "type cells": f"{len(fields)}/{len(fields) + cells_not_understood}",
        "links": f"{len(links) - unresolved}/{len(links)}",
        "untyped aliases": codes["warning:DM104"],
        "left out": f"{codes['info:DM106']} rows, {sum(codes[f'info:DM10{n}'] for n in (1, 2, 5, 7))} pages",
        "imports": imports,
        "generated tests": tests,
        "read+gen s": f"{generated:.1f}",
        "errors": sum(n for k, n in codes.items() if k.startswith("error:")),
    }


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    folders = sorted(p for d in corpus.iterdir() if d.is_dir() for p in d.iterdir() if p.is_dir())
    rows = [report(f) for f in folders]
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
