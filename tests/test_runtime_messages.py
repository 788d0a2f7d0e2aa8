"""Messages and warnings a user can act on: enum errors list the allowed values, deprecation warnings point
at the caller's line (setting the field or building the model), reading never warns."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.render.style_support import imported
from tests.unions_support import generate

FIXTURES = Path(__file__).parent / "fixtures" / "runtime_messages"
#: The targets whose runtime raises its own messages and warns when a deprecated field is set.
TARGETS = ("dataclasses", "attrs")


@pytest.fixture(scope="module", params=TARGETS)
def models(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ModuleType]:
    target = request.param
    out = tmp_path_factory.mktemp(f"messages_{target}")
    package = f"messages_{target}"
    generate(FIXTURES, out, target=target, package=package, outputs=("models",))
    with imported(out, package) as module:
        yield module


def test_an_enum_error_lists_the_allowed_values(models: ModuleType) -> None:
    with pytest.raises(ValueError) as caught:
        models.Archive.from_dict({"name": "a", "compression": "zstd"})
    assert str(caught.value) == (
        "Archive.compression: 'zstd' is not a valid OutputCompression: expected one of 'none', 'gzip'"
    )


def test_a_deprecation_warning_points_at_the_line_that_builds_the_model(models: ModuleType) -> None:
    with pytest.warns(DeprecationWarning, match="Archive.old_name is deprecated") as caught:
        models.Archive(name="a", old_name="b")
    assert [Path(w.filename).name for w in caught] == [Path(__file__).name]


def test_a_deprecation_warning_points_at_the_line_that_sets_the_field(models: ModuleType) -> None:
    archive = models.Archive(name="a")
    with pytest.warns(DeprecationWarning, match="Use `name` instead") as caught:
        archive.old_name = "b"
    assert [Path(w.filename).name for w in caught] == [Path(__file__).name]


def test_reading_a_deprecated_field_does_not_warn(models: ModuleType) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        archive = models.Archive.from_dict({"name": "a", "old_name": "b"})
    assert archive.old_name == "b"
