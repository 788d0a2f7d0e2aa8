"""Docs full of hostile text and names generate code that compiles, imports, means what the doc says and
never runs text from the doc."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from generator.reader import read_docs

from .docs import (
    COLLIDING_TITLES,
    MARKER,
    NAMES,
    PAYLOADS,
    Doc,
    check_meaning,
    check_output,
    config,
    doc_set,
    generate,
    write_docs,
)

_COUNTER = itertools.count()
_FAST = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _fresh(tmp_path: Path) -> Path:
    root = tmp_path / f"case{next(_COUNTER)}"
    root.mkdir()
    return root


@pytest.mark.slow
@_FAST
@given(docs=doc_set())
def test_hostile_docs_generate_code_that_parses_and_keeps_doc_text_in_literals(
    tmp_path: Path, docs: list[Doc]
) -> None:
    root = _fresh(tmp_path)
    write_docs(root / "docs", docs)
    built = generate(config(root, "hostile_pkg"))
    assert not built.failed, [d.render() for d in built.diagnostics]
    assert check_output(root / "out") > len(docs)
    check_meaning(built.spec, root / "out", "hostile_pkg")
    # The enum values are exactly the doc's, whatever they hold.
    by_title = {m.title: m for m in built.spec.models}
    for doc in docs:
        if doc.kind == "enum":
            assert [v.value for v in by_title[doc.title].values] == doc.values
        if doc.deprecated is not None:
            assert by_title[doc.title].deprecated is not None


def _every_payload() -> list[Doc]:
    """One deterministic doc set that holds every payload, every hostile name and the colliding titles."""
    fields = [
        (name, "*string*", i % 3 == 0, PAYLOADS[i % len(PAYLOADS)]) for i, name in enumerate(NAMES)
    ]
    docs = [Doc("Hostile", "object", PAYLOADS[0], fields=fields, example=PAYLOADS[1])]
    docs += [
        Doc(title, "enum", PAYLOADS[i], values=[p for p in PAYLOADS if "\x00" not in p][i::4])
        for i, title in enumerate(COLLIDING_TITLES)
    ]
    # Values whose member names are empty, keywords, digits or collide once upper-cased.
    edge = [
        "",
        " ",
        "None",
        "none",
        "1",
        "a",
        "A",
        "a b",
        "a-b",
        "__init__",
        "class",
        "_",
        "ñ",
        "日本",
    ]
    docs.append(Doc("EdgeValues", "enum", "d", values=edge))
    return docs


@pytest.mark.slow
def test_the_package_imports_runs_no_doc_text_and_its_generated_tests_pass(tmp_path: Path) -> None:
    write_docs(tmp_path / "docs", _every_payload())
    built = generate(config(tmp_path, "hostile_pkg"))
    assert not built.failed, [d.render() for d in built.diagnostics]
    check_output(tmp_path / "out")
    check_meaning(built.spec, tmp_path / "out", "hostile_pkg")
    edge = next(m for m in built.spec.models if m.title == "EdgeValues")
    assert [v.value for v in edge.values] == next(
        d for d in _every_payload() if d.title == "EdgeValues"
    ).values
    importer = (
        "import importlib, pkgutil, hostile_pkg\n"
        "for m in pkgutil.walk_packages(hostile_pkg.__path__, 'hostile_pkg.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('imported', len(list(pkgutil.walk_packages(hostile_pkg.__path__))))\n"
    )
    work = tmp_path / "cwd"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "out"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", importer], cwd=work, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "imported" in done.stdout
    tests = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(tmp_path / "out" / "tests"),
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-2000:]
    # Nothing from a doc ran: no file appeared, nothing was printed that the doc asked for.
    assert list(work.iterdir()) == []
    assert MARKER not in done.stdout + done.stderr


def test_the_colliding_titles_get_distinct_stable_module_names(tmp_path: Path) -> None:
    docs = [Doc(t, "enum", "d", values=["a"]) for t in COLLIDING_TITLES]
    names: list[list[str]] = []
    for order in (docs, docs[::-1]):
        root = _fresh(tmp_path)
        folder = root / "docs"
        folder.mkdir()
        for doc in order:  # the file names and the order they are written in change; names do not
            (folder / f"{doc.title}.md").write_text(doc.text, encoding="utf-8")
        assert not generate(config(root, "p")).failed
        names.append(sorted(p.name for p in (root / "out" / "p").glob("*.py")))
    assert names[0] == names[1]
    modules = [n for n in names[0] if n.startswith("saml")]
    assert len(modules) == len(COLLIDING_TITLES) == len({n.lower() for n in modules})


@pytest.mark.parametrize(
    ("title", "field", "code", "line"),
    [
        ("1Model", "x", "DM102", 1),
        ("Café", "x", "DM102", 1),
        ("Model", "", "DM112", 9),
        # Keys such as `1x`, `a-b`, `naïve` and `{{x}}` are wire names (tests/test_json_keys.py); a quote,
        # a backslash or a control character is no key any target can keep.
        ("Model", 'a"b', "DM112", 9),
        ("Model", "a\\b", "DM112", 9),
        ("Model", "a\x07b", "DM112", 9),
    ],
)
def test_names_that_are_not_identifiers_are_diagnosed(
    tmp_path: Path, title: str, field: str, code: str, line: int
) -> None:
    doc = Doc(title, "object", "d", fields=[(field, "*string*", True, "d")])
    write_docs(tmp_path, [doc])
    spec = read_docs([tmp_path])
    found = [d for d in spec.diagnostics if d.code == code]
    assert found, [d.render() for d in spec.diagnostics]
    # One doc's problem degrades that doc or row, visibly: a warning, and the name reaches no output.
    assert found[0].severity == "warning"
    assert found[0].span.path.endswith("doc0.md") and found[0].span.line == line
    names = {m.title for m in spec.models} | {f.name for m in spec.models for f in m.fields}
    assert title not in names or field not in names
