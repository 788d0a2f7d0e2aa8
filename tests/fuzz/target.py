"""Fuzz target over the reader and the whole generator (hypothesis-driven, no extra dependency).

Two kinds of input: sets of well-formed docs full of hostile text and names (`hostile.docs.doc_set`), and
markdown assembled from random lines (headings, table rows with any number of cells, fences, links, raw
bytes). Oracle: nothing raises; every diagnostic has a path, a line and a known code; when there is no error,
every generated Python file parses and compiles, doc text stays in literals, and Jinja syntax is never run.

    python tests/fuzz/target.py --seconds 1800      # what `make fuzz` runs (FUZZ_SECONDS)

A failing input is saved under tests/fuzz/regressions/<hash>/ and replayed by tests/fuzz/test_fuzz.py.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hostile.docs import NAMES, PAYLOADS, TEXT, TYPES, check_output, config, doc_set

from generator.diagnostics import CODES
from generator.pipeline import build
from generator.sync.disk import apply, compare

REGRESSIONS = Path(__file__).resolve().parent / "regressions"

# -- random markdown ------------------------------------------------------------------------------------

_IDENT = st.sampled_from(NAMES) | st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,12}", fullmatch=True)
_LINK = st.builds(
    lambda n, f: f"[components.{n}]({f})",
    _IDENT,
    st.sampled_from(["doc0.md", "doc1.md", "doc2.md", "./doc1.md", "../x/doc0.md", "nope.md", ""]),
)
_CELL = st.one_of(
    st.sampled_from(TYPES),
    _LINK,
    _LINK.map(lambda t: t + "[]"),
    st.sampled_from([":heavy_check_mark:", ":heavy_minus_sign:", "N/A", "", "`", "~~`x`~~", "\\|"]),
    _IDENT.map(lambda n: f"`{n}`"),
    TEXT.map(lambda t: t.replace("\n", "<br/>").replace("|", "\\|")),
    st.text(max_size=10),
)
_ROW = st.lists(_CELL, min_size=0, max_size=6).map(lambda cells: "| " + " | ".join(cells) + " |")
_LINE = st.one_of(
    _IDENT.map(lambda n: f"# {n}"),
    st.sampled_from(
        [
            "## Fields",
            "## Values",
            "## Supported Types",
            "## Example Usage",
            "| Field | Type | Required | Description |",
            "| Name | Value |",
            "| --- | --- | --- | --- |",
            "| --- | --- |",
            "```typescript",
            "```",
            "~~~",
            "> :warning: **DEPRECATED**: gone",
            "",
            "---",
            "    indented code",
        ]
    ),
    _IDENT.map(lambda n: f"### `{n}`"),
    _ROW,
    _ROW,
    TEXT,
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.builds(
        lambda v: f"let value: X = {v};",
        st.sampled_from(['"a"', "{ a: 1 }", "[1, 2", "{{}}", "`${x}`"]),
    ),
)
_ENDINGS = st.sampled_from(["\n", "\n", "\r\n", "\r"])


@st.composite
def raw_doc(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(_LINE, min_size=0, max_size=25))
    text = draw(_ENDINGS).join(lines)
    data = text.encode("utf-8", errors="surrogatepass")
    mutation = draw(
        st.sampled_from(["none", "none", "none", "bom", "latin1", "bytes", "nul", "cut"])
    )
    if mutation == "bom":
        data = b"\xef\xbb\xbf" + data
    elif mutation == "latin1":
        data = text.encode("latin-1", errors="replace")
    elif mutation == "bytes":
        data += draw(st.binary(max_size=30))
    elif mutation == "nul":
        data = data.replace(b"\n", b"\x00\n", 1)
    elif mutation == "cut" and data:
        data = data[: draw(st.integers(0, len(data)))]
    return data


# -- the target -----------------------------------------------------------------------------------------


@dataclass
class Stats:
    cases: int = 0
    generated: int = 0
    python_files: int = 0
    findings: int = 0


STATS = Stats()
_last: dict[str, bytes] = {}


def run_case(files: dict[str, bytes], marked: bool = False) -> None:
    """Read and generate one set of docs in a fresh folder; raises AssertionError on a finding.

    `marked`: the docs carry the marker only in text (not in names), so it must stay in literals."""
    _last.clear()
    _last.update(files)
    STATS.cases += 1
    root = Path(tempfile.mkdtemp(prefix="docmodels-fuzz-"))
    try:
        docs = root / "docs"
        for name, data in files.items():
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_bytes(data)
        cfg = config(root, "fuzzpkg")
        built = build(cfg)
        for d in built.diagnostics:
            assert d.code in CODES, d
            assert d.span.path and d.span.line >= 1 and d.span.column >= 1, d
        assert built.failed == any(d.severity == "error" for d in built.diagnostics)
        if built.plan is not None:
            apply(built.plan, cfg.out, compare(built.plan, cfg.out))
            STATS.generated += 1
            STATS.python_files += check_output(cfg.out, marked)
            for path in cfg.out.rglob("*"):
                assert path.resolve().is_relative_to(cfg.out.resolve()), path
    finally:
        shutil.rmtree(root, ignore_errors=True)


CASES = st.one_of(doc_set(), st.lists(raw_doc(), min_size=1, max_size=3))


def fuzz_one(case: list[object]) -> None:
    files: dict[str, bytes] = {}
    for i, doc in enumerate(case):
        files[f"doc{i}.md"] = doc if isinstance(doc, bytes) else doc.text.encode("utf-8")  # type: ignore[attr-defined]
    run_case(files, marked=not any(isinstance(doc, bytes) for doc in case))


def _round(examples: int) -> Callable[[], None]:
    """A fresh hypothesis test of `examples` random cases (settings cannot be applied twice)."""

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(CASES)
    def test(case: list[object]) -> None:
        fuzz_one(case)

    return test


def save_finding(files: dict[str, bytes], error: BaseException) -> Path:
    key = hashlib.sha256(
        b"".join(n.encode() + b"\0" + d for n, d in sorted(files.items()))
    ).hexdigest()
    folder = REGRESSIONS / key[:12]
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "FINDING.txt").write_text(
        f"{type(error).__name__}: {error}\n"[:4000], encoding="utf-8"
    )
    return folder


def run(seconds: float, examples_per_round: int = 50, quiet: bool = False) -> Stats:
    """Fuzz for about `seconds`, in rounds of fresh random examples; saves and re-raises the first finding."""
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        test = _round(examples_per_round)
        try:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                test()
        except Exception as exc:
            STATS.findings += 1
            folder = save_finding(dict(_last), exc)
            print(f"finding saved in {folder}: {type(exc).__name__}: {exc}"[:2000], file=sys.stderr)
            raise
        if not quiet:
            print(
                f"round {rounds}: {STATS.cases} cases, {STATS.generated} generated, "
                f"{STATS.python_files} Python files checked, {STATS.findings} findings",
                flush=True,
            )
    return STATS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1800.0)
    parser.add_argument("--examples-per-round", type=int, default=50)
    args = parser.parse_args()
    start = time.monotonic()
    try:
        stats = run(args.seconds, args.examples_per_round)
    except Exception:
        return 1
    print(
        f"fuzz: {stats.cases} cases in {time.monotonic() - start:.0f} s, {stats.generated} generated, "
        f"{stats.python_files} Python files checked, {stats.findings} findings"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
