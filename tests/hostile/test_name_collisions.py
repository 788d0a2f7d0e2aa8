"""Names that meet on disk: a module beside a folder of its name, and test files that flatten alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .docs import config, generate

FIELDS = (
    "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
    "| `{0}` | *string* | :heavy_check_mark: | d |\n"
)
#: doc path -> title: `Shared` would be `shared.py` beside the package `shared/` (which hides it), and
#: `shared/Bar` and `SharedBar` would both have their tests in `test_shared_bar.py`.
DOCS = {
    "shared_model.md": "Shared",
    "shared/bar.md": "Bar",
    "shared_bar.md": "SharedBar",
    "user.md": "User",
    "lower_user.md": "user",
}


def test_a_module_never_hides_behind_a_package_nor_shares_a_test_file(tmp_path: Path) -> None:
    for path, title in DOCS.items():
        doc = tmp_path / "docs" / path
        doc.parent.mkdir(parents=True, exist_ok=True)
        doc.write_text(f"# {title}\n\n" + FIELDS.format(title.lower()), encoding="utf-8")
    built = generate(config(tmp_path, "p"))
    assert not built.failed, [d.render() for d in built.diagnostics]
    out = tmp_path / "out"
    package = out / "p"
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    modules -= {"__init__.py", "_runtime.py", "shared/__init__.py"}
    assert len(modules) == len(DOCS), sorted(modules)
    assert "shared.py" not in modules  # `import p.shared` finds the package, never this module
    assert len({m.lower() for m in modules}) == len(DOCS)
    tests = sorted(p.name for p in (out / "tests").glob("test_*.py"))
    assert len(tests) == len(DOCS) == len(set(tests)), tests
    # Each class imports from the module it was written to, and every model's tests run and pass.
    code = "from p.shared_2 import Shared; from p.shared.bar import Bar; from p.shared_bar import SharedBar"
    imported = subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
