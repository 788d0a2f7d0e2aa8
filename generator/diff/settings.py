"""`[tool.docmodels.diff]`: when the diff fails, which surfaces it reports, and severities per rule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .arguments import FAIL_ON, SURFACES
from .change import Change
from .rules import RULES, SEVERITIES, Severity

_KEYS = ("fail_on", "surfaces", "severity")


class SettingsError(ValueError):
    """A `[tool.docmodels.diff]` value is not valid (DM804)."""


@dataclass(frozen=True)
class DiffSettings:
    fail_on: str = "breaking"
    surfaces: tuple[str, ...] = SURFACES
    #: rule id -> {direction: severity} (`both` applies to every direction).
    severity: Mapping[str, Mapping[str, Severity]] = field(default_factory=dict)

    def apply(self, change: Change) -> Change:
        """The change with the severity the settings give its rule and direction."""
        table = self.severity.get(change.rule)
        if not table:
            return change
        chosen = table.get(change.direction) or table.get("both")
        if chosen is None and change.direction == "both":
            found = [s for d, s in table.items() if d in ("request", "response")]
            chosen = max(found, key=SEVERITIES[::-1].index) if found else None
        return replace(change, severity=chosen) if chosen else change


def settings_from(table: Mapping[str, Any]) -> DiffSettings:
    """The settings of a `[tool.docmodels.diff]` table (SettingsError names what is wrong)."""
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise SettingsError(
            f"unknown key `{unknown[0]}` in [tool.docmodels.diff] (known: {', '.join(_KEYS)})"
        )
    fail_on = table.get("fail_on", "breaking")
    if fail_on not in FAIL_ON:
        raise SettingsError(f"`fail_on` must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    surfaces = table.get("surfaces", list(SURFACES))
    if not isinstance(surfaces, list) or not surfaces or any(s not in SURFACES for s in surfaces):
        raise SettingsError(f"`surfaces` must be a list of {', '.join(SURFACES)}")
    severity: dict[str, dict[str, Severity]] = {}
    raw = table.get("severity", {})
    if not isinstance(raw, dict):
        raise SettingsError("`severity` must map rule ids to a severity")
    for rule, value in raw.items():
        if rule not in RULES:
            raise SettingsError(f"`severity`: no rule `{rule}` (see docs/diff.md for the rule ids)")
        severity[rule] = _per_direction(rule, value)
    return DiffSettings(str(fail_on), tuple(s for s in SURFACES if s in surfaces), severity)


def _per_direction(rule: str, value: Any) -> dict[str, Severity]:
    if isinstance(value, str):
        value = {"both": value}
    if not isinstance(value, dict):
        raise SettingsError(
            f"`severity.{rule}` must be a severity or a table of request/response severities"
        )
    result: dict[str, Severity] = {}
    for direction, severity in value.items():
        if direction not in ("request", "response", "both") or severity not in SEVERITIES:
            raise SettingsError(
                f"`severity.{rule}`: {direction} = {severity!r}; expected request, response or both "
                f"= one of {', '.join(SEVERITIES)}"
            )
        result[direction] = severity
    return result
