"""Import lines in the order isort (and ruff's `I001`, with its default settings) wants them.

Sections come in isort's order: `__future__`, the standard library, third-party (every other absolute
import: the generated package too, as ruff sees it from the project's root), then relative imports. In a
section `import x` lines come first, then `from` lines; modules sort case-insensitively in natural order
(`schema2` before `schema10`), relative ones furthest first; the names of one `from` line sort constants,
then classes, then the rest; `from m import a` and `from m import b` become one line, while a renamed name
(`a as b`) keeps its own line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache

#: Modules that left the standard library in 3.12 and 3.13: still standard library on every supported
#: Python, so the order does not depend on the interpreter that generates.
_REMOVED_STDLIB = frozenset(
    {
        "aifc", "asynchat", "asyncore", "audioop", "cgi", "cgitb", "chunk", "crypt", "distutils", "imghdr",
        "imp", "lib2to3", "mailcap", "msilib", "nis", "nntplib", "ossaudiodev", "pipes", "smtpd", "sndhdr",
        "spwd", "sunau", "telnetlib", "uu", "xdrlib",
    }
)  # fmt: skip
_STDLIB = frozenset(sys.stdlib_module_names) | _REMOVED_STDLIB

_FUTURE, _STANDARD, _THIRD_PARTY, _RELATIVE = range(4)
_DIGITS = re.compile(r"(\d+)")


def sections(lines: Iterable[str]) -> list[list[str]]:
    """`lines` (`import m`, `from m import a, b`, `from m import a as b`) merged, sorted and split into
    isort's sections, empty sections left out."""
    plain: set[str] = set()
    names: dict[str, set[str]] = {}
    renamed: set[tuple[str, str]] = set()
    for line in lines:
        module, imported, aliased = _parsed(line)
        if module is None:
            plain.update(imported)
            continue
        if imported:
            names.setdefault(module, set()).update(imported)
        renamed.update((module, name) for name in aliased)
    if not (plain or names or renamed):
        return []
    keyed: list[tuple[str, str]] = [(_plain_key(module), f"import {module}") for module in plain]
    for module, members in names.items():
        ordered = sorted(members, key=member_key) if len(members) > 1 else list(members)
        keyed.append(
            (_from_line_key(module, ordered[0]), f"from {module} import {', '.join(ordered)}")
        )
    for module, name in renamed:
        keyed.append((_from_line_key(module, name), f"from {module} import {name}"))
    keyed.sort()
    found: list[list[str]] = [[], [], [], []]
    for key, text in keyed:
        found[int(key[0])].append(text)
    return [group for group in found if group]


def sorted_lines(lines: Iterable[str]) -> list[str]:
    """`lines` in isort's order, as one list (for imports of one section, such as late relative ones)."""
    return [line for group in sections(lines) for line in group]


@cache
def _parsed(line: str) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """A line's module (None for `import m`), the names it imports as they are, and those it renames."""
    if line.startswith("import "):
        return None, tuple(part.strip() for part in line[len("import ") :].split(",")), ()
    module, _, imported = line.removeprefix("from ").partition(" import ")
    parts = [part.strip() for part in imported.split(",")]
    return (
        module,
        tuple(p for p in parts if " as " not in p),
        tuple(p for p in parts if " as " in p),
    )


# The sort keys are strings (one per line, made once per run): comparing them compares what isort compares,
# field by field; "\x00" ends a field, so a shorter field sorts first as in a tuple.


@cache
def _plain_key(module: str) -> str:
    return f"{_section(module)}0{_text_key(module)}"


@cache
def _from_line_key(module: str, first: str) -> str:
    return f"{_section(module)}1{_module_key(module)}\x00{member_key(first)}"


@cache
def member_key(name: str) -> str:
    """isort's order of the names of one `from` line: CONSTANTS, then Classes, then everything else,
    each case-insensitively."""
    bare = name.split(" as ")[0]
    return f"{_kind(bare)}{_text_key(bare)}\x00{name}"


def all_key(name: str) -> str:
    """The order ruff wants in `__all__` (RUF022): CONSTANTS, Classes, the rest, each in natural order
    with case (unlike import names, `__all__` does not fold case)."""
    return f"{_kind(name)}{_natural(name)}"


def from_key(module: str, name: str) -> str:
    """isort's place of the line `from {module} import {name}` among other `from` lines."""
    return f"{_module_key(module)}\x00{member_key(name)}"


def _kind(name: str) -> int:
    if len(name) > 1 and name.isupper():
        return 0
    return 1 if name[:1].isupper() else 2


@cache
def _module_key(module: str) -> str:
    """Furthest first (up to 9 levels), and `from .. import x` before `from ..a import y`."""
    dots = len(module) - len(module.lstrip("."))
    rest = module[dots:]
    return f"{9 - min(dots, 9)}{1 if rest else 0}{_text_key(rest)}"


@cache
def _text_key(text: str) -> str:
    """Case-insensitive natural order, then natural order of the text as written."""
    return f"{_natural(text.lower())}\x00{_natural(text)}"


def _natural(text: str) -> str:
    """`text` with each run of digits padded to 20: plain comparison is then natural order."""
    if _DIGITS.search(text) is None:
        return text
    return _DIGITS.sub(lambda m: m.group().zfill(20), text)


@cache
def _section(module: str) -> int:
    if module.startswith("."):
        return _RELATIVE
    if module == "__future__":
        return _FUTURE
    return _STANDARD if module.split(".")[0] in _STDLIB else _THIRD_PARTY
