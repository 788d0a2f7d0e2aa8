"""The performance benchmark of docmodels issue 9 (`make bench`).

Measures, several times each (medians), on one SDK's docs (default: the Clerk PHP SDK, 953 docs):
  1. `docmodels gen` into an empty folder, models only, with an empty cache folder (1w: with the cache kept
     from earlier runs, as on a developer's machine);          2. the same with all outputs (cold);
  3. `docmodels check` with nothing changed (3b: with an empty cache folder, as on a fresh CI machine; 3c: on
     a fresh checkout of the same files with the cache folder kept, as in CI with a cache step);
  4. `docmodels gen` after one doc changed;
  5. datamodel-code-generator on an OpenAPI document with the same models (default formatters, and ruff);
  6. the floor: read every doc, write as many files of the same sizes;
plus what the cache store costs (bench/store_cost.py), `docmodels --version` and the pre-commit no-op against
`python -c pass`, the import time of the generated package and of one model (bench/import_time.py: the SDK and
10,000 synthetic models), the load/dump time of the generated models per Python target on the generated
tests' payloads, beside pydantic's (bench/load_dump.py), reading union payloads per Python target
(bench/union_read.py: a tagged union's dispatch against trying every member), and 1 and 3 on every folder of
the whole corpus. Prints the ratios and targets, writes bench/results/latest.json and latest.md.

BENCH_QUICK=1 (or --quick) runs everything once; --repeat N sets the repeats of the slow measurements.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from import_time import PACKAGE_BUDGET_S, bench_imports, over_floor, report_lines  # noqa: E402
from ir_openapi import dangling_refs, to_openapi  # noqa: E402
from load_dump import bench_load_dump, ratio_goals  # noqa: E402
from load_dump import report_lines as load_dump_lines  # noqa: E402
from measure import DOCMODELS, PYTHON, Run, run  # noqa: E402
from stats import Target, median, per_doc_growth, ratio  # noqa: E402
from union_read import bench_unions  # noqa: E402
from union_read import report_lines as union_lines  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_DOCS = CORPUS / "php" / "clerk__clerk-sdk-php"
PEER_VENV = BENCH / ".venv"
PEER = PEER_VENV / "bin" / "datamodel-codegen"
_SKIPPED_NAMES = {"readme.md", "changelog.md", "license.md", "contributing.md"}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def count_docs(root: Path) -> int:
    """The docs docmodels reads below a folder (its discovery rules)."""
    total = 0
    for _, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        total += sum(
            1
            for name in files
            if name.endswith(".md")
            and not name.startswith((".", "_"))
            and name.lower() not in _SKIPPED_NAMES
        )
    return total


def repeated(times: int, once: Callable[[int], Run]) -> list[Run]:
    return [once(i) for i in range(times)]


def summary(runs: Sequence[Run]) -> dict[str, Any]:
    return {
        "median_s": median([r.seconds for r in runs]),
        "samples_s": [round(r.seconds, 4) for r in runs],
        "peak_mib": max(r.peak_mib for r in runs),
    }


def empty_cache(work: Path) -> dict[str, str]:
    """An environment whose docmodels cache folder is new and empty: nothing kept from an earlier run."""
    return {**os.environ, "DOCMODELS_CACHE_DIR": tempfile.mkdtemp(prefix="cache-", dir=work)}


def docmodels(*args: str | Path) -> list[str | Path]:
    return [DOCMODELS, *args]


def edit_doc(doc: Path, original: str, number: int) -> None:
    """Change one doc's description (a new paragraph after the title), differently every time."""
    head, _, rest = original.partition("\n")
    doc.write_text(f"{head}\n\nBench edit number {number}.\n{rest}", encoding="utf-8")


def first_object_doc(ir: dict[str, Any], docs: Path) -> Path:
    for model in ir["models"]:
        if model["kind"] == "object":
            return docs / model["doc"]
    raise RuntimeError("no object model in the docs")


