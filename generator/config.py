"""Settings: `[tool.docmodels]` in pyproject.toml, each key overridable on the command line."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dialect_names import DIALECT_NAMES

if TYPE_CHECKING:
    from .ir import Diagnostic

OUTPUT_GROUPS = ("models", "docs", "tests")
#: What the docs output holds besides its index: a page per model, the index's diagrams, the deprecations.
DOCS_PARTS = ("pages", "diagrams", "deprecations")
#: What the generated tests of each model hold: the example-based checks, or those and a hypothesis
#: property test (the user's test environment then needs hypothesis).
TEST_KINDS = ("examples", "properties")
#: What `dialect` may be: `auto` (decided per folder) or a registered dialect's name.
DIALECT_CHOICES = ("auto", *DIALECT_NAMES)
DEFAULTS: dict[str, Any] = {
    "docs": ["specs"],
    "out": "generated",
    "package": "models",
    "outputs": list(OUTPUT_GROUPS),
    "target": "dataclasses",
    "templates": None,
    "dialect": "auto",
    "openapi": None,
    "wire_names": "as-written",
    "wire_name_overrides": {},
    "docs_parts": list(DOCS_PARTS),
    "strict": False,
    "diff": {},
    "tests": "examples",
}
WIRE_NAME_POLICIES = ("as-written", "snake_case", "camelCase", "PascalCase")
_PACKAGE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Config:
    """Every setting of a run; paths are absolute."""

    docs: tuple[Path, ...]
    out: Path
    package: str
    outputs: tuple[str, ...]
    target: str
    templates: Path | None
    dialect: str
    source: Path | None
    openapi: Path | None = None
    wire_names: str = "as-written"
    wire_name_overrides: Mapping[str, str] = dataclasses.field(default_factory=dict)
    docs_parts: tuple[str, ...] = DOCS_PARTS
    #: Whether `wire_names` was set (in the table or on the command line), even to its default.
    wire_names_set: bool = False
    #: Every warning fails the run (exit 2, nothing written). It shapes no output, so it is no part of the
    #: fingerprint.
    strict: bool = False
    #: `[tool.docmodels.diff]` as written (`docmodels diff` checks it: generator/diff/settings.py).
    diff: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    #: `tests`: one of TEST_KINDS.
    tests: str = "examples"

    def fingerprint(self) -> str:
        """A hash of the settings that shape the output (paths excluded, so it is the same everywhere)."""
        data = {
            "package": self.package,
            "outputs": list(self.outputs),
            "target": self.target,
            "templates": self.templates is not None,
            "dialect": self.dialect,
        }
        # Added only when set, so that the output of existing configurations keeps its fingerprint.
        if self.openapi is not None:
            data["openapi"] = True
        if self.wire_names != "as-written":
            data["wire_names"] = self.wire_names
        if self.wire_name_overrides:
            data["wire_name_overrides"] = dict(sorted(self.wire_name_overrides.items()))
        if self.docs_parts != DOCS_PARTS:
            data["docs_parts"] = list(self.docs_parts)
        if self.tests != "examples":
            data["tests"] = self.tests
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


class ConfigError(Exception):
    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start`."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


#: The settings that name paths, in the order their problems are listed.
PATH_KEYS = ("docs", "out", "templates", "openapi")


def load_config(
    overrides: Mapping[str, Any],
    config_file: Path | None = None,
    cwd: Path | None = None,
    check_paths: Collection[str] = (),
) -> Config:
    """The settings of a run; `check_paths` names the path settings (`PATH_KEYS`) that must name usable
    paths (the folders exist, the output folder is a safe place to write), checked before anything runs."""
    cwd = (cwd or Path.cwd()).resolve()
    pyproject = config_file or find_pyproject(cwd)
    table: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    base = cwd
    display = "pyproject.toml"
    if pyproject is not None:
        display = display_path(pyproject, cwd)
        try:
            text = pyproject.read_text(encoding="utf-8")
            table = tomllib.loads(text).get("tool", {}).get("docmodels", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError([problem_at(display, "", "", str(exc))]) from exc
        base = pyproject.resolve().parent
        for key in table:
            if key not in DEFAULTS:
                problems.append(
                    problem_at(
                        display, text, key, f"unknown key `{key}` (known: {', '.join(DEFAULTS)})"
                    )
                )
    else:
        text = ""
    merged = {**DEFAULTS, **{k: v for k, v in table.items() if k in DEFAULTS}}
    from_cli = {k: v for k, v in overrides.items() if v is not None}
    merged.update(from_cli)

    def where(key: str) -> Path:
        return cwd if key in from_cli else base

    docs_value = merged["docs"]
    docs_list = [docs_value] if isinstance(docs_value, str) else docs_value
    parts = merged["docs_parts"]
    parts_list = (
        [p.strip() for p in parts.split(",") if p.strip()] if isinstance(parts, str) else parts
    )
    outputs = merged["outputs"]
    outputs_list = [o.strip() for o in outputs.split(",")] if isinstance(outputs, str) else outputs
    checks = [
        (
            isinstance(docs_list, list) and all(isinstance(d, str) for d in docs_list),
            "docs",
            "`docs` must be a folder or a list of folders",
        ),
        (isinstance(merged["out"], str), "out", "`out` must be a folder"),
        (
            isinstance(merged["package"], str) and bool(_PACKAGE.match(merged["package"])),
            "package",
            f"`package` must be a Python identifier, not {merged['package']!r}",
        ),
        (
            isinstance(outputs_list, list) and all(o in OUTPUT_GROUPS for o in outputs_list),
            "outputs",
            f"`outputs` must be a list of {', '.join(OUTPUT_GROUPS)}",
        ),
        (
            merged["dialect"] in DIALECT_CHOICES,
            "dialect",
            f"`dialect` must be one of {', '.join(DIALECT_CHOICES)}",
        ),
        (isinstance(merged["target"], str), "target", "`target` must be a name"),
        (
            merged["openapi"] is None or isinstance(merged["openapi"], str),
            "openapi",
            "`openapi` must be the path of an OpenAPI document (JSON or YAML)",
        ),
        (
            merged["wire_names"] in WIRE_NAME_POLICIES,
            "wire_names",
            f"`wire_names` must be one of {', '.join(WIRE_NAME_POLICIES)}",
        ),
        (
            isinstance(merged["wire_name_overrides"], dict)
            and all(
                isinstance(k, str) and "." in k and isinstance(v, str) and v
                for k, v in merged["wire_name_overrides"].items()
            ),
            "wire_name_overrides",
            '`wire_name_overrides` must map "Model.field" to a wire name',
        ),
        (
            isinstance(parts_list, list) and all(p in DOCS_PARTS for p in parts_list),
            "docs_parts",
            f"`docs_parts` must be a list of {', '.join(DOCS_PARTS)}",
        ),
        (isinstance(merged["strict"], bool), "strict", "`strict` must be true or false"),
        (
            merged["tests"] in TEST_KINDS,
            "tests",
            f"`tests` must be one of {', '.join(TEST_KINDS)}",
        ),
        (
            isinstance(merged["diff"], dict),
            "diff",
            "`diff` must be a table ([tool.docmodels.diff])",
        ),
    ]
    for ok, key, message in checks:
        if not ok:
            problems.append(problem_at(display, text, key, message))
    if problems:
        raise ConfigError(problems)
    templates = merged["templates"]
    config = Config(
        docs=tuple((where("docs") / d).resolve() for d in docs_list),
        out=(where("out") / merged["out"]).resolve(),
        package=merged["package"],
        outputs=tuple(o for o in OUTPUT_GROUPS if o in outputs_list),
        target=merged["target"],
        templates=(where("templates") / templates).resolve() if templates else None,
        dialect=merged["dialect"],
        source=pyproject,
        openapi=(where("openapi") / merged["openapi"]).resolve() if merged["openapi"] else None,
        wire_names=merged["wire_names"],
        wire_name_overrides=dict(merged["wire_name_overrides"]),
        docs_parts=tuple(p for p in DOCS_PARTS if p in parts_list),
        wire_names_set="wire_names" in table or "wire_names" in from_cli,
        strict=merged["strict"],
        diff=dict(merged["diff"]),
        tests=merged["tests"],
    )
    if check_paths:
        root = base if pyproject is not None else cwd
        from .config_paths import PathProblems

        found = PathProblems(display, text, from_cli, merged, root)
        found.check(config, check_paths)
        if found.problems:
            raise ConfigError(found.problems)
    return config


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def problem_at(display: str, text: str, key: str, message: str) -> Diagnostic:
    """A DM300 error at the line of `text` where `key` is set (line 1 when it is not)."""
    from .ir import Diagnostic, Span  # only on an error: a no-op run never loads the IR

    line = 1
    in_table = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("["):
            in_table = stripped == "[tool.docmodels]"
        elif in_table and re.match(rf"^{re.escape(key)}\s*=", stripped):
            line = number
            break
    return Diagnostic(Span(display, line), "error", "DM300", message)
