"""Targets: a folder of Jinja templates and a manifest that says which files they render.

A target is found by name in the user's template folder (`--templates`) and in the built-in one, in that
order. A user folder named like a built-in target without a manifest overrides single templates of it; with a
manifest it defines the target (and may `extends` a built-in one). Templates are looked up in the target's
folders, then in those of the target it extends, then in its `includes`.
"""

from __future__ import annotations

import string
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import jinja2

from ..config import DOCS_PARTS
from .case_filters import CASE_FILTERS
from .filters import FILTERS

Each = Literal["model", "namespace", "package"]
_EACH = ("model", "namespace", "package")
_FORMATS = ("black", "formatter", "none")
#: The prefix of a template name that reaches a built-in target's template from a user template:
#: `{% extends "builtin:pydantic/_runtime.py.j2" %}` (the folders of the built-in `pydantic`, then its base's).
BUILTIN_PREFIX = "builtin:"
_MANIFEST_KEYS = frozenset(
    {
        "name",
        "description",
        "extends",
        "includes",
        "abstract",
        "outputs",
        "python",
        "views",
        # Obsolete: every Python file is laid out as black would (render/line_layout.py). Accepted and
        # ignored, so that older manifests keep working.
        "black_style",
        "formatter",
    }
)
VIEWS = ("jsonschema",)
_OUTPUT_KEYS = frozenset({"group", "each", "template", "path", "format", "part"})


class TargetError(Exception):
    """A target or template is missing or malformed; the message names the file (and line).

    `where`, when known, is the (file, line) the problem is at: the diagnostic points there."""

    def __init__(self, message: str, where: tuple[str, int] | None = None) -> None:
        super().__init__(message)
        self.where = where


#: The placeholders an output path may name, per `each`.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "model": frozenset({"package", "module_path", "test_name"}),
    "namespace": frozenset({"package", "namespace_path"}),
    "package": frozenset({"package"}),
}


@dataclass(frozen=True)
class OutputRule:
    group: str
    each: Each
    template: str
    path: str
    format: str
    #: A part of the docs that `docs_parts` can switch off ("" for a file always written with its group).
    part: str = ""


@dataclass(frozen=True)
class Target:
    name: str
    folders: tuple[Path, ...]
    outputs: tuple[OutputRule, ...] = ()
    #: The `[python]` table: options of the Python view (reserved names, type spellings, enum style).
    python: Mapping[str, Any] = field(default_factory=dict)
    #: Extra views the templates receive: "jsonschema" adds `schema` (per model) and `bundle`.
    views: tuple[str, ...] = ()
    #: The command (argv, the files' paths appended) run once on the files of outputs with `format = "formatter"`.
    formatter: tuple[str, ...] = ()
    #: The manifest file and line that name `formatter` (where its failure is reported).
    formatter_source: tuple[str, int] | None = None
    #: `black_style` of the nearest manifest that sets it: true vouches that the user's own templates print
    #: black's style, so their files skip black where every line fits, as the shipped templates' do.
    black_style: bool = False


