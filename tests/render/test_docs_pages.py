"""The docs target's pages: every model named is linked, text is escaped, unions, enums, used-by, deprecations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.ir import (
    ArrayOf,
    Field,
    Literal,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    Spec,
    UnionOf,
)
from generator.render import docs_view
from generator.unions import UnionTag, union_tag
from tests.helpers import CORPUS, CORPUS_SAMPLE, GENERATED, SPECS
from tests.render.docs_support import broken_links, docs_of, render_docs

SESSION = "php/components/session.md"


@pytest.fixture(scope="module")
def seed() -> dict[str, object]:
    return dict(render_docs(docs_of(SPECS)))


def test_session_links_actor_session_object_and_status(seed: dict) -> None:
    links = dict(seed[SESSION].links())
    assert links["Actor"] == "actor.md"
    assert links["SessionObject"] == "session_object.md"
    assert links["Status"] == "status.md"


def test_every_link_of_the_seed_and_of_the_committed_docs_names_a_page(seed: dict) -> None:
    assert not broken_links(seed)
    committed = sorted(
        p.relative_to(GENERATED / "docs").as_posix() for p in (GENERATED / "docs").rglob("*.md")
    )
    assert sorted(seed) == committed


def test_the_index_links_each_model_page_from_its_own_folder(seed: dict) -> None:
    links = dict(seed["index.md"].links())
    assert links["Session"] == SESSION
    assert links["Deprecations"] == "deprecations.md"


def test_a_field_type_cell_shows_the_python_type_with_the_link_inside(seed: dict) -> None:
    rows = {r[0]: r for r in seed[SESSION].rows()}
    assert rows["actor"][1] == "Actor | None"
    list_rows = {r[0]: r for r in seed["php/components/session_list.md"].rows()}
    assert list_rows["data"][1] == "list[Session] | None"
    assert "list\\[[Session](session.md)\\]" in seed["php/components/session_list.md"].text


def test_used_by_lists_the_referring_models_and_their_attributes(seed: dict) -> None:
    text = seed["php/components/actor.md"].text
    used = text[text.index("## Used by") :]
    assert used.splitlines()[2:] == [
        "- [Session](session.md) (`actor`)",
        "- [SessionOwner](session_owner.md) (member)",
    ]


def test_a_union_page_shows_its_alias_as_code_and_links_each_member(seed: dict) -> None:
    page = seed["php/components/session_owner.md"]
    assert page.fences("python")[1:] == ["SessionOwner = Actor | SessionObject\n"]
    assert dict(page.links())["Actor"] == "actor.md"
    outside_tables = [line for line in page.text.splitlines() if not line.startswith("|")]
    assert not any("\\|" in line for line in outside_tables)


def test_the_deprecations_page_lists_the_deprecated_field_with_message_and_doc(seed: dict) -> None:
    rows = seed["deprecations.md"].rows()
    found = [r for r in rows if r[0].startswith("SessionResponse")]
    assert found == [
        [
            "SessionResponse.session_id",
            "field",
            "This will be removed in a future release, please migrate away from it as soon as possible.",
            "typescript/models/components/sessionresponse.md:22",
        ]
    ]
    kinds = {r[0]: r[1] for r in rows[1:]}
    assert kinds["LegacyMachine"] == "model"
    assert kinds["Machine.legacy_name"] == "field"


PLAIN = {
    "Level.md": """# Level

How loud.

## Values

| Name | Value | Description | Deprecated |
| --- | --- | --- | --- |
| `low` | low | Barely \\| audible | |
| ~~`mid`~~ | mid | The middle | Use `high`. |
| `high` | high | | |
""",
    "Note.md": """# Note

## Fields

