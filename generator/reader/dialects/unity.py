"""Unity SDK docs: the C# dialect of the 2023 generator, with its `   !!!` glitch after list item types.

Type cells, member headings, presence and null are read exactly as in C# (csharp.py; Unity docs carry no
optional or nullable marker either, grammar §3, §8). Only detection differs: the `   !!!` glitch (18 cells,
grammar §4.3) is Unity's own; the rest of its notation (`Dictionary<String, `, `[DateTime](learn.microsoft.com…)`,
`List<[X](../../Models/Shared/X.md)>`) is shared with C#, so it scores the same for both and a page that
shows nothing else is left to the dialect most pages of its folder show.
"""

from __future__ import annotations

import re

from .base import count_signals
from .csharp import CSharpDialect, family_score

_UNITY_SIGNALS = (re.compile(r" {3}!!!"),)


class UnityDialect(CSharpDialect):
    name = "unity"

    def score(self, notation: str) -> int:
        return family_score(notation) + count_signals(_UNITY_SIGNALS, notation)
