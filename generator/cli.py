"""The `docmodels` command: gen, check and ir."""

from __future__ import annotations

import argparse
import gc
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import (
    DIALECT_CHOICES,
    OUTPUT_GROUPS,
    PATH_KEYS,
    WIRE_NAME_POLICIES,
    Config,
    ConfigError,
    load_config,
)
from .docfmt import commands as doc_commands
from .output_format import FORMATS, Format

if TYPE_CHECKING:
    from .cache_store import Store
    from .sync.fastpath import Ran

EXIT_OK, EXIT_DRIFT, EXIT_ERROR = 0, 1, 2

_DESCRIPTION = """\
Turn markdown model docs (a `# Name` heading and a `## Fields` / `## Values` / `## Supported Types`
section, as SDK generators such as Speakeasy write them) into typed Python models, docs and tests,
and keep them in sync.

Settings come from [tool.docmodels] in the nearest pyproject.toml; every option below overrides its key.
Exit codes: 0 success; 1 drift found by `check` (or files changed, with --exit-nonzero-on-change);
2 invalid input or a refused run (every problem is listed as path:line:col: error[CODE]: message,
and nothing is written); 3 an internal error (a docmodels bug: please report it)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docmodels",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"docmodels {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    gen = commands.add_parser(
        "gen",
        help="regenerate the output folder from the docs (writes only what changed)",
        description="Regenerate the output folder: write files whose bytes change, remove files "
        "docmodels wrote before that are no longer produced, never touch other files.",
    )
    check = commands.add_parser(
        "check",
        help="write nothing; exit 1 with a diff when the output folder has drifted from the docs",
        description="Compare the output folder with what the docs produce. Prints a unified diff for "
        "each changed file, lists missing and extra files, and exits 1 on drift.",
    )
    ir = commands.add_parser(
        "ir",
        help="print the intermediate representation and diagnostics as JSON",
        description="Print the IR (models, fields, enums, unions) and the diagnostics as JSON "
        "(format versioned by `ir_version`). Exits 2 when a doc has errors.",
    )
    for sub in (gen, check, ir):
        sub.add_argument(
            "paths",
            nargs="*",
            type=Path,
            metavar="PATH",
            help="doc folders or files to read (config key `docs`; default: specs)",
        )
        sub.add_argument(
            "--dialect",
            choices=DIALECT_CHOICES,
            help="the SDK dialect of the docs (config key `dialect`; default: auto, per page)",
        )
        sub.add_argument(
            "-v",
            "--verbose",
            action="store_true",
            help="also list info diagnostics: pages and rows left out on purpose, examples not read",
        )
        sub.add_argument(
            "--config",
            type=Path,
            metavar="FILE",
            help="the pyproject.toml to read (default: the nearest one)",
        )
        sub.add_argument(
            "--openapi",
            metavar="FILE",
            help="the API's OpenAPI document (JSON, or YAML with PyYAML): wire names, nullability, "
            "consts, defaults and formats come from its schemas (config key `openapi`)",
        )
        sub.add_argument(
            "--wire-names",
            choices=WIRE_NAME_POLICIES,
            help="how the API spells the docs' field names (config key `wire_names`; default: as-written)",
        )
        sub.add_argument(
            "--strict",
            action="store_true",
            default=None,
            help="fail on any warning (a field typed Any, a doc skipped): exit 2, nothing written "
            "(config key `strict`)",
        )
    for sub in (gen, check):
        sub.add_argument(
            "--out", metavar="DIR", help="the output folder (config key `out`; default: generated)"
        )
        sub.add_argument(
            "--package",
            metavar="NAME",
            help="the generated Python package (config key `package`; default: models)",
        )
        sub.add_argument(
            "--outputs",
            metavar="LIST",
            help=f"comma-separated outputs to produce: {', '.join(OUTPUT_GROUPS)} (config key `outputs`; default: all)",
        )
        sub.add_argument(
            "--target",
            metavar="NAME",
            help="the model style (config key `target`; default: dataclasses)",
        )
        sub.add_argument(
            "--templates",
            metavar="DIR",
            help="a folder of targets to use instead of the built-in ones (config key `templates`)",
        )
    check.add_argument(
        "--quiet", action="store_true", help="print no diffs, only the lists and the summary line"
    )
    gen.add_argument("--quiet", action="store_true", help="show no progress bar")
    gen.add_argument(
        "--watch",
        action="store_true",
        help="keep running: regenerate whenever a doc, pyproject.toml or a template changes (Ctrl-C stops)",
    )
    gen.add_argument(
        "--prune",
        action="store_true",
        help="remove the files docmodels wrote before even when this run reads other doc folders "
        "than the ones that made them, or removes more than half of them (refused otherwise)",
    )
    gen.add_argument(
        "--exit-nonzero-on-change",
        action="store_true",
        help="exit 1 when a file was written or removed (for pre-commit, which sees only changed tracked files)",
    )
    for sub in (gen, check):
        sub.add_argument(
            "--format",
            choices=FORMATS,
            default="text",
            help="text (default); json (a report for tools); github (workflow annotations on the doc lines)",
        )
    diff = commands.add_parser(
        "diff",
        help="classify what changed between two versions of the docs: breaking, warning, info",
        description="Compare two versions of the docs (--against REF: the docs at a git revision "
        "with the working tree; or OLD NEW: two folders or `docmodels ir` JSON files) on the wire "
        "and in the generated Python API. Exit codes: 0 nothing reaches --fail-on, 1 a change does, "
        "2 unreadable input. Rules and the JSON shape: docs/diff.md.",
    )
    diff.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="docs (with --against) or OLD NEW"
    )
    diff.add_argument("--dialect", choices=DIALECT_CHOICES, help="the SDK dialect of the docs")
    diff.add_argument("-v", "--verbose", action="store_true", help="also list info changes")
    diff.add_argument("--config", type=Path, metavar="FILE", help="the pyproject.toml to read")
    diff.add_argument("--openapi", metavar="FILE", help="the API's OpenAPI document (both sides)")
    diff.add_argument("--wire-names", choices=WIRE_NAME_POLICIES, help="as for gen")
    from .diff.arguments import add_arguments as add_diff_arguments

    add_diff_arguments(diff)
    doc_commands.add_parsers(commands)  # fmt, lint, new
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in doc_commands.COMMANDS:
        return doc_commands.run(args)
    try:
        config = load_config(_overrides(args), args.config, check_paths=_PATHS_USED[args.command])
    except ConfigError as exc:
        from .report import print_diagnostics

        print_diagnostics(exc.diagnostics, "text", sys.stderr)
        return EXIT_ERROR
    from .cache_store import Store

    # The one cache store of this run, handed to everything that keeps data between runs.
    store = Store.default()
    if args.command == "ir":
        return _ir(config, store, args.verbose)
    if args.command == "diff":
        from .diff.run import run as run_diff

        return run_diff(args, config, config.diff)
    if args.command == "gen" and args.watch:
        return _watch(args, store)
    # Lazy: a no-op run (the pre-commit hook's usual case) never imports black, Jinja or markdown-it.
    from . import progress
    from .sync import fastpath

    progress.configure(not args.quiet)
    command = repr(sorted((key, str(value)) for key, value in vars(args).items()))
    with _no_cycle_collection():
        if args.command == "gen":
            return fastpath.run(
                config,
                command,
                lambda: _gen(
                    config,
                    store,
                    args.format,
                    args.exit_nonzero_on_change,
                    args.verbose,
                    _Removing(args.prune, not args.paths),
                ),
                store,
            )
        return fastpath.run(
            config,
            command,
            lambda: fastpath.Ran(_check(config, store, args.quiet, args.format, args.verbose)),
            store,
        )


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """One run's objects form next to no reference cycles (about 1,000 after a cold run on 953 docs, all
    outputs), and the collector's passes over a heap that only grows cost about 8 % of a warm run."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: The path settings each command reads, checked before it runs.
