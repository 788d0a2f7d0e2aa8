"""The SDK doc dialects, and how a page's dialect is chosen."""

from __future__ import annotations

from generator.reader.dialects.base import Dialect, ParsedType, TypeNotationError
from generator.reader.dialects.php import PhpDialect
from generator.reader.dialects.typescript import TypeScriptDialect

#: Registered dialects; on a tie in detection the earlier one wins.
DIALECTS: dict[str, Dialect] = {
    dialect.name: dialect for dialect in (TypeScriptDialect(), PhpDialect())
}


def detect(notation: str, forced: str | None = None) -> Dialect:
    """The dialect named by `forced`, else the one whose notation the page uses most."""
    if forced and forced != "auto":
        return DIALECTS[forced]
    best = max(DIALECTS.values(), key=lambda d: d.score(notation))
    return best


__all__ = ["DIALECTS", "Dialect", "ParsedType", "TypeNotationError", "detect"]
