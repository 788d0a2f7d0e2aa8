"""docmodels in an editable install: the checkout's generator/ folder, under the name the wheel installs.

The wheel maps generator/ to docmodels/ when it is built; an editable install cannot rename a folder, so
this package searches generator/ for its modules and runs generator/__init__.py as its own."""

from pathlib import Path

__path__ = [str(Path(__file__).resolve().parents[2] / "generator")]
_init = Path(__path__[0], "__init__.py")
exec(compile(_init.read_bytes(), str(_init), "exec"))
