"""Import time of generated packages (issue 26): `import <package>` and importing one model, in fresh processes.

Generates, models only, the Clerk PHP docs (or --docs) and a synthetic set of --models docs (a tree of models,
each pointing at its parent, with pairs of siblings that refer to each other across modules), then times
`python -c "import <package>"` and `python -c "from <package>.<module> import <Model>"` against
`python -c pass` (median of --repeat fresh processes, after one run that writes the bytecode caches).
Also prints how many of the package's modules each import loads.

Run on its own: `.venv/bin/python bench/import_time.py` (`make bench` calls it from run.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from measure import PYTHON, generate_package  # noqa: E402
from stats import median  # noqa: E402

CLERK = ROOT.parent / "shared" / "corpus" / "php" / "clerk__clerk-sdk-php"
#: `import <package>` may cost at most this much over `python -c pass` (issue 26).
PACKAGE_BUDGET_S = 0.1

_FIELDS_HEAD = (
    "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n"
)


def synthetic_doc(number: int, count: int) -> str:
    """Model `number` of `count`: an id, a shared enum, its parent (number // 2) and its sibling (number ^ 1)."""
    rows = [
        "| `id` | *string* | :heavy_check_mark: | The id. |",
        "| `kind` | [components.Kind](./kind.md) | :heavy_minus_sign: | The kind. |",
    ]
    if number >= 2:
        rows.append(
            f"| `parent` | [components.Model{number // 2}](./model{number // 2}.md) "
            "| :heavy_minus_sign: | The parent. |"
        )
    sibling = number ^ 1
    if sibling < count:
        rows.append(
            f"| `sibling` | [components.Model{sibling}](./model{sibling}.md) "
            "| :heavy_minus_sign: | Refers back to this model. |"
        )
    return (
        f"# Model{number}\n\nModel number {number}.\n\n## Fields\n\n"
        + _FIELDS_HEAD
        + ("\n".join(rows) + "\n")
    )


KIND_DOC = "# Kind\n\nA kind.\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `A` | a |\n| `B` | b |\n"


def write_synthetic_docs(folder: Path, count: int) -> Path:
    """`count` model docs and one enum in `folder/models/components` (Speakeasy's layout)."""
    components = folder / "models" / "components"
    components.mkdir(parents=True, exist_ok=True)
    (components / "kind.md").write_text(KIND_DOC, encoding="utf-8")
    for number in range(count):
        (components / f"model{number}.md").write_text(
            synthetic_doc(number, count), encoding="utf-8"
        )
    return folder


_COUNT = "import sys; print(sum(1 for n in sys.modules if n == {p!r} or n.startswith({p!r} + '.')))"


def timed(out: Path, code: str, repeat: int) -> tuple[float, list[float]]:
    """Median wall time of `python -c code` in fresh processes, the package folder on the path."""
    env = dict(os.environ, PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="")
    subprocess.run([PYTHON, "-c", code], env=env, check=True, capture_output=True)  # bytecode
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([PYTHON, "-c", code], env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - started)
    return median(samples), samples


def package_import_us(importtime_log: str, package: str) -> int:
    """From `python -X importtime` output: the microseconds spent importing the package's modules (and
    what they import), the summed cumulative time of its entries at the top level."""
    total = 0
    for line in importtime_log.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        top = name[1:]  # one space after the bar; nested imports are indented further
        if (top == package or top.startswith(package + ".")) and cumulative.strip().isdigit():
            total += int(cumulative)
    return total


def importtime(out: Path, code: str, package: str, repeat: int) -> float:
    """Median seconds the package's imports take by `python -X importtime` (less noisy than wall time)."""
    env = dict(os.environ, PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="")
    samples = []
    for _ in range(repeat):
        done = subprocess.run(
            [PYTHON, "-X", "importtime", "-c", code],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        samples.append(package_import_us(done.stderr, package) / 1e6)
    return median(samples)


def modules_loaded(out: Path, code: str, package: str) -> int:
    env = dict(os.environ, PYTHONPATH=str(out))
    done = subprocess.run(
        [PYTHON, "-c", code + "; " + _COUNT.format(p=package)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split()[-1])


def measure_package(
    out: Path, package: str, one_model: tuple[str, str], repeat: int, floor: float
) -> dict[str, Any]:
    module, name = one_model
    statements = {
        "package": f"import {package}",
        "one_model": f"from {package}.{module} import {name}",
        "package_then_attribute": f"import {package}; {package}.{name}",
    }
    found: dict[str, Any] = {"modules_in_package": sum(1 for _ in (out / package).rglob("*.py"))}
    for key, code in statements.items():
        seconds, samples = timed(out, code, repeat)
        found[key] = {
            "statement": code,
            "median_s": round(seconds, 4),
            "over_floor_s": round(seconds - floor, 4),
            "samples_s": [round(s, 4) for s in samples],
            "modules_loaded": modules_loaded(out, code, package),
            "importtime_s": round(importtime(out, code, package, repeat), 4),
        }
    return found


def bench_imports(
    work: Path, docs: Path | None, models: int, repeat: int, target: str
) -> dict[str, Any]:
    """Both packages measured; the result `run.py` stores under `imports`."""
    floor, floor_samples = timed(work, "pass", repeat)
    results: dict[str, Any] = {
        "target": target,
        "python_c_pass_s": round(floor, 4),
        "python_c_pass_samples_s": [round(s, 4) for s in floor_samples],
        "budget_over_floor_s": PACKAGE_BUDGET_S,
    }
    clerk = docs if docs is not None else CLERK
    if clerk.is_dir():
        out = work / "clerk-out"
        results["clerk"] = {"gen_s": round(generate_package(clerk, out, "clerk", target), 2)}
        results["clerk"].update(
            measure_package(out, "clerk", ("components.user", "User"), repeat, floor)
        )
    else:
        results["clerk"] = {"skipped": f"no docs at {clerk}"}
    synthetic = write_synthetic_docs(work / "synthetic-docs", models)
    out = work / "synthetic-out"
    results["synthetic"] = {
        "models": models,
        "gen_s": round(generate_package(synthetic, out, "synth", target), 2),
    }
    last = models - 1
    results["synthetic"].update(
        measure_package(out, "synth", (f"components.model{last}", f"Model{last}"), repeat, floor)
    )
    return results


def over_floor(results: dict[str, Any]) -> dict[str, float]:
    """`import <package>` over `python -c pass`, in seconds, for each package measured."""
    return {
        key: results[key]["package"]["over_floor_s"]
        for key in ("clerk", "synthetic")
        if "package" in results.get(key, {})
    }


def report_lines(results: dict[str, Any]) -> list[str]:
    lines = [
        f"Import time ({results['target']}), median of fresh processes; "
        f"`python -c pass` = {results['python_c_pass_s'] * 1000:.0f} ms",
        "| package | modules | statement | median | over `pass` | -X importtime | package modules loaded |",
        "|---|---|---|---|---|---|---|",
    ]
    for key in ("clerk", "synthetic"):
        found = results.get(key, {})
        if "package" not in found:
            lines.append(f"| {key} | — | {found.get('skipped', 'not measured')} | | | | |")
            continue
        for part in ("package", "one_model", "package_then_attribute"):
            row = found[part]
            lines.append(
                f"| {key} | {found['modules_in_package']} | `{row['statement']}` "
                f"| {row['median_s'] * 1000:.0f} ms | {row['over_floor_s'] * 1000:+.0f} ms "
                f"| {row.get('importtime_s', 0) * 1000:.1f} ms | {row['modules_loaded']} |"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=Path, default=None, help="an SDK's docs (default: Clerk PHP)"
    )
    parser.add_argument("--models", type=int, default=10_000, help="synthetic models (10,000)")
    parser.add_argument("--repeat", type=int, default=7, help="fresh processes per statement")
    parser.add_argument("--target", default="dataclasses")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docmodels-imports-") as folder:
        results = bench_imports(Path(folder), args.docs, args.models, args.repeat, args.target)
        # Printed before the folder goes: removing some 30,000 files can take minutes.
        print("\n".join(report_lines(results)), flush=True)
        if args.json is not None:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
