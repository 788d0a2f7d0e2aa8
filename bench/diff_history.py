"""`docmodels diff` against an independent judge: the SDK generator's own change lists in a real history.

Clones ../shared/history/clerk-sdk-python.bundle into a temporary folder, and for every commit runs
`docmodels diff --against <parent>` there (JSON, nothing fails), then compares with the change list in the
commit's message: which commits it marks breaking, and which operations.

    .venv/bin/python bench/diff_history.py [--bundle PATH] [--show N] [--no-policy]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT.parent / "shared" / "history" / "clerk-sdk-python.bundle"
DOCMODELS = Path(sys.executable).parent / "docmodels"
_OPERATION = re.compile(r"^\* `(?:\w+\.)?([\w.]+)\(\)`:")
_CHANGE_LIST = re.compile(r"\*\*(Added|Changed|Removed|Deleted)\*\*")


def _same(operation: str) -> str:
    """An operation's name as both spell it: the change lists write `delete_web3wallet` where the page
    (and the SDK) says `delete_web3_wallet`."""
    return operation.replace("_", "").lower()


@dataclass(frozen=True)
class Judged:
    """What the generator's change list says of a commit (None: the message has no change list)."""

    listed: bool
    breaking_operations: frozenset[str]

    @property
    def breaking(self) -> bool:
        return bool(self.breaking_operations)


def judge(message: str) -> Judged:
    """The operations the change list marks breaking (`clerk.users.update()` -> `users.update`)."""
    if not _CHANGE_LIST.search(message):
        return Judged(False, frozenset())
    breaking: set[str] = set()
    current: str | None = None
    for line in message.splitlines():
        found = _OPERATION.match(line)
        if found:
            current = found.group(1)
        elif not line.startswith((" ", "\t")):
            current = None
        if current and "Breaking" in line:
            breaking.add(_same(current))
    return Judged(True, frozenset(breaking))


@dataclass(frozen=True)
class Ours:
    #: Whether a wire-level change (what the judge judges: the API and the SDK's calls) is breaking.
    breaking: bool
    operations: frozenset[str]
    #: Breaking changes of the generated Python package (which the judge does not see).
    python: int
    rules: dict[str, int]
    exit_code: int


#: The judge's policy from 2026 on: enum values and union members added to a response are breaking (the
#: default severity of both rules on the response side is warning).
POLICY_2026 = """\
[tool.docmodels.diff.severity]
enum-value-added = { request = "info", response = "breaking" }
union-member-added = { request = "info", response = "breaking" }
"""
DEFAULT_POLICY = "[tool.docmodels]\n"


def ours(repo: Path, commit: str, config: Path) -> Ours:
    subprocess.run(["git", "checkout", "-q", "--detach", commit], cwd=repo, check=True)
    command = [
        str(DOCMODELS),
        "diff",
        "--config",
        str(config),
        "--against",
        f"{commit}^",
        "docs/models",
    ]
    command += ["--format", "json", "--fail-on", "never"]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True)
    data = json.loads(result.stdout)
    rules: dict[str, int] = {}
    wire = [c for c in data["changes"] if c["breaking"] and c["surface"] == "wire"]
    for change in wire:
        rules[change["rule"]] = rules.get(change["rule"], 0) + 1
    python = sum(1 for c in data["changes"] if c["breaking"] and c["surface"] == "python")
    return Ours(
        bool(wire),
        frozenset(_same(op) for c in wire for op in c["operations"]),
        python,
        rules,
        result.returncode,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--show", type=int, default=5, help="operations listed per disagreement")
    parser.add_argument(
        "--no-policy",
        action="store_true",
        help="default severities throughout (without the judge's 2026 policy for added enum values "
        "and union members on responses)",
    )
    args = parser.parse_args()
    if not args.bundle.is_file():
        print(f"skipped: no history bundle at {args.bundle}")
        return 0
    with tempfile.TemporaryDirectory(prefix="docmodels-diff-history-") as scratch:
        repo = Path(scratch) / "history"
        default = Path(scratch) / "default.toml"
        default.write_text(DEFAULT_POLICY)
        policy = Path(scratch) / "policy-2026.toml"
        policy.write_text(POLICY_2026 if not args.no_policy else DEFAULT_POLICY)
        subprocess.run(["git", "clone", "-q", str(args.bundle), str(repo)], check=True)
        log = subprocess.run(
            ["git", "log", "--reverse", "--format=%H%x00%P%x00%cs%x00%B%x1e"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows = []
        for record in log.split("\x1e"):
            if not record.strip():
                continue
            commit, parents, date, message = record.strip("\n").split("\x00", 3)
            if not parents.strip():
                continue
            config = policy if date >= "2026-01-01" else default
            rows.append((commit, judge(message), ours(repo, commit, config)))
    return report(rows, args.show)


def report(rows: list[tuple[str, Judged, Ours]], show: int) -> int:
    listed = [r for r in rows if r[1].listed]
    marked = [r for r in listed if r[1].breaking]
    others = [r for r in listed if not r[1].breaking]
    found = sum(1 for _, _, o in marked if o.breaking)
    alarms = sum(1 for _, _, o in others if o.breaking)
    tp = fp = fn = 0
    print(
        "commit   judge     ours      judged-ops  ours-ops  both  python  breaking wire rules (ours)"
    )
    for commit, j, o in rows:
        if not j.listed:
            continue
        both = j.breaking_operations & o.operations
        tp += len(both)
        fp += len(o.operations - j.breaking_operations)
        fn += len(j.breaking_operations - o.operations)
        rules = ", ".join(f"{k}={v}" for k, v in sorted(o.rules.items()))
        print(
            f"{commit[:8]} {'breaking' if j.breaking else 'ok':9} {'breaking' if o.breaking else 'ok':9} "
            f"{len(j.breaking_operations):10}  {len(o.operations):8}  {len(both):4}  {o.python:6}  {rules}"
        )
        missed = sorted(j.breaking_operations - o.operations)
        extra = sorted(o.operations - j.breaking_operations)
        if missed:
            print(
                f"         missed: {', '.join(missed[:show])}{' ...' if len(missed) > show else ''}"
            )
        if extra:
            print(
                f"         extra:  {', '.join(extra[:show])}{' ...' if len(extra) > show else ''}"
            )
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print()
    print(f"commits with a change list: {len(listed)} ({len(marked)} marked breaking)")
    print(f"marked breaking, reported breaking: {found}/{len(marked)}")
    print(f"not marked breaking, reported breaking (false alarms): {alarms}/{len(others)}")
    print(
        f"per operation: recall {recall:.2f}, precision {precision:.2f} (tp {tp}, fp {fp}, fn {fn})"
    )
    unjudged = [r for r in rows if not r[1].listed]
    flagged = sum(1 for _, _, o in unjudged if o.breaking)
    print(
        f"commits without a change list (no judge): {len(unjudged)}, reported breaking: {flagged}"
    )
    python = sum(1 for _, j, o in listed if o.python and not j.breaking)
    print(
        f"not marked breaking, with breaking changes of the generated Python package only: {python}/{len(others)}"
    )
    errors = [c[:8] for c, _, o in rows if o.exit_code == 2]
    if errors:
        print(f"unreadable input (exit 2): {', '.join(errors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
