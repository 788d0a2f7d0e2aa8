"""Diagnostic codes (stable: users search for them) and the collector that gathers every problem of a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.ir import Diagnostic, Span

Severity = Literal["error", "warning", "info"]

#: Every code docmodels can report, with what causes it. Codes never change meaning.
CODES: dict[str, str] = {
    "DM100": "a doc cannot be read (missing, unreadable, or not UTF-8)",
    "DM101": "a page has no `# Title` heading: not a model doc, skipped",
    "DM102": "a title is not a name (letters, digits and `_`): not a model doc, skipped",
    "DM103": "two docs of one folder have the same title (they are then named after their files)",
    "DM104": "a doc has no Fields, Values or Supported Types section",
    "DM105": "a Fields table has no Required column: the page documents settings, not a model, and is skipped",
    "DM106": "a row the SDK adds (raw HTTP response, status code, content type) is left out",
    "DM107": "a page has sections but none of Fields, Values or Supported Types: not a model doc, skipped",
    "DM110": "a Fields or Values table lacks a column it needs",
    "DM111": "a Required cell is not one of the known markers",
    "DM112": "a field name cell is empty or not a name",
    "DM113": "two fields of one model have the same name",
    "DM114": "a section appears twice in one doc",
    "DM120": "a Type cell uses a notation the dialect does not know",
    "DM121": "an enum value cannot be read",
    "DM122": "a union member heading cannot be read",
    "DM130": "the Example Usage block cannot be read as a literal (the tests build an example instead)",
    "DM200": "a link points to a doc that was not read",
    "DM201": "a type name matches no model",
    "DM202": "a type name matches several models",
    "DM203": "a union member names no model (a display name): it is read as any",
    "DM300": "the configuration is invalid",
    "DM301": "a template failed to render",
    "DM302": "generated Python is not valid (a docmodels bug: please report it)",
    "DM400": "an output path would leave the output folder",
    "DM401": "a file in the output folder that docmodels did not write would be overwritten",
}


@dataclass
class Collector:
    """Gathers diagnostics in the order they are found; the report sorts them."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, span: Span, code: str, message: str) -> None:
        self._add(span, "error", code, message)

    def warning(self, span: Span, code: str, message: str) -> None:
        self._add(span, "warning", code, message)

    def info(self, span: Span, code: str, message: str) -> None:
        """Something docmodels did on purpose that a user may want to know (shown with --verbose)."""
        self._add(span, "info", code, message)

    def _add(self, span: Span, severity: Severity, code: str, message: str) -> None:
        assert code in CODES, code
        self.items.append(Diagnostic(span, severity, code, message))

    def sorted(self) -> tuple[Diagnostic, ...]:
        return tuple(sorted(set(self.items)))
