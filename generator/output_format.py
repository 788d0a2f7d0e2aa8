"""The formats a run reports in (`--format`): known to the command line without loading the reporter."""

from __future__ import annotations

from typing import Literal

Format = Literal["text", "json", "github"]
FORMATS: tuple[Format, ...] = ("text", "json", "github")
