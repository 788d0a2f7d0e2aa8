"""Directions from an OpenAPI document: a schema reached from a request body or parameter is sent, one
reached from a response is read (following `$ref`s within the document)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..ir import ModelKey, Spec
from ..openapi.document import OpenAPIError, load_file
from .rules import Direction

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def directions(spec: Spec, path: Path) -> tuple[tuple[ModelKey, Direction], ...]:
    """The direction of every model matched to a schema that the document's operations use."""
    try:
        root = load_file(path)
    except OpenAPIError:
        return ()  # the enrichment step has reported it already
    if not isinstance(root, dict):
        return ()
    used: dict[str, set[str]] = {}
    for direction, schema in _roots(root):
        for pointer in _reached(root, schema):
            used.setdefault(pointer, set()).add(direction)
    found: list[tuple[ModelKey, Direction]] = []
    for model in spec.models:
        seen = used.get(model.schema)
        if seen:
            found.append(
                (
                    model.key,
                    "both" if len(seen) > 1 else ("request" if "request" in seen else "response"),
                )
            )
    return tuple(found)


def _roots(root: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    paths = root.get("paths")
    if not isinstance(paths, dict):
        return
    for item in paths.values():
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            for parameter in [*item.get("parameters", []), *op.get("parameters", [])]:
                if isinstance(parameter, dict):
                    yield "request", parameter.get("schema")
            body = op.get("requestBody")
            if isinstance(body, dict):
                yield from (("request", s) for s in _content_schemas(body))
            responses = op.get("responses")
            if isinstance(responses, dict):
                for response in responses.values():
                    if isinstance(response, dict):
                        yield from (("response", s) for s in _content_schemas(response))


def _content_schemas(node: dict[str, Any]) -> Iterator[Any]:
    content = node.get("content")
    if isinstance(content, dict):
        for media in content.values():
            if isinstance(media, dict):
                yield media.get("schema")
    if "$ref" in node:
        yield node


def _reached(root: dict[str, Any], schema: Any) -> set[str]:
    """The `#/...` pointers of every schema reached from `schema` through `$ref`s (local ones only)."""
    seen: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            if ref not in seen:
                seen.add(ref)
                stack.append(_follow(root, ref))
            continue
        stack.extend(v for k, v in node.items() if k not in ("example", "examples", "description"))
    return seen


def _follow(root: dict[str, Any], ref: str) -> Any:
    node: Any = root
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node
