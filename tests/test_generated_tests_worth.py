"""The generated tests earn their place: a generated model broken one way at a time fails them.

Each mutant edits the source text of one generated (dataclasses) model module: a field's wire name, a
required field made optional, a field's type, an enum value, or the union rule (a tagged union's tags
rotated among its members; an untagged union that forgets a member). The generated tests of the models
that import the mutated module must then fail (pytest exit code 1: failed tests, not a broken import).
specs/ runs in the quick suite; one corpus folder per dialect runs with the corpus tests.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import CORPUS_SAMPLE, SPECS, WHOLE_CORPUS, generate, generated_tests_env

PACKAGE = "mutated_models"
KINDS = ("wire name", "required flag", "field type", "enum value", "union rule")
#: Mutants tried per kind: enough to show each kind is caught, few enough to stay quick.
PER_KIND_SPECS = 2
PER_KIND_CORPUS = 1
#: `make test` runs one corpus folder (CI's time); `make corpus` one of each dialect (tests/helpers.py).
CORPUS_FOLDERS = CORPUS_SAMPLE if WHOLE_CORPUS else ("php/speakeasy-sdks__tigris-php-sdk",)

_WIRE = re.compile(r'"wire": "([^"\n]+)"')
_PLAIN_FIELD = re.compile(r"^    ([a-z_][a-z0-9_]*): ([^=\n]+)$", re.MULTILINE)
_TYPED_FIELD = re.compile(r"^    ([a-z_][a-z0-9_]*): (str|int|bool|datetime)\b", re.MULTILINE)
_ENUM_VALUE = re.compile(r'^    ([A-Z_][A-Z0-9_]*) = "([^"\n]*)"$', re.MULTILINE)
_OTHER_TYPE = {"str": "int", "int": "str", "bool": "str", "datetime": "str"}


@dataclass(frozen=True)
class Mutant:
    kind: str
    module: Path
    #: The module's source text with the mutation made.
    text: str
    what: str
    #: Mutants of one kind with different variants are preferred (a `datetime` field, an `int` one...).
    variant: str = ""


@dataclass(frozen=True)
class Module:
    """A generated model module, its text and the text of its own generated test file."""

    path: Path
    dotted: str
    text: str
    tests: str


def _modules(out: Path) -> Iterator[Module]:
    """Every model module that has its own generated test file, in path order."""
    tests = {}
    for test in sorted((out / "tests").glob("test_*.py")):
        text = test.read_text(encoding="utf-8")
        found = re.search(rf"^from ({PACKAGE}\.\S+) import ", text, re.MULTILINE)
        if found:
            tests.setdefault(found.group(1), text)
    for path in sorted((out / PACKAGE).rglob("*.py")):
        dotted = ".".join(path.relative_to(out).with_suffix("").parts)
        if dotted in tests:
            yield Module(path, dotted, path.read_text(encoding="utf-8"), tests[dotted])


def _replace_at(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _field_mutants(m: Module) -> Iterator[Mutant]:
    if "(_runtime.Model):" not in m.text or "FIELDS: " not in m.tests:
        return
    wire = _WIRE.search(m.text)
    if wire:
        new = f'"wire": "{wire.group(1)}-mutant"'
        yield Mutant("wire name", m.path, _replace_at(m.text, *wire.span(), new), wire.group(0))
    if "test_missing_required_field_raises" in m.tests:
        plain = _PLAIN_FIELD.search(m.text)
        if plain:
            new = f"{plain.group(0)} = None"
            text = _replace_at(m.text, *plain.span(), new)
            yield Mutant("required flag", m.path, text, plain.group(0).strip())
    seen: set[str] = set()
    for typed in _TYPED_FIELD.finditer(m.text):
        kind = typed.group(2)
        if kind not in seen:
            seen.add(kind)
            new = f"    {typed.group(1)}: {_OTHER_TYPE[kind]}"
            text = _replace_at(m.text, *typed.span(), new)
            yield Mutant("field type", m.path, text, typed.group(0).strip(), kind)


def _enum_mutants(m: Module) -> Iterator[Mutant]:
    if (
        "(str, Enum):" not in m.text
        or "open_member" in m.text
        or "test_value_round_trip" not in m.tests
    ):
        return
    value = _ENUM_VALUE.search(m.text)
    if value:
        new = f'    {value.group(1)} = "{value.group(2)}-mutant"'
        yield Mutant("enum value", m.path, _replace_at(m.text, *value.span(), new), value.group(0))


def _union_mutants(m: Module) -> Iterator[Mutant]:
    """A tagged union's tags rotated, else the first member whose class the tests assert dropped."""
    if "TypeAlias = " not in m.text or "MEMBER_CLASSES" not in m.tests:
        return
    tree = ast.parse(m.text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("Choice") and node.args:
            if len(node.args) == 2 and isinstance(node.args[1], ast.Tuple):
                tags = [ast.literal_eval(e) for e in node.args[1].elts]
                if len(set(tags)) > 1:
                    new = repr(tuple(tags[1:] + tags[:1]))
                    span = _span(m.text, node.args[1])
                    yield Mutant(
                        "union rule", m.path, _replace_at(m.text, *span, new), "tags rotated"
                    )
            return
    asserted = {str(row[1]) for row in _member_classes(m.tests)}
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            members = _union_names(node)
            dropped = [name for name in members if name in asserted]
            if dropped and members:
                rest = [name for name in members if name != dropped[0]] or ["str"]
                new = " | ".join(rest)
                text = _replace_at(m.text, *_span(m.text, node), new)
                yield Mutant("union rule", m.path, text, f"member {dropped[0]} dropped")
            return


def _union_names(node: ast.expr) -> list[str]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_names(node.left) + _union_names(node.right)
    return [ast.unparse(node)]


def _member_classes(tests: str) -> list[list[object]]:
    for node in ast.parse(tests).body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "MEMBER_CLASSES"
            and node.value is not None
        ):
            found: list[list[object]] = ast.literal_eval(node.value)
            return found
    return []


