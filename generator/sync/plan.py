"""The plan: every file the docs produce (path below the output folder -> bytes), plus the manifest."""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from generator import __version__

MANIFEST = ".docmodels-manifest.json"


class UnsafePathError(ValueError):
    """A planned path would leave the output folder."""


@dataclass(frozen=True)
class Plan:
    files: dict[str, bytes]

    @classmethod
    def build(cls, files: dict[str, str], config_hash: str) -> Plan:
        data = {check_path(path): text.encode("utf-8") for path, text in files.items()}
        manifest = {
            "generator": "docmodels",
            "version": __version__,
            "config": config_hash,
            "files": {path: digest(content) for path, content in sorted(data.items())},
        }
        data[MANIFEST] = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")
        return cls(dict(sorted(data.items())))


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def check_path(path: str) -> str:
    """A normalised relative POSIX path that stays inside the output folder."""
    normal = posixpath.normpath(path)
    if (
        not path
        or path.startswith(("/", "\\"))
        or normal == ".."
        or normal.startswith("../")
        or "\\" in path
        or ":" in path
        or "\x00" in path
    ):
        raise UnsafePathError(f"output path `{path}` would leave the output folder")
    return normal


def read_manifest(out: Path) -> dict[str, str]:
    """The files (and hashes) that docmodels wrote last time; empty when there is no valid manifest."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
