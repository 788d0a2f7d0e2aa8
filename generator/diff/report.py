"""The diff's report: text (grouped by model, breaking first), JSON (stable), markdown, GitHub annotations."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from ..ir import Diagnostic
from .change import Change
from .rules import RANK

#: The version of the JSON shape; it changes only when a key changes meaning or goes away.
DIFF_FORMAT_VERSION = 1
#: Rules that change only what the docs say: a patch release is enough.
DOCS_ONLY = frozenset({"description-changed", "example-changed"})


@dataclass(frozen=True)
class Report:
    old: str
    new: str
    changes: tuple[Change, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    #: Errors of docs on one side only: the comparison of those docs cannot be trusted (exit 2).
    new_errors: tuple[Diagnostic, ...] = ()

    def count(self, severity: str) -> int:
        return sum(1 for c in self.changes if c.severity == severity)

    @property
    def version_bump(self) -> str:
        """The release these changes need: major (a break), minor (anything added or changed), patch, none."""
        if any(c.breaking for c in self.changes):
            return "major"
        if any(c.rule not in DOCS_ONLY for c in self.changes):
            return "minor"
        return "patch" if self.changes else "none"

    @property
    def breaking_operations(self) -> list[str]:
        return sorted({op for c in self.changes if c.breaking for op in c.operations})

    def reaches(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        return any(RANK[c.severity] >= RANK[fail_on] for c in self.changes)


def ordered(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    """Changes grouped by model: models with the worst changes first, then by name; in each, worst first."""
    groups: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        groups[change.model].append(change)
    result = []
    for model, items in groups.items():
        items.sort(key=lambda c: (-RANK[c.severity], c.sort_key()))
        result.append((model, items))
    result.sort(key=lambda group: (-RANK[group[1][0].severity], group[0]))
    return result


def _what(change: Change) -> str:
    name = change.model + (f".{change.field}" if change.field else "")
    parts = [f"{change.severity}[{change.rule}] {name}"]
    scope: str = change.direction if change.surface == "wire" else "python"
    if change.operations:
        shown = ", ".join(change.operations[:3]) + (", ..." if len(change.operations) > 3 else "")
        scope += f"; {shown}"
    parts.append(f"({scope}):")
    parts.append(change.message)
    if change.old is not None or change.new is not None:
        parts.append(f"[{_short(change.old)} -> {_short(change.new)}]")
    return " ".join(parts)


def _short(value: str | None, limit: int = 60) -> str:
    if value is None:
        return "-"
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 3] + "..."


def summary_line(report: Report) -> str:
    if not report.changes:
        return f"docmodels diff: no changes from {report.old} to {report.new}; nothing to fix"
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("breaking", "warning", "info"))
    need = {
        "major": "these changes need a major version",
        "minor": "these changes need a minor version",
        "patch": "docs only: a patch version",
    }[report.version_bump]
    return f"docmodels diff: {counts} from {report.old} to {report.new}; {need}"


def write_text(report: Report, out: TextIO, verbose: bool = False) -> None:
    for model, items in ordered(report.changes):
        shown = [c for c in items if verbose or c.severity != "info"]
        if not shown:
            continue
        out.write(f"{model}\n")
        for change in shown:
            s = change.span
            out.write(f"  {s.path}:{s.line}:{s.column}: {_what(change)}\n")
    hidden = report.count("info") if not verbose else 0
    line = summary_line(report)
    if hidden:
        line += f" (-v lists the {hidden} info)"
    out.write(line + "\n")


def change_json(change: Change) -> dict[str, object]:
    return {
        "rule": change.rule,
        "severity": change.severity,
        "breaking": change.breaking,
        "surface": change.surface,
        "model": change.model,
        "field": change.field,
        "direction": change.direction,
        "operations": list(change.operations),
        "old": change.old,
        "new": change.new,
        "message": change.message,
        "path": change.span.path,
        "line": change.span.line,
        "column": change.span.column,
    }


def report_json(report: Report) -> dict[str, object]:
    return {
        "diff_version": DIFF_FORMAT_VERSION,
        "old": report.old,
        "new": report.new,
        "version_bump": report.version_bump,
        "summary": {s: report.count(s) for s in ("breaking", "warning", "info")},
        "breaking_operations": report.breaking_operations,
        "changes": [change_json(c) for _, items in ordered(report.changes) for c in items],
        "diagnostics": [
            {
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
                "path": d.span.path,
                "line": d.span.line,
                "column": d.span.column,
            }
            for d in report.diagnostics
        ],
    }


def write_json(report: Report, out: TextIO) -> None:
    out.write(json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n")


def _cell(text: str | None) -> str:
    if text is None:
        return ""
    return _short(text, 80).replace("|", "\\|").replace("`", "'")


def write_markdown(report: Report, out: TextIO, verbose: bool = False) -> None:
    """A pull-request comment: a summary, then a table per severity (info folded away)."""
    out.write("## docmodels diff\n\n")
    out.write(summary_line(report).removeprefix("docmodels diff: ").capitalize() + ".\n")
    for severity in ("breaking", "warning", "info"):
        items = [c for _, group in ordered(report.changes) for c in group if c.severity == severity]
        if not items:
            continue
        title = {"breaking": "Breaking", "warning": "Warnings", "info": "Other changes"}[severity]
        if severity == "info":
            out.write(f"\n<details><summary>{title} ({len(items)})</summary>\n")
        else:
            out.write(f"\n### {title} ({len(items)})\n")
        out.write("\n| Rule | Where | Direction | Operations | Old | New | Doc |\n")
        out.write("|---|---|---|---|---|---|---|\n")
        for c in items:
            where = c.model + (f".{c.field}" if c.field else "")
            ops = ", ".join(c.operations[:3]) + (" ..." if len(c.operations) > 3 else "")
            out.write(
                f"| `{c.rule}` | {_cell(where)} | {c.direction if c.surface == 'wire' else 'python'} "
                f"| {_cell(ops)} | {_cell(c.old)} | {_cell(c.new)} | {_cell(c.span.path)}:{c.span.line} |\n"
            )
        if severity == "info":
            out.write("\n</details>\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, out: TextIO, verbose: bool = False) -> None:
    """Workflow commands: an annotation on the doc line of each change (info only with -v)."""
    level = {"breaking": "error", "warning": "warning", "info": "notice"}
    for _, items in ordered(report.changes):
        for c in items:
            if c.severity == "info" and not verbose:
                continue
            s = c.span
            title = _escape_property(f"{c.rule} ({c.severity})")
            out.write(
                f"::{level[c.severity]} file={_escape_property(s.path)},line={s.line},col={s.column},"
                f"title={title}::{_escape_data(_what(c))}\n"
            )
    out.write(summary_line(report) + "\n")


def write(report: Report, fmt: str, out: TextIO, verbose: bool = False) -> None:
    if fmt == "json":
        write_json(report, out)
    elif fmt == "markdown":
        write_markdown(report, out, verbose)
    elif fmt == "github":
        write_github(report, out, verbose)
    else:
        write_text(report, out, verbose)
