"""docmodels in an editable install: the checkout's generator/ folder, under the name the wheel installs.

The wheel maps generator/ to docmodels/ when it is built; an editable install cannot rename a folder, so
this package searches generator/ for its modules and runs generator/__init__.py as its own. It uses os.path,
not pathlib: every command starts here, and pathlib's import alone costs about 20 ms."""

import os

__path__ = [
    os.path.join(
        os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))), "generator"
    )
]
_init = os.path.join(__path__[0], "__init__.py")
with open(_init, "rb") as _file:
    exec(compile(_file.read(), _init, "exec"))
del _file
