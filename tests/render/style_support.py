"""Shared by the style behaviour tests: a tiny doc set, generated with a style and imported in process."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from tests.helpers import SPECS
from tests.helpers import generate as run_pipeline

#: A model with a wire name, a name that shadows library attributes, a clash between one field's
#: Python name and another's wire name, bytes, a date-time, an open enum, a self-reference and a
#: deprecated field.
_DATE = (
    "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
)
_ROWS = (
    "| `userId` | *string* | :heavy_check_mark: | The user. |",
    "| `schema` | *string* | :heavy_check_mark: | A name pydantic's BaseModel uses. |",
    "| `user_id` | *string* | :heavy_minus_sign: | Its Python name would be the wire name of `userId`. |",
    "| `count` | *number* | :heavy_minus_sign: | A count. |",
    "| `payload` | *Uint8Array* | :heavy_minus_sign: | Some bytes. |",
    f"| `createdAt` | {_DATE} | :heavy_minus_sign: | When. |",
    "| `shade` | [components.Shade](../../models/components/shade.md) | :heavy_minus_sign: | A colour. |",
    "| `parent` | [components.Widget](../../models/components/widget.md) | :heavy_minus_sign: | The parent. |",
    "| ~~`oldName`~~ | *string* | :heavy_minus_sign: "
    "| : warning: ** DEPRECATED **: Use `userId` instead.<br/><br/>The old name. |",
)
WIDGET = (
    "# Widget\n\nA tiny model for the style tests.\n\n## Fields\n\n"
    "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n"
    + "\n".join(_ROWS)
    + "\n"
)

SHADE = """# Shade

A colour.

## Values

This is an open enum. Unrecognized values will be captured by the `Unrecognized<string>` type.

| Name | Value |
| ---- | ----- |
| `Red` | red |
| `Blue` | blue |
"""


def write_docs(root: Path) -> Path:
    folder = root / "models" / "components"
    folder.mkdir(parents=True)
    (folder / "widget.md").write_text(WIDGET, encoding="utf-8")
    (folder / "shade.md").write_text(SHADE, encoding="utf-8")
    return root


def generate(style: str, docs: Path, out: Path, package: str) -> None:
    run_pipeline(docs, out, target=style, package=package, outputs=("models",))


@contextmanager
def imported(out: Path, package: str) -> Iterator[ModuleType]:
    """The generated package, imported from `out`; forgotten again afterwards."""
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


@contextmanager
def generated_package(
    root: Path, style: str, package: str, docs: Path | None = None
) -> Iterator[ModuleType]:
    """`docs` (by default the small set of `write_docs`) generated with `style` below `root`, imported."""
    generate(style, docs or write_docs(root / "docs"), root / "out", package)
    with imported(root / "out", package) as module:
        yield module


#: An open C# enum: the Example Usage says so.
OPEN_ENUM_DOC = """# Color

## Example Usage

```csharp
var value = Color.Red;

// Open enum: use .Of() to create instances from custom string values
var custom = Color.Of("custom_value");
```

## Values

| Name    | Value   |
| ------- | ------- |
| `Red`   | red     |
| `Green` | green   |
"""


@contextmanager
def specs_generated(
    style: str, package: str, docs: Path, out: Path, extra: dict[str, str]
) -> Iterator[Path]:
    """specs/ plus `extra` docs (file name -> text, in `extra/`) generated with `style` into `out`,
    importable while the context lasts."""
    for doc in SPECS.rglob("*.md"):
        target = docs / doc.relative_to(SPECS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(doc.read_bytes())
    (docs / "extra").mkdir()
    for name, text in extra.items():
        (docs / "extra" / name).write_text(text, encoding="utf-8")
    generate(style, docs, out, package)
    with imported(out, package):
        yield out


def private_runtime(package: ModuleType) -> ModuleType:
    """The package's `_runtime` module (a lazy package imports it only when a model needs it)."""
    return importlib.import_module(package.__name__ + "._runtime")


def model_classes(folder: Path, package: str, base: type) -> list[type]:
    """Every model class (a subclass of `base` defined where it is found) of the generated package
    `package` in `folder`, importing each model module (runtime, tests and private modules left out)."""
    found: list[type] = []
    for path in sorted((folder / package).rglob("*.py")):
        parts = path.relative_to(folder).with_suffix("").parts
        if parts[-1].startswith("_") or parts[-1] in ("runtime", "conftest") or "tests" in parts:
            continue
        module = importlib.import_module(".".join(parts))
        found += [
            v
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, base) and v.__module__ == module.__name__
        ]
    return found