def bench_sdk(work: Path, docs_src: Path, slow: int, fast: int, results: dict[str, Any]) -> None:
    docs = work / "docs"
    shutil.copytree(docs_src, docs)
    ndocs = count_docs(docs)
    results["docs"] = {"folder": str(docs_src), "count": ndocs}
    log(f"bench: {ndocs} docs from {docs_src}")

    # Warm-up (byte code, disk cache), not measured.
    run(docmodels("gen", docs, "--out", work / "warm-up"), cwd=work)
    run(docmodels("check", docs, "--out", work / "warm-up"), cwd=work, expect=(0, 1))
    # `python -c pass` and `docmodels --version`: interpreter start-up is the unit.
    # Interleaved, so that load from other processes weighs on both alike.
    pairs = [
        (run([PYTHON, "-c", "pass"], cwd=work), run(docmodels("--version"), cwd=work))
        for _ in range(fast * 2)
    ]
    base, version = [p for p, _ in pairs], [v for _, v in pairs]
    results["python_pass"] = summary(base)
    results["version"] = summary(version)

    log("bench 1: gen, models only, cold (empty output and cache folders)")
    m1 = repeated(
        slow,
        lambda i: run(
            docmodels("gen", docs, "--out", work / f"m1-{i}", "--outputs", "models"),
            cwd=work,
            env=empty_cache(work),
        ),
    )
    results["1_gen_models_cold"] = summary(m1)
    models_out = work / "m1-0"
    log("bench 1w: gen, models only, into an empty folder, cache kept (pages, compiled templates)")
    m1w = repeated(
        slow,
        lambda i: run(
            docmodels("gen", docs, "--out", work / f"m1w-{i}", "--outputs", "models"), cwd=work
        ),
    )
    results["1w_gen_models_warm_cache"] = summary(m1w)

    log("bench 2: gen, all outputs, cold")
    m2 = repeated(
        slow,
        lambda i: run(
            docmodels("gen", docs, "--out", work / f"m2-{i}"), cwd=work, env=empty_cache(work)
        ),
    )
    results["2_gen_all_cold"] = summary(m2)
    all_out = work / "m2-0"

    log("bench 3: check, nothing changed")
    check = docmodels("check", docs, "--out", models_out, "--outputs", "models")
    run(check, cwd=work)  # the first check after a gen is a full one, and records the no-op
    m3 = repeated(fast, lambda i: run(check, cwd=work))
    results["3_check_unchanged"] = summary(m3)

    def full_check(i: int) -> Run:
        # An empty cache folder: no fast-path record, no kept pages, as on a fresh CI machine.
        return run(check, cwd=work, env=empty_cache(work))

    results["3b_check_unchanged_without_fastpath"] = summary(repeated(slow, full_check))
    run(check, cwd=work)  # leaves the fast-path record in place again

    def fresh_checkout(i: int) -> Run:
        # The same files at the same paths, each one new (new inodes and times), and the cache folder kept
        # from the last run: CI with a cache step.
        for tree in (docs, models_out):
            copy = work / f"checkout-{i}-{tree.name}"
            shutil.copytree(tree, copy)
            shutil.rmtree(tree)
            copy.rename(tree)
        return run(check, cwd=work)

    results["3c_check_fresh_checkout_cache_kept"] = summary(repeated(fast, fresh_checkout))
    precommit = docmodels("gen", docs, "--out", all_out, "--exit-nonzero-on-change")
    run(precommit, cwd=work)
    results["precommit_noop_all_outputs"] = summary(
        repeated(fast, lambda i: run(precommit, cwd=work))
    )

    # The same on this project's own example docs (46 files), the size of a small SDK.
    specs = work / "specs"
    shutil.copytree(ROOT / "specs", specs)
    small = docmodels("gen", specs, "--out", work / "specs-out", "--exit-nonzero-on-change")
    run(small, cwd=work, expect=(0, 1))
    run(small, cwd=work)
    results["precommit_noop_specs"] = summary(repeated(fast, lambda i: run(small, cwd=work)))

    log("bench 4: gen after one doc changed")
    ir = json.loads(
        subprocess.run(docmodels("ir", docs), cwd=work, capture_output=True, check=True).stdout
    )
    changed = first_object_doc(ir, docs)
    original = changed.read_text(encoding="utf-8")
    gen_models = docmodels("gen", docs, "--out", models_out, "--outputs", "models")

    def one_changed(i: int) -> Run:
        edit_doc(changed, original, i)
        return run(gen_models, cwd=work)

    m4 = repeated(fast, one_changed)
    changed.write_text(original, encoding="utf-8")
    results["4_gen_one_doc_changed"] = summary(m4)
    results["4_changed_doc"] = str(changed.relative_to(docs))

    log("bench: what the cache store costs (sizes, reading and writing the pages entry)")
    cost = subprocess.run(
        [PYTHON, BENCH / "store_cost.py", os.environ["DOCMODELS_CACHE_DIR"], docs],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    results["cache_store"] = json.loads(cost.stdout)

    log("bench 5: datamodel-code-generator on the same models")
    document = to_openapi(ir, docs_src.name)
    missing = dangling_refs(document)
    if missing:
        raise RuntimeError(f"the OpenAPI document has dangling refs: {missing[:5]}")
    spec = work / "openapi.json"
    spec.write_text(json.dumps(document, indent=1), encoding="utf-8")
    results["openapi_schemas"] = len(document["components"]["schemas"])
    peer = [PEER, "--input", spec, "--input-file-type", "openapi"]
    peer += ["--output-model-type", "dataclasses.dataclass", "--target-python-version", "3.11"]
    run([*peer, "--output", work / "peer-warm-up.py"], cwd=work)
    m5 = repeated(slow, lambda i: run([*peer, "--output", work / f"peer-{i}.py"], cwd=work))
    results["5_peer_default_formatters"] = summary(m5)
    peer_ruff = [*peer, "--formatters", "ruff-format"]
    m5r = repeated(
        slow, lambda i: run([*peer_ruff, "--output", work / f"peer-ruff-{i}.py"], cwd=work)
    )
    results["5r_peer_ruff_format"] = summary(m5r)
    peer_text = (work / "peer-0.py").read_text(encoding="utf-8")
    results["peer_classes"] = peer_text.count("\nclass ")

    log("bench 6: the floor")
    sizes = [p.stat().st_size for p in sorted(models_out.rglob("*")) if p.is_file()]
    sizes_file = work / "sizes.json"
    sizes_file.write_text(json.dumps(sizes), encoding="utf-8")
    m6 = repeated(
        slow,
        lambda i: run(
            [PYTHON, BENCH / "floor.py", docs, work / f"floor-{i}", sizes_file], cwd=work
        ),
    )
    results["6_floor"] = summary(m6)
    results["files_written_models_only"] = len(sizes)


def bench_corpus(work: Path, corpus: Path, results: dict[str, Any]) -> None:
    """Every folder of the corpus, one `docmodels gen` each, then `check` (one at a time, as measurement 1).

    One process cannot read the whole corpus: its 19 SDKs share qualified names (DM202)."""
    folders = sorted(
        p for d in sorted(corpus.iterdir()) if d.is_dir() for p in d.iterdir() if p.is_dir()
    )
    ndocs = sum(count_docs(f) for f in folders)
    log(f"bench corpus: {len(folders)} folders, {ndocs} docs")

    # One new cache folder for the whole corpus: the first pass over it is cold, as on a new machine.
    cold = empty_cache(work)

    def all_folders(command: Callable[[int, Path], list[str | Path]]) -> tuple[float, list[Run]]:
        started = time.perf_counter()
        runs = [run(command(i, folder), cwd=work, env=cold) for i, folder in enumerate(folders)]
        return time.perf_counter() - started, runs

    def gen(i: int, folder: Path) -> list[str | Path]:
        return docmodels(
            "gen", folder, "--out", work / f"c{i}", "--outputs", "models", "--package", "m"
        )

    def check(i: int, folder: Path) -> list[str | Path]:
        return docmodels(
            "check", folder, "--out", work / f"c{i}", "--outputs", "models", "--package", "m"
        )

    cold_wall, cold_runs = all_folders(gen)
    # Each folder's full check (as in CI; it records the no-op), then at once its fast-path check (as in a
    # pre-commit hook): at once, so that edits to docmodels' code meanwhile cannot void the record.
    twice = [
        (run(check(i, f), cwd=work, env=cold), run(check(i, f), cwd=work, env=cold))
        for i, f in enumerate(folders)
    ]
    check_runs = [full for full, _ in twice]
    check_wall = sum(r.seconds for r in check_runs)
    again_wall = sum(fast.seconds for _, fast in twice)
    results["corpus"] = {
        "folders": len(folders),
        "docs": ndocs,
        "cold_gen_wall_s": cold_wall,
        "check_wall_s": check_wall,
        "check_again_wall_s": again_wall,
        "peak_mib": max(r.peak_mib for r in [*cold_runs, *check_runs]),
        "per_folder": {
            str(f.relative_to(corpus)): {
                "docs": count_docs(f),
                "gen_s": g.seconds,
                "check_s": c.seconds,
            }
            for f, g, c in zip(folders, cold_runs, check_runs, strict=True)
        },
    }


def targets(results: dict[str, Any]) -> list[Target]:
    m = {k: v["median_s"] for k, v in results.items() if isinstance(v, dict) and "median_s" in v}
    peer, peer_ruff = m["5_peer_default_formatters"], m["5r_peer_ruff_format"]
    found = [
        Target(
            "1/5 cold models-only gen / peer (default formatters)",
            ratio(m["1_gen_models_cold"], peer),
            0.1,
        ),
        Target(
            "1/5r cold models-only gen / peer (ruff-format)",
            ratio(m["1_gen_models_cold"], peer_ruff),
            0.25,
        ),
        Target("3/5 check unchanged / peer", ratio(m["3_check_unchanged"], peer), 0.03),
        Target(
            "3b/5 check unchanged, no fast-path record (CI) / peer",
            ratio(m["3b_check_unchanged_without_fastpath"], peer),
            0.03,
        ),
        Target(
            "3c/5 check unchanged, fresh checkout, cache folder kept (CI with a cache step) / peer",
            ratio(m["3c_check_fresh_checkout_cache_kept"], peer),
            0.03,
        ),
        Target(
            "4/5 gen after one doc changed / peer", ratio(m["4_gen_one_doc_changed"], peer), 0.05
        ),
        Target("version / python -c pass", ratio(m["version"], m["python_pass"]), 5),
        Target(
            "pre-commit no-op, specs/ (46 files) / python -c pass",
            ratio(m["precommit_noop_specs"], m["python_pass"]),
            10,
        ),
        Target(
            "pre-commit no-op, one SDK, all outputs / python -c pass",
            ratio(m["precommit_noop_all_outputs"], m["python_pass"]),
            10,
        ),
    ]
    for package, seconds in over_floor(results.get("imports", {})).items():
        found.append(
            Target(
                f"import <package> over python -c pass, {package} (s)", seconds, PACKAGE_BUDGET_S
            )
        )
    for name, value, limit in ratio_goals(results.get("load_dump", {})):
        found.append(Target(name, value, limit))
    corpus = results.get("corpus")
    if corpus:
        small = results["docs"]["count"]
        found += [
            Target("corpus cold gen, wall seconds on 2 cores", corpus["cold_gen_wall_s"], 20),
            Target("corpus peak memory, MiB", corpus["peak_mib"], 1024),
            Target(
                "cost per doc, whole corpus / one SDK",
                per_doc_growth(
                    m["1_gen_models_cold"],
                    small,
                    corpus["cold_gen_wall_s"],
                    corpus["docs"],
                ),
                1.2,
            ),
        ]
    return found


def report(results: dict[str, Any], found: list[Target]) -> str:
    m = {k: v for k, v in results.items() if isinstance(v, dict) and "median_s" in v}
    lines = [
        f"# docmodels bench, {results['date']}",
        "",
        f"{results['docs']['count']} docs ({results['docs']['folder']}), {results['repeat']} repeats of the slow "
        f"measurements, {results['machine']['cpus']} CPUs, Python {results['machine']['python']}",
        "",
        "| measurement | median s | peak MiB | samples |",
        "| --- | ---: | ---: | --- |",
    ]
    for name, value in m.items():
        samples = " ".join(f"{s:.3f}" for s in value["samples_s"])
        lines.append(f"| {name} | {value['median_s']:.3f} | {value['peak_mib']:.0f} | {samples} |")
    ratios = {
        "1/5": ratio(
            m["1_gen_models_cold"]["median_s"], m["5_peer_default_formatters"]["median_s"]
        ),
        "1/5 (ruff)": ratio(
            m["1_gen_models_cold"]["median_s"], m["5r_peer_ruff_format"]["median_s"]
        ),
        "3/5": ratio(
            m["3_check_unchanged"]["median_s"], m["5_peer_default_formatters"]["median_s"]
        ),
        "4/5": ratio(
            m["4_gen_one_doc_changed"]["median_s"], m["5_peer_default_formatters"]["median_s"]
        ),
        "3b/5": ratio(
            m["3b_check_unchanged_without_fastpath"]["median_s"],
            m["5_peer_default_formatters"]["median_s"],
        ),
        "3c/5": ratio(
            m["3c_check_fresh_checkout_cache_kept"]["median_s"],
            m["5_peer_default_formatters"]["median_s"],
        ),
        "1w/5": ratio(
            m["1w_gen_models_warm_cache"]["median_s"], m["5_peer_default_formatters"]["median_s"]
        ),
        "1/6": ratio(m["1_gen_models_cold"]["median_s"], m["6_floor"]["median_s"]),
    }
    results["ratios"] = ratios
    lines += ["", "ratios: " + ", ".join(f"{k} = {v:.3f}" for k, v in ratios.items())]
    store = results.get("cache_store")
    if store:
        sizes = ", ".join(
            f"{name} {s['entries']} ({s['kib']} KiB)" for name, s in store["sections"].items()
        )
        lines += [
            "",
            f"cache store: {sizes}; the pages entry ({store['drafts_kept']} drafts) read, verified "
            f"and validated in {store['pages_load_ms']:.1f} ms, written in {store['pages_save_ms']:.1f} ms; "
            f"the models templates compiled in {store['compile_models_templates_ms']:.1f} ms",
        ]
    corpus = results.get("corpus")
    if corpus:
        c = corpus
        lines += [
            "",
            f"whole corpus: {c['folders']} folders, {c['docs']} docs; cold gen "
            f"{c['cold_gen_wall_s']:.1f} s wall, check {c['check_wall_s']:.1f} s wall "
            f"(again, fast path: {c['check_again_wall_s']:.1f} s) "
            f"(one folder at a time); peak {c['peak_mib']:.0f} MiB",
        ]
    if results.get("imports") or results.get("load_dump"):
        lines += ["", "## Generated code (issue 26)"]
    if results.get("imports"):
        lines += ["", *report_lines(results["imports"])]
    if results.get("load_dump"):
        lines += ["", *load_dump_lines(results["load_dump"])]
    if results.get("unions"):
        lines += ["", *union_lines(results["unions"])]
    lines += ["", "targets:"] + [f"- {t.line()}" for t in found]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--docs", type=Path, default=DEFAULT_DOCS, help="the SDK docs folder of measurements 1-6"
    )
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="the corpus (every <dialect>/<repo> folder)"
    )
    parser.add_argument("--no-corpus", action="store_true", help="skip the whole-corpus run")
    parser.add_argument(
        "--no-imports", action="store_true", help="skip the import time of generated packages"
    )
    parser.add_argument(
        "--no-load-dump",
        action="store_true",
        help="skip the load/dump time of generated models per target",
    )
    parser.add_argument(
        "--no-unions", action="store_true", help="skip reading union payloads per target"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="repeats of the slow measurements (default 3)"
    )
    parser.add_argument(
        "--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1"
    )
    parser.add_argument("--results", type=Path, default=BENCH / "results")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        log(
            f"bench: {args.docs} not found (the corpus lives beside the project, in ../shared/corpus)"
        )
        return 2
    if not PEER.exists():
        log(f"bench: {PEER} not found: run `make bench` (it creates {PEER_VENV})")
        return 2
    slow = 1 if args.quick else args.repeat
    fast = 3 if args.quick else max(5, args.repeat)
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "repeat": slow,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
    }
    # As installed: byte code cached (kept in the bench's own folder, not beside the sources).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(PEER_VENV / "pycache")
    work = Path(tempfile.mkdtemp(prefix="docmodels-bench-"))
    # The bench's own cache folder: nothing from earlier runs on this machine makes a run look warm.
    os.environ["DOCMODELS_CACHE_DIR"] = str(work / "cache")
    try:
        # An empty pyproject.toml stops docmodels from reading a configuration above the work folder.
        (work / "pyproject.toml").write_text("", encoding="utf-8")
        bench_sdk(work, args.docs, slow, fast, results)
        if not args.no_imports:
            imports_work = work / "imports"
            imports_work.mkdir()
            models = 1_000 if args.quick else 10_000
            results["imports"] = bench_imports(imports_work, args.docs, models, fast, "dataclasses")
        if not args.no_load_dump:
            load_dump_work = work / "load_dump"
            load_dump_work.mkdir()
            # Quick: the 100 largest payloads, one round each; else every payload, `fast` rounds.
            results["load_dump"] = bench_load_dump(
                load_dump_work, args.docs, 1 if args.quick else fast, limit=100 if args.quick else 0
            )
        if not args.no_unions:
            unions_work = work / "unions"
            unions_work.mkdir()
            results["unions"] = bench_unions(unions_work, 3 if args.quick else 7)
        if not args.no_corpus and args.corpus.is_dir():
            corpus_work = work / "corpus"
            corpus_work.mkdir()
            (corpus_work / "pyproject.toml").write_text("", encoding="utf-8")
            bench_corpus(corpus_work, args.corpus, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    found = targets(results)
    text = report(results, found)
    results["targets"] = [
        {"name": t.name, "value": t.value, "limit": t.limit, "met": t.met} for t in found
    ]
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "latest.json").write_text(
        json.dumps(results, indent=2) + "\n", encoding="utf-8"
    )
    (args.results / "latest.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
