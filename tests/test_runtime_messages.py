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
#: The targets whose runtime raises its own messages and warns when a deprecated field is given.
TARGETS = ("dataclasses", "attrs", "pydantic", "msgspec")
WARNING_TARGETS = TARGETS


@pytest.fixture(scope="module", params=TARGETS)
def generated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, ModuleType, ModuleType]]:
    target = request.param
    out = tmp_path_factory.mktemp(f"messages_{target}")
    package = f"messages_{target}"
    generate(FIXTURES, out, target=target, package=package, outputs=("models",))
    with imported(out, package) as module:
        yield target, module, __import__(f"{package}.runtime", fromlist=["read"])


@pytest.fixture
def models(generated: tuple[str, ModuleType, ModuleType]) -> ModuleType:
    """The generated package of a target that warns when a deprecated field is set."""
    target, module, _ = generated
    if target not in WARNING_TARGETS:
        pytest.skip(f"{target} has no deprecation warnings")
    return module


def test_an_enum_error_lists_the_allowed_values(
    generated: tuple[str, ModuleType, ModuleType],
) -> None:
    target, models, rt = generated
    with pytest.raises(rt.ValidationError) as caught:
        rt.read(models.Archive, {"name": "a", "compression": "zstd"})
    message = "'zstd' is not a valid OutputCompression: expected one of 'none', 'gzip'"
    if target in ("dataclasses", "attrs"):
        assert str(caught.value) == f"Archive.compression: {message}"
    else:  # the library's error, with the path its way (pydantic: a line of its own; msgspec: `$.`)
        assert message in str(caught.value) and "compression" in str(caught.value)


def test_a_deprecation_warning_points_at_the_line_that_builds_the_model(models: ModuleType) -> None:
    with pytest.warns(DeprecationWarning, match="Archive.old_name is deprecated") as caught:
        models.Archive(name="a", old_name="b")
    assert [Path(w.filename).name for w in caught] == [Path(__file__).name]


def test_a_deprecation_warning_points_at_the_line_that_sets_the_field(models: ModuleType) -> None:
    if models.__name__.endswith("msgspec"):
        pytest.skip(
            "a msgspec Struct runs no Python code when a field is set (docs/targets/msgspec.md)"
        )
    archive = models.Archive(name="a")
    with pytest.warns(DeprecationWarning, match="Use `name` instead") as caught:
        archive.old_name = "b"
    assert [Path(w.filename).name for w in caught] == [Path(__file__).name]


def test_reading_a_deprecated_field_does_not_warn(models: ModuleType) -> None:
    runtime = __import__(f"{models.__name__}.runtime", fromlist=["read"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        archive = runtime.read(models.Archive, {"name": "a", "old_name": "b"})
        assert runtime.write(archive) == {"name": "a", "old_name": "b"}
