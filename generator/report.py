"""What `check` and the diagnostics print: plain text, JSON for tools, or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .degradation import Degradation
from .ir import Diagnostic, Span
from .ir_json import diagnostic_json, span_json
from .output_format import Format
from .sync.disk import Drift, unified_diff
from .sync.plan import MANIFEST, Plan

FIX_COMMAND = "docmodels gen"


@dataclass(frozen=True)
class CheckResult:
    """Everything `check` found, ready to print in any format."""

    label: str
    out: Path
    plan: Plan
    drift: Drift
    recorded: dict[str, set[str]] = field(default_factory=dict)
    #: What the docs' reading did not understand (counted on the summary line), and whether -v was given.
    degraded: Degradation = field(default_factory=Degradation)
    verbose: bool = False

    @property
    def changed(self) -> list[str]:
        """Files the docs change (the manifest and files edited by hand are told apart)."""
        return [p for p in self.drift.changed if p != MANIFEST and p not in self.drift.edited]

    @property
    def edited(self) -> list[str]:
        return list(self.drift.edited)

    @property
    def missing(self) -> list[str]:
        return [p for p in self.drift.missing if p != MANIFEST]

    @property
    def manifest_changed(self) -> bool:
        """Whether only docmodels' own record is out of date (another version or settings wrote it)."""
        return MANIFEST in self.drift.changed or MANIFEST in self.drift.missing

    def summary(self) -> str:
        return self._summary() + self.degraded.suffix(self.verbose)

    def _summary(self) -> str:
        if self.drift.in_sync:
            return f"docmodels check: {self.label} is in sync with the docs ({len(self.drift.unchanged)} files)"
        counts = ", ".join(
            f"{n} {what}"
            for n, what in (
                (len(self.changed), "changed"),
                (len(self.edited), "edited by hand"),
                (len(self.missing), "missing"),
                (len(self.drift.stale) + len(self.drift.foreign), "extra"),
            )
            if n
        )
        what = counts or "its manifest is out of date"
        return f"docmodels check: {self.label} has drifted from the docs ({what}); {self.fix()}"

    def fix(self) -> str:
        fix = f"run `{FIX_COMMAND}` to update it"
        if self.drift.foreign:
            fix += ", and delete the extra files docmodels did not write"
        return fix

    def diff(self, path: str) -> str:
        return unified_diff(self.label, path, (self.out / path).read_bytes(), self.plan.files[path])

    def first_edited_line(self, path: str) -> int:
        """The first line of the file on disk that differs from what docmodels wrote (1-based)."""
        current = (self.out / path).read_bytes().splitlines()
        wanted = self.plan.files[path].splitlines()
        for number, (have, want) in enumerate(zip(current, wanted, strict=False), start=1):
            if have != want:
                return number
        # One is the other with lines added at the end (or only line endings differ: then line 1).
        return min(len(current), len(wanted)) + 1 if len(current) != len(wanted) else 1


#: What `check` says of a generated file that someone edited.
EDITED = (
    "edited by hand since docmodels wrote it; run `docmodels gen` to regenerate it "
    "(change the doc or the templates instead)"
)


def print_diagnostics(
    diagnostics: Sequence[Diagnostic], fmt: Format, stream: TextIO, verbose: bool = False
) -> None:
    """Errors and warnings; info (what docmodels left out on purpose) only when `verbose`."""
    diagnostics = [d for d in diagnostics if verbose or d.severity != "info"]
    errors = sum(1 for d in diagnostics if d.severity == "error")
    if fmt == "json":
        if diagnostics:
            json.dump({"diagnostics": [diagnostic_json(d) for d in diagnostics]}, stream, indent=2)
            stream.write("\n")
        return
    for diagnostic in diagnostics:
        if fmt == "github":
            stream.write(
                _annotation(
                    diagnostic.severity,
                    diagnostic.span,
                    f"docmodels {diagnostic.code}",
                    diagnostic.message,
                )
            )
        else:
            print(diagnostic.render(), file=stream)
    if errors and fmt == "text":
        print(
            f"docmodels: {errors} error{'s' if errors != 1 else ''}; nothing was written",
            file=stream,
        )


def print_check(result: CheckResult, fmt: Format, stream: TextIO, quiet: bool = False) -> None:
    if fmt == "json":
        json.dump(_check_json(result), stream, indent=2)
        stream.write("\n")
    elif fmt == "github":
        _check_github(result, stream)
    else:
        _check_text(result, stream, quiet)


