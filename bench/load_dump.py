"""Load and dump time of the generated models per target (issue 26 part 3), on the same payloads.

Generates one SDK's docs (default: the Clerk PHP docs) for every Python target that validates (dataclasses,
attrs, pydantic, msgspec; TypedDict holds JSON as it is and reads nothing, so it is not measured), takes the
payloads of the generated tests (each model's `EXAMPLE`, read with `ast.literal_eval`: data, never code), and
times, in one process and interleaved payload by payload so that load on the machine hits every target alike,
`runtime.read(Model, payload)` (load) and `runtime.write(model)` (dump): the public API of every target.
Prints, per target, the median time per payload and the median ratio to pydantic over the payloads.

Run on its own: `.venv/bin/python bench/load_dump.py` (`make bench` calls it from run.py).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from measure import generate_package  # noqa: E402
from stats import calls_for, median, per_call  # noqa: E402

CLERK = ROOT.parent / "shared" / "corpus" / "php" / "clerk__clerk-sdk-php"
#: The targets measured, the reference (pydantic) among them.
TARGETS = ("dataclasses", "attrs", "pydantic", "msgspec")
REFERENCE = "pydantic"
#: Issue 26's goals: each target's time at most this many times pydantic's.
GOALS = {"dataclasses": 1.0, "attrs": 1.5}


@dataclass(frozen=True)
class Payload:
    """One generated test's example: the module and class it reads as, and the wire data."""

    module: str  # below the package: `php.components.user`
    name: str
    data: dict[str, Any]

    def size(self) -> int:
        return len(json.dumps(self.data))


def package_name(target: str) -> str:
    return f"bench_{target}"


def payloads_of_test(source: str, package: str) -> list[Payload]:
    """The payload of one generated test module: its `EXAMPLE` and the model it imports from the package."""
    tree = ast.parse(source)
    example: Any = None
    imported: tuple[str, str] | None = None
    tested = _tested_class(ast.get_docstring(tree) or "")
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(package + "."):
            for alias in node.names:
                if alias.name == tested:
                    imported = (node.module[len(package) + 1 :], alias.name)  # type: ignore[index]
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "EXAMPLE" and node.value is not None:  # type: ignore[union-attr]
            example = ast.literal_eval(node.value)  # type: ignore[union-attr]
    if imported is None or not isinstance(example, dict):
        return []
    return [Payload(imported[0], imported[1], example)]


def _tested_class(docstring: str) -> str | None:
    """`Tests for `User`, generated from ...` -> `User`."""
    head = docstring.split("`")
    return head[1] if docstring.startswith("Tests for `") and len(head) > 2 else None


def collect_payloads(tests: Path, package: str) -> list[Payload]:
    found: list[Payload] = []
    for path in sorted(tests.glob("test_*.py")):
        found.extend(payloads_of_test(path.read_text(encoding="utf-8"), package))
    return found


Load = Callable[[], Any]


@dataclass
class Runtime:
    """One target's public runtime and package, imported."""

    target: str
    read: Callable[..., Any]
    write: Callable[[Any], Any]
    package: str

    def model(self, payload: Payload) -> Any:
        module = importlib.import_module(f"{self.package}.{payload.module}")
        return getattr(module, payload.name)


def load_runtimes(out: Path, targets: Iterable[str]) -> list[Runtime]:
    found = []
    for target in targets:
        sys.path.insert(0, str(out / target))
        package = package_name(target)
        runtime = importlib.import_module(f"{package}.runtime")
        found.append(Runtime(target, runtime.read, runtime.write, package))
    return found


def measure(
    runtimes: Sequence[Runtime], payloads: Sequence[Payload], repeat: int
) -> dict[str, Any]:
    """Per target and payload: the median seconds per load and per dump, of `repeat` rounds."""
    times: dict[str, dict[str, list[float]]] = {
        r.target: {"load": [], "dump": []} for r in runtimes
    }
    skipped: dict[str, str] = {}
    used: list[Payload] = []
    for payload in payloads:
        prepared = []
        try:
            for runtime in runtimes:
                cls = runtime.model(payload)
                model = runtime.read(cls, payload.data)
                runtime.write(model)
                prepared.append((runtime, cls, model))
        except Exception as exc:  # a payload some target cannot read is left out, with the reason
            skipped[f"{payload.module}.{payload.name}"] = (
                f"{runtime.target}: {type(exc).__name__}: {exc}"[:300]
            )
            continue
        used.append(payload)
        rounds: dict[tuple[str, str], list[float]] = {}
        for _ in range(repeat):
            for runtime, cls, model in prepared:  # interleaved: every target sees the same load
                data = payload.data
                read, write = runtime.read, runtime.write
                load: Load = lambda read=read, cls=cls, data=data: read(cls, data)  # noqa: E731
                dump: Load = lambda write=write, model=model: write(model)  # noqa: E731
                for kind, call in (("load", load), ("dump", dump)):
                    number = calls_for(per_call(call, 1))
                    rounds.setdefault((runtime.target, kind), []).append(per_call(call, number))
        for (target, kind), samples in rounds.items():
            times[target][kind].append(median(samples))
    return {"payloads": [f"{p.module}.{p.name}" for p in used], "times": times, "skipped": skipped}


