"""The plain, hand-written form: every spelling docs/plain-form.md promises; detection never steals SDK pages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.ir_json import spec_json, type_json
from generator.reader import discover, read_docs
from generator.reader.dialects import DIALECTS, choose, detect
from generator.reader.dialects.plain import PlainDialect
from generator.reader.document import notation
from generator.reader.page import parse_page
from tests.helpers import CORPUS

PLAIN = PlainDialect()
S, INT = {"kind": "string"}, {"kind": "integer"}
FOO = {"kind": "link", "href": None, "text": "Foo"}


@pytest.mark.parametrize(
    ("cell", "expected", "nullable"),
    [
        ("string", S, False),
        ("`string`", S, False),
        ("str", S, False),
        ("int", INT, False),
        ("integer", INT, False),
        ("float", {"kind": "number"}, False),
        ("number", {"kind": "number"}, False),
        ("bool", {"kind": "boolean"}, False),
        ("boolean", {"kind": "boolean"}, False),
        ("date", {"kind": "date"}, False),
        ("datetime", {"kind": "datetime"}, False),
        ("date-time", {"kind": "datetime"}, False),
        ("list[Foo]", {"kind": "array", "items": FOO}, False),
        ("Foo[]", {"kind": "array", "items": FOO}, False),
        ("list[int][]", {"kind": "array", "items": {"kind": "array", "items": INT}}, False),
        ("dict[str, Foo]", {"kind": "map", "values": FOO}, False),
        ("map<string, Foo>", {"kind": "map", "values": FOO}, False),
        ("Foo | None", FOO, True),
        ("Optional[Foo]", FOO, True),
        (
            "list[Foo | None]",
            {"kind": "array", "items": {"kind": "union", "members": [FOO, {"kind": "null"}]}},
            False,
        ),
        ("string | int", {"kind": "union", "members": [S, INT]}, False),
        ("[Foo](foo.md)", {"kind": "link", "href": "foo.md", "text": "Foo"}, False),
        ("Foo", FOO, False),
    ],
)
def test_plain_type_spellings(cell: str, expected: dict[str, Any], nullable: bool | None) -> None:
    """The plain form spells null out: a type without `| None` or `Optional[...]` is not nullable."""
    parsed = PLAIN.parse_type(cell)
    assert type_json(parsed.type) == expected
    assert parsed.nullable is nullable


@pytest.mark.parametrize("cell", ["list[", "map<int, Foo>", "Foo Bar", "*string*", "dict[str]"])
def test_plain_type_errors(cell: str) -> None:
    from generator.reader.dialects import TypeNotationError

    with pytest.raises(TypeNotationError):
        PLAIN.parse_type(cell)


def _doc(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / name).write_text(text, encoding="utf-8")


def _read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(tmp_path)
    return spec_json(read_docs([Path("docs")]))


REQUIRED = {
    "yes": True,
    "no": False,
    "true": True,
    "false": False,
    "required": True,
    "optional": False,
    "✓": True,
    "✔️": True,
    "✗": False,
    "-": False,
    ":heavy_check_mark:": True,
    ":heavy_minus_sign:": False,
    "Yes": True,
}


def test_required_spellings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "\n".join(f"|f{i}|string|{m}|d|" for i, m in enumerate(REQUIRED))
    _doc(
        tmp_path,
        "thing.md",
        f"# Thing\n\n## Fields\n\n|Field|Type|Required|Description|\n|-|-|-|-|\n{rows}\n",
    )
    ir = _read(tmp_path, monkeypatch)
    assert ir["diagnostics"] == []
    fields = ir["models"][0]["fields"]
    assert [f["required"] for f in fields] == list(REQUIRED.values())
    assert ir["models"][0]["dialect"] == "plain"


def test_default_and_deprecated_columns_and_struck_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _doc(
        tmp_path,
        "thing.md",
        "# Thing\n\n## Fields\n\n| Field | Type | Required | Default | Deprecated | Description |\n"
        '|-|-|-|-|-|-|\n| a | int | no | 3 | | x |\n| b | string | no | `"hi"` | yes | x |\n'
        "| c | string | no | plain text | Use a. | x |\n| ~~d~~ | bool | no | false | no | x |\n"
        "| e | string | no | | - | x |\n",
    )
    fields = {f["name"]: f for f in _read(tmp_path, monkeypatch)["models"][0]["fields"]}
    assert (fields["a"]["default"], fields["a"]["has_default"]) == (3, True)
    assert fields["b"]["default"] == "hi" and fields["c"]["default"] == "plain text"
    assert fields["d"]["default"] is False and fields["e"]["has_default"] is False
    assert fields["b"]["deprecation_message"] == "Deprecated."
    assert fields["c"]["deprecation_message"] == "Use a."
    assert fields["d"]["deprecated"] and fields["d"]["deprecation_message"] == "Deprecated."
    assert not fields["a"]["deprecated"] and not fields["e"]["deprecated"]


def test_enum_section_as_table_and_as_bullets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _doc(
        tmp_path,
        "color.md",
        "# Color\n\n## Enum\n\n| Value | Description |\n|-|-|\n| `red` | R |\n| green | G |\n",
    )
    _doc(tmp_path, "size.md", "# Size\n\n## Enum\n\n- small\n- `large`\n- 3\n")
    models = {m["title"]: m for m in _read(tmp_path, monkeypatch)["models"]}
    assert [v["value"] for v in models["Color"]["values"]] == ["red", "green"]
    assert [v["value"] for v in models["Size"]["values"]] == ["small", "large", 3]
    assert models["Size"]["kind"] == "enum"


def test_bare_names_resolve_to_the_doc_of_that_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _doc(
        tmp_path,
        "a.md",
        "# A\n\n## Fields\n\n|Field|Type|Required|Description|\n|-|-|-|-|\n"
        "|b|B|yes|x|\n|c|[B](b.md)|no|y|\n|d|string|no|z|\n",
    )
    _doc(
        tmp_path,
        "b.md",
        "# B\n\n## Fields\n\n|Field|Type|Required|Description|\n|-|-|-|-|\n|x|int|yes|x|\n",
    )
    ir = _read(tmp_path, monkeypatch)
    fields = ir["models"][0]["fields"]
    ref = {"kind": "ref", "ref": {"namespace": "", "name": "B"}}
    assert fields[0]["type"] == ref and fields[1]["type"] == ref
    _doc(
        tmp_path,
        "a.md",
        "# A\n\n## Fields\n\n|Field|Type|Required|Description|\n|-|-|-|-|\n|b|Nope|yes|x|\n",
    )
    assert [d["code"] for d in _read(tmp_path, monkeypatch)["diagnostics"]] == ["DM201"]


def _final(pages: list[tuple[str, Any]]) -> dict[str, str]:
    """Each page's dialect as read_docs decides it: its own notation, else its folder's majority."""
    fallback = choose([d for _, d in pages])
    return {path: (found or fallback).name for path, found in pages}


@pytest.mark.corpus
def test_no_corpus_page_changes_dialect() -> None:
    sdk = {name: d for name, d in DIALECTS.items() if name != "plain"}
    folders = sorted(p for d in CORPUS.iterdir() if d.is_dir() for p in d.iterdir() if p.is_dir())
    changed = []
    for folder in folders:
        texts = [
            (doc.display, notation(parse_page(file.read_text("utf-8-sig"))))
            for file, doc in discover([folder])
        ]
        with_plain = _final([(p, detect(n)) for p, n in texts])
        without = _final([(p, detect(n, sdk)) for p, n in texts])
        changed += [(p, without[p], d) for p, d in with_plain.items() if d != without[p]]
    assert len(folders) > 10
    assert changed == []


def _plain_form_page_examples() -> list[str]:
    """The markdown blocks of docs/plain-form.md (the plain form's page, once the README's section): the docs it
    promises to read."""
    page = Path(__file__).resolve().parents[2] / "docs" / "plain-form.md"
    section = (
        page.read_text(encoding="utf-8")
        .split("# Writing docs by hand", 1)[1]
        .split("\n## `docmodels fmt`", 1)[0]
    )
    return re.findall(r"```markdown\n(.*?)```", section, re.DOTALL)


def test_the_plain_form_page_example_generates_what_it_says(tmp_path: Path) -> None:
    """`id | string | yes` is `id: str` (not nullable), and the bullet-list Status is an enum, alone in its
    folder, which is how docs/plain-form.md shows it."""
    from tests.helpers import generate, run_generated_tests

    order, status = _plain_form_page_examples()
    docs = tmp_path / "docs"
    (docs / "shop").mkdir(parents=True)
    (docs / "status").mkdir()
    (docs / "shop" / "order.md").write_text(order, encoding="utf-8")
    (docs / "shop" / "item.md").write_text(
        "# Item\n\n## Fields\n\n| Field | Type | Required |\n|---|---|---|\n| sku | string | yes |\n",
        encoding="utf-8",
    )
    (docs / "status" / "status.md").write_text(status, encoding="utf-8")
    spec = generate(docs, tmp_path / "out", package="shop")
    assert [d.render() for d in spec.diagnostics] == []
    kinds = {m.title: (m.kind, m.dialect) for m in spec.models}
    assert kinds["Status"][0] == "enum" and kinds["Order"] == ("object", "plain")
    status_model = next(m for m in spec.models if m.title == "Status")
    assert [v.value for v in status_model.values] == ["open", "paid", "shipped"]
    module = (tmp_path / "out" / "shop" / "shop" / "order.py").read_text(encoding="utf-8")
    assert "    id: str\n" in module
    assert "    note: str | None = None\n" in module
    run_generated_tests(tmp_path / "out")
