"""`docmodels diff`: load both sides, compare, report, and decide the exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..ir import Diagnostic, Span
from .arguments import SURFACES
from .report import Report, write
from .settings import DiffSettings, SettingsError, settings_from

if TYPE_CHECKING:
    from .python_api import PythonApi
    from .sources import Loaded

EXIT_OK, EXIT_FOUND, EXIT_UNREADABLE = 0, 1, 2


def run(args: argparse.Namespace, config: Config, table: Any) -> int:
    from .errors import Unreadable

    stream = sys.stdout
    try:
        settings = settings_from(table)
    except SettingsError as exc:
        where = config.source.name if config.source else "pyproject.toml"
        problem = Diagnostic(Span(where, 1), "error", "DM804", str(exc))
        _print([problem], verbose=True)
        return EXIT_UNREADABLE
    if args.fail_on:
        settings = replace(settings, fail_on=args.fail_on)
    if args.surface:
        settings = replace(settings, surfaces=tuple(s for s in SURFACES if s in args.surface))
    try:
        report = _compare(args, config, settings)
    except Unreadable as exc:
        _print([exc.diagnostic], verbose=True)
        return EXIT_UNREADABLE
    _print(report.diagnostics, args.verbose)
    write(report, args.format, stream, args.verbose)
    if report.new_errors:
        print(
            f"docmodels diff: {len(report.new_errors)} doc error(s) on one side only: a doc that cannot "
            "be read is missing from that side, so its comparison cannot be trusted",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    return EXIT_FOUND if report.reaches(settings.fail_on) else EXIT_OK


def _print(diagnostics: Sequence[Diagnostic], verbose: bool) -> None:
    """The docs' problems on stderr (info only when verbose); nothing is ever written by diff."""
    for diagnostic in diagnostics:
        if verbose or diagnostic.severity != "info":
            print(diagnostic.render(), file=sys.stderr)


def _compare(args: argparse.Namespace, config: Config, settings: DiffSettings) -> Report:
    from .errors import problem
    from .gitref import unchanged_since

    new_openapi = config.openapi
    old_openapi = Path(args.old_openapi).resolve() if args.old_openapi else new_openapi
    if args.against is not None:
        paths = list(config.docs)
        if old_openapi == new_openapi and unchanged_since(args.against, paths):
            return Report(args.against, "the working tree", ())
        from .sources import load_folders, load_ref

        old = load_ref(args.against, paths, config, old_openapi)
        new = load_folders(paths, config, new_openapi)
        labels = (args.against, "the working tree")
    else:
        if len(args.paths) != 2:
            raise problem(
                "DM805",
                "docmodels",
                "give two sides (docmodels diff OLD NEW: folders or `docmodels ir` JSON files) "
                "or --against REF",
            )
        from .sources import load_path

        old_path, new_path = (Path(p) for p in args.paths)
        for path in (old_path, new_path):
            if not path.exists():
                raise problem("DM802", path.as_posix(), "no such folder or file")
        old = load_path(old_path, config, old_openapi)
        new = load_path(new_path, config, new_openapi)
        labels = (old_path.as_posix(), new_path.as_posix())
    return _report(labels, old, new, config, settings, args.verbose)


def _report(
    labels: tuple[str, str],
    old: Loaded,
    new: Loaded,
    config: Config,
    settings: DiffSettings,
    verbose: bool = False,
) -> Report:
    from .compare import compare

    python = _python_api(config) if "python" in settings.surfaces else None
    changes = [settings.apply(c) for c in compare(old.side, new.side, python)]
    kept = tuple(c for c in changes if c.surface in settings.surfaces)
    both = set(old.diagnostics) & set(new.diagnostics)
    # What both sides report is the docs' own business (`docmodels ir`, `lint`); -v lists it too.
    shown = sorted(set(old.diagnostics) ^ set(new.diagnostics))
    new_errors = tuple(d for d in shown if d.severity == "error")
    kept_both = tuple(sorted(both)) if verbose else ()
    return Report(labels[0], labels[1], kept, (*shown, *kept_both), new_errors)


def _python_api(config: Config) -> PythonApi | None:
    from ..render.planner import fixed_module_paths
    from ..render.python_view import PyStyle
    from ..render.targets import TargetError, load_target
    from .python_api import PythonApi

    try:
        target = load_target(config.target, config.templates)
        style = PyStyle.from_options(target.python)
    except (TargetError, ValueError):
        return None
    taken = tuple(fixed_module_paths(target.outputs, config.package))
    return PythonApi(style, config.package, taken)
