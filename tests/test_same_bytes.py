"""The same docs give the same bytes on the oldest and the newest Python: this interpreter (.venv's, the
oldest supported) and the newest one `make test` finds (.venv-newest, built by `make newest`).

Generated: specs/ in every built-in target, and a corpus sample (a few hundred docs across dialects, `type`
fields among them) when the corpus is beside the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.render.targets import known_targets
from tests.helpers import CORPUS, ROOT, SPECS

pytestmark = pytest.mark.slow

#: `DOCMODELS_NEWEST_PYTHON` names another interpreter (it needs jinja2, markdown-it-py and black).
NEWEST = Path(os.environ.get("DOCMODELS_NEWEST_PYTHON") or ROOT / ".venv-newest" / "bin" / "python")
#: Smaller corpus folders of several dialects, ~900 docs; dub-ts has `type` fields (Python 3.12's soft keyword).
CORPUS_FOLDERS = (
    "ts/dubinc__dub-ts",
    "php/speakeasy-sdks__tigris-php-sdk",
    "csharp/speakeasy-sdks__netevia-csharp-sdk",
    "unity/speakeasy-api__speakeasy-client-sdk-unity",
)


def version(python: Path | str) -> str:
    """`python`'s version, or "" when there is no such interpreter."""
    try:
        done = subprocess.run(
            [str(python), "-c", "import sys; print(sys.version.split()[0])"],
            capture_output=True,
            text=True,
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


#: What has differed between Pythons: soft keywords as names, and characters Unicode assigned after 14.0.
VERSIONED_DOCS = {
    "models/components/versioned.md": """# Versioned

## Example Usage

```typescript
let value: Versioned = {
  type: "a\U0001fae8",
  match: "b",
};
```

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| `type` | *string* | :heavy_check_mark: | Added in Unicode 15: \U0001fae8 |
| `match` | *string* | :heavy_minus_sign: | A soft keyword since 3.10. |
| `case` | [components.Type](../../models/components/type.md) | :heavy_minus_sign: | A model named `type`. |
""",
    "models/components/type.md": """# Type

## Values

```typescript
"\U0001fae8" | "b"
```
""",
}


def versioned_docs(folder: Path) -> Path:
    for name, text in VERSIONED_DOCS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def jobs(tmp_path: Path) -> list[tuple[str, Path, str]]:
    """(output folder, docs, target) for every generation to compare."""
    found = [(f"specs-{target}", SPECS, target) for target in known_targets()]
    docs = versioned_docs(tmp_path / "versioned")
    found += [(f"versioned-{target}", docs, target) for target in known_targets()]
    found += [
        (folder.replace("/", "-"), CORPUS / folder, "dataclasses")
        for folder in CORPUS_FOLDERS
        if (CORPUS / folder).is_dir()
    ]
    return found


def generate(python: Path | str, docs: Path, target: str, out: Path) -> subprocess.Popen[str]:
    """Start `python -m generator gen` of `docs` into `out` (from the checkout, with a cache of its own)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DOCMODELS_CACHE_DIR": str(out.parent.parent / f"cache-{out.parent.name}"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [str(python), "-m", "generator", "gen", str(docs), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--package", "models", "--target", target, "--quiet"],
        env=env,
        cwd=out.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "pyproject.toml"
    }


def test_a_missing_interpreter_has_no_version(tmp_path: Path) -> None:
    assert version(tmp_path / "no-such-python") == ""
    assert version(sys.executable) == sys.version.split()[0]


def test_the_newest_python_writes_the_same_bytes(tmp_path: Path) -> None:
    newest, here = version(NEWEST), version(sys.executable)
    if not newest:
        pytest.skip(
            f"no second Python at {NEWEST}: `make newest` builds it when one (3.12+) is found"
        )
    if newest == here:
        pytest.skip(f"{NEWEST} is this Python ({here}): nothing to compare")
    for side in ("oldest", "newest"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "pyproject.toml").write_text("", encoding="utf-8")
    for name, docs, target in jobs(tmp_path):
        # The two interpreters side by side, one job at a time.
        runs = [
            generate(sys.executable, docs, target, tmp_path / "oldest" / name),
            generate(NEWEST, docs, target, tmp_path / "newest" / name),
        ]
        for run in runs:
            output, _ = run.communicate()
            assert run.returncode == 0, f"{name}: {output[-3000:]}"
    oldest, latest = tree(tmp_path / "oldest"), tree(tmp_path / "newest")
    assert len(oldest) > 100
    differ = sorted(p for p in oldest.keys() | latest.keys() if oldest.get(p) != latest.get(p))
    assert not differ, (
        f"Python {here} and {newest} wrote {len(differ)} of {len(oldest | latest)} files differently, "
        f"first: {differ[:10]}"
    )
