"""The wheel installs one import package, `docmodels`, that carries its templates and works on its own; an
editable install answers to the same name."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.helpers import GENERATED, ROOT, SPECS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(folder),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{done.stdout}\n{done.stderr}")
    (found,) = folder.glob("docmodels-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (its dependencies come from this interpreter's site-packages)."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True
    )
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies, not docmodels: a .pth line adds a folder without running the .pth files in it
    # (the editable install's among them), so only the wheel provides `docmodels`.
    Path(site, "dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)
    return venv


def test_the_wheel_installs_docmodels_and_nothing_else(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {
        "docmodels",
        wheel.name.split("-py3")[0] + ".dist-info",
    }
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))
    )
    assert b"docmodels = docmodels.entry:main" in entry_points


def test_the_wheel_contains_every_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"docmodels/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
        for p in (ROOT / "templates").rglob("*")
        if p.is_file()
    }
    assert shipped and shipped <= names


def test_the_installed_copy_generates_what_the_checkout_does(
    installed: Path, tmp_path: Path
) -> None:
    """`docmodels` and `python -m docmodels` run from the wheel, with its own templates, and give the bytes
    of the committed generated/; `generator` is no installed name."""
    work = tmp_path / "work"
    shutil.copytree(SPECS, work / "specs")
    shutil.copy(ROOT / "pyproject.toml", work / "pyproject.toml")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    python = str(installed / "bin" / "python")

    def run(*args: str) -> str:
        done = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    assert run(str(installed / "bin" / "docmodels"), "--version").startswith("docmodels ")
    assert run(python, "-m", "docmodels", "--version").startswith("docmodels ")
    where = run(
        python, "-c", "from docmodels.render.targets import templates_root as t; print(t())"
    )
    assert Path(where.strip()).is_relative_to(installed)
    missing = run(python, "-c", "import importlib.util as u; print(u.find_spec('generator'))")
    assert missing.strip() == "None"
    run(python, "-m", "docmodels", "gen")
    produced = sorted(p.relative_to(work / "generated") for p in (work / "generated").rglob("*"))
    expected = sorted(p.relative_to(GENERATED) for p in GENERATED.rglob("*"))
    assert produced == expected
    assert all(
        (work / "generated" / p).read_bytes() == (GENERATED / p).read_bytes()
        for p in produced
        if (GENERATED / p).is_file()
    )


def test_an_editable_install_answers_to_docmodels_and_generator(tmp_path: Path) -> None:
    """The development install: the console script, `python -m docmodels` and `python -m generator`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    script = Path(sys.executable).parent / "docmodels"
    for command in (
        [str(script), "--version"],
        [sys.executable, "-m", "docmodels", "--version"],
        [sys.executable, "-m", "generator", "--version"],
    ):
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("docmodels ")
