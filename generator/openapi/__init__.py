"""OpenAPI enrichment: a Spec -> Spec step that takes from the API's schemas what the docs cannot say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..config import Config
from ..ir import Spec
from ..wire_names import apply_policy, sdk_names_warning
from .document import OpenAPIError

__all__ = ["OpenAPIError", "apply_wire_facts", "enrich"]


def apply_wire_facts(spec: Spec, config: Config) -> tuple[Spec, dict[str, Any] | None]:
    """The wire-name policy and overrides of `config`, then its OpenAPI document (and its match report)."""
    display = config.source.name if config.source else "pyproject.toml"
    spec = apply_policy(spec, config.wire_names, config.wire_name_overrides, display)
    if config.openapi is None:
        if not config.wire_names_set and not config.wire_name_overrides:
            spec = sdk_names_warning(spec)
        return spec, None
    return enrich(spec, config.openapi, _display(config.openapi))


def enrich(
    spec: Spec, path: Path, display: str | None = None
) -> tuple[Spec, dict[str, Any] | None]:
    """`spec` with the facts of the OpenAPI document at `path`, and a report of what matched and why.

    An unreadable document is an error (DM700) and leaves `spec` as it was, with no report. The matching
    code is imported only here: a run without a document does not load it."""
    from .run import enrich as run

    return run(spec, path, display)


def _display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
