"""One doc's problem never blocks the rest: in every dialect, a dangling link, an unknown type, a page that is
no model and a header typo cost only that field or doc (typed any, or skipped, with a warning), the rest is
generated, imports and passes its generated tests, and `--strict` fails the same run."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from generator.config import Config
from generator.degradation import Degradation
from generator.ir import ArrayOf, Primitive, Spec
from generator.pipeline import build
from generator.sync.disk import apply, compare
from tests.helpers import Result, run_generated_tests, type_check


@dataclass(frozen=True)
class Spelling:
    """How one dialect writes the cells the fixture needs; `{}` in a link is the doc's file stem."""

    string: str
    link: str
    unknown: str
    files: (
        str  # how the dialect names its doc files: "lower" (customer.md) or "title" (Customer.md)
    )
    required: str = ":heavy_check_mark:"
    optional: str = ":heavy_minus_sign:"
    array: str = ""


SPELLINGS = {
    "typescript": Spelling("*string*", "[components.{title}]({file})", "*a<b*", "lower"),
    "python": Spelling("*str*", "[models.{title}]({file})", "*a<b*", "lower"),
    "go": Spelling("*string*", "[components.{title}]({file})", "*a<b*", "lower"),
    "php": Spelling("*string*", "[Components\\{title}]({file})", "*a<b*", "title"),
    "java": Spelling("*String*", "[{title}]({file})", "*a<b*", "title"),
    "csharp": Spelling("*string*", "[{title}]({file})", "*a<b*", "title"),
    "ruby": Spelling("*::String*", "[Models::Components::{title}]({file})", "*a<b*", "lower"),
    "unity": Spelling("*string*", "[{title}]({file})", "*a<b*", "title"),
    "plain": Spelling("string", "[{title}]({file})", "weird<thing>", "lower", "yes", "no"),
}


def _file(spelling: Spelling, title: str) -> str:
    return f"{title if spelling.files == 'title' else title.lower()}.md"


def _link(spelling: Spelling, title: str) -> str:
    return spelling.link.format(title=title, file=_file(spelling, title))


def _table(spelling: Spelling, rows: list[tuple[str, str, bool]], header: str = "Required") -> str:
    lines = [f"| Field | Type | {header} | Description |", "| --- | --- | --- | --- |"]
    for name, cell, required in rows:
        marker = spelling.required if required else spelling.optional
        lines.append(f"| `{name}` | {cell} | {marker} | The {name}. |")
    return "\n".join(lines) + "\n"


def write_sdk(folder: Path, dialect: str) -> None:
    """An SDK's docs with one of each problem, in the dialect's own notation."""
    s = SPELLINGS[dialect]
    folder.mkdir(parents=True)

    def doc(title: str, body: str) -> None:
        (folder / _file(s, title)).write_text(f"# {title}\n\n{body}", encoding="utf-8")

    doc("Customer", "A customer.\n\n## Fields\n\n" + _table(s, [("id", s.string, True)]))
    # A model may be called License (or Readme, Changelog): it is read by what it holds.
    doc(
        "License",
        "## Fields\n\n"
        + _table(s, [("key", s.string, True), ("holder", _link(s, "Customer"), False)]),
    )
    doc(
        "Order",
        "## Fields\n\n"
        + _table(
            s,
            [
                ("id", s.string, True),
                ("customer", _link(s, "Customer"), True),
                ("gone", _link(s, "Gone"), True),  # a doc that is not there
                ("strange", s.unknown, False),  # a notation no dialect reads
                ("typo", _link(s, "Typo"), False),  # a doc that is skipped
            ],
        ),
    )
    # A header typo: the table cannot be read, so the doc is skipped with a warning.
    doc("Typo", "## Fields\n\n" + _table(s, [("id", s.string, True)], header="Requried"))
    # An SDK's utility-class page and a README of prose: no model, skipped.
    doc("Readme", "")
    (folder / _file(s, "Readme")).write_text(
        "# Acme SDK models\n\nThe models of the Acme API.\n\n## Usage\n\n| Name | Type |\n|---|---|\n"
        "| x | y |\n",
        encoding="utf-8",
    )
    (folder / "blobutility.md").write_text(
        "# Blob Utility Class\n\n## Fields\n\n" + _table(s, [("blob", s.string, True)]),
        encoding="utf-8",
    )


