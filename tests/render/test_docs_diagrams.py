"""The index's Mermaid diagrams: what they draw, how they are cut, and that Mermaid's grammar accepts them.

Mermaid's own parser runs when `DOCMODELS_MERMAID` names a node_modules folder holding `mermaid` and `jsdom`
(`npm install mermaid jsdom`); a strict check of the subset docmodels writes always runs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.ir import ArrayOf, Deprecation, Field, Model, ModelKey, Primitive, Ref, Span, Spec
from generator.render.docs_diagram import MAX_EDGES, MAX_NODES
from tests.helpers import CORPUS, CORPUS_SAMPLE, SPECS
from tests.render.docs_support import docs_of, render_docs

HERE = Path(__file__).resolve().parent
_ID = r"[A-Z][A-Za-z0-9_]*"
_LINE = re.compile(
    rf"classDiagram|  class {_ID}|  <<(deprecated|external|enumeration|union|alias)>> {_ID}"
    rf'|  {_ID} (-->|<\|\.\.|\.\.>)( "(1|0\.\.1|\*)")? {_ID}( : [A-Za-z_][A-Za-z0-9_]*)?'
)


def diagrams(spec: Spec) -> list[str]:
    return render_docs(spec)["index.md"].fences("mermaid")


def grammar_problems(text: str) -> list[str]:
    """Lines outside the subset docmodels writes, and names used before their `class` line."""
    problems = []
    declared: set[str] = set()
    lines = text.rstrip("\n").split("\n")
    if lines[0] != "classDiagram":
        problems.append("first line is not `classDiagram`")
    for line in lines:
        if not _LINE.fullmatch(line):
            problems.append(f"not in the subset: {line!r}")
            continue
        names = re.findall(_ID, line.split(" : ")[0])
        if line.startswith("  class "):
            declared.add(names[0])
        elif line != "classDiagram" and not set(names) <= declared:
            problems.append(f"undeclared name in {line!r}")
    return problems


def chain(count: int, folder: str = "big") -> Spec:
    """`count` models in one folder, each pointing at the next; the middle one deprecated; one alone."""
    models = []
    for i in range(count):
        fields = ()
        if i + 1 < count:
            fields = (
                Field(
                    "next",
                    "next",
                    ArrayOf(Ref(ModelKey(folder, f"M{i + 1}"))),
                    True,
                    False,
                    "",
                    Span(f"{folder}/m{i}.md", 3),
                ),
            )
        deprecated = Deprecation("old") if i == count // 2 else None
        models.append(
            Model(
                ModelKey(folder, f"M{i}"),
                "object",
                f"M{i}",
                "",
                Span(f"{folder}/m{i}.md", 1),
                deprecated=deprecated,
                fields=fields,
                doc_path=f"{folder}/m{i}.md",
            )
        )
    alone = Field("x", "x", Primitive("string"), True, False, "", Span(f"{folder}/alone.md", 3))
    models.append(
        Model(
            ModelKey(folder, "Alone"),
            "object",
            "Alone",
            "",
            Span(f"{folder}/alone.md", 1),
            fields=(alone,),
            doc_path=f"{folder}/alone.md",
        )
    )
    return Spec(tuple(models))


def test_the_seed_index_draws_session_with_its_models() -> None:
    found = diagrams(docs_of(SPECS))
    php = next(d for d in found if "class Session\n" in d)
    assert '  Session --> "0..1" Actor : actor' in php
    assert '  Session --> "0..1" Status : status' in php
    assert '  Session --> "0..1" SessionObject : object' in php
    assert '  SessionList --> "*" Session : data' in php
    assert "  <<enumeration>> Status" in php
    assert "  SessionOwner <|.. Actor" in php


def test_a_long_chain_is_cut_into_readable_diagrams_with_a_note() -> None:
    spec = chain(MAX_NODES * 2 + 5)
    index = render_docs(spec)["index.md"]
    found = index.fences("mermaid")
    assert len(found) == 3
    for text in found:
        assert len(re.findall(r"^  class ", text, re.MULTILINE)) <= MAX_NODES
        assert not grammar_problems(text)
    assert "<<deprecated>> M" in "".join(found)
    assert index.text.count("Not drawn here: 1 relationship to models of other diagrams") == 2
    assert index.text.count("Not drawn here: 2 relationships to models of other diagrams") == 1
    assert (
        "1 model of this folder names no other model and is named by none: not drawn." in index.text
    )


def test_a_model_with_many_fields_draws_at_most_max_edges() -> None:
    target = ModelKey("f", "T")
    fields = tuple(
        Field(f"f{i}", f"f{i}", Ref(target), True, False, "", Span("f/a.md", 3 + i))
        for i in range(MAX_EDGES + 7)
    )
    spec = Spec(
        (
            Model(
                ModelKey("f", "A"),
                "object",
                "A",
                "",
                Span("f/a.md", 1),
                fields=fields,
                doc_path="f/a.md",
            ),
            Model(ModelKey("f", "T"), "object", "T", "", Span("f/t.md", 1), doc_path="f/t.md"),
        )
    )
    index = render_docs(spec)["index.md"]
    (text,) = index.fences("mermaid")
    assert text.count(" --> ") == MAX_EDGES
    assert f"7 relationships past the limit of {MAX_EDGES}" in index.text


def test_models_of_other_folders_are_drawn_and_marked_external() -> None:
    spec = Spec(
        (
            Model(
                ModelKey("a", "User"),
                "object",
                "User",
                "",
                Span("a/user.md", 1),
                doc_path="a/user.md",
                fields=(
                    Field(
                        "org",
                        "org",
                        Ref(ModelKey("b", "Org")),
                        False,
                        None,
                        "",
                        Span("a/user.md", 3),
                    ),
                ),
            ),
            Model(
                ModelKey("b", "Org"), "object", "Org", "", Span("b/org.md", 1), doc_path="b/org.md"
            ),
        )
    )
    (text,) = diagrams(spec)
    assert "  <<external>> Org" in text and '  User --> "0..1" Org : org' in text


def corpus_diagrams() -> list[tuple[str, str]]:
    found = [("specs", text) for text in diagrams(docs_of(SPECS))]
    found += [("chain", text) for text in diagrams(chain(MAX_NODES * 2 + 5))]
    if CORPUS.is_dir():
        for folder in CORPUS_SAMPLE:
            found += [(folder, text) for text in diagrams(docs_of(CORPUS / folder))]
    return found


def test_every_diagram_is_in_the_strict_subset() -> None:
    found = corpus_diagrams()
    assert len(found) > 3
    problems = [(where, p) for where, text in found for p in grammar_problems(text)]
    assert not problems, problems[:5]


def test_the_strict_check_rejects_what_mermaid_rejects() -> None:
    assert grammar_problems("classDiagram\n  class note")
    assert grammar_problems('classDiagram\n  class A\n  A --> "0..1" B : x')
    assert grammar_problems("classDiagram\n  class A\n  <<deprecated enum>> A")
    assert not grammar_problems('classDiagram\n  class A\n  class B\n  A --> "*" B : items')


def mermaid_modules() -> Path:
    folder = os.environ.get("DOCMODELS_MERMAID")
    if not folder or not (Path(folder) / "mermaid").is_dir() or shutil.which("node") is None:
        pytest.skip(
            "Mermaid's parser is not installed: set DOCMODELS_MERMAID to a node_modules folder "
            "with mermaid and jsdom (npm install mermaid jsdom)"
        )
    return Path(folder)


def mermaid_errors(modules: Path, texts: list[str]) -> list[str | None]:
    result = subprocess.run(
        ["node", str(HERE / "mermaid_parse.mjs"), str(modules)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stdout)


def test_mermaids_own_parser_accepts_every_diagram() -> None:
    modules = mermaid_modules()
    found = corpus_diagrams()
    errors = mermaid_errors(modules, [text for _, text in found])
    bad = [(where, error) for (where, _), error in zip(found, errors, strict=True) if error]
    assert not bad, bad[:3]


def test_mermaids_own_parser_rejects_a_broken_diagram() -> None:
    """The parser check can fail: a keyword as a name and a two-word mark are rejected."""
    modules = mermaid_modules()
    errors = mermaid_errors(
        modules, ["classDiagram\n  class note", "classDiagram\n  class A\n  <<a b>> A"]
    )
    assert all(errors)
