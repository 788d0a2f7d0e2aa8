"""Match a spec to an OpenAPI document and take from its schemas what the docs cannot say, with a report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..diagnostics import Collector
from ..ir import Model, Span, Spec
from ..wire_names import replace_models
from .coverage import Accounting, Entry, summary
from .document import Document, OpenAPIError
from .match import Matcher, Schemas
from .model_facts import enrich_model


def enrich(
    spec: Spec, path: Path, display: str | None = None
) -> tuple[Spec, dict[str, Any] | None]:
    """`spec` with the facts of the OpenAPI document at `path`, and a report of what matched and why.

    An unreadable document is an error (DM700) and leaves `spec` as it was, with no report.
    """
    display = display or path.as_posix()
    out = Collector()
    try:
        schemas = Schemas(Document.load(path))
        matcher = Matcher(spec, schemas)
        matcher.run()
    except (OpenAPIError, RecursionError) as exc:
        out.error(Span(display, 1), "DM700", f"{display}: {exc}")
        return replace_models(spec, list(spec.models), out.sorted()), None
    models: list[Model] = []
    for model in spec.models:
        found = matcher.matched.get(model.key)
        if found is None:
            out.info(
                model.source,
                "DM702",
                f"{model.key}: no schema matched: {matcher.reasons[model.key]}",
            )
            for other in sorted(matcher.also.get(model.key, {}).values(), key=lambda n: n.pointer):
                enrich_model(
                    model, other, schemas, out
                )  # where a parent puts it: contradictions only
            models.append(model)
            continue
        out.info(model.source, "DM701", f"{model.key}: matched {found.node.pointer} by {found.by}")
        enriched = enrich_model(model, found.node, schemas, out)
        for other in sorted(matcher.also.get(model.key, {}).values(), key=lambda n: n.pointer):
            enrich_model(enriched, other, schemas, out)  # its contradictions only
        models.append(enriched)
    entries = Accounting(spec, matcher, schemas).run()
    lonely = []
    for entry in entries:
        if entry.category == "doc-model":
            continue
        lonely.append({"schema": entry.pointer, "category": entry.category, "reason": entry.reason})
        message = f"{entry.pointer}: no doc model ({entry.category}: {entry.reason})"
        out.info(Span(display, 1), "DM703", message)
    result = replace_models(spec, models, out.sorted())
    return result, _report(display, result, matcher, entries, lonely)


def _report(
    display: str, spec: Spec, matcher: Matcher, entries: list[Entry], lonely: list[dict[str, str]]
) -> dict[str, Any]:
    fields = [f for m in spec.models if m.schema for f in m.fields]
    return {
        "spec": display,
        "models": len(spec.models),
        "models_matched": len(matcher.matched),
        **summary(entries),
        "fields": len(fields),
        "fields_with_spec_wire_name": sum(f.fact_source("wire_name") == "spec" for f in fields),
        "matched": [
            {"model": str(key), "schema": found.node.pointer, "by": found.by}
            for key, found in sorted(matcher.matched.items())
        ],
        "unmatched": [
            {"model": str(key), "reason": reason} for key, reason in sorted(matcher.reasons.items())
        ],
        "schemas_without_model": lonely,
    }
