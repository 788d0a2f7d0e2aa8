"""How many generated Python files still need black: per style and output group, over the whole corpus.

A file goes to black when `generator.formatting.fits` cannot vouch that black would leave it as it is; the
templates' layout filters aim at none. Usage: python bench/black_survey.py [STYLES] (comma-separated,
default: every built-in Python style). Prints `style group: sent / all` per line.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from generator.formatting import fits
from generator.reader import read_docs
from generator.render.planner import render_files
from generator.render.targets import load_target

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
STYLES = ("dataclasses", "attrs", "pydantic", "msgspec", "typeddict")


def main(styles: tuple[str, ...]) -> int:
    sent: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    folders = sorted(p for d in sorted(CORPUS.iterdir()) if d.is_dir() for p in d.iterdir())
    for folder in (f for f in folders if f.is_dir()):
        spec = read_docs([folder])
        if spec.errors:
            continue
        for style in styles:
            for group in ("models", "tests"):
                files = render_files(spec, load_target(style), "corpus_models", (group,))
                python = [f for f in files if f.format == "black"]
                total[style, group] += len(python)
                sent[style, group] += sum(not fits(f.text) for f in python)
    for style, group in sorted(total):
        print(f"{style} {group}: {sent[style, group]} / {total[style, group]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(tuple(sys.argv[1].split(",")) if len(sys.argv) > 1 else STYLES))