def _check_text(result: CheckResult, stream: TextIO, quiet: bool) -> None:
    drift, label = result.drift, result.label
    if not quiet:
        for path in [*result.changed, *result.edited]:
            stream.write(result.diff(path))
    for path in result.edited:
        print(f"edited: {label}/{path}:{result.first_edited_line(path)}: {EDITED}", file=stream)
    for path in result.missing:
        print(f"missing: {label}/{path}", file=stream)
    for path in drift.stale:
        print(f"extra: {label}/{path} (generated before, no longer produced)", file=stream)
    for path in drift.foreign:
        print(f"extra: {label}/{path} (not written by docmodels)", file=stream)
    print(result.summary(), file=stream)


def causes(result: CheckResult, path: str) -> list[Span]:
    """The doc lines a changed or missing file comes from: the pieces whose fingerprint changed since the
    last gen, or the model's title line when none did (a template or docmodels itself changed)."""
    parts = result.plan.origins.get(path, ())
    if not parts:
        return []
    before = result.recorded.get(path)
    changed = [
        span for span, fingerprint in parts if before is not None and fingerprint not in before
    ]
    return changed or [parts[0][0]]


def _spans(result: CheckResult, path: str) -> list[dict[str, Any]]:
    return [span_json(span) for span in causes(result, path)]


def _check_json(result: CheckResult) -> dict[str, Any]:
    drift, label = result.drift, result.label
    return {
        "in_sync": drift.in_sync,
        "output": label,
        "changed": [
            {"path": f"{label}/{p}", "sources": _spans(result, p), "diff": result.diff(p)}
            for p in result.changed
        ],
        "edited": [
            {
                "path": f"{label}/{p}",
                "line": result.first_edited_line(p),
                "message": EDITED,
                "diff": result.diff(p),
            }
            for p in result.edited
        ],
        "missing": [{"path": f"{label}/{p}", "sources": _spans(result, p)} for p in result.missing],
        "extra": [{"path": f"{label}/{p}", "reason": "stale"} for p in drift.stale]
        + [{"path": f"{label}/{p}", "reason": "not written by docmodels"} for p in drift.foreign],
        "manifest_changed": result.manifest_changed,
        "unchanged": len(drift.unchanged),
        "summary": result.summary(),
        "fix": None if drift.in_sync else FIX_COMMAND,
        "degraded": result.degraded.as_json(),
    }


def _check_github(result: CheckResult, stream: TextIO) -> None:
    drift, label = result.drift, result.label
    title = "docmodels: generated code is out of date"
    for path in result.edited:
        span = Span(f"{label}/{path}", result.first_edited_line(path))
        stream.write(_annotation("error", span, "docmodels: edited by hand", EDITED))
    for path in [*result.changed, *result.missing]:
        state = "differs from" if path in drift.changed else "is missing, though"
        message = f"{label}/{path} {state} what this doc produces. Run `{FIX_COMMAND}` and commit the result."
        for span in causes(result, path) or [Span(f"{label}/{path}", 1)]:
            stream.write(_annotation("error", span, title, message))
    for path in drift.stale:
        message = (
            f"generated before, no longer produced by the docs. Run `{FIX_COMMAND}` to remove it."
        )
        stream.write(
            _annotation("error", Span(f"{label}/{path}", 1), "docmodels: stale file", message)
        )
    for path in drift.foreign:
        message = "not written by docmodels: delete it or move it out of the output folder."
        stream.write(
            _annotation("error", Span(f"{label}/{path}", 1), "docmodels: extra file", message)
        )
    if result.changed or result.edited:
        stream.write("::group::docmodels diff\n")
        for path in [*result.changed, *result.edited]:
            stream.write(result.diff(path))
        stream.write("::endgroup::\n")
    print(result.summary(), file=stream)


def _annotation(severity: str, span: Span, title: str, message: str) -> str:
    """One GitHub Actions workflow command (`::error file=…,line=…::message`), escaped as the runner expects."""
    level = {"error": "error", "warning": "warning"}.get(severity, "notice")
    props = f"file={_prop(span.path)},line={span.line},col={span.column},title={_prop(title)}"
    return f"::{level} {props}::{_data(message)}\n"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
