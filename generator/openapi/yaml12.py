"""A PyYAML loader with the plain scalars of the YAML 1.2 core schema, which OpenAPI 3 documents are written in.

PyYAML implements YAML 1.1: there, `on`, `off`, `yes`, `no`, `y` and `n` are booleans, `2024-01-01` is a
date, `0755` is octal and `1:30` is 90. In YAML 1.2 (core schema) those are strings or decimal numbers, so an
enum `[on, off]` or a property called `yes` would change meaning. The usual fix (the one ruamel.yaml's
`typ='safe'` makes by default, and yamlcore packages for PyYAML) is a loader whose implicit resolvers are
those of the core schema: only `true`/`false` (three spellings) are booleans, `null`/`~`/empty is null,
integers are decimal, `0o` octal or `0x` hexadecimal, and there are no implicit timestamps.
"""

from __future__ import annotations

import re
from typing import Any

#: The YAML 1.2 core schema's plain scalars (spec 1.2.2, section 10.3.2), with the first characters each may
#: start with (PyYAML looks resolvers up by first character).
_CORE: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    (
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        "-+0123456789",
    ),
    (
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+.0123456789",
    ),
)
_REPLACED = {tag for tag, _, _ in _CORE} | {"tag:yaml.org,2002:timestamp"}


def core_schema_loader(yaml: Any) -> Any:
    """A subclass of PyYAML's safe loader (the C one when built) that resolves plain scalars as YAML 1.2."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader: Any = type("CoreSchemaLoader", (base,), {})
    # Each class keeps its own table: copy the inherited one without the 1.1 rules, then add the 1.2 ones.
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in rules if tag not in _REPLACED]
        for first, rules in base.yaml_implicit_resolvers.items()
    }
    for tag, pattern, first in _CORE:
        loader.add_implicit_resolver(tag, pattern, list(first))
    # The empty scalar has no first character; PyYAML looks it up under the key ''.
    loader.add_implicit_resolver("tag:yaml.org,2002:null", _CORE[1][1], [""])
    loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    return loader


def _construct_int(loader: Any, node: Any) -> int:
    """A core-schema integer: decimal (leading zeros are decimal too), `0o` octal or `0x` hexadecimal."""
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)
