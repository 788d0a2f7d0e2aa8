"""The real corpus (../shared/corpus) in the Foundation dialects: read without errors, generated, tested.

CI runs one folder per dialect (`CORPUS_SAMPLE`); `make corpus` runs all of them.

Skipped when the corpus is not beside the project. The rules are general; no corpus text is copied here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import (
    CORPUS,
    CORPUS_SAMPLE,
    WHOLE_CORPUS,
    assert_ruff_clean,
    escaped_pipes_outside_tables,
    generate,
    run_generated_tests,
    type_check,
)

#: Corpus folder -> the dialect every page in it must be read as.
DIALECT_FOLDERS = {
    "ts": "typescript",
    "python": "python",
    "go": "go",
    "php": "php",
    "java": "java",
    "csharp": "csharp",
    "ruby": "ruby",
    "unity": "unity",
}
ALL_FOLDERS = sorted(
    p.relative_to(CORPUS).as_posix()
    for d in DIALECT_FOLDERS
    if (CORPUS / d).is_dir()
    for p in (CORPUS / d).iterdir()
    if p.is_dir()
)
#: CI runs one folder per dialect; `make corpus` runs every folder.
FOLDERS = ALL_FOLDERS if WHOLE_CORPUS else [f for f in ALL_FOLDERS if f in CORPUS_SAMPLE]
#: One folder per dialect also gets mypy --strict (the smaller ones: it is the slowest step).
TYPE_CHECKED = {
    "ts/dubinc__dub-ts",
    "python/speakeasy-api__openapi-generation-tests",
    "go/dubinc__dub-go",
    "php/speakeasy-sdks__tigris-php-sdk",
    "ruby/speakeasy-api__openapi-generation-tests",
    "java/speakeasy-api__openapi-generation-tests",
    "csharp/speakeasy-sdks__netevia-csharp-sdk",
    "unity/speakeasy-api__speakeasy-client-sdk-unity",
}


@pytest.mark.corpus
@pytest.mark.parametrize("folder", FOLDERS or ["(no corpus)"])
def test_corpus_folder_generates_and_its_tests_pass(
    folder: str, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    # Property tests in `make corpus`; CI's sample runs the example-based tests (its time).
    tests = "properties" if WHOLE_CORPUS else "examples"
    spec = generate(corpus / folder, out, package="corpus_models", tests=tests)
    dialects = {m.dialect for m in spec.models}
    assert dialects == {DIALECT_FOLDERS[folder.split("/")[0]]}
    assert_ruff_clean(out)
    assert not escaped_pipes_outside_tables(out / "docs")
    run_generated_tests(out)
    if folder in TYPE_CHECKED:
        type_check(out, "corpus_models", tmp_path / "cache")