# diff: its PATHs are the sides (folders or IR JSON files) and may be gone from the working tree.
_PATHS_USED = {
    "gen": PATH_KEYS,
    "check": PATH_KEYS,
    "ir": ("docs", "openapi"),
    "diff": ("openapi",),
}


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {
        "dialect": args.dialect,
        "openapi": args.openapi,
        "wire_names": args.wire_names,
        "strict": getattr(args, "strict", None),
    }
    if args.paths:
        values["docs"] = [str(p) for p in args.paths]
    for key in ("out", "package", "outputs", "target", "templates"):
        values[key] = getattr(args, key, None)
    return values


def _ir(config: Config, store: Store, verbose: bool = False) -> int:
    from .degradation import strictly
    from .ir_json import dumps
    from .openapi import apply_wire_facts
    from .reader import read_docs
    from .report import print_diagnostics

    spec, report = apply_wire_facts(
        read_docs(list(config.docs), config.dialect, store=store), config
    )
    if config.strict:
        spec = strictly(spec)
    sys.stdout.write(dumps(spec, report))
    print_diagnostics(spec.diagnostics, "text", sys.stderr, verbose)
    return EXIT_ERROR if spec.errors else EXIT_OK


def _label(config: Config) -> str:
    try:
        return config.out.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return config.out.as_posix()


