"""Generated packages import lazily (issue 26): `import <package>` loads no model, and importing one model
loads exactly the models it refers to, in every Python style; cycles across modules still resolve.

Each check runs in a fresh interpreter, so nothing imported by an earlier check hides a missing import.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.ir import ModelKey, Ref, Spec, walk_type
from generator.render.python_view import PyStyle, python_package
from generator.render.targets import load_target
from tests.helpers import generate

PACKAGE = "lazy_models"
#: What the type-checker test checks: the generated package and a user's module that imports from it.
_USER = (PACKAGE, "user_code.py")
STYLES = ("dataclasses", "attrs", "pydantic", "msgspec", "typeddict")

_HEAD = "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n"


def _object(name: str, *rows: str) -> str:
    return f"# {name}\n\nThe `{name}` model.\n\n## Fields\n\n" + _HEAD + "\n".join(rows) + "\n"


#: Node and Edge refer to each other across two modules, Node also to itself; Node's `shape` is a union
#: of two more models; `Label` is an enum in another sub-package that Edge uses; `Unrelated` is used by
#: nobody; `components.Tag` and `operations.Tag` share a class name, so the top package exports neither.
DOCS = {
    "components/node.md": _object(
        "Node",
        "| `id` | *string* | :heavy_check_mark: | The id. |",
        "| `edges` | [components.Edge](./edge.md)[] | :heavy_minus_sign: | Edges out. |",
        "| `parent` | [components.Node](./node.md) | :heavy_minus_sign: | The parent. |",
        "| `shape` | [components.Shape](./shape.md) | :heavy_minus_sign: | The shape. |",
    ),
    "components/edge.md": _object(
        "Edge",
        "| `weight` | *number* | :heavy_check_mark: | The weight. |",
        "| `target` | [components.Node](./node.md) | :heavy_minus_sign: | Where it leads. |",
        "| `label` | [operations.Label](../operations/label.md) | :heavy_minus_sign: | A label. |",
    ),
    "components/shape.md": (
        "# Shape\n\nA circle or a square.\n\n\n## Supported Types\n\n"
        "### `components.Circle`\n\n```typescript\nconst value: components.Circle = {\n"
        "  radius: 1,\n};\n```\n\n"
        "### `components.Square`\n\n```typescript\nconst value: components.Square = {\n"
        "  side: 2,\n};\n```\n"
    ),
    "components/circle.md": _object(
        "Circle", "| `radius` | *number* | :heavy_check_mark: | The radius. |"
    ),
    "components/square.md": _object(
        "Square", "| `side` | *number* | :heavy_check_mark: | The side. |"
    ),
    "components/unrelated.md": _object(
        "Unrelated", "| `note` | *string* | :heavy_check_mark: | A note. |"
    ),
    "components/tag.md": _object("Tag", "| `text` | *string* | :heavy_check_mark: | A tag. |"),
    "operations/tag.md": _object("Tag", "| `code` | *number* | :heavy_check_mark: | A tag. |"),
    "operations/label.md": (
        "# Label\n\nA label.\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n"
        "| `Hot` | hot |\n| `Cold` | cold |\n"
    ),
}

#: A Node whose edge leads to another Node that holds a shape: every model of the cycle is read.
PAYLOAD = {
    "id": "a",
    "edges": [{"weight": 1.5, "target": {"id": "b", "shape": {"radius": 2.0}}, "label": "hot"}],
    "parent": {"id": "root"},
}

#: How each style reads a payload into `cls` and writes `model` back (the generated tests' own calls).
LOAD_DUMP = {
    "dataclasses": ("{cls}.from_dict({data})", "{model}.to_dict()"),
    "attrs": ("{cls}.from_dict({data})", "{model}.to_dict()"),
    "pydantic": (
        "_runtime.from_dict({cls}, {data})",
        '{model}.model_dump(mode="json", by_alias=True)',
    ),
    "msgspec": ("_runtime.from_dict({cls}, {data})", "_runtime.to_dict({model})"),
}


def write_docs(root: Path) -> Path:
    for name, text in DOCS.items():
        path = root / "models" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


class Generated:
    """One style's package, generated once, with its module names read from the generator's own view."""

    def __init__(self, root: Path, style: str) -> None:
        self.out = root / "out"
        self.spec: Spec = generate(
            write_docs(root / "docs"), self.out, target=style, package=PACKAGE, outputs=("models",)
        )
        py = python_package(self.spec, PyStyle.from_options(load_target(style).python))
        self.modules = {key: f"{PACKAGE}.{m.dotted}" for key, m in py.models.items()}
        self.by_class = {m.class_name: key for key, m in py.models.items()}

    def key(self, module: str) -> ModelKey:
        return next(k for k, m in self.modules.items() if m == f"{PACKAGE}.{module}")

    def closure(self, start: ModelKey) -> set[str]:
        """The model modules `start` refers to, directly or not, and its own (read from the IR)."""
        seen, todo = {start}, [start]
        while todo:
            model = self.spec.by_key[todo.pop()]
            types = [f.type for f in model.fields] + list(model.members)
            for expr in types:
                for part in walk_type(expr):
                    if isinstance(part, Ref) and part.key not in seen:
                        seen.add(part.key)
                        todo.append(part.key)
        return {self.modules[k] for k in seen}

    def run(self, code: str) -> dict[str, object]:
        """`code` in a fresh interpreter; it fills `result`; also returns the package modules it loaded."""
        script = (
            "import json, sys\nresult = {}\n"
            + textwrap.dedent(code)
            + f"\nresult['loaded'] = sorted(n for n in sys.modules if n.split('.')[0] == {PACKAGE!r})"
            + "\nprint(json.dumps(result, default=repr))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=self.out, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-3000:]
        found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
        return found

    def allowed_extras(self, model_modules: set[str]) -> set[str]:
        """Besides model modules: the packages that hold them, and the package's own helper modules."""
        packages = {PACKAGE}
        for module in model_modules:
            parts = module.split(".")
            packages |= {".".join(parts[:i]) for i in range(1, len(parts))}
        helpers = {
            f"{PACKAGE}.{p.stem}"
            for p in (self.out / PACKAGE).glob("*.py")
            if p.stem != "__init__" and f"{PACKAGE}.{p.stem}" not in self.modules.values()
        }
        return packages | helpers


