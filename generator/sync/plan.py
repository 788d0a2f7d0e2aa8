"""The plan: every file the docs produce (path below the output folder -> bytes), plus the manifest."""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..ir import Span

MANIFEST = ".docmodels-manifest.json"


class UnsafePathError(ValueError):
    """A planned path would leave the output folder."""


Origins = dict[str, tuple[tuple[Span, str], ...]]


@dataclass(frozen=True)
class Plan:
    """The files to write; `origins` names, per file, the doc pieces it was made from (span, fingerprint)."""

    files: dict[str, bytes]
    config_hash: str = ""
    origins: Origins = field(default_factory=dict)
    #: The doc folders (and files) this plan was made from, as the manifest records them (`doc_record`).
    docs: tuple[str, ...] = ()
    #: The sha256 of each file but the manifest, taken once when the plan is built (empty: not taken).
    digests: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        files: dict[str, str],
        config_hash: str,
        origins: Origins | None = None,
        rendered: dict[str, str] | None = None,
        docs: Sequence[str] = (),
    ) -> Plan:
        """`rendered`: per formatted file, the hash of its text before formatting (lets the next run skip black);
        `docs`: the doc folders read (`doc_record`)."""
        data = {check_path(path): text.encode("utf-8") for path, text in files.items()}
        origins = dict(origins or {})
        hashes = {path: digest(content) for path, content in data.items()}
        fingerprints = {path: sorted({f for _, f in parts}) for path, parts in origins.items()}
        record = tuple(sorted(set(docs)))
        data[MANIFEST] = manifest_bytes(hashes, config_hash, fingerprints, rendered or {}, record)
        return cls(dict(sorted(data.items())), config_hash, origins, record, hashes)

    def hashes(self) -> dict[str, str]:
        """The sha256 of each file but the manifest (those taken by `build`, not taken again)."""
        if self.digests:
            return {path: h for path, h in self.digests.items() if path != MANIFEST}
        return {path: digest(content) for path, content in self.files.items() if path != MANIFEST}


def manifest_bytes(
    hashes: dict[str, str],
    config_hash: str,
    fingerprints: dict[str, list[str]],
    rendered: dict[str, str] | None = None,
    docs: Sequence[str] | None = None,
) -> bytes:
    """The manifest: what docmodels wrote (path -> sha256), the version and settings that wrote it, the doc
    folders it read (None: not known), and fingerprints of the doc pieces each file was made from (no line
    numbers: moving a row changes nothing)."""
    manifest: dict[str, object] = {
        "generator": "docmodels",
        "version": __version__,
        "config": config_hash,
        "files": dict(sorted(hashes.items())),
        "origins": dict(sorted(fingerprints.items())),
        "rendered": dict(sorted((rendered or {}).items())),
    }
    if docs is not None:
        manifest["docs"] = sorted(set(docs))
    return (indented_json(manifest) + "\n").encode("utf-8")


def indented_json(value: object) -> str:
    """`json.dumps(value, indent=2, sort_keys=True)`, the same text: plain dicts (of string keys), lists
    and strings are written here, each string by json's C escaper, since json indents in pure Python (a
    manifest of a thousand files took it ~50 ms, twice per gen); anything else goes to json as it is."""
    parts: list[str] = []
    try:
        _indented(value, "\n", parts)
    except _Unusual:
        return json.dumps(value, indent=2, sort_keys=True)
    return "".join(parts)


class _Unusual(Exception):
    """A value `_indented` leaves to json (a key that is no string, a subclass of dict or list)."""


_ESCAPE = json.encoder.encode_basestring_ascii


def _indented(value: object, newline: str, parts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append(_ESCAPE(value))  # type: ignore[arg-type]
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        items = value.items()  # type: ignore[attr-defined]
        if any(type(key) is not str for key, _ in items):
            raise _Unusual
        separator = "{" + inner
        for key, item in sorted(items):
            parts.append(separator + _ESCAPE(key) + ": ")
            _indented(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:  # type: ignore[attr-defined]
            parts.append(separator)
            _indented(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    elif value is None or kind in (bool, int, float):
        parts.append(json.dumps(value))
    else:
        raise _Unusual


@dataclass(frozen=True)
class PreviousOutput:
    """What the last gen wrote into an output folder, to reuse formatting work that would be repeated."""

    out: Path
    files: dict[str, str]
    rendered: dict[str, str]

    @classmethod
    def read(cls, out: Path) -> PreviousOutput:
        data = read_manifest_data(out)
        files = _text_map(data.get("files"))
        return cls(out, files, _text_map(data.get("rendered")) if files else {})

    def formatted(self, path: str, rendered_hash: str) -> str | None:
        """The file as formatted last time, if it was made from the same text and nobody changed it since."""
        if self.rendered.get(path) != rendered_hash:
            return None
        return read_unchanged(self.out / path, self.files.get(path))


def read_unchanged(file: str | Path, written: str | None) -> str | None:
    """The file's text, if its bytes are still the ones whose digest is `written`; otherwise None."""
    try:
        with open(file, "rb") as handle:
            content = handle.read()
    except OSError:
        return None
    if digest(content) != written:
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None


def read_fingerprints(out: Path) -> dict[str, set[str]]:
    """The fingerprints the last gen recorded per file; empty when unknown."""
    origins = read_manifest_data(out).get("origins")
    if not isinstance(origins, dict):
        return {}
    return {str(k): {str(f) for f in v} for k, v in origins.items() if isinstance(v, list)}


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def check_path(path: str) -> str:
    """A normalised relative POSIX path that stays inside the output folder."""
    normal = posixpath.normpath(path)
    if (
        not path
        or path.startswith(("/", "\\"))
        or normal in (".", "..")
        or normal.startswith("../")
        or "\\" in path
        or ":" in path
        or "\x00" in path
    ):
        raise UnsafePathError(f"output path `{path}` would leave the output folder")
    return normal


def doc_record(docs: Sequence[Path], out: Path) -> tuple[str, ...]:
    """The doc folders (or files) as the manifest records them: normalised POSIX paths relative to the output
    folder (so the record is the same on every machine and from every working directory), sorted, unique."""
    found = set()
    for doc in docs:
        try:
            found.add(Path(os.path.relpath(os.path.abspath(doc), os.path.abspath(out))).as_posix())
        except ValueError:  # another drive (Windows): no relative path exists
            found.add(Path(os.path.abspath(doc)).as_posix())
    return tuple(sorted(found))


def read_doc_record(out: Path) -> tuple[str, ...] | None:
    """The doc folders the last gen recorded; None when unknown (no manifest, or one written before
    docmodels recorded them)."""
    docs = read_manifest_data(out).get("docs")
    if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
        return None
    return tuple(sorted(set(docs)))


def read_manifest(out: Path) -> dict[str, str]:
    """The files (and hashes) that docmodels wrote last time; empty when there is no valid manifest."""
    return _text_map(read_manifest_data(out).get("files"))


def read_manifest_data(out: Path) -> dict[str, Any]:
    """The manifest the last gen wrote into `out`, parsed; empty when it is missing, unreadable or no JSON
    object (a damaged manifest only costs the work it would have saved). The one reader of the file (the
    CLI's fast path in entry.py reads it on its own, importing nothing)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _text_map(value: object) -> dict[str, str]:
    """A manifest section that maps paths to digests; empty when it is not an object."""
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}
