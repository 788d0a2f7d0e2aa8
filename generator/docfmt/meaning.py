"""What the reader makes of one doc, without source positions: equal before and after formatting."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Collector
from ..ir_json import model_json
from ..reader.dialects import DIALECTS, Dialect, detect
from ..reader.document import DocRef, notation, read_document
from ..reader.page import parse_page


def page_dialect(text: str) -> Dialect:
    """The dialect the page's own notation shows (TypeScript, the reader's last resort, when undecided)."""
    return detect(notation(parse_page(text))) or next(iter(DIALECTS.values()))


def meaning(text: str, dialect: Dialect, path: str = "doc.md") -> Any:
    """The draft model (as IR JSON) and the diagnostics' severities and codes, with every position left out."""
    out = Collector()
    model = read_document(DocRef(path, path), parse_page(text), dialect, out)
    found = without_positions(model_json(model)) if model is not None else None
    return found, sorted((d.severity, d.code) for d in out.items)


def without_positions(value: Any) -> Any:
    """A JSON value with every `source` (path, line, column) removed."""
    if isinstance(value, dict):
        return {k: without_positions(v) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [without_positions(v) for v in value]
    return value