def _config(tmp_path: Path, dialect: str, package: str, **more: Any) -> Config:
    return Config(
        docs=((tmp_path / "docs").resolve(),),
        out=(tmp_path / "out").resolve(),
        package=package,
        outputs=("models", "docs", "tests"),
        target="dataclasses",
        templates=None,
        dialect=dialect,
        source=None,
        **more,
    )


@pytest.mark.parametrize("dialect", sorted(SPELLINGS))
def test_one_docs_problem_degrades_only_that_field_or_doc(tmp_path: Path, dialect: str) -> None:
    write_sdk(tmp_path / "docs" / "models", dialect)
    package = f"degraded_{dialect}"
    config = _config(tmp_path, dialect, package)

    strict = build(replace(config, strict=True))
    assert strict.failed
    assert {d.severity for d in strict.diagnostics} <= {"error", "info"}

    built = build(config)
    assert not built.failed, [d.render() for d in built.diagnostics if d.severity == "error"]
    spec = built.spec
    assert sorted(m.title for m in spec.models) == ["Customer", "License", "Order"]
    assert {m.dialect for m in spec.models} == {dialect}
    assert sorted(Path(p).name.lower() for p in spec.skipped) == [
        "blobutility.md",
        "readme.md",
        "typo.md",
    ]
    order = spec.by_key[next(k for k in spec.by_key if k.name == "Order")]
    typed = {f.name: f for f in order.fields}
    assert [n for n, f in typed.items() if f.degraded] == ["gone", "strange", "typo"]
    assert all(typed[n].type == Primitive("any") for n in ("gone", "strange", "typo"))
    assert typed["customer"].degraded is None and typed["customer"].type != Primitive("any")
    assert Degradation.of(spec) == Degradation(fields=3, docs=3)
    warned = _codes(spec, "warning")
    assert warned == {
        ("order.md", "DM200"),  # Gone
        ("order.md", "DM120"),
        ("order.md", "DM200"),  # Typo: its doc was skipped
        ("typo.md", "DM105"),
        ("blobutility.md", "DM102"),
    }
    assert ("readme.md", "DM107") in _codes(spec, "info")
    skipped_link = next(d for d in spec.diagnostics if d.code == "DM200" and "ypo" in d.message)
    assert "skipped (DM105)" in skipped_link.message
    typo = next(d for d in spec.diagnostics if d.code == "DM105")
    assert "did you mean `Required`?" in typo.message

    assert built.plan is not None
    apply(built.plan, config.out, compare(built.plan, config.out))
    run_generated_tests(config.out)
    if dialect in (
        "plain",
        "typescript",
    ):  # the slowest step: two dialects suffice for the Any fields
        type_check(config.out, package, tmp_path / "mypy-cache")
    sys.path.insert(0, str(config.out))
    try:
        module = importlib.import_module(package)
        order_class, license_class = module.Order, module.License
        data = {"id": "o1", "customer": {"id": "c1"}, "gone": {"any": ["thing", 1]}}
        read = order_class.from_dict(data)
        assert read.gone == {"any": ["thing", 1]} and read.customer.id == "c1"
        assert read.to_dict() == data
        assert license_class.from_dict({"key": "k"}).key == "k"
    finally:
        sys.path.remove(str(config.out))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


def _codes(spec: Spec, severity: str) -> set[tuple[str, str]]:
    return {
        (Path(d.span.path).name.lower(), d.code) for d in spec.diagnostics if d.severity == severity
    }