| Field | Type | Required | Description |
| --- | --- | --- | --- |
| level | Level | yes | How loud |
| text | string | no | A line with a pipe \\| and `code` |
""",
}


def write(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_enum_page_lists_each_value_with_description_and_deprecation(tmp_path: Path) -> None:
    pages = render_docs(docs_of(write(tmp_path / "docs", PLAIN)))
    rows = pages["level.md"].rows()
    assert rows == [
        ["Member", "Value", "Description", "Deprecated"],
        ["LOW", '"low"', "Barely | audible", ""],
        ["MID", '"mid"', "The middle", "Use high."],
        ["HIGH", '"high"', "", ""],
    ]
    assert "~~`MID`~~" in pages["level.md"].text
    deprecations = pages["deprecations.md"].rows()
    assert deprecations[1][:3] == ["Level.MID", "enum value", "Use high."]


def test_an_enum_used_by_a_field_links_back_to_it(tmp_path: Path) -> None:
    pages = render_docs(docs_of(write(tmp_path / "docs", PLAIN)))
    assert dict(pages["note.md"].links())["Level"] == "level.md"
    assert dict(pages["level.md"].links())["Note"] == "note.md"
    assert not broken_links(pages)


def hostile_spec() -> Spec:
    """Types whose text holds every markdown special character a cell can meet."""
    nasty = "a|b `c` *d* [e](f) <g> ~h~ $i$ \\j"
    key = ModelKey("x", "Odd")
    field = Field(
        name="tag",
        wire_name="we|ird",
        type=UnionOf((Literal(nasty), ArrayOf(Ref(key)), Primitive("string"))),
        required=True,
        nullable=False,
        description="pipe | here\nsecond line",
        source=Span("x/Odd.md", 5),
    )
    return Spec(
        (
            Model(
                key, "object", "Odd", "", Span("x/Odd.md", 1), fields=(field,), doc_path="x/Odd.md"
            ),
        )
    )


def test_type_text_with_markdown_characters_stays_in_its_cell() -> None:
    pages = render_docs(hostile_spec())
    rows = pages["x/odd.md"].rows()
    assert len(rows) == 2 and len(rows[1]) == 5
    _name, type_text, wire, _required, description = rows[1]
    assert type_text == 'Literal["a|b `c` *d* [e](f) <g> ~h~ $i$ \\\\j"] | list[Odd] | str'
    assert wire == "we|ird"
    assert description == "pipe | heresecond line"
    assert dict(pages["x/odd.md"].links()) == {"Odd": "odd.md"}


def ts_union_docs(folder: Path, second_kind: str = '*"dog"*') -> Path:
    row = "| `{name}` | {type} | :heavy_check_mark: | N/A |\n"
    head = "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
    return write(
        folder / "models" / "components",
        {
            "cat.md": "# Cat\n\n"
            + head
            + row.format(name="kind", type='*"cat"*')
            + row.format(name="lives", type="*number*"),
            "dog.md": "# Dog\n\n" + head + row.format(name="kind", type=second_kind),
            "pet.md": "# Pet\n\n## Supported Types\n\n### `components.Cat`\n\n```typescript\n"
            "const value: components.Cat = {};\n```\n\n### `components.Dog`\n\n```typescript\n"
            "const value: components.Dog = {};\n```\n",
        },
    ).parent.parent


def test_a_union_page_shows_each_members_discriminator_value(tmp_path: Path) -> None:
    pages = render_docs(docs_of(ts_union_docs(tmp_path / "docs")))
    rows = pages["components/pet.md"].rows()
    assert rows == [["Type", "Discriminator kind"], ["Cat", '"cat"'], ["Dog", '"dog"']]


def test_no_discriminator_when_a_member_has_no_constant_of_that_name(tmp_path: Path) -> None:
    pages = render_docs(docs_of(ts_union_docs(tmp_path / "docs", "*string*")))
    assert pages["components/pet.md"].rows() == [["Type"], ["Cat"], ["Dog"]]


def test_union_tag_needs_distinct_values() -> None:
    def member(name: str, value: str) -> Model:
        kind = Field("kind", "kind", Literal(value), True, False, "", Span("a.md", 1))
        return Model(ModelKey("", name), "object", name, "", Span("a.md", 1), fields=(kind,))

    union = Model(
        ModelKey("", "U"),
        "union",
        "U",
        "",
        Span("u.md", 1),
        members=(Ref(ModelKey("", "A")), Ref(ModelKey("", "B"))),
    )
    same = Spec((member("A", "x"), member("B", "x"), union))
    assert union_tag(same, union.members) is None
    distinct = Spec((member("A", "x"), member("B", "y"), union))
    assert union_tag(distinct, union.members) == UnionTag("kind", ("x", "y"))
    # The docs show the tag the models read: one decision, in generator.unions.
    assert docs_view.union_tag is union_tag


@pytest.mark.parametrize(
    ("parts", "present", "absent"),
    [
        (("diagrams", "deprecations"), {"index.md", "deprecations.md"}, {SESSION}),
        (("pages", "diagrams"), {"index.md", SESSION}, {"deprecations.md"}),
        (("pages",), {"index.md", SESSION}, {"deprecations.md"}),
    ],
)
def test_docs_parts_switch_pages_diagrams_and_deprecations(
    parts: tuple[str, ...], present: set[str], absent: set[str]
) -> None:
    pages = render_docs(docs_of(SPECS), parts)
    assert present <= set(pages) and not absent & set(pages)
    index = pages["index.md"]
    assert bool(index.fences("mermaid")) == ("diagrams" in parts)
    assert ("Session" in dict(index.links())) == ("pages" in parts)
    assert not broken_links(pages)


def test_docs_parts_in_pyproject_reach_the_output(project: Path, run) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + 'docs_parts = ["pages"]\n', encoding="utf-8")
    assert run("gen").code == 0
    docs = project / "generated" / "docs"
    assert (docs / SESSION).is_file() and not (docs / "deprecations.md").exists()
    assert "```mermaid" not in (docs / "index.md").read_text()
    pyproject.write_text(pyproject.read_text().replace('["pages"]', '["pages", "charts"]'))
    result = run("gen")
    assert result.code == 2 and "DM300" in result.err and "docs_parts" in result.err


@pytest.mark.parametrize("folder", ["dataclasses", "docs"])
def test_a_user_template_replaces_a_docs_page(project: Path, run, folder: str) -> None:
    own = project / "mine" / folder
    own.mkdir(parents=True)
    (own / "model.md.j2").write_text(
        "# {{ d.title }} by hand\n{% for u in d.used_by %}{{ u.link }}\n{% endfor %}"
    )
    assert run("gen", "--templates", "mine").code == 0
    page = (project / "generated" / "docs" / "php/components/actor.md").read_text()
    assert page.startswith("# Actor by hand\n[Session](session.md)\n")


@pytest.mark.parametrize("folder", CORPUS_SAMPLE)
def test_every_link_of_a_corpus_folders_docs_names_a_page(folder: str) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not beside the project ({CORPUS})")
    pages = render_docs(docs_of(CORPUS / folder))
    assert not broken_links(pages)
    for page in pages.values():
        rows = page.rows()
        assert all(len(row) == len(rows[0]) for row in rows if row), page.path
    assert not [p for p in pages.values() if re.search(r"^[^|`].*\\\|", p.text, re.MULTILINE)]


def test_relative_links_are_those_posixpath_gives() -> None:
    import itertools
    import posixpath

    from generator.render.markdown_text import relative_link

    paths = [
        "index.md",
        "a.md",
        "x/a.md",
        "x/b.md",
        "x/y/c.md",
        "z/y/c.md",
        "x/yy/d.md",
        "a/b/c/d.md",
    ]
    for target, page in itertools.product(paths, paths):
        assert relative_link(target, page) == posixpath.relpath(
            target, posixpath.dirname(page) or "."
        )
