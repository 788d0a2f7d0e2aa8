"""Every Python style: specs/ and one corpus folder per dialect generate, are ruff-clean (its default
rules), pass their generated tests and type-check under mypy --strict.

The dataclasses style's corpus runs are in test_corpus.py (every folder); here it runs on specs/ only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.targets import load_target, templates_root
from tests.helpers import (
    CORPUS,
    CORPUS_SAMPLE,
    SPECS,
    WHOLE_CORPUS,
    assert_ruff_clean,
    generate,
    require_corpus,
    run_generated_tests,
    type_check,
)

#: The built-in styles that render Python (they extend the `python` base target).
PYTHON_STYLES = sorted(
    p.parent.name
    for p in templates_root().glob("*/manifest.toml")
    if p.parent.name != "python"
    and templates_root() / "python" in load_target(p.parent.name).folders
)
_OTHER_STYLES = [style for style in PYTHON_STYLES if style != "dataclasses"]
#: The sample folders `make test` gives the other styles, one each: the four smallest, of four dialects.
_SMALL_FOLDERS = (
    "csharp/speakeasy-sdks__netevia-csharp-sdk",
    "unity/speakeasy-api__speakeasy-client-sdk-unity",
    "php/speakeasy-sdks__tigris-php-sdk",
    "go/dubinc__dub-go",
)
#: Every style on specs/; on the corpus (test_corpus.py runs dataclasses on every sample folder),
#: `make corpus` runs every other style on every sample folder, and `make test` each other style on one
#: small folder of its own dialect (the whole grid costs CI minutes that the IR contract makes redundant:
#: a dialect's reading does not depend on the style that renders it).
CASES = [(style, "specs") for style in PYTHON_STYLES] + (
    [(style, folder) for folder in CORPUS_SAMPLE for style in _OTHER_STYLES]
    if WHOLE_CORPUS
    else list(zip(_OTHER_STYLES, _SMALL_FOLDERS, strict=True))
)


def test_every_style_is_found() -> None:
    assert {"dataclasses"} <= set(PYTHON_STYLES)


@pytest.mark.slow
@pytest.mark.parametrize(("style", "folder"), CASES, ids=[f"{s}-{f}" for s, f in CASES])
def test_style_generates_passes_its_tests_and_type_checks(
    style: str, folder: str, tmp_path: Path
) -> None:
    docs = SPECS if folder == "specs" else require_corpus(CORPUS / folder)
    out = tmp_path / "out"
    package = f"{style}_models"
    # Property tests: on specs/ here; on the corpus in `make corpus` (their hypothesis runs cost CI minutes).
    tests = "properties" if folder == "specs" or WHOLE_CORPUS else "examples"
    generate(docs, out, target=style, package=package, tests=tests)
    assert_ruff_clean(out)
    run_generated_tests(out)
    type_check(out, package, tmp_path / "mypy-cache")


def test_the_small_folders_are_sample_folders() -> None:
    assert set(_SMALL_FOLDERS) <= set(CORPUS_SAMPLE)
