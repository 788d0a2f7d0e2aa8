"""A target's `formatter` command: run once on the files it produced, `check` comparing formatted text,
its failure an error naming the command and the files (DM302)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

# A stand-in for gofmt or prettier: rewrites each file it is given in place, and logs each run.
FAKE_FORMATTER = """\
import sys
from pathlib import Path

log, mode, *files = sys.argv[1:]
with open(log, "a", encoding="utf-8") as handle:
    handle.write(" ".join(files) + "\\n")
if mode == "fail":
    print(f"{files[0]}:1:1: expected declaration", file=sys.stderr)
    sys.exit(2)
for name in files:
    path = Path(name)
    path.write_text(path.read_text(encoding="utf-8").replace("  ", "\\t") + "// formatted\\n", encoding="utf-8")
"""


def _target(project: Path, mode: str = "ok", program: str | None = None) -> Path:
    """A target `fmt` whose model files go through the fake formatter and whose index does not."""
    user = project / "my_templates/fmt"
    user.mkdir(parents=True, exist_ok=True)
    (user / "fake_fmt.py").write_text(FAKE_FORMATTER, encoding="utf-8")
    log = project / "formatter.log"
    command = [program or sys.executable, str(user / "fake_fmt.py"), str(log), mode]
    (user / "manifest.toml").write_text(
        f"formatter = {json.dumps(command)}\n\n"
        '[[outputs]]\neach = "model"\ntemplate = "model.j2"\npath = "src/{module_path}.txt"\n'
        'format = "formatter"\n\n'
        '[[outputs]]\neach = "package"\ntemplate = "index.j2"\npath = "src/index.txt"\n',
        encoding="utf-8",
    )
    (user / "model.j2").write_text("type {{ unique_name }} {\n  x\n}\n", encoding="utf-8")
    (user / "index.j2").write_text(
        "{% for m in models %}  {{ m.class_name }}\n{% endfor %}", encoding="utf-8"
    )
    return log


def _gen(run, *more: str):  # type: ignore[no-untyped-def]
    return run("gen", "--templates", "my_templates", "--target", "fmt", "--out", "o", *more)


def test_the_formatter_runs_once_on_the_files_it_formats(project: Path, run) -> None:
    log = _target(project)
    result = _gen(run)
    assert result.code == 0, result.err
    runs = log.read_text().splitlines()
    assert len(runs) == 1  # one run, every file appended
    formatted = sorted(runs[0].split())
    models = sorted(
        p.relative_to(project / "o").as_posix() for p in (project / "o/src").rglob("*.txt")
    )
    assert formatted == [m for m in models if m != "src/index.txt"]
    machine = (project / "o/src/typescript/components/machine.txt").read_text()
    assert machine == "type Machine {\n\tx\n}\n// formatted\n"
    assert (
        (project / "o/src/index.txt").read_text().startswith("  ")
    )  # format = "none": as rendered


def test_check_compares_the_formatted_text_and_unchanged_files_are_not_formatted_again(
    project: Path, run
) -> None:
    log = _target(project)
    assert _gen(run).code == 0
    check = run("check", "--templates", "my_templates", "--target", "fmt", "--out", "o")
    assert check.code == 0, check.out + check.err
    assert _gen(run).code == 0
    assert len(log.read_text().splitlines()) == 1  # both runs reused the formatted files
    edited = project / "o/src/typescript/components/machine.txt"
    edited.write_text("type Machine {\n  x\n}\n", encoding="utf-8")
    check = run("check", "--templates", "my_templates", "--target", "fmt", "--out", "o")
    assert check.code != 0 and "machine.txt" in check.out + check.err
    assert _gen(run).code == 0
    runs = log.read_text().splitlines()
    assert runs[-1] == "src/typescript/components/machine.txt"  # only the edited file again
    assert edited.read_text().endswith("// formatted\n")


def test_a_failing_formatter_is_an_error_naming_the_command_and_files(project: Path, run) -> None:
    _target(project, "fail")
    result = _gen(run)
    assert result.code == 2
    # Reported at the manifest line that names the command.
    assert result.err.startswith("my_templates/fmt/manifest.toml:1:1: error[DM302]: formatter `")
    assert "fake_fmt.py" in result.err
    assert "exited with 2 on src/" in result.err
    assert ":1:1: expected declaration" in result.err and "docmodels-format-" not in result.err
    assert not (project / "o").exists()


def test_a_missing_formatter_is_an_error_naming_it(project: Path, run) -> None:
    _target(project, program="no-such-formatter-anywhere")
    result = _gen(run)
    assert result.code == 2
    assert "error[DM302]" in result.err and "`no-such-formatter-anywhere` installed" in result.err
    assert not (project / "o").exists()


def test_a_formatter_must_be_an_argument_list(project: Path, run) -> None:
    _target(project)
    manifest = project / "my_templates/fmt/manifest.toml"
    text = manifest.read_text()
    manifest.write_text('formatter = "gofmt -w"\n' + text[text.index("\n") :], encoding="utf-8")
    result = _gen(run)
    assert result.code == 2 and "error[DM301]" in result.err and "list of strings" in result.err
    manifest.write_text(text[text.index("\n") :], encoding="utf-8")
    result = _gen(run)
    assert result.code == 2 and "names no `formatter`" in result.err


def test_a_formatted_path_that_leaves_the_output_folder_is_refused_unformatted(
    project: Path, run
) -> None:
    log = _target(project)
    manifest = project / "my_templates/fmt/manifest.toml"
    manifest.write_text(
        manifest.read_text().replace(
            'path = "src/{module_path}.txt"', 'path = "../{module_path}.txt"'
        ),
        encoding="utf-8",
    )
    result = _gen(run)
    assert result.code == 2 and "error[DM400]" in result.err
    assert not log.exists()  # the formatter never saw a path outside its folder
    assert not list(project.glob("php")) and not (project / "o").exists()
