"""Small SDK doc trees for the diff tests, in the Python dialect that Speakeasy writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: (name, Type cell, required, description[, default])
Row = tuple[str, ...] | tuple[str, str, bool, str] | tuple[str, str, bool, str, str]


YES, NO = ":heavy_check_mark:", ":heavy_minus_sign:"


def link(name: str, optional: bool = False) -> str:
    shown = f"Optional[models.{name}]" if optional else f"models.{name}"
    return f"[{shown}](../models/{name.lower()}.md)"


def model(
    name: str, rows: list[tuple[object, ...]], description: str = "", deprecated: bool = False
) -> str:
    title = f"~~{name}~~" if deprecated else name
    has_default = any(len(r) > 4 for r in rows)
    head = "| Field | Type | Required | Description |" + (" Default |" if has_default else "")
    rule = "| --- | --- | --- | --- |" + (" --- |" if has_default else "")
    lines = [f"# {title}", ""]
    if description:
        lines += [description, ""]
    lines += ["## Fields", "", head, rule]
    for row in rows:
        cells = [
            f"`{row[0]}`",
            str(row[1]),
            ":heavy_check_mark:" if row[2] else ":heavy_minus_sign:",
            str(row[3]),
        ]
        if has_default:
            cells.append(str(row[4]) if len(row) > 4 else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def enum(name: str, values: list[str]) -> str:
    lines = [f"# {name}", "", "## Values", "", "| Name | Value |", "| --- | --- |"]
    lines += [f"| `{v.upper()}` | {v} |" for v in values]
    return "\n".join(lines) + "\n"


def union(name: str, members: list[str]) -> str:
    lines = [f"# {name}", "", "", "## Supported Types", ""]
    for member in members:
        lines += [
            f"### `models.{member}`",
            "",
            "```python",
            f"value: models.{member} = /* values here */",
            "```",
            "",
        ]
    return "\n".join(lines)


@dataclass
class Op:
    """One operation of an operation page: `request` a model name, or keyword `params` rows."""

    method: str
    request: str | None = None
    params: list[tuple[str, str, bool, str]] = field(default_factory=list)
    response: str | None = None
    errors: list[str] = field(default_factory=lambda: ["ClerkErrors"])
    deprecated: bool = False


def page(resource: str, ops: list[Op]) -> str:
    lines = [f"# {resource.title()}", "", "## Overview", "", "### Available Operations", ""]
    lines += [f"* [{op.method}](#{op.method})" for op in ops]
    for op in ops:
        title = f"~~{op.method}~~" if op.deprecated else op.method
        lines += [
            "",
            f"## {title}",
            "",
            "### Example Usage",
            "",
            "```python",
            "with Clerk() as clerk:",
            "",
        ]
        lines += [f"    res = clerk.{resource}.{op.method}()", "```", "", "### Parameters", ""]
        lines += ["| Parameter | Type | Required | Description |", "| --- | --- | --- | --- |"]
        if op.request:
            target = f"../../models/{op.request.lower()}.md"
            lines.append(f"| `request` | [models.{op.request}]({target}) | {YES} | The request. |")
        for name, cell, required, description in op.params:
            lines.append(f"| `{name}` | {cell} | {YES if required else NO} | {description} |")
        retry = "[Optional[utils.RetryConfig]](../../models/utils/retryconfig.md)"
        lines.append(f"| `retries` | {retry} | {NO} | Retries. |")
        if op.response:
            lines += [
                "",
                "### Response",
                "",
                f"**[models.{op.response}](../../models/{op.response.lower()}.md)**",
            ]
        lines += [
            "",
            "### Errors",
            "",
            "| Error Type | Status Code | Content Type |",
            "| --- | --- | --- |",
        ]
        lines += [f"| models.{e} | 400 | application/json |" for e in op.errors]
        lines.append("| models.SDKError | 4XX, 5XX | \\*/\\* |")
    return "\n".join(lines) + "\n"


def write_tree(root: Path, models: dict[str, str], pages: dict[str, str] | None = None) -> Path:
    """docs/models/<name>.md for each model (by title), docs/sdks/<resource>/README.md for each page."""
    docs = root / "docs"
    (docs / "models").mkdir(parents=True, exist_ok=True)
    for name, text in models.items():
        path = docs / "models" / f"{name.lower()}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for resource, text in (pages or {}).items():
        (docs / "sdks" / resource).mkdir(parents=True, exist_ok=True)
        (docs / "sdks" / resource / "README.md").write_text(text, encoding="utf-8")
    return docs / "models"
