"""The SDK doc dialects, and how a page's dialect is chosen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ...dialect_names import DIALECT_NAMES
from .base import Dialect, ParsedType, TypeNotationError
from .csharp import CSharpDialect
from .go import GoDialect
from .java import JavaDialect
from .php import PhpDialect
from .plain import PlainDialect
from .python import PythonDialect
from .ruby import RubyDialect
from .typescript import TypeScriptDialect
from .unity import UnityDialect

_INSTANCES: tuple[Dialect, ...] = (
    TypeScriptDialect(),
    PythonDialect(),
    GoDialect(),
    PhpDialect(),
    JavaDialect(),
    CSharpDialect(),
    RubyDialect(),
    UnityDialect(),
    PlainDialect(),
)
if sorted(d.name for d in _INSTANCES) != sorted(DIALECT_NAMES):
    raise ImportError(
        "generator.dialect_names.DIALECT_NAMES must name each dialect of reader.dialects once"
    )
#: Registered dialects, in DIALECT_NAMES' order; when a folder gives no majority either, the first one is used.
DIALECTS: dict[str, Dialect] = {
    name: next(d for d in _INSTANCES if d.name == name) for name in DIALECT_NAMES
}


def detect(notation: str, candidates: Mapping[str, Dialect] | None = None) -> Dialect | None:
    """The dialect whose notation the page uses most; None when no dialect's notation stands out."""
    dialects = list((candidates or DIALECTS).values())
    scores = sorted(((d.score(notation), i) for i, d in enumerate(dialects)), reverse=True)
    (best, index), runner_up = scores[0], scores[1][0] if len(scores) > 1 else 0
    if best == 0 or best == runner_up:
        return None
    return dialects[index]


def choose(found: list[Dialect | None]) -> Dialect:
    """For pages whose own notation is undecided: the dialect most pages of their folder show."""
    counts = Counter(d.name for d in found if d is not None)
    if not counts:
        return next(iter(DIALECTS.values()))
    order = list(DIALECTS)
    name = max(counts, key=lambda n: (counts[n], -order.index(n)))
    return DIALECTS[name]


__all__ = ["DIALECTS", "Dialect", "ParsedType", "TypeNotationError", "choose", "detect"]