def test_gen_says_how_much_degraded_and_strict_fails_the_same_folder(
    tmp_path: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_sdk(tmp_path / "docs" / "models", "typescript")
    monkeypatch.chdir(tmp_path)
    args = ("docs", "--out", "out", "--package", "acme")
    strict: Result = run("gen", *args, "--strict")
    assert strict.code == 2
    assert not (tmp_path / "out").exists()
    assert strict.err.splitlines()[-1] == "docmodels: 5 errors; nothing was written"
    assert "error[DM120]" in strict.err and "[--strict]" in strict.err
    done: Result = run("gen", *args)
    assert done.code == 0
    assert "warning[DM200]" in done.err and "info[DM107]" not in done.err
    assert done.out.splitlines()[-1].endswith(
        " in out; 3 fields typed Any, 3 docs skipped (warnings above; -v lists every reason)"
    )
    verbose: Result = run("check", *args, "-v")
    assert verbose.code == 0
    assert "info[DM107]" in verbose.err
    assert verbose.out.splitlines()[-1].endswith(
        "; 3 fields typed Any, 3 docs skipped (reasons above)"
    )
    report: Result = run("check", *args, "--format", "json")
    assert '"docs_skipped": 3' in report.out and '"fields_typed_any": 3' in report.out
    linted: Result = run("lint", "docs")
    assert linted.code == 0
    assert linted.out.splitlines()[-1].endswith("; 3 fields typed Any, 3 docs skipped")
    (tmp_path / "pyproject.toml").write_text("[tool.docmodels]\nstrict = true\n", encoding="utf-8")
    assert run("check", *args).code == 2
    assert run("ir", *args[:1]).code == 2
    (tmp_path / "pyproject.toml").write_text('[tool.docmodels]\nstrict = "yes"\n', encoding="utf-8")
    assert "`strict` must be true or false" in run("ir", "docs").err


def test_a_union_member_and_a_nested_link_that_name_no_model_are_any(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pet.md").write_text(
        "# Pet\n\n## Supported Types\n\n### `components.Cat`\n\n```typescript\nconst value: "
        "components.Cat = {};\n```\n\n### `components.Dgo`\n\n```typescript\nconst value: "
        "components.Dgo = {};\n```\n",
        encoding="utf-8",
    )
    (docs / "cat.md").write_text(
        "# Cat\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
        "| `name` | *string* | :heavy_check_mark: | N/A |\n"
        "| `friends` | [components.Dog](dog.md)[] | :heavy_minus_sign: | N/A |\n",
        encoding="utf-8",
    )
    from generator.reader import read_docs

    spec = read_docs([docs])
    pet = next(m for m in spec.models if m.title == "Pet")
    assert pet.degraded_members == ((1, "member `components.Dgo` names no model"),)
    assert pet.members[1] == Primitive("any")
    cat = next(m for m in spec.models if m.title == "Cat")
    assert cat.fields[1].type == ArrayOf(Primitive("any")) and cat.fields[1].degraded
    assert Degradation.of(spec) == Degradation(fields=1, members=1)
    member = next(d for d in spec.diagnostics if d.code == "DM203")
    assert "did you mean `Cat`?" not in member.message  # `Dgo` is not close to `Cat`
    assert [d.severity for d in spec.diagnostics] == ["warning", "warning"]


def test_a_name_matching_no_model_suggests_the_closest(tmp_path: Path) -> None:
    from generator.reader import read_docs

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "customer.md").write_text(
        "# Customer\n\n## Fields\n\n| Field | Type | Required |\n|---|---|---|\n| id | string | yes |\n",
        encoding="utf-8",
    )
    (docs / "order.md").write_text(
        "# Order\n\n## Fields\n\n| Field | Type | Required |\n|---|---|---|\n"
        "| buyer | Custmer | yes |\n| seller | [Customr](customr.md) | no |\n",
        encoding="utf-8",
    )
    messages = [d.message for d in read_docs([docs]).diagnostics]
    assert messages == [
        "type `Custmer` matches no model: typed any; did you mean `Customer`?",
        "link to `customr.md`: no such doc was read: typed any; did you mean `Customer`?",
    ]


