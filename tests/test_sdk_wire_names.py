"""SDK docs give the SDK's field names: one DM722 warning per run says so, unless the user said how the API
spells them; a JSON Example Usage block shows the wire spelling, which the field takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Config, load_config
from generator.ir import Spec
from generator.openapi import apply_wire_facts
from generator.reader import read_docs
from generator.wire_names import apply_policy

HEAD = "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n"
LINK = (
    "# Link\n\n## Fields\n\n" + HEAD + "| `id` | *string* | :heavy_check_mark: | N/A |\n"
    "| `utmSource` | *string* | :heavy_minus_sign: | N/A |\n"
    "| `createdAt` | *string* | :heavy_minus_sign: | N/A |\n"
)
TAG = "# Tag\n\n## Fields\n\n" + HEAD + "| `tagName` | *number* | :heavy_check_mark: | N/A |\n"
SHOWN = (
    "# Link\n\n## Example Usage\n\n```json\n"
    '{"id": "a", "utm_source": "news", "created_at": "2024-01-01", "extra": 1}\n```\n\n'
    "## Fields\n\n" + HEAD + "| `id` | *string* | :heavy_check_mark: | N/A |\n"
    "| `utmSource` | *string* | :heavy_minus_sign: | N/A |\n"
    "| `createdAt` | *string* | :heavy_minus_sign: | N/A |\n"
)


def _docs(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "docs" / "models"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "docs"


def _config(docs: Path, **settings: object) -> Config:
    return Config(
        docs=(docs,),
        out=docs.parent / "out",
        package="p",
        outputs=("models",),
        target="dataclasses",
        templates=None,
        dialect="auto",
        source=None,
        **settings,  # type: ignore[arg-type]
    )


def _warnings(spec: Spec) -> list[str]:
    return [d.render() for d in spec.diagnostics if d.code == "DM722"]


def test_sdk_names_taken_as_wire_names_are_said_once_per_run(tmp_path: Path) -> None:
    docs = _docs(tmp_path, {"link.md": LINK, "tag.md": TAG})
    spec, _ = apply_wire_facts(read_docs([docs], "typescript"), _config(docs))
    (warning,) = _warnings(spec)
    assert "/docs/models/link.md:8:17: warning[DM722]" in warning  # the first doubtful cell
    assert "warning[DM722]: 3 field names in 2 models are the typescript SDK's names" in warning
    assert "`Link.utmSource`, camelCase" in warning
    assert "--openapi" in warning and "`wire_names`" in warning
    assert [d.severity for d in spec.diagnostics if d.code == "DM722"] == ["warning"]


@pytest.mark.parametrize(
    "settings",
    [
        {"wire_names": "as-written", "wire_names_set": True},
        {"wire_names": "snake_case", "wire_names_set": True},
        {"wire_name_overrides": {"Link.utmSource": "utm_source"}},
    ],
)
def test_a_policy_or_overrides_silence_it(tmp_path: Path, settings: dict[str, object]) -> None:
    docs = _docs(tmp_path, {"link.md": LINK})
    spec, _ = apply_wire_facts(read_docs([docs], "typescript"), _config(docs, **settings))
    assert not _warnings(spec)


def test_names_whose_spelling_does_not_matter_and_the_plain_form_need_no_warning(
    tmp_path: Path,
) -> None:
    plain = "# Note\n\n## Fields\n\n" + HEAD + "| `lastActiveAt` | string | yes | N/A |\n"
    simple = "# Simple\n\n## Fields\n\n" + HEAD + "| `id` | *string* | :heavy_check_mark: | N/A |\n"
    docs = _docs(tmp_path, {"simple.md": simple})
    spec, _ = apply_wire_facts(read_docs([docs], "typescript"), _config(docs))
    assert not _warnings(spec)
    other = _docs(tmp_path / "plain", {"note.md": plain})
    spec, _ = apply_wire_facts(read_docs([other], "plain"), _config(other))
    assert spec.models[0].dialect == "plain"
    assert not _warnings(spec)


def test_a_json_example_shows_the_wire_spelling(tmp_path: Path) -> None:
    docs = _docs(tmp_path, {"link.md": SHOWN})
    spec = read_docs([docs], "typescript")
    fields = {f.name: f for f in spec.models[0].fields}
    assert {n: f.wire_name for n, f in fields.items()} == {
        "id": "id",
        "utmSource": "utm_source",
        "createdAt": "created_at",
    }
    assert fields["utmSource"].fact_source("wire_name") == "example"
    assert fields["id"].fact_source("wire_name") == "doc"
    # Every name whose spelling matters was shown: nothing to warn about; and a policy keeps them.
    spec, _ = apply_wire_facts(spec, _config(docs))
    assert not _warnings(spec)
    kept = apply_policy(spec, "camelCase", {})
    assert {f.name: f.wire_name for f in kept.models[0].fields}["utmSource"] == "utm_source"


@pytest.mark.parametrize(
    "example",
    [
        # Two keys with the field's words: which one is meant is not shown.
        '{"utm_source": 1, "UtmSource": 2}',
        # The key is another field's own name.
        '{"createdAt": 1}',
        # Not JSON, or not an object.
        "{utm_source: 1}",
        '["utm_source"]',
    ],
)
def test_an_example_that_does_not_show_one_spelling_changes_nothing(
    tmp_path: Path, example: str
) -> None:
    text = SHOWN.replace(
        '{"id": "a", "utm_source": "news", "created_at": "2024-01-01", "extra": 1}', example
    )
    spec = read_docs([_docs(tmp_path, {"link.md": text})], "typescript")
    wires = {f.name: f.wire_name for f in spec.models[0].fields}
    assert wires["utmSource"] == "utmSource"
    assert wires["createdAt"] == "createdAt"


def test_the_config_knows_whether_wire_names_was_set(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.docmodels]\n", encoding="utf-8")
    assert not load_config({}, cwd=tmp_path).wire_names_set
    assert load_config({"wire_names": "as-written"}, cwd=tmp_path).wire_names_set
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docmodels]\nwire_names = "as-written"\n', encoding="utf-8"
    )
    assert load_config({}, cwd=tmp_path).wire_names_set
