"""The floor (measurement 6): read every doc, write as many files of the same sizes as docmodels writes.

Usage: python bench/floor.py DOCS_DIR OUT_DIR SIZES_JSON (a JSON list of file sizes in bytes).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(docs: Path, out: Path, sizes_file: Path) -> int:
    total = 0
    for folder, dirs, files in os.walk(docs):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                total += len((Path(folder) / name).read_bytes())
    sizes = json.loads(sizes_file.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    for number, size in enumerate(sizes):
        (out / f"f{number}.py").write_bytes(b"x" * size)
    print(f"read {total} bytes, wrote {len(sizes)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
