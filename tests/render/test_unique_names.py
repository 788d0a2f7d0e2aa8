"""A name per model unique across the whole package (`unique_name`, `unique_names`), for Go, TypeScript
and JSON Schema targets, where `class_name` is unique per module only."""

from __future__ import annotations

from pathlib import Path

from generator.render.naming import package_unique_names


def test_a_unique_class_name_stays_and_shared_ones_get_their_sub_package() -> None:
    models = [
        (("php", "components"), "Session"),
        (("php", "components"), "User"),
        (("typescript", "components"), "Session"),
        (("typescript", "operations"), "session"),
        ((), "Session"),
    ]
    assert package_unique_names(models) == [
        "PhpComponentsSession",
        "User",
        "TypescriptComponentsSession",
        "TypescriptOperationssession",
        "Session",
    ]


def test_what_still_collides_gets_a_number_case_insensitively() -> None:
    models = [(("a", "b"), "C"), (("a",), "BC"), (("ab",), "C"), (("a",), "bc")]
    names = package_unique_names(models)
    assert len({n.lower() for n in names}) == len(names)
    assert names[0] == "ABC" and names[2].startswith("AbC")


def test_templates_get_one_distinct_name_per_model(project: Path, run) -> None:
    # A second `Status` in another sub-package: one class name, two models.
    (project / "specs/typescript/models/components/status.md").write_text(
        "# Status\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `On` | on |\n",
        encoding="utf-8",
    )
    user = project / "my_templates/names"
    user.mkdir(parents=True)
    (user / "manifest.toml").write_text(
        '[[outputs]]\neach = "model"\ntemplate = "one.j2"\npath = "one/{module_path}.txt"\n\n'
        '[[outputs]]\neach = "package"\ntemplate = "all.j2"\npath = "all.txt"\n',
        encoding="utf-8",
    )
    (user / "one.j2").write_text("{{ unique_name }} {{ m.class_name }}\n", encoding="utf-8")
    (user / "all.j2").write_text(
        "{% for m in models %}{{ unique_names[m.model.key] }}\n{% endfor %}", encoding="utf-8"
    )
    result = run("gen", "--templates", "my_templates", "--target", "names", "--out", "o")
    assert result.code == 0, result.err
    listed = (project / "o/all.txt").read_text().split()
    assert len({n.lower() for n in listed}) == len(listed) > 10
    pairs = [p.read_text().split() for p in sorted((project / "o/one").rglob("*.txt"))]
    assert sorted(unique for unique, _ in pairs) == sorted(listed)
    class_names = [name for _, name in pairs]
    assert len(set(class_names)) < len(class_names)  # specs/ has models sharing a class name
    for unique, name in pairs:
        assert unique == name if class_names.count(name) == 1 else unique.endswith(name)
    assert "PhpComponentsStatus" in listed and "TypescriptComponentsStatus" in listed
