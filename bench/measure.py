"""Run one command and measure it: wall time, and peak memory of its whole process tree."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The project's own virtualenv, which `make bench` measures.
DOCMODELS = ROOT / ".venv" / "bin" / "docmodels"
PYTHON = ROOT / ".venv" / "bin" / "python"


@dataclass(frozen=True)
class Run:
    seconds: float
    returncode: int
    peak_mib: float  # largest sum of RSS over the process tree, sampled every 10 ms
    main_mib: float  # the main process's own peak RSS (exact, from wait4)
    output: str


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_rss_kib(pid: int) -> int:
    """The summed resident memory of a process and all its descendants (Linux /proc; 0 elsewhere)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss_kib(current)
        todo += _children(current)
    return total


def run(
    command: Sequence[str | Path],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    expect: Sequence[int] = (0,),
) -> Run:
    """Run `command` to completion; raise when its exit code is not in `expect`."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(c) for c in command],
        cwd=cwd,
        env=dict(env) if env is not None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kib(process.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    text = output.decode("utf-8", errors="replace")
    if process.returncode not in expect:
        shown = " ".join(str(c) for c in command)
        raise RuntimeError(f"`{shown}` exited {process.returncode}:\n{text[-3000:]}")
    main = usage.ru_maxrss / 1024
    return Run(seconds, process.returncode, max(peak[0] / 1024, main), main, text)


def generate_package(
    docs: Path, out: Path, package: str, target: str, outputs: str = "models"
) -> float:
    """`docmodels gen` of one target into `out`, beside an empty pyproject.toml (no project's settings);
    its wall time in seconds."""
    out.mkdir(parents=True, exist_ok=True)
    (out.parent / "pyproject.toml").write_text("", encoding="utf-8")
    command = [DOCMODELS, "gen", docs, "--out", out, "--package", package, "--target", target]
    started = time.perf_counter()
    subprocess.run(
        [*command, "--outputs", outputs, "--quiet"], check=True, capture_output=True, cwd=out.parent
    )
    return time.perf_counter() - started
