"""Loading an OpenAPI document (JSON, or YAML when PyYAML is installed) and following its `$ref`s."""

from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .yaml12 import core_schema_loader


class OpenAPIError(Exception):
    """The document cannot be read, or a `$ref` points nowhere."""


def load_file(path: Path) -> Any:
    """The parsed document; JSON with the standard library, YAML (1.2 scalars) with PyYAML (`docmodels[openapi]`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OpenAPIError(f"cannot read the OpenAPI document: {exc}") from exc
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise OpenAPIError(f"not valid JSON: {exc}") from exc
    try:
        yaml: Any = importlib.import_module("yaml")  # optional: `docmodels[openapi]`
    except ImportError:
        raise OpenAPIError(
            "a YAML OpenAPI document needs PyYAML: pip install 'docmodels[openapi]' (or pyyaml)"
        ) from None
    try:
        return yaml.load(text, Loader=core_schema_loader(yaml))
    except yaml.YAMLError as exc:
        raise OpenAPIError(f"not valid YAML: {exc}") from exc


@dataclass
class Document:
    """The root document and every document its `$ref`s name, loaded once each."""

    path: Path
    root: Any
    _files: dict[Path, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Document:
        path = _absolute(path)
        root = load_file(path)
        if not isinstance(root, dict) or not ("openapi" in root or "swagger" in root):
            raise OpenAPIError("not an OpenAPI document (no `openapi` key)")
        return cls(path, root, {path: root})

    def resolve(self, ref: str, base: Path) -> tuple[Any, str, Path]:
        """The value a `$ref` (relative to the document `base`) names, its canonical pointer and file."""
        file_part, _, pointer = ref.partition("#")
        target = _absolute(base.parent / file_part) if file_part else base
        if target not in self._files:
            self._files[target] = load_file(target)
        value = self._files[target]
        for token in [t for t in pointer.split("/") if t]:
            token = unquote(token).replace("~1", "/").replace("~0", "~")
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                raise OpenAPIError(f"$ref {ref!r} points nowhere")
        return value, self.pointer(target, pointer), target

    def pointer(self, file: Path, pointer: str) -> str:
        """`#/a/b` for the root document, `file.yaml#/a/b` for another one."""
        prefix = "" if file == self.path else file.name
        return f"{prefix}#{pointer}"

    def deref(self, schema: Any, base: Path) -> tuple[Any, str | None, Path]:
        """Follow `$ref` chains: the schema, the pointer of the last `$ref` (None if none) and its file."""
        pointer = None
        seen: set[str] = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            schema, pointer, base = self.resolve(schema["$ref"], base)
            if pointer in seen:
                raise OpenAPIError(f"$ref cycle at {pointer}")
            seen.add(pointer)
        return schema, pointer, base

    def files(self) -> list[Path]:
        """Every document loaded so far (the root and those that `$ref`s named)."""
        return list(self._files)


def _absolute(path: Path) -> Path:
    """An absolute, normalized path; symlinks are kept, so `$ref`s resolve beside the link."""
    return Path(os.path.normpath(path.absolute()))
