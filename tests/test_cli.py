"""The command line: help, version, configuration and its overrides, the IR as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator import __version__
from tests.helpers import ROOT, SPECS


def test_version(run) -> None:
    result = run("--version")
    assert result.code == 0 and result.out.strip() == f"docmodels {__version__}"


@pytest.mark.parametrize("command", ["gen", "check", "ir"])
def test_help_documents_every_option(run, command: str) -> None:
    result = run(command, "--help")
    assert result.code == 0
    options = ["PATH", "--dialect", "--config"]
    if command != "ir":
        options += ["--out", "--package", "--outputs", "--target", "--templates"]
    for option in options:
        assert option in result.out


def test_top_level_help_lists_commands_and_exit_codes(run) -> None:
    result = run("--help")
    assert all(
        word in result.out for word in ("gen", "check", "ir", "[tool.docmodels]", "Exit codes")
    )


def test_module_and_console_script_entry_points() -> None:
    for command in (
        [sys.executable, "-m", "generator", "--version"],
        [str(Path(sys.executable).parent / "docmodels"), "--version"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        assert done.stdout.strip() == f"docmodels {__version__}"


def test_command_line_overrides_configuration(project: Path, run) -> None:
    result = run(
        "gen",
        "specs/typescript",
        "--out",
        "elsewhere",
        "--package",
        "ts_models",
        "--outputs",
        "models",
    )
    assert result.code == 0
    produced = sorted(
        p.relative_to(project / "elsewhere").as_posix()
        for p in (project / "elsewhere").rglob("*.py")
    )
    assert "ts_models/components/session_response.py" in produced
    assert not any(p.startswith(("tests/", "docs/")) for p in produced)
    assert not (project / "generated").exists()


def test_configuration_errors_name_the_key_and_line(project: Path, run) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.docmodels]\ndocs = ["specs"]\npackage = "not-valid"\ncolour = "blue"\n'
    )
    result = run("gen")
    assert result.code == 2
    assert "pyproject.toml:7:1: error[DM300]: unknown key `colour`" in result.err
    assert (
        "pyproject.toml:6:1: error[DM300]: `package` must be a Python identifier, not 'not-valid'"
        in result.err
    )
    assert not (project / "generated").exists()


def test_unknown_target_is_a_diagnostic(project: Path, run) -> None:
    result = run("gen", "--target", "nonesuch")
    assert result.code == 2
    assert "error[DM301]: unknown target `nonesuch` (known: attrs, dataclasses, " in result.err


def test_ir_prints_versioned_json_of_the_seed_docs(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("ir", str(SPECS))
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["ir_version"] == 2 and data["diagnostics"] == []
    models = {m["title"]: m for m in data["models"]}
    session = models["Session"]
    assert session["key"] == {"namespace": "php/Models/Components", "name": "Session"}
    assert session["dialect"] == "php" and session["kind"] == "object"
    status = next(f for f in session["fields"] if f["name"] == "status")
    assert status["type"] == {
        "kind": "ref",
        "ref": {"namespace": "php/Models/Components", "name": "Status"},
    }
    assert status["required"] is True and status["nullable"] is None
    assert status["source"] == {
        "path": "specs/php/Models/Components/Session.md",
        "line": 12,
        "column": 92,
    }
    response = models["SessionResponse"]
    session_id = next(f for f in response["fields"] if f["name"] == "sessionId")
    assert session_id["deprecated"] is True
    assert session_id["deprecation_message"].startswith("This will be removed")
    assert session_id["description"] == "The session ID"
    assert response["example"]["createdAt"] == "2025-03-31T12:50:52.284Z"
    assert [v["value"] for v in models["Status"]["values"]][:3] == ["active", "revoked", "ended"]
    assert models["SessionOwner"]["members"][1]["ref"]["name"] == "SessionObject"


def test_ir_of_a_lone_seed_types_its_missing_links_any_and_exits_2_only_when_strict(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seed = tmp_path / "session.md"
    seed.write_text((SPECS / "php/Models/Components/Session.md").read_text())
    monkeypatch.chdir(tmp_path)
    result = run("ir", "session.md")
    assert result.code == 0
    data = json.loads(result.out)
    codes = [d["code"] for d in data["diagnostics"]]
    # No pyproject says how the API spells the PHP SDK's names: one DM722 warning says so.
    assert sorted(codes) == ["DM200", "DM200", "DM200", "DM722"]
    assert (
        "session.md:8:92: warning[DM200]: link to `../../Models/Components/SessionObject.md`"
        in result.err
    )
    fields = {f["name"]: f for f in data["models"][0]["fields"]}
    assert fields["object"]["type"] == {"kind": "any"}
    assert "SessionObject.md" in fields["object"]["degraded"]
    assert sum(1 for f in fields.values() if "degraded" in f) == 3
    strict = run("ir", "--strict", "session.md")
    assert strict.code == 2
    assert "session.md:8:92: error[DM200]: link to" in strict.err
    assert [d["severity"] for d in json.loads(strict.out)["diagnostics"]] == ["error"] * 4


def test_the_diagnostics_page_indexes_every_diagnostic_code() -> None:
    """The code table moved from the README to docs/diagnostics.md's generated index."""
    from generator.diagnostics import CODES

    page = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"| [{code}](#{code.lower()}) |" not in page]
    assert not missing


