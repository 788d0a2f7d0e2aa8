"""The path checks of a configuration: every path a run reads or writes is usable before anything runs."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, display_path, problem_at

if TYPE_CHECKING:
    from .ir import Diagnostic


class PathProblems:
    """What is wrong with the paths of a configuration: each problem names the path, where it was set (the
    command line, or its line in pyproject.toml) and what is wrong with it."""

    def __init__(
        self,
        display: str,
        text: str,
        from_cli: Collection[str],
        merged: Mapping[str, Any],
        root: Path,
    ) -> None:
        self.display, self.text, self.from_cli, self.merged = display, text, from_cli, merged
        self.root = root.resolve()
        self.problems: list[Diagnostic] = []

    def add(self, key: str, code: str, value: str, message: str) -> None:
        from .ir import Diagnostic, Span

        if key in self.from_cli:
            option = "docs path" if key == "docs" else f"--{key}"
            where = Span(value or f"--{key}", 1)
            self.problems.append(Diagnostic(where, "error", code, f"{option} `{value}` {message}"))
        else:
            found = problem_at(self.display, self.text, key, "")
            self.problems.append(
                Diagnostic(found.span, "error", code, f"`{key}` path `{value}` {message}")
            )

    def check(self, config: Config, keys: Collection[str]) -> None:
        docs_value = self.merged["docs"]
        typed = [docs_value] if isinstance(docs_value, str) else list(docs_value)
        if "docs" in keys:
            if not typed:
                self.add("docs", "DM303", "", "names no doc folder")
            for value, path in zip(typed, config.docs, strict=True):
                self._doc_path(value, path)
        if "out" in keys:
            self._out(str(self.merged["out"]), config)
        if "templates" in keys and config.templates is not None:
            value = str(self.merged["templates"])
            if not config.templates.exists():
                self.add("templates", "DM305", value, "does not exist")
            elif not config.templates.is_dir():
                self.add("templates", "DM305", value, "is a file, not a folder")
        if "openapi" in keys and config.openapi is not None:
            value = str(self.merged["openapi"])
            if not config.openapi.exists():
                self.add("openapi", "DM306", value, "does not exist")
            elif config.openapi.is_dir():
                self.add("openapi", "DM306", value, "is a folder, not a file")

    def _doc_path(self, value: str, path: Path) -> None:
        if not value.strip():
            self.add("docs", "DM303", value, "is empty: name a folder of markdown docs")
        elif not path.exists():
            self.add("docs", "DM303", value, "does not exist")
        elif path.is_dir():
            if not _holds_markdown(path):
                self.add("docs", "DM303", value, "holds no markdown docs (*.md)")
        elif path.suffix.lower() != ".md":
            self.add("docs", "DM303", value, "is not a markdown doc (*.md) or a folder of them")

    def _out(self, value: str, config: Config) -> None:
        out = config.out
        problem: str | None
        if not value.strip():
            problem = "is empty: name the output folder, such as `generated`"
        elif out.exists() and not out.is_dir():
            problem = "is a file, not a folder"
        elif out == self.root:
            problem = "is the project folder itself: name a folder inside it, such as `generated`"
        elif self.root.is_relative_to(out):
            problem = (
                f"is a folder above the project ({self.root.as_posix()}): name a folder inside it"
            )
        else:
            problem = _overlap(out, config.docs, "docs") or (
                _overlap(out, (config.templates,), "templates") if config.templates else None
            )
        if problem:
            self.add("out", "DM304", value, problem)


def _overlap(out: Path, folders: Collection[Path], what: str) -> str | None:
    """What is wrong when the output folder is, is inside, or holds one of `folders`."""
    for folder in folders:
        shown = display_path(folder, Path.cwd().resolve())
        if out == folder:
            return f"is the {what} folder: gen would mix generated files with it"
        if out.is_relative_to(folder):
            return f"is inside the {what} folder {shown}: name a folder outside it"
        if folder.is_relative_to(out):
            return f"holds the {what} folder {shown}: name a folder that does not contain it"
    return None


def _holds_markdown(folder: Path) -> bool:
    """Whether any markdown file is below `folder` (hidden folders left out); stops at the first."""
    for _, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(name.lower().endswith(".md") for name in files):
            return True
    return False
