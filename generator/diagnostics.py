"""Diagnostic codes (stable: users search for them) and the collector that gathers every problem of a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .ir import Diagnostic, Span

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
    "DM115": "a doc is larger than the size limit (2 MiB): not read",
    "DM116": "a doc is a binary file (not UTF-8, and it holds NUL bytes): not read",
    "DM117": "a code fence is never closed: the rest of the doc reads as code",
    "DM118": "a Fields table outside a `## Fields` section: not read",
    "DM119": "a Fields or Values section has table rows without a header and separator row",
    "DM120": "a Type cell uses a notation the dialect does not know",
    "DM121": "an enum value cannot be read",
    "DM122": "a union member heading cannot be read",
    "DM130": "the Example Usage block cannot be read as a literal (the tests build an example instead)",
    "DM131": "a table row has more or fewer cells than the header",
    "DM132": "a doc has more lines than the limit (20,000): not read",
    "DM133": "a table has more rows than the limit (2,000): not read",
    "DM134": "a doc is empty: skipped",
    "DM135": "a doc is a symbolic link to a file outside the docs folder: skipped",
    "DM136": "a Values section lists no value (skipped), or Supported Types no member (read as any)",
    "DM200": "a link points to a doc that was not read",
    "DM201": "a type name matches no model",
    "DM202": "a type name matches several models",
    "DM203": "a union member names no model (a display name): it is read as any",
    "DM300": "the configuration is invalid",
    "DM301": "a template failed to render",
    "DM302": "a formatter failed: black on invalid Python (a docmodels bug: report it), or a target's `formatter`",
    "DM303": "a docs path does not exist, is empty, or holds no markdown docs",
    "DM304": "the output folder is no safe place to write (empty, a file, the project, above it, a docs folder)",
    "DM305": "the templates folder does not exist or is a file",
    "DM306": "the OpenAPI document does not exist or is a folder",
    "DM400": "an output path would leave the output folder",
    "DM401": "a file in the output folder that docmodels did not write would be overwritten",
    "DM700": "the OpenAPI document cannot be read (missing, not JSON or YAML, PyYAML absent, a broken `$ref`)",
    "DM701": "a doc model was matched to an OpenAPI schema (says how: by name, parent, fields)",
    "DM702": "a doc model matched no OpenAPI schema (says why); its facts stay the doc's",
    "DM703": "an OpenAPI component schema has no doc model (says why)",
    "DM710": "a doc field is not a property of its model's schema",
    "DM711": "the doc and the OpenAPI schema disagree on whether a field is required",
    "DM712": "the doc and the OpenAPI schema disagree on whether a field is nullable",
    "DM713": "the doc's type of a field does not fit the JSON type of its schema",
    "DM714": "an enum's values differ from its schema's",
    "DM715": "a configured wire name (policy or override) differs from the OpenAPI schema's",
    "DM716": "a doc types a field as a map whose schema also has fixed properties of another type",
    "DM720": "a `wire_name_overrides` entry names no field",
    "DM721": "two fields of one model would have the same wire name",
    "DM722": "SDK docs' field names are taken as wire names with no OpenAPI document or wire-name policy",
    "DM402": "an output path goes through a symbolic link that leads out of the output folder",
    "DM403": "the output folder cannot be written (read-only, or no permission)",
    "DM404": "the disk is full: the previous files were put back",
    "DM405": "a doc changed while docmodels ran: nothing was written",
    "DM406": "the run was interrupted (Ctrl-C): the previous files were put back",
    "DM407": "writing the output folder failed (another operating system error)",
    "DM408": "gen refused to remove files: the docs produce no models",
    "DM409": "gen refused to remove files: the run reads other doc folders than the ones that made the output",
    "DM410": "gen refused to remove more than half of the files it wrote before (without --prune)",
    "DM600": "lint: a link points to a file that does not exist",
    "DM601": "lint: an enum, union or alias that no model uses",
    "DM602": "lint: a field without a description",
    "DM603": "lint: a deprecated model or field without a message",
    "DM604": "lint: a name that the generated Python must change (keyword, clash, not PascalCase)",
    "DM605": "lint: a doc the reader only partly understood (skipped, untyped, example not read)",
    "DM610": "fmt: a doc left as it is because its canonical layout would change its meaning",
    "DM611": "new: the doc to scaffold already exists (never overwritten)",
    "DM612": "new: the model name or a --field is invalid",
    "DM800": "diff: the git revision names no commit",
    "DM801": "diff: git cannot be run, or the docs are not in a git repository",
    "DM802": "diff: a side to compare does not exist",
    "DM803": "diff: a JSON side is not the output of `docmodels ir`",
    "DM804": "diff: `[tool.docmodels.diff]` is invalid",
    "DM805": "diff: no sides to compare (OLD NEW, or --against REF)",
}


#: The severity policy of the reader's codes: the unit of failure is the field, then the doc, never the run.
#: A field, member or row the reader does not understand is a warning (the field is typed `any`, or the row is
#: left out, and the rest of the doc is read); a doc that is no model is skipped with an info (nothing was
#: meant as a model) or a warning (a model section could not be read). Errors are kept for what makes every
#: output untrustworthy: a file that cannot be read (encoding, size), names that collide. A code with two
#: levels uses the second only where the message says why.
LEVELS: dict[str, tuple[Severity, ...]] = {
    "DM100": ("error",),
    "DM101": ("info",),
    "DM102": ("warning",),
    "DM103": ("warning", "error"),
    "DM104": ("warning",),
    "DM105": ("warning",),
    "DM106": ("info",),
    "DM107": ("info",),
    "DM110": ("warning",),
    "DM111": ("warning",),
    "DM112": ("warning",),
    "DM113": ("warning",),
    "DM114": ("warning",),
    "DM115": ("error",),
    "DM116": ("error",),
    "DM117": ("warning",),
    "DM118": ("warning",),
    "DM119": ("warning",),
    "DM120": ("warning",),
    "DM121": ("warning",),
    "DM122": ("warning",),
    "DM130": ("info",),
    "DM131": ("warning",),
    "DM132": ("error",),
    "DM133": ("error",),
    "DM134": ("warning",),
    "DM135": ("warning",),
    "DM136": ("warning",),
    "DM200": ("warning",),
    "DM201": ("warning",),
    "DM202": ("warning",),
    "DM203": ("warning",),
}
#: Reader codes that leave a table row (a field) out of its model.
ROW_LEFT_OUT = ("DM112", "DM113", "DM131")


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
        assert severity in LEVELS.get(code, (severity,)), (code, severity)
        self.items.append(Diagnostic(span, severity, code, message))

    def sorted(self) -> tuple[Diagnostic, ...]:
        return tuple(sorted(set(self.items)))
