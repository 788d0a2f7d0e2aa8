"""What the tests share without being fixtures: the project's folders and the corpus beside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"

#: The material that lives beside the repository, not in it (the corpus of real SDK docs, the grammar, the
#: SDK histories): `../shared`, or the folder `DOCMODELS_SHARED` names.
SHARED = Path(os.environ.get("DOCMODELS_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
#: The smallest corpus folder of each dialect: what CI generates and tests (`make corpus` does them all).
CORPUS_SAMPLE = (
    "csharp/speakeasy-sdks__netevia-csharp-sdk",
    "go/dubinc__dub-go",
    "java/speakeasy-api__openapi-generation-tests",
    "php/speakeasy-sdks__tigris-php-sdk",
    "python/speakeasy-api__openapi-generation-tests",
    "ruby/speakeasy-api__openapi-generation-tests",
    "ts/dubinc__dub-ts",
    "unity/speakeasy-api__speakeasy-client-sdk-unity",
)
#: `DOCMODELS_CORPUS=all` (set by `make corpus`) runs the corpus tests on every folder.
WHOLE_CORPUS = os.environ.get("DOCMODELS_CORPUS") == "all"


def corpus_missing(folder: Path = CORPUS) -> str | None:
    """Why a test that reads `folder` cannot run (it is not there), or None when it can."""
    if folder.is_dir():
        return None
    return (
        f"needs the corpus of real SDK docs at {folder}: it is not part of the repository but lives beside "
        "it, in ../shared/corpus (as in CI); set DOCMODELS_SHARED to the folder that holds corpus/"
    )


def require_corpus(folder: Path = CORPUS) -> Path:
    """`folder`, or skip the calling test with the reason it is missing."""
    reason = corpus_missing(folder)
    if reason:
        pytest.skip(reason)
    return folder
