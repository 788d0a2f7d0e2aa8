"""Settings: `[tool.docmodels]` in pyproject.toml, each key overridable on the command line."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.ir import Diagnostic

OUTPUT_GROUPS = ("models", "docs", "tests")
DIALECT_CHOICES = (
    "auto",
    "typescript",
    "python",
    "go",
    "php",
    "java",
    "csharp",
    "ruby",
    "unity",
    "plain",
)
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
        display = _display(pyproject, cwd)
        try:
            text = pyproject.read_text(encoding="utf-8")
            table = tomllib.loads(text).get("tool", {}).get("docmodels", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError([_problem(display, "", "", str(exc))]) from exc
        base = pyproject.resolve().parent
        for key in table:
            if key not in DEFAULTS:
                problems.append(
                    _problem(
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
    ]
    for ok, key, message in checks:
        if not ok:
            problems.append(_problem(display, text, key, message))
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
    )
    if check_paths:
        root = base if pyproject is not None else cwd
        found = _PathProblems(display, text, from_cli, merged, root)
        found.check(config, check_paths)
        if found.problems:
            raise ConfigError(found.problems)
    return config


class _PathProblems:
    """What is wrong with the paths of a configuration: each problem names the path, where it was set (the
    command line, or its line in pyproject.toml) and what is wrong with it."""

    def __init__(
        self,
        display: str,
        text: str,
        from_cli: Collection[str],
        merged: Mapping[str, Any],
        root: Path,
    ) -> None:
        self.display, self.text, self.from_cli, self.merged = display, text, from_cli, merged
        self.root = root.resolve()
        self.problems: list[Diagnostic] = []

    def add(self, key: str, code: str, value: str, message: str) -> None:
        from generator.ir import Diagnostic, Span

        if key in self.from_cli:
            option = "docs path" if key == "docs" else f"--{key}"
            where = Span(value or f"--{key}", 1)
            self.problems.append(Diagnostic(where, "error", code, f"{option} `{value}` {message}"))
        else:
            found = _problem(self.display, self.text, key, "")
            self.problems.append(
                Diagnostic(found.span, "error", code, f"`{key}` path `{value}` {message}")
            )

    def check(self, config: Config, keys: Collection[str]) -> None:
        docs_value = self.merged["docs"]
        typed = [docs_value] if isinstance(docs_value, str) else list(docs_value)
        if "docs" in keys:
            if not typed:
                self.add("docs", "DM303", "", "names no doc folder")
            for value, path in zip(typed, config.docs, strict=True):
                self._doc_path(value, path)
        if "out" in keys:
            self._out(str(self.merged["out"]), config)
        if "templates" in keys and config.templates is not None:
            value = str(self.merged["templates"])
            if not config.templates.exists():
                self.add("templates", "DM305", value, "does not exist")
            elif not config.templates.is_dir():
                self.add("templates", "DM305", value, "is a file, not a folder")
        if "openapi" in keys and config.openapi is not None:
            value = str(self.merged["openapi"])
            if not config.openapi.exists():
                self.add("openapi", "DM306", value, "does not exist")
            elif config.openapi.is_dir():
                self.add("openapi", "DM306", value, "is a folder, not a file")

    def _doc_path(self, value: str, path: Path) -> None:
        if not value.strip():
            self.add("docs", "DM303", value, "is empty: name a folder of markdown docs")
        elif not path.exists():
            self.add("docs", "DM303", value, "does not exist")
        elif path.is_dir():
            if not _holds_markdown(path):
                self.add("docs", "DM303", value, "holds no markdown docs (*.md)")
        elif path.suffix.lower() != ".md":
            self.add("docs", "DM303", value, "is not a markdown doc (*.md) or a folder of them")

    def _out(self, value: str, config: Config) -> None:
        out = config.out
        problem: str | None
        if not value.strip():
            problem = "is empty: name the output folder, such as `generated`"
        elif out.exists() and not out.is_dir():
            problem = "is a file, not a folder"
        elif out == self.root:
            problem = "is the project folder itself: name a folder inside it, such as `generated`"
        elif self.root.is_relative_to(out):
            problem = (
                f"is a folder above the project ({self.root.as_posix()}): name a folder inside it"
            )
        else:
            problem = _overlap(out, config.docs, "docs") or (
                _overlap(out, (config.templates,), "templates") if config.templates else None
            )
        if problem:
            self.add("out", "DM304", value, problem)


def _overlap(out: Path, folders: Collection[Path], what: str) -> str | None:
    """What is wrong when the output folder is, is inside, or holds one of `folders`."""
    for folder in folders:
        shown = _display(folder, Path.cwd().resolve())
        if out == folder:
            return f"is the {what} folder: gen would mix generated files with it"
        if out.is_relative_to(folder):
            return f"is inside the {what} folder {shown}: name a folder outside it"
        if folder.is_relative_to(out):
            return f"holds the {what} folder {shown}: name a folder that does not contain it"
    return None


def _holds_markdown(folder: Path) -> bool:
    """Whether any markdown file is below `folder` (hidden folders left out); stops at the first."""
    for _, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(name.lower().endswith(".md") for name in files):
            return True
    return False


def _display(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _problem(display: str, text: str, key: str, message: str) -> Diagnostic:
    """A DM300 error at the line of `text` where `key` is set (line 1 when it is not)."""
    from generator.ir import Diagnostic, Span  # only on an error: a no-op run never loads the IR

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
