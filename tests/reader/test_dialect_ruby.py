"""The Ruby dialect: every Type cell notation of the grammar (§4.4), errors, detection, the corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.ir import ArrayOf, Link, MapOf, Primitive, TypeExpr, UnionOf
from generator.reader import read_docs
from generator.reader.dialects import DIALECTS, ParsedType, TypeNotationError, choose, detect
from generator.reader.js_literal import ExampleSyntaxError

RUBY = DIALECTS["ruby"]
DATE = "[Date](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html)"
DATETIME = "[DateTime](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/DateTime.html)"
FARADAY = "[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)"
STRING, INTEGER, NUMBER = Primitive("string"), Primitive("integer"), Primitive("number")
BOOLEAN, ANY, NULL = Primitive("boolean"), Primitive("any"), Primitive("null")


def link(text: str, href: str | None = None) -> Link:
    return Link(href, text)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # Primitives, both eras.
        ("*::String*", STRING),
        ("*String*", STRING),
        ("*::Integer*", INTEGER),
        ("*Integer*", INTEGER),
        ("*::Float*", NUMBER),
        ("*Float*", NUMBER),
        ("*T::Boolean*", BOOLEAN),
        ("*::Object*", ANY),
        ("*Object*", ANY),
        # Platform links: the date labels are swapped by the generator.
        (DATE, Primitive("datetime")),
        (DATETIME, Primitive("date")),
        (FARADAY, ANY),
        # Model links, every path shape.
        (
            "[Shared::Pet](../../models/shared/pet.md)",
            link("Shared::Pet", "../../models/shared/pet.md"),
        ),
        (
            "[Operations::Form](../../models/operations/form.md)",
            link("Operations::Form", "../../models/operations/form.md"),
        ),
        (
            "[Models::Shared::Pet](../../models/shared/pet.md)",
            link("Models::Shared::Pet", "../../models/shared/pet.md"),
        ),
        (
            "[Models::Operations::Req](../../models/operations/req.md)",
            link("Models::Operations::Req", "../../models/operations/req.md"),
        ),
        (
            "[Models::Components::Actor](../../models/shared/actor.md)",
            link("Models::Components::Actor", "../../models/shared/actor.md"),
        ),
        (
            "[Models::Errors::Oops](../../models/errors/oops.md)",
            link("Models::Errors::Oops", "../../models/errors/oops.md"),
        ),
        (
            "[::OpenApiSDK::Shared::Pet](../../models/shared/pet.md)",
            link("::OpenApiSDK::Shared::Pet", "../../models/shared/pet.md"),
        ),
        (
            "[Components::Pet](../models/shared/pet.md)",
            link("Components::Pet", "../models/shared/pet.md"),
        ),
        ("[Pet](./pet.md)", link("Pet", "./pet.md")),
        # Containers outside links: angle brackets for arrays, square ones for hashes.
        ("T::Array<*::String*>", ArrayOf(STRING)),
        ("Crystalline::Array<*::String*>", ArrayOf(STRING)),
        ("T::Array<*Integer*>", ArrayOf(INTEGER)),
        ("T::Hash[Symbol, *::Object*]", MapOf(ANY)),
        ("Crystalline::Hash[Symbol, *::String*]", MapOf(STRING)),
        (
            "T::Array<[Shared::Pet](../../models/shared/pet.md)>",
            ArrayOf(link("Shared::Pet", "../../models/shared/pet.md")),
        ),
        (
            "Crystalline::Array<[Models::Components::User](../../models/shared/user.md)>",
            ArrayOf(link("Models::Components::User", "../../models/shared/user.md")),
        ),
        (
            "T::Hash[Symbol, [Shared::Pet](../../models/shared/pet.md)]",
            MapOf(link("Shared::Pet", "../../models/shared/pet.md")),
        ),
        (f"T::Array<{DATETIME}>", ArrayOf(Primitive("date"))),
        (f"T::Hash[Symbol, {DATE}]", MapOf(Primitive("datetime"))),
        # Nested containers.
        ("T::Hash[Symbol, T::Array<*String*>]", MapOf(ArrayOf(STRING))),
        ("T::Hash[Symbol, T::Hash[Symbol, *String*]]", MapOf(MapOf(STRING))),
        ("T::Array<T::Array<*String*>>", ArrayOf(ArrayOf(STRING))),
        (
            "T::Array<T::Hash[Symbol, [Shared::Pet](../../models/shared/pet.md)]>",
            ArrayOf(MapOf(link("Shared::Pet", "../../models/shared/pet.md"))),
        ),
        (
            "T::Hash[Symbol, T::Array<[Shared::Pet](../../models/shared/pet.md)>]",
            MapOf(ArrayOf(link("Shared::Pet", "../../models/shared/pet.md"))),
        ),
        # Containers inside link text use square brackets; the link goes to the model they hold.
        (
            "[T::Array[Models::Shared::Pet]](../../models/shared/pet.md)",
            ArrayOf(link("Models::Shared::Pet", "../../models/shared/pet.md")),
        ),
        ("[T::Hash[Symbol, ::Object]](../../models/shared/x.md)", MapOf(ANY)),
        # A nilable item inside a container may be null.
        ("T::Array<*T.nilable(::String)*>", ArrayOf(UnionOf((STRING, NULL)))),
    ],
)
def test_type_cells(cell: str, expected: TypeExpr) -> None:
    parsed = RUBY.parse_type(cell)
    assert parsed.type == expected
    assert not parsed.optional


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("*T.nilable(::String)*", STRING),
        ("*T.nilable(String)*", STRING),
        ("*T.nilable(Integer)*", INTEGER),
        ("*T.nilable(Float)*", NUMBER),
        ("*T.nilable(T::Boolean)*", BOOLEAN),
        ("*T.nilable(Object)*", ANY),
        (
            "[T.nilable(Models::Shared::Pet)](../../models/shared/pet.md)",
            link("Models::Shared::Pet", "../../models/shared/pet.md"),
        ),
        (
            "[T.nilable(Shared::Pet)](../../models/shared/pet.md)",
            link("Shared::Pet", "../../models/shared/pet.md"),
        ),
    ],
)
def test_sorbet_nilable_is_optional_with_nullability_unknown(cell: str, expected: TypeExpr) -> None:
    # §3: `T.nilable` is on optional rows only, and a required nullable field is shown bare.
    assert (RUBY.parse_type(cell).type, RUBY.parse_type(cell).optional) == (expected, True)
    assert RUBY.parse_type(cell).nullable is None


@pytest.mark.parametrize(
    ("cell", "expected", "optional", "nullable"),
    [
        ("*Crystalline::Nilable.new(::String)*", STRING, True, None),
        ("*Crystalline::Nilable.new(Crystalline::Boolean.new)*", BOOLEAN, True, None),
        ("*Crystalline::Nilable.new(::Object)*", ANY, True, None),
        (
            "[Crystalline::Nilable.new(Models::Components::User)](../../models/shared/user.md)",
            link("Models::Components::User", "../../models/shared/user.md"),
            True,
            None,
        ),
        # Crystalline wraps every nullable field, so these bare ones are not nullable.
        ("*Crystalline::Boolean.new*", BOOLEAN, False, False),
        ("Crystalline::Array<*::String*>", ArrayOf(STRING), False, False),
        ("Crystalline::Hash[Symbol, *::Object*]", MapOf(ANY), False, False),
        # Bare notation both eras write says nothing about null.
        ("*::String*", STRING, False, None),
        (
            "[Models::Components::User](../../models/shared/user.md)",
            link("Models::Components::User", "../../models/shared/user.md"),
            False,
            None,
        ),
        ("T::Array<*String*>", ArrayOf(STRING), False, None),
    ],
)
def test_crystalline_nullability(
    cell: str, expected: TypeExpr, optional: bool, nullable: bool | None
) -> None:
    parsed = RUBY.parse_type(cell)
    assert (parsed.type, parsed.optional, parsed.nullable) == (expected, optional, nullable)


def test_union_link_names_its_title_only_page_and_lists_the_members() -> None:
    parsed = RUBY.parse_type(
        "[T.nilable(T.any(T::Boolean, ::String))](../../models/operations/active.md)"
    )
    assert parsed == ParsedType(
        Link("../../models/operations/active.md", "active", (BOOLEAN, STRING)), optional=True
    )


def test_crystalline_union_link() -> None:
    cell = (
        "[Crystalline::Nilable.new(Crystalline::Union.new(Models::Components::OauthA,"
        " Models::Components::OneTap))](../../models/shared/accountverification.md)"
    )
    parsed = RUBY.parse_type(cell)
    # The qualifier the members share lets a broken `models/shared/` path resolve by name.
    assert parsed.type == Link(
        "../../models/shared/accountverification.md",
        "Models::Components::accountverification",
        (link("Models::Components::OauthA"), link("Models::Components::OneTap")),
    )
    assert (parsed.optional, parsed.nullable) == (True, None)


def test_union_inside_a_container() -> None:
    cell = (
        "Crystalline::Array<[Crystalline::Union.new(Models::Components::A, Models::Operations::B)]"
        "(../../models/shared/abunion.md)>"
    )
    parsed = RUBY.parse_type(cell)
    assert parsed.type == ArrayOf(
        Link(
            "../../models/shared/abunion.md",
            "abunion",  # members in different namespaces: no qualifier
            (link("Models::Components::A"), link("Models::Operations::B")),
        )
    )
    assert parsed.nullable is False


def test_deepest_nested_link_text() -> None:
    cell = (
        "[T.nilable(T.any(T::Hash[Symbol, ::Object], T::Array[T::Hash[Symbol, ::Object]],"
        " ::String, ::Float, T::Boolean))](../../models/operations/value.md)"
    )
    members = (MapOf(ANY), ArrayOf(MapOf(ANY)), STRING, NUMBER, BOOLEAN)
    parsed = RUBY.parse_type(cell)
    assert parsed.type == Link("../../models/operations/value.md", "value", members)
    assert parsed.optional


def test_date_time_member_and_nilable_member() -> None:
    parsed = RUBY.parse_type(
        "[T.any(::DateTime, T.nilable(::Integer), Models::Shared::Pet)](../../models/shared/u.md)"
    )
    assert parsed.type == Link(
        "../../models/shared/u.md",
        "Models::Shared::u",
        (Primitive("datetime"), UnionOf((INTEGER, NULL)), link("Models::Shared::Pet")),
    )


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "*BigDecimal*",  # a lone unknown name outside link text
        "*T::Array*",
        "*T.nilable(::String*",
        "*T.nilable(::String)",
        "*String* junk",
        "T::Array<*String*",
        "T::Array<*String*]",
        "T::Hash[Integer, *String*]",
        "T::Hash[Symbol *String*]",
        "List<String>",
        "array<*int*>",
        "*string*",
        "*?string*",
        "[x](y",
        "[T.any(Shared::A, Shared::B](../../models/shared/u.md)",
        "[T.nilable(Shared::A) extra](../../models/shared/a.md)",
        "[T::Foo](../../models/shared/a.md)",
        "[Crystalline::Union.new()](../../models/shared/a.md)",
        "[Components\\X](../../Models/Components/X.md)",
        "[components.X](../../models/components/x.md)",
    ],
)
def test_unknown_notation_raises(cell: str) -> None:
    with pytest.raises(TypeNotationError):
        RUBY.parse_type(cell)


def test_no_member_headings_and_no_example_values() -> None:
    with pytest.raises(TypeNotationError, match="no union member headings"):
        RUBY.parse_member("`String`", "")
    code = 'require "sdk"\n\nvalue = AccountStatus::ACTIVE\n'
    with pytest.raises(ExampleSyntaxError):
        RUBY.parse_example(code)


@pytest.mark.parametrize(
    "notation",
    [
        # Sorbet era, 2025.
        "*::String*\n*T.nilable(::String)*\n[T.nilable(Models::Shared::Pet)](../../models/shared/pet.md)",
        # Sorbet era, 2023.
        "*String*\n*Integer*\nT::Hash[Symbol, *String*]\n[Shared::Pet](../../models/shared/pet.md)",
        f"*String*\n{DATE}",
        f"*String*\n{FARADAY}",
        "*String*\n*T::Boolean*",
        # Crystalline era.
        "*::String*\n*Crystalline::Nilable.new(::Integer)*\nCrystalline::Array<*::String*>",
        "```ruby",
    ],
)
def test_ruby_pages_are_detected(notation: str) -> None:
    found = detect(notation)
    assert found is not None and found.name == "ruby"


@pytest.mark.parametrize(
    "notation", ["*string*", "*string*\n*string*", "*int*", "*boolean*", "*str*", "[Date](x)"]
)
def test_shared_or_foreign_notation_does_not_count(notation: str) -> None:
    assert RUBY.score(notation) == 0


def test_pages_with_only_shared_notation_follow_their_folder() -> None:
    # Ruby 2023 writes `*String*` like Java and `*Integer*` / `*Float*` / `*Object*` like Java 2023.
    assert RUBY.score("*String*\n*Integer*\n*Float*\n*Object*") == 0
    assert detect("*String*\n*String*") is None
    assert choose([None, RUBY, None]).name == "ruby"


@pytest.mark.parametrize(
    "notation",
    [
        "*?string*\narray<*int*>",
        "[components.X](../../models/components/x.md)\n*number*",
        "List\\<*String*>\n*Optional\\<Long>*",
        "List<*string*>\nDictionary<String, *object*>",
        "[Components\\Actor](../../Models/Components/Actor.md)",
        "```typescript\n```php\n```java\n```csharp",
    ],
)
def test_other_dialects_score_zero(notation: str) -> None:
    assert RUBY.score(notation) == 0


def _ruby_folders(corpus: Path) -> list[Path]:
    root = corpus / "ruby"
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    if not folders:
        pytest.skip(f"no Ruby corpus folders in {root}")
    return folders


@pytest.mark.corpus
def test_corpus_reads_without_notation_errors(corpus: Path) -> None:
    for folder in _ruby_folders(corpus):
        spec = read_docs([folder], dialect="ruby")
        problems = [d.render() for d in spec.diagnostics if d.code == "DM120"]
        assert not problems, "\n".join(problems[:10])
        assert spec.models


@pytest.mark.corpus
def test_corpus_pages_are_read_as_ruby(corpus: Path) -> None:
    for folder in _ruby_folders(corpus):
        spec = read_docs([folder])
        problems = [d.render() for d in spec.diagnostics if d.code == "DM120"]
        dialects = Counter(m.dialect for m in spec.models)
        assert not problems, "\n".join(problems[:10])
        assert set(dialects) == {"ruby"}, f"{folder.name}: {dict(dialects)}"
