"""The doc-maintenance subcommands (`fmt`, `lint`, `new`): their parsers and how they run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..config import DIALECT_CHOICES, ConfigError, load_config

COMMANDS = ("fmt", "lint", "new")
EXIT_ERROR = 2


def add_parsers(commands: Any) -> None:
    """Add `fmt`, `lint` and `new` to the `docmodels` subcommands."""
    fmt = commands.add_parser(
        "fmt",
        help="rewrite model docs in one canonical layout (--check: exit 1 with a diff instead)",
        description="Rewrite docs into the canonical layout: section order, column order, padded "
        "tables, required markers, blank lines, one final newline. What the docs mean (their IR) "
        "never changes. Exit 0 done, 1 with --check when a doc is not formatted, 2 on unreadable docs.",
    )
    fmt.add_argument("--check", action="store_true", help="write nothing; print a diff, exit 1")
    lint = commands.add_parser(
        "lint",
        help="report problems in the docs without generating (--strict: warnings fail)",
        description="Report links to nothing, unused enums and unions, fields without descriptions, "
        "deprecations without a message, names Python must escape, docs only partly understood, and "
        "every reader error. Exit 0 clean (or warnings only), 1 warnings with --strict, 2 errors.",
    )
    lint.add_argument("--strict", action="store_true", help="exit 1 when there is any warning")
    lint.add_argument(
        "--dialect", choices=DIALECT_CHOICES, help="the SDK dialect of the docs (default: auto)"
    )
    for sub in (fmt, lint):
        sub.add_argument(
            "paths",
            nargs="*",
            type=Path,
            metavar="PATH",
            help="doc folders or files (config key `docs`; default: specs)",
        )
    new = commands.add_parser(
        "new",
        help="write a new model doc in the plain form (never overwrites)",
        description="Scaffold `<DIR>/<name>.md` with a Fields table in canonical layout. "
        "Exit 2 (and nothing written) when the name or a field is invalid or the file exists.",
    )
    new.add_argument("name", metavar="NAME", help="the model's name (the doc's title)")
    new.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME:TYPE[:required]",
        help="a field, for example `id:string:required` or `tags:list[string]` (repeatable)",
    )
    new.add_argument("--description", default="", help="the model's description")
    new.add_argument(
        "--out",
        dest="new_out",
        type=Path,
        metavar="DIR",
        help="the folder to write to (default: the first docs folder of the configuration)",
    )
    for sub in (fmt, lint, new):
        sub.add_argument("--config", type=Path, metavar="FILE", help="the pyproject.toml to read")


def run(args: argparse.Namespace) -> int:
    from ..lint import run_lint
    from ..report import print_diagnostics
    from ..scaffold import run_new
    from .run import run_fmt

    overrides: dict[str, Any] = {"dialect": getattr(args, "dialect", None)}
    if getattr(args, "paths", None):
        overrides["docs"] = [str(p) for p in args.paths]
    try:
        # fmt and lint read the docs: a missing or empty docs path fails before anything runs (DM303),
        # as it does for gen, check and ir; `new` writes a doc and may start an empty folder.
        checked = ("docs",) if args.command in ("fmt", "lint") else ()
        config = load_config(overrides, args.config, check_paths=checked)
    except ConfigError as exc:
        print_diagnostics(exc.diagnostics, "text", sys.stderr)
        return EXIT_ERROR
    docs = list(config.docs)
    if args.command == "fmt":
        return run_fmt(docs, args.check, sys.stdout, sys.stderr)
    if args.command == "lint":
        return run_lint(docs, config.dialect, args.strict, sys.stdout)
    folder = args.new_out or next((d for d in docs if d.suffix != ".md"), Path("specs"))
    return run_new(args.name, args.field, args.description, folder, sys.stdout, sys.stderr)
