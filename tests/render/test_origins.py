"""Each model's origins (what the manifest fingerprints) are kept between runs by the digest of its view: a run
that finds them gets exactly what computing them gives, and a missing, damaged or foreign entry costs time."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.render.origins
from generator.cache_store import Store
from generator.ir import Spec
from generator.reader import read_docs
from generator.render.origins import KnownOrigins, model_origins
from generator.render.planner import PendingFile, plan_files
from generator.render.targets import load_target
from tests.helpers import ROOT

SPECS = ROOT / "specs"


@pytest.fixture(scope="module")
def spec() -> Spec:
    return read_docs([SPECS])


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The title of every model whose fingerprints are computed from now on."""
    seen: list[str] = []
    real = generator.render.origins.fingerprints

    def counting(model: object) -> list[str]:
        seen.append(model.title)  # type: ignore[attr-defined]
        return real(model)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.render.origins, "fingerprints", counting)
    return seen


def origins(spec: Spec, store: Store, groups: tuple[str, ...] = ("models",)) -> dict[str, object]:
    """What one run of the planner gives each file as its origins."""
    files: list[PendingFile] = plan_files(spec, load_target("dataclasses"), "pkg", groups, store)
    return {f.path: f.origins for f in files}


def entry(tmp_path: Path) -> Path:
    (found,) = (tmp_path / "cache" / "origins").glob("*.entry")
    return found


def test_a_kept_entry_gives_what_computing_gives(
    spec: Spec, tmp_path: Path, computed: list[str]
) -> None:
    store = Store(tmp_path / "cache")
    expected = origins(spec, Store(None))
    assert origins(spec, store) == expected
    assert len(computed) == 2 * len(spec.models)  # no store, then an empty one
    computed.clear()
    assert origins(spec, store) == expected
    assert computed == []
    every = ("models", "docs", "tests")
    assert origins(spec, store, every) == origins(spec, Store(None), every)
    assert len(computed) == len(spec.models)  # only the run without a store computed them


def test_every_model_file_has_the_origins_of_its_model(spec: Spec, tmp_path: Path) -> None:
    found = origins(spec, Store(tmp_path / "cache"))
    with_origins = sorted(repr(parts) for parts in found.values() if parts)
    assert with_origins == sorted(repr(model_origins(m)) for m in spec.models)


@pytest.mark.parametrize(
    "payload", [[], "text", {"a": "b"}, {"a": [1]}, {"a": None}, {"a": [["x"]]}]
)
def test_an_entry_of_another_shape_is_ignored(
    spec: Spec, tmp_path: Path, payload: object, computed: list[str]
) -> None:
    store = Store(tmp_path / "cache")
    expected = origins(spec, store)
    known = KnownOrigins(store, "pkg\0dataclasses")
    assert store.save("origins", known.where, known.tag, payload)  # a header that verifies
    computed.clear()
    assert origins(spec, store) == expected
    assert len(computed) == len(spec.models)


def test_fingerprints_of_another_count_are_computed_again(
    spec: Spec, tmp_path: Path, computed: list[str]
) -> None:
    store = Store(tmp_path / "cache")
    expected = origins(spec, store)
    known = KnownOrigins(store, "pkg\0dataclasses")
    # The same digests with one fingerprint too many: a model's fields are never taken from elsewhere.
    assert store.save(
        "origins", known.where, known.tag, {k: [*v, "0" * 16] for k, v in known.kept.items()}
    )
    computed.clear()
    assert origins(spec, store) == expected
    assert len(computed) == len(spec.models)


@pytest.mark.parametrize("content", [b"", b"not json", b"docmodels-cache 1\n{}", None])
def test_a_damaged_or_deleted_entry_only_costs_time(
    spec: Spec, tmp_path: Path, content: bytes | None, computed: list[str]
) -> None:
    store = Store(tmp_path / "cache")
    expected = origins(spec, store)
    if content is None:
        entry(tmp_path).unlink()
    else:
        entry(tmp_path).write_bytes(content)
    computed.clear()
    assert origins(spec, store) == expected
    assert len(computed) == len(spec.models)
    computed.clear()
    assert origins(spec, store) == expected  # kept again
    assert computed == []