def _watch(args: argparse.Namespace, store: Store) -> int:
    """Regenerate on every change; the configuration is read again each time, since it may change too."""
    from .report import print_diagnostics
    from .watch import watch

    def current() -> Config | None:
        try:
            return load_config(_overrides(args), args.config, check_paths=PATH_KEYS)
        except ConfigError as exc:
            print_diagnostics(exc.diagnostics, "text", sys.stderr)
            return None

    def watched() -> list[Path]:
        config = current()
        paths = list(config.docs) if config else []
        if config and config.templates:
            paths.append(config.templates)
        if config and config.source:
            paths.append(config.source)
        return paths

    def run() -> None:
        config = current()
        if config is not None:
            _gen(
                config,
                store,
                args.format,
                verbose=args.verbose,
                removing=_Removing(False, not args.paths),
            )
        sys.stdout.flush()

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # SIGTERM (process managers, CI) stops the watcher as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, stop)
    try:
        watch(watched, run)
    except KeyboardInterrupt:
        print("docmodels: stopped watching")
    return EXIT_OK


@dataclass(frozen=True)
class _Removing:
    """What a gen may remove: `prune` lifts the guards; `configured`: the run reads the configured docs."""

    prune: bool = False
    configured: bool = True


def _gen(
    config: Config,
    store: Store,
    fmt: Format,
    fail_on_change: bool = False,
    verbose: bool = False,
    removing: _Removing = _Removing(),
) -> Ran:
    from .ir import Diagnostic, Span
    from .pipeline import build
    from .reader import Stamps, changed_docs
    from .report import print_diagnostics
    from .sync.disk import OutputError, apply, compare
    from .sync.fastpath import Ran
    from .sync.guard import Removal, refusals
    from .sync.plan import read_doc_record, read_manifest

    stamps: Stamps = {}
    built = build(config, stamps, store)
    stream = sys.stdout if fmt != "text" else sys.stderr
    if built.plan is None:
        print_diagnostics(built.diagnostics, fmt, stream, verbose)
        return Ran(EXIT_ERROR)
    drift = compare(built.plan, config.out)
    blocked = [
        Diagnostic(
            Span(f"{_label(config)}/{p}", 1),
            "error",
            "DM401",
            "docmodels did not write this file; "
            "it will not overwrite it (move it out of the output folder, or delete it)",
        )
        for p in drift.blocked
    ]
    removal = Removal(
        _label(config),
        config.out,
        drift.stale,
        len(read_manifest(config.out)),
        read_doc_record(config.out),
        built.plan.docs,
        len(built.spec.models),
        removing.configured,
    )
    refused = [*blocked, *refusals(removal, removing.prune)]
    if refused:
        print_diagnostics([*built.diagnostics, *refused], fmt, stream, verbose)
        return Ran(EXIT_ERROR)
    print_diagnostics(built.diagnostics, fmt if fmt != "json" else "text", sys.stderr, verbose)
    # Faults (a doc replaced during the run, a read-only folder, a full disk, Ctrl-C) leave the old files intact.
    changed = changed_docs(list(config.docs), stamps)
    if changed:
        print_diagnostics(changed, fmt, stream, verbose)
        return Ran(EXIT_ERROR)
    try:
        applied = apply(built.plan, config.out, drift)
    except OutputError as exc:
        print_diagnostics([exc.diagnostic], fmt, stream, verbose)
        return Ran(EXIT_ERROR)
    for path in applied.kept:
        print(
            f"{_label(config)}/{path}: kept: edited since docmodels wrote it; delete it by hand",
            file=sys.stderr,
        )
    for path in drift.foreign:
        print(f"{_label(config)}/{path}: left alone: not written by docmodels", file=sys.stderr)
    from .degradation import Degradation

    print(
        f"docmodels: {applied.written} written, {applied.unchanged} unchanged, {applied.removed} removed "
        f"in {_label(config)}" + Degradation.of(built.spec).suffix(verbose)
    )
    wrote = bool(applied.written or applied.removed)
    return Ran(EXIT_DRIFT if fail_on_change and wrote else EXIT_OK, wrote)


def _check(config: Config, store: Store, quiet: bool, fmt: Format, verbose: bool = False) -> int:
    from .degradation import Degradation
    from .pipeline import build
    from .report import CheckResult, print_check, print_diagnostics
    from .sync.disk import compare
    from .sync.plan import read_fingerprints

    built = build(config, store=store)
    stream = sys.stdout if fmt != "text" else sys.stderr
    if built.plan is None:
        print_diagnostics(built.diagnostics, fmt, stream, verbose)
        return EXIT_ERROR
    print_diagnostics(built.diagnostics, fmt if fmt != "json" else "text", sys.stderr, verbose)
    drift = compare(built.plan, config.out)
    result = CheckResult(
        _label(config),
        config.out,
        built.plan,
        drift,
        read_fingerprints(config.out),
        Degradation.of(built.spec),
        verbose,
    )
    print_check(result, fmt, sys.stdout, quiet)
    return EXIT_OK if result.drift.in_sync else EXIT_DRIFT
