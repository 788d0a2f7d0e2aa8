"""Targets: a folder of Jinja templates and a manifest that says which files they render."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import jinja2

from generator.render.filters import FILTERS

Each = Literal["model", "namespace", "package"]
_EACH = ("model", "namespace", "package")
_FORMATS = ("black", "none")


class TargetError(Exception):
    """A target or template is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class OutputRule:
    group: str
    each: Each
    template: str
    path: str
    format: str


@dataclass(frozen=True)
class Target:
    name: str
    folders: tuple[Path, ...]
    outputs: tuple[OutputRule, ...]


def templates_root() -> Path:
    """The shipped templates: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


def load_target(name: str, root: Path | None = None) -> Target:
    root = root or templates_root()
    folder = root / name
    manifest_path = folder / "manifest.toml"
    if not manifest_path.is_file():
        known = sorted(p.name for p in root.iterdir() if (p / "manifest.toml").is_file())
        raise TargetError(f"unknown target `{name}` (known: {', '.join(known)})")
    try:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TargetError(f"{manifest_path}: {exc}") from exc
    folders = [folder] + [root / str(inc) for inc in manifest.get("includes", [])]
    rules = []
    for i, raw in enumerate(manifest.get("outputs", [])):
        rule = OutputRule(
            group=str(raw.get("group", "models")),
            each=raw.get("each", "model"),
            template=str(raw.get("template", "")),
            path=str(raw.get("path", "")),
            format=str(raw.get("format", "none")),
        )
        if rule.each not in _EACH or rule.format not in _FORMATS or not rule.template:
            raise TargetError(f"{manifest_path}: outputs[{i}] is malformed: {raw!r}")
        rules.append(rule)
    return Target(str(manifest.get("name", name)), tuple(folders), tuple(rules))


@cache
def environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def render_template(target: Target, template: str, context: dict[str, object]) -> str:
    env = environment(target.folders)
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TargetError(f"{exc.filename or template}:{exc.lineno}: {exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TargetError(f"{template}: {exc}") from exc