def summarise(measured: dict[str, Any], sizes: Sequence[int]) -> dict[str, Any]:
    """Per target and kind: median µs per payload, total µs, median ratio to the reference's time."""
    times = measured["times"]
    summary: dict[str, Any] = {}
    for target, kinds in times.items():
        summary[target] = {}
        for kind, samples in kinds.items():
            if not samples:
                continue
            reference = times.get(REFERENCE, {}).get(kind, [])
            ratios = [s / r for s, r in zip(samples, reference, strict=True) if r > 0]
            largest = max(range(len(samples)), key=lambda i: sizes[i])
            summary[target][kind] = {
                "median_us": round(median(samples) * 1e6, 2),
                "total_us": round(sum(samples) * 1e6, 1),
                "largest_payload_us": round(samples[largest] * 1e6, 2),
                "median_ratio_to_reference": round(median(ratios), 3) if ratios else None,
                "total_ratio_to_reference": (
                    round(sum(samples) / sum(reference), 3) if ratios else None
                ),
            }
    return summary


def report_lines(results: dict[str, Any]) -> list[str]:
    """The section of the bench report: one row per target."""
    if "skipped" in results and isinstance(results["skipped"], str):
        return [f"load/dump of generated models: skipped ({results['skipped']})"]
    summary = results["summary"]
    lines = [
        f"load/dump of generated models ({results['docs']}; {results['payloads']} payloads, the largest "
        f"{results['largest_payload']} of {results['largest_bytes']} bytes; medians over payloads, "
        f"x = median over payloads of target time / {REFERENCE} time; sum x = total time / {REFERENCE}'s):",
        "",
        "| target | load µs | dump µs | load x | dump x | load sum x | dump sum x | largest load µs | largest dump µs |",  # noqa: E501
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for target, kinds in summary.items():
        load, dump = kinds.get("load", {}), kinds.get("dump", {})
        lines.append(
            f"| {target} | {load.get('median_us', '-')} | {dump.get('median_us', '-')} | "
            f"{load.get('median_ratio_to_reference', '-')} | {dump.get('median_ratio_to_reference', '-')} | "
            f"{load.get('total_ratio_to_reference', '-')} | {dump.get('total_ratio_to_reference', '-')} | "
            f"{load.get('largest_payload_us', '-')} | {dump.get('largest_payload_us', '-')} |"
        )
    if results.get("skipped_payloads"):
        lines.append(
            f"({len(results['skipped_payloads'])} payloads left out: some target cannot read them)"
        )
    return lines


def ratio_goals(results: dict[str, Any]) -> list[tuple[str, float, float]]:
    """Issue 26's goals as (name, median ratio to pydantic, limit), for run.py's targets."""
    found = []
    for target, limit in GOALS.items():
        for kind, figures in results.get("summary", {}).get(target, {}).items():
            value = figures["median_ratio_to_reference"]
            if value is not None:
                found.append((f"{target} {kind} per payload / {REFERENCE}", value, limit))
    return found


def goals(results: dict[str, Any]) -> dict[str, bool]:
    """Issue 26's goals, each `target kind` met or not."""
    found = {}
    for target, limit in GOALS.items():
        for kind, figures in results.get("summary", {}).get(target, {}).items():
            value = figures["median_ratio_to_reference"]
            found[f"{target} {kind} <= {limit} x {REFERENCE}"] = (
                value is not None and value <= limit
            )
    return found


def bench_load_dump(
    work: Path, docs: Path | None, repeat: int, targets: Sequence[str] = TARGETS, limit: int = 0
) -> dict[str, Any]:
    """Generate, collect the payloads, measure; the result `run.py` stores under `load_dump`."""
    folder = docs if docs is not None else CLERK
    if not folder.is_dir():
        return {"skipped": f"no docs at {folder}"}
    first = targets[0]
    for target in targets:
        outputs = "models,tests" if target == first else "models"
        generate_package(folder, work / target, package_name(target), target, outputs)
    payloads = collect_payloads(work / first / "tests", package_name(first))
    payloads.sort(key=lambda p: (p.module, p.name))
    if limit:
        payloads = sorted(payloads, key=Payload.size, reverse=True)[:limit]
    runtimes = load_runtimes(work, targets)
    measured = measure(runtimes, payloads, repeat)
    by_name = {f"{p.module}.{p.name}": p for p in payloads}
    sizes = [by_name[name].size() for name in measured["payloads"]]
    largest = max(range(len(sizes)), key=lambda i: sizes[i]) if sizes else 0
    results: dict[str, Any] = {
        "docs": str(folder),
        "targets": list(targets),
        "repeat": repeat,
        "payloads": len(measured["payloads"]),
        "largest_payload": measured["payloads"][largest] if sizes else None,
        "largest_bytes": sizes[largest] if sizes else 0,
        "skipped_payloads": measured["skipped"],
        "summary": summarise(measured, sizes),
    }
    results["goals"] = goals(results)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=Path, default=CLERK, help="the SDK docs folder")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per payload (median)")
    parser.add_argument("--limit", type=int, default=0, help="only the N largest payloads")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated targets")
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args(argv)
    targets = tuple(t for t in args.targets.split(",") if t)
    if REFERENCE not in targets:
        targets = (*targets, REFERENCE)
    with tempfile.TemporaryDirectory(prefix="docmodels-load-dump-") as work:
        results = bench_load_dump(Path(work), args.docs, args.repeat, targets, args.limit)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("\n".join(report_lines(results)))
    for goal, met in results.get("goals", {}).items():
        print(f"- {goal}: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
