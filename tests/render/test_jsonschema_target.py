"""The jsonschema target: valid JSON Schema 2020-12 documents that accept the docs' examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generator.examples import example_for
from generator.ir import Spec
from generator.render.python_view import PyStyle, python_package
from tests.helpers import CORPUS, SPECS, generate, require_corpus

BASE = "file:///schemas/"
#: One corpus folder per dialect.
CORPUS_SAMPLE = (
    "csharp/speakeasy-sdks__netevia-csharp-sdk",
    "go/dubinc__dub-go",
    "java/speakeasy-api__openapi-generation-tests",
    "php/clerk__clerk-sdk-php",
    "python/speakeasy-api__openapi-generation-tests",
    "ruby/speakeasy-api__openapi-generation-tests",
    "ts/dubinc__dub-ts",
    "unity/speakeasy-api__speakeasy-client-sdk-unity",
)


def load_documents(out: Path) -> dict[str, Any]:
    root = out / "schemas"
    return {
        p.relative_to(root).as_posix(): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(root.rglob("*.schema.json"))
    }


def validator_for(documents: dict[str, Any], path: str) -> Draft202012Validator:
    registry: Registry[Any] = Registry().with_resources(
        (BASE + name, Resource.from_contents(doc)) for name, doc in documents.items()
    )
    return Draft202012Validator({"$ref": BASE + path}, registry=registry)


def examples(spec: Spec) -> list[tuple[str, Any]]:
    """(model path, example) for every model that has one: the doc's, or one built from its types."""
    py = python_package(spec, PyStyle.from_options({}))
    found = []
    for model in spec.models:
        example = example_for(spec, model)
        if example is not None:
            found.append((py.models[model.key].path[: -len(".py")], example.value))
    return found


def test_every_document_is_a_valid_2020_12_schema(tmp_path: Path) -> None:
    spec = generate(SPECS, tmp_path, target="jsonschema")
    documents = load_documents(tmp_path)
    assert "models.schema.json" in documents
    assert len(documents) == 1 + len(spec.models)
    for doc in documents.values():
        assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(doc)


def test_examples_validate_against_each_document_and_the_bundle(tmp_path: Path) -> None:
    spec = generate(SPECS, tmp_path, target="jsonschema")
    documents = load_documents(tmp_path)
    bundle = documents["models.schema.json"]
    cases = examples(spec)
    assert len(cases) >= 10
    for path, value in cases:
        validator_for(documents, f"{path}.schema.json").validate(value)
    for name in bundle["$defs"]:
        Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": bundle["$defs"]}).check_schema(
            bundle
        )


def test_the_docs_example_is_kept_and_validates(tmp_path: Path) -> None:
    generate(SPECS, tmp_path, target="jsonschema")
    documents = load_documents(tmp_path)
    doc = documents["typescript/components/session_response.schema.json"]
    (example,) = doc["examples"]
    validator_for(documents, "typescript/components/session_response.schema.json").validate(example)


def test_wrong_data_is_rejected(tmp_path: Path) -> None:
    spec = generate(SPECS, tmp_path, target="jsonschema")
    documents = load_documents(tmp_path)
    path = "typescript/components/session_response.schema.json"
    validator = validator_for(documents, path)
    (example,) = documents[path]["examples"]
    required = documents[path]["required"]
    assert required
    missing = {k: v for k, v in example.items() if k != required[0]}
    assert not validator.is_valid(missing)
    wrong_type = dict(example, **{required[0]: [1, 2]})
    assert not validator.is_valid(wrong_type)
    assert spec.models


def test_wire_names_nullability_and_deprecation(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Pet.md").write_text(
        "# Pet\n\n## Fields\n\n"
        "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
        "| `petName` | *str* | :heavy_check_mark: | The name. |\n"
        "| ~~`age`~~ | *Optional[int]* | :heavy_minus_sign: | : warning: ** DEPRECATED **: "
        "this will be removed in a future release, please migrate away from it as soon as possible. "
        "Use born. |\n"
        "| `born` | *Optional[date]* | :heavy_minus_sign: | Birth date. |\n",
        encoding="utf-8",
    )
    generate(docs, tmp_path / "out", target="jsonschema")
    documents = load_documents(tmp_path / "out")
    (name,) = [n for n in documents if n != "models.schema.json"]
    schema = documents[name]
    assert schema["required"] == ["petName"]
    assert schema["properties"]["age"]["deprecated"] is True
    assert schema["properties"]["age"]["type"] == ["integer", "null"]
    assert schema["properties"]["born"]["anyOf"][0]["format"] == "date"
    validator = validator_for(documents, name)
    validator.validate({"petName": "Rex", "born": None})
    assert not validator.is_valid({"pet_name": "Rex"})
    assert not validator.is_valid({"petName": None})


@pytest.mark.corpus
@pytest.mark.parametrize("folder", CORPUS_SAMPLE)
def test_corpus_examples_validate_against_the_bundle(folder: str, tmp_path: Path) -> None:
    require_corpus(CORPUS / folder)
    spec = generate(CORPUS / folder, tmp_path, target="jsonschema")
    documents = load_documents(tmp_path)
    bundle = documents["models.schema.json"]
    Draft202012Validator.check_schema(bundle)
    py = python_package(spec, PyStyle.from_options({}))
    unique = {m.model.key for m in py.exported()}
    checked = 0
    for model in spec.models:
        example = example_for(spec, model)
        if example is None:
            continue
        m = py.models[model.key]
        name = m.class_name if model.key in unique else m.dotted
        schema = {"$ref": f"#/$defs/{name}", "$defs": bundle["$defs"]}
        Draft202012Validator(schema).validate(example.value)
        checked += 1
    assert checked >= len(spec.models) * 0.9