def templates_root() -> Path:
    """The shipped templates: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


def known_targets(user_root: Path | None = None) -> list[str]:
    """Every target that can be selected: built-in and user-defined, abstract bases left out."""
    names: set[str] = set()
    for root in _roots(user_root):
        for manifest in root.glob("*/manifest.toml"):
            if not _read_manifest(manifest).get("abstract", False):
                names.add(manifest.parent.name)
    return sorted(names)


def load_target(name: str, user_root: Path | None = None) -> Target:
    return _resolve(name, user_root, ())


def _roots(user_root: Path | None) -> list[Path]:
    return [r for r in (user_root, templates_root()) if r is not None and r.is_dir()]


def _resolve(name: str, user_root: Path | None, chain: tuple[str, ...]) -> Target:
    """The target `name` with what it inherits from the target it extends (`chain`: who extends it)."""
    if name in chain:
        raise TargetError(f"targets extend each other in a cycle: {' -> '.join((*chain, name))}")
    own = [root / name for root in _roots(user_root) if (root / name).is_dir()]
    manifests = [folder / "manifest.toml" for folder in own if (folder / "manifest.toml").is_file()]
    if not manifests:
        known = ", ".join(known_targets(user_root))
        raise TargetError(f"unknown target `{name}` (known: {known})")
    manifest_path = manifests[0]
    manifest = _read_manifest(manifest_path)
    base_name = manifest.get("extends")
    base = (
        Target(name, ())
        if base_name is None
        else _resolve(str(base_name), user_root, (*chain, name))
    )
    folders = [*own, *base.folders]
    included = [
        root / str(include)
        for include in manifest.get("includes", [])
        for root in _roots(user_root)
    ]
    folders += included
    outputs = list(base.outputs)
    for rule in _rules(manifest_path, manifest):
        outputs = [r for r in outputs if r.path != rule.path] + [rule]
    formatter = _formatter(manifest_path, manifest) or base.formatter
    formatter_source = (
        (manifest_path.as_posix(), _line_of(manifest_path, "formatter", "="))
        if "formatter" in manifest
        else base.formatter_source
    )
    if not formatter and any(r.format == "formatter" for r in outputs):
        raise TargetError(
            f'{manifest_path}: an output says format = "formatter" but the target names no `formatter`'
        )
    black_style = manifest.get("black_style", base.black_style)
    if not isinstance(black_style, bool):
        raise TargetError(f"{manifest_path}: `black_style` must be true or false")
    views = tuple(str(v) for v in manifest.get("views", []))
    unknown = sorted(set(views) - set(VIEWS))
    if unknown:
        raise TargetError(
            f"target `{name}`: unknown view `{unknown[0]}` (known: {', '.join(VIEWS)})"
        )
    return Target(
        name,
        tuple(dict.fromkeys(folders)),
        tuple(outputs),
        _merged_options(base.python, manifest.get("python", {})),
        tuple(dict.fromkeys((*base.views, *views))),
        formatter,
        formatter_source,
        black_style,
    )


def _formatter(path: Path, manifest: Mapping[str, Any]) -> tuple[str, ...]:
    """The manifest's `formatter`: a list of strings, the program first (never a shell line); a program
    named by a relative path with a `/` is found from the manifest's folder, any other on PATH."""
    raw = manifest.get("formatter", [])
    if not isinstance(raw, list) or not all(isinstance(a, str) and a for a in raw):
        raise TargetError(
            f'{path}: `formatter` must be a list of strings, the program first (["gofmt", "-w"])'
        )
    program, *arguments = raw or [""]
    if not program:
        return ()
    if "/" in program and not Path(program).is_absolute():  # a script beside the manifest
        program = str((path.parent / program).resolve())
    return (program, *arguments)


@cache
def _read_manifest_cached(path: Path, mtime_ns: int) -> dict[str, Any]:
    try:
        manifest = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TargetError(f"{path}: {exc}") from exc
    unknown = sorted(set(manifest) - _MANIFEST_KEYS)
    if unknown:
        raise TargetError(
            f"{path}: unknown key `{unknown[0]}` (known: {', '.join(sorted(_MANIFEST_KEYS))})"
        )
    return manifest


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise TargetError(f"{path}: {exc}") from exc
    return _read_manifest_cached(path, mtime)


def _rules(path: Path, manifest: Mapping[str, Any]) -> list[OutputRule]:
    rules = []
    for i, raw in enumerate(manifest.get("outputs", [])):
        if not isinstance(raw, dict) or set(raw) - _OUTPUT_KEYS:
            raise TargetError(f"{path}: outputs[{i}] is malformed: {raw!r}")
        rule = OutputRule(
            group=str(raw.get("group", "models")),
            each=raw.get("each", "model"),
            template=str(raw.get("template", "")),
            path=str(raw.get("path", "")),
            format=str(raw.get("format", "none")),
            part=str(raw.get("part", "")),
        )
        if (
            rule.each not in _EACH
            or rule.format not in _FORMATS
            or not rule.template
            or rule.part not in ("", *DOCS_PARTS)
        ):
            raise TargetError(f"{path}: outputs[{i}] is malformed: {raw!r}")
        _check_placeholders(path, i, rule)
        rules.append(rule)
    return rules