@pytest.fixture(scope="module", params=STYLES)
def package(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Generated:
    style: str = request.param
    return Generated(tmp_path_factory.mktemp(style), style)


def test_importing_the_package_loads_no_model_and_no_sub_package(package: Generated) -> None:
    found = package.run(f"import {PACKAGE}")
    assert found["loaded"] == [PACKAGE]


@pytest.mark.parametrize(
    "module", ["components.node", "components.edge", "components.shape", "operations.label"]
)
def test_importing_one_model_loads_exactly_its_closure(package: Generated, module: str) -> None:
    name = package.spec.by_key[package.key(module)]
    cls = next(c for c, k in package.by_class.items() if k == name.key)
    found = package.run(f"from {PACKAGE}.{module} import {cls}")
    loaded = set(found["loaded"])  # type: ignore[call-overload]
    closure = package.closure(package.key(module))
    model_modules = set(package.modules.values())
    assert loaded & model_modules == closure
    assert loaded - model_modules <= package.allowed_extras(closure)


def test_unrelated_models_stay_unloaded(package: Generated) -> None:
    found = package.run(f"from {PACKAGE}.components.node import Node")
    loaded = set(found["loaded"])  # type: ignore[call-overload]
    assert f"{PACKAGE}.components.node" in loaded
    for module in ("components.unrelated", "components.tag", "operations.tag"):
        assert f"{PACKAGE}.{module}" not in loaded


@pytest.mark.parametrize("first", ["Node", "Edge"])
def test_a_cycle_across_modules_reads_and_writes_when_only_one_side_was_imported(
    package: Generated, first: str
) -> None:
    style = next(s for s in STYLES if package.out.parent.name.startswith(s))
    if style == "typeddict":
        code = f"""
            import typing
            from {PACKAGE}.components.{first.lower()} import {first}
            hints = typing.get_type_hints({first})
            result['hints'] = sorted(hints)
        """
        found = package.run(code)
        expected = {
            "Node": ["edges", "id", "parent", "shape"],
            "Edge": ["label", "target", "weight"],
        }
        assert found["hints"] == expected[first]
        return
    load, dump = LOAD_DUMP[style]
    node = PAYLOAD if first == "Node" else {"weight": 0.5, "target": PAYLOAD}
    code = f"""
        from {PACKAGE} import _runtime
        from {PACKAGE}.components.{first.lower()} import {first}
        data = {node!r}
        model = {load.format(cls=first, data="data")}
        dumped = {dump.format(model="model")}
        again = {load.format(cls=first, data="dumped")}
        result['same'] = again == model
        result['dumped'] = {dump.format(model="again")}
    """
    found = package.run(code)
    assert found["same"] is True
    assert found["dumped"] == node


def test_names_resolve_on_first_use_through_the_package(package: Generated) -> None:
    code = f"""
        import {PACKAGE} as pkg
        from {PACKAGE} import Edge
        from {PACKAGE}.components.edge import Edge as Defined
        result['same'] = Edge is Defined and pkg.Node is pkg.components.node.Node
        result['sub_package'] = pkg.operations.__name__
        result['label'] = pkg.operations.Label is pkg.operations.label.Label
        result['all'] = pkg.__all__
        result['in_dir'] = [n for n in pkg.__all__ + ['components', 'operations'] if n not in dir(pkg)]
        try:
            pkg.Tag
        except AttributeError as exc:
            result['error'] = str(exc)
        result['has_typo'] = hasattr(pkg, 'Nod')
        namespace = {{}}
        exec('from {PACKAGE} import *', namespace)
        result['star'] = sorted(n for n in namespace if not n.startswith('__'))
    """
    found = package.run(code)
    assert found["same"] is True
    assert found["sub_package"] == f"{PACKAGE}.operations"
    assert found["label"] is True
    exported = ["Circle", "Edge", "Label", "Node", "Shape", "Square", "Unrelated"]
    assert found["all"] == exported
    assert found["in_dir"] == []
    assert found["error"] == f"module '{PACKAGE}' has no attribute 'Tag'"
    assert found["has_typo"] is False
    assert found["star"] == exported


def test_a_sub_package_lists_and_resolves_its_own_models(package: Generated) -> None:
    code = f"""
        import {PACKAGE}.operations as ops
        result['before'] = sorted(n for n in sys.modules if n.startswith('{PACKAGE}.operations.'))
        result['dir'] = [n for n in ('Label', 'Tag', 'label', 'tag') if n in dir(ops)]
        result['tag'] = ops.Tag.__module__
    """
    found = package.run(code)
    assert found["before"] == []
    assert found["dir"] == ["Label", "Tag"]
    assert found["tag"] == f"{PACKAGE}.operations.tag"


def test_type_checkers_see_every_export_and_reject_an_unknown_name(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    generated = Generated(tmp_path_factory.mktemp("dataclasses-mypy"), "dataclasses")
    user = generated.out / "user_code.py"
    user.write_text(
        textwrap.dedent(
            f"""
            import {PACKAGE}
            from {PACKAGE} import Edge
            from {PACKAGE}.operations import Tag

            def weight(edge: Edge) -> float | None:
                return edge.weight

            node: {PACKAGE}.Node = {PACKAGE}.Node.from_dict({{"id": "a"}})
            tag: Tag = Tag(code=1.0)
            {PACKAGE}.Nod
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), *_USER],
        cwd=generated.out,
        capture_output=True,
        text=True,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, done.stdout
    assert errors[0].startswith("user_code.py:11:") and '"Nod"' in errors[0], done.stdout
