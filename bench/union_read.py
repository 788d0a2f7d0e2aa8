"""Reading union payloads per Python target (issue 21): a tagged union's dispatch against trying its members.

Generates tests/fixtures/unions (models only) in each reading target, then times, in one run and on the same
payloads, per target:
  - tagged: `runtime.read(Shape, payload)`: the union rule reads the tag (`kind`) and only the member it names;
  - every member: the same members as a union without tag (the rule reads each member and keeps the best);
  - first that reads: each member in order until one reads (what the runtimes did before the union rule);
  - untagged: `runtime.read(RunStream, payload)`, a union whose members differ only below `data`.
Each figure is the median over --repeat rounds of microseconds per payload; ratios are to the tagged figure of
the same target. Nothing is asserted: speed is compared as ratios measured in one run.

Run on its own: `.venv/bin/python bench/union_read.py` (`make bench` calls it from run.py).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from measure import generate_package  # noqa: E402
from stats import calls_for, median, per_call  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "unions"
TARGETS = ("dataclasses", "attrs", "pydantic", "msgspec")
TAGGED = [{"kind": "circle", "radius": 1.5}, {"kind": "square", "side": 2}]
UNTAGGED = [
    {"event": "log_update", "data": {"logs": "loading model", "timestamp": 1700000000}},
    {"event": "event_update", "data": {"event": "started", "data": "x"}},
]
#: The columns of the report, in order.
COLUMNS = ("tagged", "every member", "first that reads", "untagged")


def generate(target: str, work: Path) -> tuple[str, Path]:
    """The fixtures generated as package `union_bench_<target>` in a folder of its own below `work`:
    the package's name and the folder to import it from."""
    package = f"union_bench_{target}"
    folder = work / target / "out"
    generate_package(FIXTURES, folder, package, target)
    return package, folder


def readers(target: str, package: str) -> dict[str, tuple[Callable[[Any], Any], list[Any]]]:
    """Each column's reading function for one target, with the payloads it reads."""
    runtime = importlib.import_module(f"{package}.runtime")
    private = importlib.import_module(f"{package}._runtime")
    models = importlib.import_module(package)
    shape, run_stream = models.Shape, models.RunStream
    members = _members(shape)
    if target == "msgspec":
        namespace = {m.__name__: m for m in members}
        every = private.untagged("ShapeAnyMember", " | ".join(namespace), namespace)
    elif target == "pydantic":
        every = typing.Annotated[typing.Union[tuple(members)], private.Choice()]  # noqa: UP007
    else:
        every = typing.Union[tuple(members)]  # noqa: UP007

    def first_that_reads(payload: Any) -> Any:
        for member in members:
            try:
                return runtime.read(member, payload)
            except runtime.ValidationError:
                continue
        raise ValueError(payload)

    return {
        "tagged": (lambda p: runtime.read(shape, p), TAGGED),
        "every member": (lambda p: runtime.read(every, p), TAGGED),
        "first that reads": (first_that_reads, TAGGED),
        "untagged": (lambda p: runtime.read(run_stream, p), UNTAGGED),
    }


def _members(union: Any) -> list[Any]:
    """A generated union's member classes (msgspec: its runtime class resolves them)."""
    if hasattr(union, "members"):
        union.members()
        return list(union.__union_candidates__)
    args = typing.get_args(union)
    if typing.get_origin(union) is typing.Annotated:
        args = typing.get_args(args[0])
    return [a for a in args if a is not type(None)]


def per_payload_us(read: Callable[[Any], Any], payloads: list[Any], rounds: int) -> float:
    """Median microseconds to read one payload, over `rounds` rounds of about 20 ms each."""

    def all_payloads() -> None:
        for payload in payloads:
            read(payload)

    all_payloads()  # warm: caches, schemas
    number = calls_for(per_call(all_payloads, 1), 0.02)
    return median([per_call(all_payloads, number) for _ in range(rounds)]) / len(payloads) * 1e6


def bench_unions(work: Path, rounds: int, targets: tuple[str, ...] = TARGETS) -> dict[str, Any]:
    """Microseconds per payload for each target and column, generated below `work`."""
    results: dict[str, Any] = {"rounds": rounds, "targets": {}}
    for target in targets:
        package, folder = generate(target, work)
        sys.path.insert(0, str(folder))
        try:
            columns = readers(target, package)
            results["targets"][target] = {
                name: round(per_payload_us(read, payloads, rounds), 2)
                for name, (read, payloads) in columns.items()
            }
        finally:
            sys.path.remove(str(folder))
    return results


def report_lines(results: dict[str, Any]) -> list[str]:
    """The table of results: microseconds per payload, and each column's ratio to the tagged read."""
    lines = [
        f"union reading (tests/fixtures/unions; us per payload, median of {results['rounds']} rounds; "
        "x = ratio to tagged):",
        "| target | " + " | ".join(COLUMNS) + " |",
        "| --- |" + " --- |" * len(COLUMNS),
    ]
    for target, figures in results["targets"].items():
        tagged = figures["tagged"]
        cells = [f"{figures[c]:.1f} ({figures[c] / tagged:.2f}x)" for c in COLUMNS]
        lines.append(f"| {target} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7, help="rounds per figure (default 7)")
    parser.add_argument("--target", action="append", choices=TARGETS, help="only these targets")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="docmodels-union-bench-") as folder:
        results = bench_unions(Path(folder), args.repeat, tuple(args.target or TARGETS))
    print("\n".join(report_lines(results)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