def _check_placeholders(manifest: Path, index: int, rule: OutputRule) -> None:
    """An output path names only the placeholders its `each` provides, each as a bare `{name}`."""
    known = PLACEHOLDERS[rule.each]
    try:
        fields = [
            (name, conversion, spec)
            for _, name, spec, conversion in string.Formatter().parse(rule.path)
            if name is not None
        ]
    except ValueError as exc:
        problem = f"is not a valid path pattern ({exc}; write a brace as `{{{{` or `}}}}`)"
    else:
        bad = next((n for n, c, s in fields if n not in known or c or s), None)
        if bad is None:
            return
        problem = f"names the unknown placeholder `{{{bad}}}`"
    line = _line_of(manifest, "path", rule.path)
    raise TargetError(
        f"{manifest}:{line}: outputs[{index}] path `{rule.path}` {problem} "
        f'(each = "{rule.each}" knows {", ".join(f"{{{k}}}" for k in sorted(known))})',
        (manifest.as_posix(), line),
    )


def _line_of(manifest: Path, key: str, value: str) -> int:
    """The first line of the manifest that names `key` and `value` (1 when it cannot be found)."""
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for number, line in enumerate(lines, start=1):
        if key in line and value in line:
            return number
    return 1


def _merged_options(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """A style's options over its base's: tables merge, lists extend, other values replace."""
    merged = dict(base)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        elif isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = list(dict.fromkeys([*merged[key], *value]))
        else:
            merged[key] = value
    return merged


@cache
def environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    """One Jinja environment per set of template folders and process: each template is compiled the first
    time it is used, and only then. Compiled templates are never read from or written to the cache folder
    (Jinja's bytecode is code: a cache folder shared between CI jobs holds data only)."""
    env = jinja2.Environment(
        loader=TargetLoader(folders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    env.filters.update(CASE_FILTERS)
    return env


class TargetLoader(jinja2.BaseLoader):
    """A target's templates by name in its folders, first found wins; `builtin:<target>/<name>` is the
    template `<name>` of the built-in target `<target>` (its folders, then its base's), never a user's
    copy: a user template of the same name can `{% extends %}` it and override single blocks."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self.folders = jinja2.FileSystemLoader([str(f) for f in folders])

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if not template.startswith(BUILTIN_PREFIX):
            return self.folders.get_source(environment, template)
        target, _, name = template[len(BUILTIN_PREFIX) :].partition("/")
        try:
            folders = _resolve(target, None, ()).folders
        except TargetError as exc:
            raise jinja2.TemplateNotFound(template, f"{template}: {exc}") from exc
        try:
            return _builtin_loader(folders).get_source(environment, name)
        except jinja2.TemplateNotFound as exc:
            raise jinja2.TemplateNotFound(template) from exc


@cache
def _builtin_loader(folders: tuple[Path, ...]) -> jinja2.FileSystemLoader:
    return jinja2.FileSystemLoader([str(f) for f in folders])


def shipped(filename: str | None) -> bool:
    """Whether a template file is one of the shipped templates (not a user's)."""
    return filename is not None and Path(filename).resolve().is_relative_to(_shipped_root())


@cache
def _shipped_root() -> Path:
    return templates_root().resolve()


def render_template(target: Target, template: str, context: dict[str, object]) -> str:
    env = environment(target.folders)
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = (exc.filename or exc.name or template, exc.lineno)
        raise TargetError(f"{where[0]}:{where[1]}: {exc.message}", where) from exc
    except jinja2.TemplateNotFound as exc:  # at the line that names it, if a template does
        folders = ", ".join(str(f) for f in target.folders)
        raise _at_template_line(f"template `{exc.name}` not found in {folders}", None) from exc
    except RecursionError as exc:  # most often a user template that extends itself by its own name
        raise _at_template_line(
            "a template extends, includes or calls itself without end (to extend the built-in template "
            f'of the same name, write {{% extends "{BUILTIN_PREFIX}<target>/{template}" %}})',
            template,
        ) from exc
    except Exception as exc:  # an error raised while a template runs
        raise _at_template_line(f"{type(exc).__name__}: {exc}", template) from exc


def _at_template_line(message: str, otherwise: str | None) -> TargetError:
    """The error being handled as a TargetError at its innermost template line, else at `otherwise`."""
    found = _template_line(sys.exc_info()[2])
    if found is not None:
        return TargetError(f"{found[0]}:{found[1]}: {message}", found)
    return TargetError(f"{otherwise}: {message}" if otherwise else message)


def _template_line(tb: TracebackType | None) -> tuple[str, int] | None:
    """The file and line of the innermost template frame of a traceback (Jinja maps frames to templates)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
