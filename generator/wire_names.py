"""Wire-name policy without an OpenAPI document: how the API spells the names the docs give."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from .diagnostics import Collector
from .ir import Diagnostic, Field, Model, Span, Spec

POLICIES = ("as-written", "snake_case", "camelCase", "PascalCase")
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


def words(name: str) -> list[str]:
    """The words of a name in any spelling: `lastActiveAt`, `last_active_at`, `LastActiveAt`, `userID`."""
    return [w for part in re.split(r"[^A-Za-z0-9]+", name) for w in _WORD.findall(part)]


def is_sdk_name(name: str) -> bool:
    """An ASCII identifier, as SDKs name fields; anything else (`@odata.type`, `größe`) is the JSON key itself.
    ASCII, so the answer is the same on every Python (`str.isidentifier` follows its Unicode tables)."""
    return name.isascii() and name.isidentifier()


def spell(name: str, policy: str) -> str:
    """`name` spelled as `policy` says; `as-written` (and a name without words) keeps it."""
    parts = words(name)
    if policy == "as-written" or not parts:
        return name
    if policy == "snake_case":
        return "_".join(w.lower() for w in parts)
    capitalized = [w[:1].upper() + w[1:].lower() for w in parts]
    if policy == "PascalCase":
        return "".join(capitalized)
    if policy == "camelCase":
        return parts[0].lower() + "".join(capitalized[1:])
    raise ValueError(f"unknown wire-name policy {policy!r}")


def apply_policy(
    spec: Spec, policy: str, overrides: Mapping[str, str], config_path: str = "pyproject.toml"
) -> Spec:
    """Every field's wire name spelled by `policy`, then `overrides` (`"Model.field" = "wire"`) applied.

    An override that names no field, and two fields of one model that end up with the same wire name,
    are errors (DM720, DM721).
    """
    if policy == "as-written" and not overrides:
        return spec
    out = Collector()
    used: set[str] = set()
    models: list[Model] = []
    for model in spec.models:
        if model.kind != "object":
            models.append(model)
            continue
        fields: list[Field] = []
        for f in model.fields:
            # A name that is no identifier (`@odata.type`, `content-type`) is no SDK's name: it is the key.
            # A wire name the doc's JSON example shows is the API's own spelling.
            shown = not is_sdk_name(f.name) or f.fact_source("wire_name") == "example"
            spelled = f.wire_name if shown else spell(f.name, policy)
            wire, source = spelled, "config"
            for key in (f"{model.key}.{f.name}", f"{model.key.name}.{f.name}"):
                if key in overrides:
                    wire = overrides[key]
                    used.add(key)
                    break
            if wire == f.wire_name:
                fields.append(f)
            else:
                facts = (*(x for x in f.facts if x[0] != "wire_name"), ("wire_name", source))
                fields.append(replace(f, wire_name=wire, facts=facts))
        _check_unique(model, fields, out)
        models.append(replace(model, fields=tuple(fields)))
    for key in sorted(set(overrides) - used):
        out.error(
            Span(config_path, 1),
            "DM720",
            f"wire_name_overrides: `{key}` names no field (write `Model.field` with the doc's names)",
        )
    return replace_models(spec, models, out.sorted())


def _check_unique(model: Model, fields: list[Field], out: Collector) -> None:
    seen: dict[str, str] = {}
    for f in fields:
        if f.wire_name in seen:
            out.error(
                f.source,
                "DM721",
                f"{model.key.name}: fields `{seen[f.wire_name]}` and `{f.name}` both have the wire name "
                f"`{f.wire_name}` (set one in wire_name_overrides)",
            )
        seen.setdefault(f.wire_name, f.name)


def replace_models(spec: Spec, models: list[Model], diagnostics: tuple[Diagnostic, ...]) -> Spec:
    """`spec` with new models and extra diagnostics, keeping the diagnostics sorted."""
    return Spec(
        tuple(models),
        tuple(sorted(set(spec.diagnostics) | set(diagnostics))),
        spec.ir_version,
        spec.skipped,
    )


#: Dialects whose docs give the names the SDK gives, each with the spelling its SDK uses.
SDK_SPELLING = {
    "go": "PascalCase",
    "csharp": "PascalCase",
    "unity": "PascalCase",
    "typescript": "camelCase",
    "java": "camelCase",
    "php": "camelCase",
    "python": "snake_case",
    "ruby": "snake_case",
}


@cache
def _spelling_matters(name: str) -> bool:
    """Whether an SDK's field name may differ from the API's: snake_case and camelCase spell it otherwise."""
    return (
        is_sdk_name(name) and len({name, spell(name, "snake_case"), spell(name, "camelCase")}) > 1
    )


def sdk_names_warning(spec: Spec) -> Spec:
    """`spec` with one DM722 warning when SDK docs' field names are taken as wire names unchecked.

    Only names whose spelling matters count: `id` is `id` in snake_case and camelCase, `lastActiveAt` or
    `ID` may not be what the API sends. Names the plain form writes, names a JSON example showed and names
    that are no identifier (`@odata.type`) are wire names already."""
    doubtful = [
        (model, f)
        for model in spec.models
        if model.dialect in SDK_SPELLING
        for f in model.fields
        if _spelling_matters(f.name) and f.fact_source("wire_name") == "doc"
    ]
    if not doubtful:
        return spec
    model, first = min(doubtful, key=lambda pair: (pair[1].source, pair[0].key))
    dialects = sorted({m.dialect for m, _ in doubtful})
    models = len({m.key for m, _ in doubtful})
    message = (
        f"{len(doubtful):,} field names in {models:,} models are the {', '.join(dialects)} SDK's names "
        f"(such as `{model.key.name}.{first.name}`, {SDK_SPELLING[model.dialect]}), taken as the JSON's "
        "wire names: the API may spell them otherwise. Fix: pass --openapi with the API's OpenAPI "
        "document, or set `wire_names` in [tool.docmodels] (snake_case, camelCase, PascalCase, or "
        "as-written to keep the docs' names)"
    )
    warning = Diagnostic(first.source, "warning", "DM722", message)
    return replace_models(spec, list(spec.models), (warning,))
