"""Python names for IR things: snake_case attributes and modules, PascalCase classes, UPPER enum members."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

_WORD = re.compile(r"[A-Z]+[0-9]*(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")
_NOT_IDENT = re.compile(r"[^0-9A-Za-z]+")

#: Python's hard keywords, as docmodels' own data: the `keyword` module of the running interpreter would make
#: the output depend on it. The list is the same on 3.11, 3.12 and 3.13. Soft keywords (`_`, `case`, `match`,
#: `type` since 3.12) are valid attribute, class and module names, so they need no escape.
HARD_KEYWORDS = frozenset(
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    }
)  # fmt: skip


def is_plain_identifier(name: str) -> bool:
    """An ASCII identifier that is no hard keyword: the same answer on every Python (`str.isidentifier`
    follows the interpreter's Unicode tables, and Python folds non-ASCII names with NFKC)."""
    return name.isascii() and name.isidentifier() and name not in HARD_KEYWORDS


def words(name: str) -> list[str]:
    """Split camelCase, PascalCase, snake_case and kebab-case into words: `userIDToken` -> user, ID, Token."""
    found: list[str] = []
    for chunk in _NOT_IDENT.split(name):
        found.extend(_WORD.findall(chunk))
    return found


def snake_case(name: str) -> str:
    return "_".join(w.lower() for w in words(name))


def upper_snake(name: str) -> str:
    return "_".join(w.upper() for w in words(name))


def safe_identifier(name: str, reserved: Collection[str] = (), fallback: str = "value") -> str:
    """A valid, non-keyword identifier that is not in `reserved` and is not private or dunder."""
    name = name.strip("_")
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if name in HARD_KEYWORDS or name in reserved:
        name = f"{name}_"
    return name


def unique(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Make names distinct in order: a later duplicate, or a name in `taken`, gets `_2`, `_3`, ...

    Case-insensitively: `User` and `user` are one file on macOS's and Windows' file systems."""
    seen = {name.lower() for name in taken}
    result: list[str] = []
    for name in names:
        candidate, n = name, 2
        while candidate.lower() in seen:
            candidate = f"{name.rstrip('_') or name}_{n}"
            n += 1
        seen.add(candidate.lower())
        result.append(candidate)
    return result


def attribute_names(names: Iterable[str], reserved: Collection[str]) -> list[str]:
    return unique(safe_identifier(snake_case(n), reserved, "field") for n in names)


def class_name(title: str, reserved: Collection[str] = ()) -> str:
    name = "".join(w[:1].upper() + w[1:] for w in re.split(r"_+", title) if w) or "Model"
    return safe_identifier(name, reserved, "Model")


#: The longest module name, in bytes (module names are ASCII). A module name becomes file names: the
#: longest is `<module>.schema.json`, 12 bytes more, far inside the 255 bytes a file name may have on every
#: common file system. The tighter limit is Windows' 260 characters for a whole path (without long-path
#: support): 100 leaves about 150 for the folders above the file, the project's and the package's. A name
#: longer than this is cut and given a hash of the whole; every other name is the title in snake_case.
#: Of the corpus's 12,534 titles, 13 are cut at 100, none at 120, and 315 were at the old limit, 64.
MAX_MODULE_NAME = 100


def module_name(title: str, reserved: Collection[str] = ()) -> str:
    """The title in snake_case; one longer than `MAX_MODULE_NAME` is cut and given a hash of the whole,
    so it stays distinct and stable. Names that collide are made distinct by `unique`."""
    return shortened(safe_identifier(snake_case(title), reserved, "model"), MAX_MODULE_NAME)


def shortened(name: str, limit: int) -> str:
    """`name` if it fits in `limit` characters, else its start and a hash of the whole."""
    if len(name) <= limit:
        return name
    suffix = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[: limit - 9].rstrip('_')}_{suffix}"


def enum_member_names(labels: Iterable[str]) -> list[str]:
    return unique(safe_identifier(upper_snake(label) or "EMPTY", (), "VALUE") for label in labels)


#: The pattern `words` finds words with, in ASCII classes (the case filters use it on any script).
WORD = _WORD


def package_unique_names(models: Sequence[tuple[Sequence[str], str]]) -> list[str]:
    """A name per model unique across the whole package, for languages with one namespace per package
    (Go, TypeScript barrels, JSON Schema `$defs`): each model is (its sub-package parts, its class name).

    A class name no other model has stays as it is; models that share one are each prefixed with their
    sub-package path in PascalCase (`php/components` + `Session` -> `PhpComponentsSession`), so a name
    depends on no model of another class name. What still collides gets `_2`, `_3`, ... in order,
    case-insensitively (`unique`)."""
    counts = Counter(name.lower() for _, name in models)
    named = [
        name
        if counts[name.lower()] == 1
        else "".join(w[:1].upper() + w[1:] for part in package for w in words(part)) + name
        for package, name in models
    ]
    return unique(named)