@pytest.mark.slow
def test_gen_watch_regenerates_when_a_doc_changes(project: Path) -> None:
    """Driven by the watcher's own output lines, not by the clock: the doc is edited once the watcher
    says it watches, and the module is read once the second run has reported. The deadline only stops
    a hung watcher; no latency is asserted."""
    import os
    import queue
    import signal
    import threading

    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "gen", "--watch"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or ()])
    reader.start()
    seen: list[str] = []

    def next_line_with(text: str) -> None:
        while True:
            try:
                line = lines.get(timeout=300)
            except queue.Empty:
                raise AssertionError(f"no {text!r} line; output so far: {seen}") from None
            seen.append(line)
            if text in line:
                return

    module = project / "generated/example_models/php/components/session.py"
    try:
        next_line_with("watching for changes")
        assert "Unix timestamp of creation." in module.read_text()
        doc = project / "specs/php/Models/Components/Session.md"
        doc.write_text(doc.read_text().replace("Unix timestamp of creation.", "When it was made."))
        next_line_with("docmodels: ")  # the second run's summary
        assert "When it was made." in module.read_text()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=300)
        reader.join()
    err = process.stderr.read() if process.stderr else ""
    while not lines.empty():
        seen.append(lines.get())
    assert process.returncode == 0, err
    said = [line.strip() for line in seen if line.strip()]
    assert said[-1] == "docmodels: stopped watching", seen
    # the first run, the watching line, the second run, the stop line
    assert sum(line.startswith("docmodels: ") for line in seen) == 4, seen


def test_version_imports_nothing_but_the_entry_point() -> None:
    """`docmodels --version` must cost about as much as starting Python (issue 9: within 5x)."""
    import subprocess
    import sys

    probe = (
        "import sys; sys.argv = ['docmodels', '--version']\n"
        "from generator.entry import main\n"
        "assert main() == 0\n"
        "heavy = ('black', 'jinja2', 'markdown_it', 'generator.cli', 'generator.config')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"docmodels {__import__('generator').__version__}", "[]"]


@pytest.mark.parametrize("command", ["gen", "check"])
def test_a_run_goes_without_cycle_collection_and_restores_it(
    run, project: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    import gc

    from generator.sync import fastpath

    seen: list[bool] = []
    real = fastpath.run

    def spy(*args: object, **kwargs: object) -> int:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fastpath, "run", spy)
    assert gc.isenabled()
    assert run(command).code in (0, 1)
    assert seen == [False]
    assert gc.isenabled()


def test_watch_polls_less_often_when_a_poll_costs_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """Polling takes at most `POLL_SHARE` of a core: a poll that costs 0.3 s means 3 s until the next."""
    from generator import watch

    costs = iter([0.0, 0.001, 0.3, 0.3, 0.001])
    clock = [0.0]
    pauses: list[float] = []

    def stamp(paths: object) -> frozenset[tuple[str, int, int]]:
        clock[0] += next(costs)
        return frozenset()

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 4:
            raise KeyboardInterrupt

    monkeypatch.setattr(watch, "stamp", stamp)
    monkeypatch.setattr(watch.time, "sleep", sleep)
    monkeypatch.setattr(watch.time, "perf_counter", lambda: clock[0])
    with pytest.raises(KeyboardInterrupt):
        watch.watch(list, lambda: None, interval=0.2, announce=lambda _: None)
    assert pauses == pytest.approx([0.2, 0.2, 0.3 / watch.POLL_SHARE, 0.3 / watch.POLL_SHARE])
