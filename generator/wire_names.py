"""Wire-name policy without an OpenAPI document: how the API spells the names the docs give."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from generator.diagnostics import Collector
from generator.ir import Diagnostic, Field, Model, Span, Spec

POLICIES = ("as-written", "snake_case", "camelCase", "PascalCase")
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


def words(name: str) -> list[str]:
    """The words of a name in any spelling: `lastActiveAt`, `last_active_at`, `LastActiveAt`, `userID`."""
    return [w for part in re.split(r"[^A-Za-z0-9]+", name) for w in _WORD.findall(part)]


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
            spelled = spell(f.name, policy) if f.name.isidentifier() else f.wire_name
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
    )
