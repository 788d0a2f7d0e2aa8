"""Names that meet on disk: a module beside a folder of its name, and test files that flatten alike."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
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
    modules -= {"__init__.py", "_runtime.py", "runtime.py", "shared/__init__.py"}
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


def test_a_model_page_is_never_the_page_the_target_writes_itself(tmp_path: Path) -> None:
    titles = ["Index", "Deprecations", "Readme"]
    for title in titles:
        doc = tmp_path / "docs" / f"{title}.md"
        doc.parent.mkdir(parents=True, exist_ok=True)
        doc.write_text(f"# {title}\n\n" + FIELDS.format("x"), encoding="utf-8")
    built = generate(config(tmp_path, "p"))
    assert not built.failed, [d.render() for d in built.diagnostics]
    docs = tmp_path / "out" / "docs"
    pages = sorted(p.name for p in docs.glob("*.md"))
    assert len(pages) == len(titles) + 2, (
        pages
    )  # a page per model, the index and the deprecations page
    assert "3 models" in (docs / "index.md").read_text(encoding="utf-8")
    sources = [
        line
        for page in docs.glob("*.md")
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("Source: ")
    ]
    assert sorted(sources) == sorted(f"Source: `{title}.md`" for title in titles)
    modules = sorted(p.stem for p in (tmp_path / "out" / "p").glob("*.py"))
    assert "index" not in modules and "deprecations" not in modules and "readme" in modules


def test_a_model_named_like_the_package_keeps_its_own_schema_beside_the_bundle(
    tmp_path: Path,
) -> None:
    doc = tmp_path / "docs" / "p.md"
    doc.parent.mkdir(parents=True)
    doc.write_text("# P\n\n" + FIELDS.format("x"), encoding="utf-8")
    built = generate(replace(config(tmp_path, "p"), target="jsonschema"))
    assert not built.failed, [d.render() for d in built.diagnostics]
    schemas = {
        p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "schemas").glob("*")
    }
    assert sorted(schemas) == [
        "p.schema.json",
        "p_2.schema.json",
    ]  # the bundle, and the model's own
    assert '"$defs"' in schemas["p.schema.json"] and '"$defs"' not in schemas["p_2.schema.json"]


def test_the_paths_a_target_writes_itself_are_known_to_the_generator_and_to_diff(
    tmp_path: Path,
) -> None:
    from generator.config import load_config
    from generator.diff.run import _python_api
    from generator.render.planner import fixed_module_paths
    from generator.render.targets import load_target

    docs = fixed_module_paths(load_target("dataclasses").outputs, "p")
    assert docs == ["_runtime", "deprecations", "index", "runtime"]
    assert fixed_module_paths(load_target("jsonschema").outputs, "p") == ["p"]
    # `docmodels diff` names a model's module as `gen` does: `Index` is `index_2` in both.
    api = _python_api(load_config({"docs": [str(tmp_path)], "package": "p"}, cwd=tmp_path))
    assert api is not None and api.taken_paths == tuple(docs)