def _span(text: str, node: ast.expr) -> tuple[int, int]:
    """The character offsets of a node in `text`."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: node.lineno - 1]) + node.col_offset
    assert node.end_lineno is not None and node.end_col_offset is not None
    end = sum(len(line) for line in lines[: node.end_lineno - 1]) + node.end_col_offset
    return start, end


def mutants(out: Path, per_kind: int) -> dict[str, list[Mutant]]:
    """Up to `per_kind` mutants of each kind, from the first modules (in path order) that allow one, of
    different variants where a kind has them."""
    found: dict[str, list[Mutant]] = {kind: [] for kind in KINDS}
    for m in _modules(out):
        for mutant in (*_field_mutants(m), *_enum_mutants(m), *_union_mutants(m)):
            taken = found[mutant.kind]
            if len(taken) < per_kind and all(
                t.variant != mutant.variant for t in taken if t.variant
            ):
                taken.append(mutant)
        if all(len(v) == per_kind for v in found.values()):
            break
    return found


def _tests_of(out: Path, module: Path) -> list[str]:
    """The generated test files that import the module."""
    dotted = ".".join(module.relative_to(out).with_suffix("").parts)
    line = re.compile(rf"^from {re.escape(dotted)} import ", re.MULTILINE)
    return [
        p.relative_to(out).as_posix()
        for p in sorted((out / "tests").glob("test_*.py"))
        if line.search(p.read_text(encoding="utf-8"))
    ]


def survives(out: Path, mutant: Mutant) -> str:
    """Run the tests of the mutated module with the mutation made; why it survived, "" if caught."""
    original = mutant.module.read_text(encoding="utf-8")
    compile(mutant.text, str(mutant.module), "exec")
    tests = _tests_of(out, mutant.module)
    mutant.module.write_text(mutant.text, encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
            cwd=out,
            capture_output=True,
            text=True,
            env=generated_tests_env(),
        )
    finally:
        mutant.module.write_text(original, encoding="utf-8")
    if done.returncode == 1:
        return ""
    return f"exit {done.returncode}: {done.stdout[-1500:]}"


def _check(docs: Path, tmp_path: Path, per_kind: int, every_kind: bool) -> None:
    out = tmp_path / "out"
    generate(docs, out, package=PACKAGE, outputs=("models", "tests"))
    found = mutants(out, per_kind)
    if every_kind:
        assert all(found.values()), {k: len(v) for k, v in found.items()}
    assert any(found.values())
    survivors = [
        f"{m.kind}: {m.module.relative_to(out)} ({m.what}): {why}"
        for kind in KINDS
        for m in found[kind]
        if (why := survives(out, m))
    ]
    assert not survivors, "\n".join(survivors)


@pytest.mark.slow
def test_every_kind_of_mutant_of_specs_fails_the_generated_tests(tmp_path: Path) -> None:
    _check(SPECS, tmp_path, PER_KIND_SPECS, every_kind=True)


@pytest.mark.corpus
@pytest.mark.parametrize("folder", CORPUS_FOLDERS)
def test_mutants_of_a_corpus_folder_fail_the_generated_tests(
    folder: str, corpus: Path, tmp_path: Path
) -> None:
    _check(corpus / folder, tmp_path, PER_KIND_CORPUS, every_kind=False)
