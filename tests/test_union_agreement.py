"""Every reading target applies the one union rule: same member for the same payload, nothing declared lost.

The doc set in tests/fixtures/unions has every union shape the corpus has: objects with constant tags
(Shape), objects without tags (RunStream, whose members differ only below `data`), a primitive with an
object (Pet), lists of unions (Drawing.shapes), a union of unions (Anything), nullable unions and
primitives (Drawing.stream, Drawing.either). The corpus test does the same for the unions of real SDKs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.examples import build_type
from generator.ir import ModelKey, Ref
from generator.reader import read_docs
from tests.helpers import CORPUS, CORPUS_SAMPLE, SPECS, WHOLE_CORPUS, require_corpus
from tests.unions_support import (
    READING_TARGETS,
    Generated,
    agreements,
    assert_agree,
    generated_everywhere,
    payloads,
    read_everywhere,
    union_docs,
)

FIXTURES = Path(__file__).parent / "fixtures" / "unions"
RUN_STREAM_LOG = {
    "event": "log_update",
    "data": {"logs": "loading model", "timestamp": 1700000000},
}


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    out = tmp_path_factory.mktemp("union_agreement")
    with generated_everywhere(FIXTURES, out, "union_fixture") as generated:
        yield generated


def _chosen(generated: Generated, model: str, payload: object) -> dict[str, object]:
    return {
        target: found[1][0][0] if found[0] == "ok" else found
        for target, found in read_everywhere(generated, model, payload).items()
    }


def test_the_issue_payload_is_read_as_the_member_that_keeps_the_log(fixtures: Generated) -> None:
    # The first member (EventUpdateEvent) reads it too, but drops `data.logs` and `data.timestamp`.
    assert _chosen(fixtures, "RunStream", RUN_STREAM_LOG) == dict.fromkeys(
        READING_TARGETS, "LogUpdateEvent"
    )
    assert assert_agree(fixtures, "RunStream", RUN_STREAM_LOG) == "ok"


def test_a_tagged_union_reads_the_member_its_tag_names(fixtures: Generated) -> None:
    assert _chosen(fixtures, "Shape", {"kind": "square", "side": 2}) == dict.fromkeys(
        READING_TARGETS, "Square"
    )
    # A member's fields alone do not decide: the tag does.
    # pydantic dispatches a tagged union itself: its message covers both cases at once.
    for payload in ({"kind": "oval", "side": 2}, {"side": 2}):
        for target, found in read_everywhere(fixtures, "Shape", payload).items():
            assert found[0] == "error", (target, found)
            assert "'kind'" in found[1] and "one of 'circle', 'square'" in found[1], (target, found)


def test_a_payload_no_member_reads_names_each_member_and_why(fixtures: Generated) -> None:
    for target, found in read_everywhere(fixtures, "Pet", {"kind": "circle"}).items():
        assert found[0] == "error", target
        assert "matches no member of the union" in found[1], (target, found[1])
        assert "Circle: " in found[1] and "str: " in found[1], (target, found[1])
        assert "radius" in found[1], (target, found[1])


def test_members_that_drop_each_others_keys_are_an_error_not_a_guess(
    fixtures: Generated,
) -> None:
    # `data.event` is EventUpdate's, `data.logs` LogUpdate's: whichever member is read, one key is lost
    # (LogUpdate cannot read it anyway without `timestamp`, so add it).
    payload = {"event": "x", "data": {"event": "a", "logs": "b", "timestamp": 1}}
    for target, found in read_everywhere(fixtures, "RunStream", payload).items():
        assert found[0] == "error", (target, found)
        assert "drops" in found[1], (target, found[1])


def test_a_strict_read_rejects_undeclared_keys(fixtures: Generated) -> None:
    payload = {"shape": {"kind": "circle", "radius": 1, "colour": "red"}}
    for target, runtime in fixtures.runtimes.items():
        drawing = fixtures.types[target]["Drawing"]
        assert runtime.read(drawing, payload).shape.radius == 1  # ignored when not strict
        with pytest.raises(runtime.ValidationError, match="colour"):
            runtime.read(drawing, payload, strict=True)
    # In a union, strictness is part of the rule: the member that explains every key is the only one.
    payload = {"event": "x", "data": {"event": "a", "colour": "red"}}
    for target, runtime in fixtures.runtimes.items():
        with pytest.raises(runtime.ValidationError, match="colour"):
            runtime.read(fixtures.types[target]["RunStream"], payload, strict=True)


@pytest.mark.parametrize("model", ["Drawing", "Anything", "Pet", "RunStream", "Shape"])
def test_every_target_reads_generated_payloads_alike(fixtures: Generated, model: str) -> None:
    strategy = payloads(fixtures.spec, Ref(ModelKey("", model)))

    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def check(data: st.DataObject) -> None:
        assert assert_agree(fixtures, model, data.draw(strategy)) == "ok"

    check()


def _union_payloads(generated: Generated) -> Iterator[tuple[str, object]]:
    """One payload per member of each union model, built from its types (as the generated tests do)."""
    for model in generated.spec.models:
        if model.kind != "union":
            continue
        for member in model.members:
            try:
                yield str(model.key), build_type(generated.spec, member)
            except ValueError:
                continue


def test_the_unions_of_specs_read_alike(tmp_path: Path) -> None:
    with generated_everywhere(SPECS, tmp_path, "union_specs") as generated:
        checked, disagreements = agreements(generated, list(_union_payloads(generated)))
    assert not disagreements, "\n".join(disagreements[:5])
    assert checked and set(checked) == {"ok"}


#: The corpus folder `make test` checks (the unions of a real SDK, tagged and not); the others are `corpus` tests.
UNION_SAMPLE = "go/dubinc__dub-go"
_FOLDERS = sorted(
    p.relative_to(CORPUS).as_posix()
    for p in (CORPUS.glob("*/*") if CORPUS.is_dir() else ())
    if p.is_dir() and (WHOLE_CORPUS or p.relative_to(CORPUS).as_posix() in CORPUS_SAMPLE)
)


@pytest.mark.parametrize(
    "folder",
    [
        pytest.param(f, marks=() if f == UNION_SAMPLE else (pytest.mark.corpus,))
        for f in _FOLDERS or [UNION_SAMPLE]
    ],
)
def test_the_unions_of_the_corpus_read_alike(folder: str, tmp_path: Path) -> None:
    docs = require_corpus(CORPUS / folder)
    # Only the union models and what they reach are generated: the same keys, a fraction of the models.
    subset = tmp_path / "docs"
    unions = union_docs(read_docs([docs]), docs, subset)
    if not unions:
        pytest.skip(f"{folder} has no union model")
    with generated_everywhere(subset, tmp_path / "out", "union_corpus") as generated:
        assert {str(k) for k in unions} <= set(generated.types["dataclasses"])
        outcomes, disagreements = agreements(generated, list(_union_payloads(generated)))
    assert not disagreements, "\n".join(disagreements[:5])
    # A member's example may be read as another member or fit none (every target agrees then); most read.
    assert outcomes.count("ok") >= len(outcomes) / 2, outcomes
