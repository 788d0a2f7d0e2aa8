"""The `docmodels diff` command line: its options and their choices.

Kept apart from the command itself, which imports the reader, the IR and the rules: every docmodels command
builds the whole parser, so what it imports here every run pays for.
"""

from __future__ import annotations

import argparse

FORMATS = ("text", "json", "markdown", "github")
FAIL_ON = ("breaking", "warning", "never")
SURFACES = ("wire", "python")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--against",
        metavar="REF",
        help="compare the docs as they are at this git revision (read from git's objects) with the "
        "working tree; PATHs are then the docs (config key `docs`)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default); json (stable, for tools and release scripts); markdown (a pull-request "
        "comment); github (workflow annotations on the doc lines)",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help="exit 1 when a change of this severity or worse is found (config key `diff.fail_on`; "
        "default: breaking)",
    )
    parser.add_argument(
        "--surface",
        choices=SURFACES,
        action="append",
        help="report only this surface: wire (what the API sends and reads) or python (the generated "
        "package's classes and attributes); repeat for both (config key `diff.surfaces`; default: both)",
    )
    parser.add_argument(
        "--old-openapi",
        metavar="FILE",
        help="the OpenAPI document of the old side, when it differs from --openapi",
    )