def test_every_problem_of_a_row_is_reported_with_the_dialects_own_markers(tmp_path: Path) -> None:
    from generator.reader import read_docs

    docs, sdk = tmp_path / "plain", tmp_path / "sdk"
    docs.mkdir()
    sdk.mkdir()
    (docs / "thing.md").write_text(
        "# Thing\n\n## Fields\n\n| Field | Type | Required |\n|---|---|---|\n"
        "| ok | string | yes |\n| bad | weird<thing> | maybe |\n| ok | int | yes |\n",
        encoding="utf-8",
    )
    (sdk / "sdk.md").write_text(
        "# Sdk\n\n## Fields\n\n| Field | Type | Required |\n|---|---|---|\n"
        "| `a` | *a<b* | perhaps |\n| `b` | *string* | :heavy_check_mark: |\n",
        encoding="utf-8",
    )
    spec = read_docs([docs, sdk])
    found = [(Path(d.span.path).name, d.span.line, d.code) for d in spec.diagnostics]
    assert found == [
        ("thing.md", 8, "DM120"),
        ("thing.md", 8, "DM111"),
        ("thing.md", 9, "DM113"),
        ("sdk.md", 7, "DM120"),
        ("sdk.md", 7, "DM111"),
    ]
    required = {Path(d.span.path).name: d.message for d in spec.diagnostics if d.code == "DM111"}
    assert "write `yes` or `no`" in required["thing.md"]
    assert "`:heavy_check_mark:` or `:heavy_minus_sign:`" in required["sdk.md"]
    thing = next(m for m in spec.models if m.title == "Thing")
    assert [(f.name, f.required, f.type) for f in thing.fields] == [
        ("ok", True, Primitive("string")),
        ("bad", False, Primitive("any")),
    ]
    assert {m.title: m.dialect for m in spec.models} == {"Thing": "plain", "Sdk": "typescript"}
    assert Degradation.of(spec) == Degradation(fields=2, rows=1)


def test_the_diagnostics_reference_states_each_reader_codes_level() -> None:
    """docs/diagnostics.md's section and its code index give every reader code the level the code reports it at."""
    import re

    from generator.diagnostics import LEVELS

    root = Path(__file__).resolve().parent.parent
    reference = (root / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    for code, levels in LEVELS.items():
        section = re.search(rf"^## {code}\n\*\*(\w+)(?: or (\w+))?\.", reference, re.MULTILINE)
        assert section, code
        assert tuple(g for g in section.groups() if g) == levels, code
        row = re.search(
            rf"^\| \[{code}\]\(#{code.lower()}\) \| ([\w ]+) \|", reference, re.MULTILINE
        )
        assert row and tuple(row.group(1).split(" or ")) == levels, code


def test_a_values_or_supported_types_section_that_lists_nothing_is_a_warning(
    tmp_path: Path,
) -> None:
    from generator.reader import read_docs

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pet.md").write_text("# Pet\n\n## Supported Types\n\nProse only.\n", encoding="utf-8")
    (docs / "color.md").write_text(
        "# Color\n\n## Values\n\n| Name | Value |\n|---|---|\n", encoding="utf-8"
    )
    spec = read_docs([docs])
    assert [(Path(d.span.path).name, d.code, d.severity) for d in spec.diagnostics] == [
        ("color.md", "DM136", "warning"),
        ("pet.md", "DM136", "warning"),
    ]
    assert [m.title for m in spec.models] == ["Pet"]
    assert spec.models[0].members == (Primitive("any"),)
    assert Degradation.of(spec) == Degradation(members=1, docs=1)
