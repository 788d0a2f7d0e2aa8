"""docs -> IR -> rendered files -> formatted plan: what `gen` writes and `check` compares."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import Config
from generator.formatting import FormatError, fits, format_all
from generator.ir import Diagnostic, Span, Spec
from generator.openapi import apply_wire_facts
from generator.progress import Progress
from generator.reader import Stamps, read_docs
from generator.render.planner import RenderedFile, plan_files
from generator.render.targets import TargetError, load_target
from generator.sync.plan import Plan, PreviousOutput, UnsafePathError, digest
from generator.sync.reuse import RenderRecord


@dataclass(frozen=True)
class Built:
    spec: Spec
    plan: Plan | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def failed(self) -> bool:
        return self.plan is None


def build(config: Config, stamps: Stamps | None = None) -> Built:
    """`stamps`, when given, receives each doc's stamp as it is read (to tell later whether it changed)."""
    spec, _ = apply_wire_facts(read_docs(list(config.docs), config.dialect, stamps), config)
    if spec.errors:
        return Built(spec, None, spec.diagnostics)
    problems: list[Diagnostic] = []
    try:
        target = load_target(config.target, config.templates)
        pending = plan_files(spec, target, config.package, config.outputs)
        record = RenderRecord(config.out, target)
        texts: dict[str, str] = {}
        # Per formatted file, the digest of its text before formatting (the manifest keeps it).
        rendered: dict[str, str] = {}
        fresh: list[RenderedFile] = []
        for item in pending:
            reused = record.reuse(item.path, item.inputs)
            if reused is None:
                fresh.append(item.render())
                continue
            texts[item.path] = reused[0]
            if item.format == "black":
                rendered[item.path] = reused[1]
    except TargetError as exc:
        problems.append(Diagnostic(Span(_config_path(config), 1), "error", "DM301", str(exc)))
        return Built(spec, None, spec.diagnostics + tuple(problems))
    python = [f for f in fresh if f.format == "black"]
    rendered.update({f.path: digest(f.text.encode("utf-8")) for f in python})
    # black is nearly all the cost of formatting: a file rendered from the same text as last time, and not
    # changed since, is already formatted.
    previous = PreviousOutput.read(config.out)
    formatted: dict[str, str] = {}
    for f in python:
        if target.black_style and fits(f.text):
            formatted[f.path] = f.text
            continue
        again = previous.formatted(f.path, rendered[f.path])
        if again is not None:
            formatted[f.path] = again
    todo = [f for f in python if f.path not in formatted]
    try:
        formatted.update(_format(todo))
    except FormatError as exc:
        problems.append(Diagnostic(Span(_config_path(config), 1), "error", "DM302", str(exc)))
        return Built(spec, None, spec.diagnostics + tuple(problems))
    texts.update({f.path: formatted.get(f.path, f.text) for f in fresh})
    for item in pending:
        record.note(item.path, item.inputs, texts[item.path], rendered.get(item.path, ""))
    try:
        origins = {
            p.path: tuple((o.span, o.fingerprint) for o in p.origins) for p in pending if p.origins
        }
        plan = Plan.build(texts, config.fingerprint(), origins, rendered)
    except UnsafePathError as exc:
        problems.append(Diagnostic(Span(_config_path(config), 1), "error", "DM400", str(exc)))
        return Built(spec, None, spec.diagnostics + tuple(problems))
    record.save()
    return Built(spec, plan, spec.diagnostics)


def _config_path(config: Config) -> str:
    return config.source.name if config.source else "docmodels"


def _format(todo: list[RenderedFile]) -> dict[str, str]:
    """black over the files; on a terminal, in slices that move a progress bar."""
    with Progress("formatting", len(todo)) as bar:
        step = max(64, len(todo) // 20) if bar.shown else max(1, len(todo))
        done: dict[str, str] = {}
        for start in range(0, len(todo), step):
            part = todo[start : start + step]
            texts = format_all([(f.path, f.text) for f in part])
            done.update(zip((f.path for f in part), texts, strict=True))
            bar.advance(len(part))
        return done
