"""The SDK doc dialects, and how a page's dialect is chosen."""

from __future__ import annotations

from collections import Counter

from generator.reader.dialects.base import Dialect, ParsedType, TypeNotationError
from generator.reader.dialects.csharp import CSharpDialect
from generator.reader.dialects.go import GoDialect
from generator.reader.dialects.java import JavaDialect
from generator.reader.dialects.php import PhpDialect
from generator.reader.dialects.python import PythonDialect
from generator.reader.dialects.ruby import RubyDialect
from generator.reader.dialects.typescript import TypeScriptDialect
from generator.reader.dialects.unity import UnityDialect

#: Registered dialects; when a folder gives no majority either, the first one is used.
DIALECTS: dict[str, Dialect] = {
    dialect.name: dialect
    for dialect in (
        TypeScriptDialect(),
        PythonDialect(),
        GoDialect(),
        PhpDialect(),
        JavaDialect(),
        CSharpDialect(),
        RubyDialect(),
        UnityDialect(),
    )
}


def detect(notation: str) -> Dialect | None:
    """The dialect whose notation the page uses most; None when no dialect's notation stands out."""
    scores = sorted(((d.score(notation), i) for i, d in enumerate(DIALECTS.values())), reverse=True)
    (best, index), runner_up = scores[0], scores[1][0] if len(scores) > 1 else 0
    if best == 0 or best == runner_up:
        return None
    return list(DIALECTS.values())[index]


def choose(found: list[Dialect | None]) -> Dialect:
    """For pages whose own notation is undecided: the dialect most pages of their folder show."""
    counts = Counter(d.name for d in found if d is not None)
    if not counts:
        return next(iter(DIALECTS.values()))
    order = list(DIALECTS)
    name = max(counts, key=lambda n: (counts[n], -order.index(n)))
    return DIALECTS[name]


__all__ = ["DIALECTS", "Dialect", "ParsedType", "TypeNotationError", "choose", "detect"]
