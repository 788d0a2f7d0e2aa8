"""docs -> IR -> rendered files -> formatted plan: what `gen` writes and `check` compares."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import Config
from generator.formatting import FormatError, fits, format_all
from generator.ir import Diagnostic, Span, Spec
from generator.openapi import apply_wire_facts
from generator.progress import Progress
from generator.reader import Stamps, read_docs
from generator.render.planner import RenderedFile, render_files
from generator.render.targets import TargetError, load_target
from generator.sync.plan import Plan, PreviousOutput, UnsafePathError, digest


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
        files = render_files(spec, target, config.package, config.outputs)
    except TargetError as exc:
        problems.append(Diagnostic(Span(_config_path(config), 1), "error", "DM301", str(exc)))
        return Built(spec, None, spec.diagnostics + tuple(problems))
    python = [f for f in files if f.format == "black"]
    rendered = {f.path: digest(f.text.encode("utf-8")) for f in python}
    # black is nearly all the cost of a run: a file rendered from the same text as last time, and not
    # changed since, is already formatted.
    previous = PreviousOutput.read(config.out)
    formatted: dict[str, str] = {}
    for f in python:
        if target.black_style and fits(f.text):
            formatted[f.path] = f.text
            continue
        reused = previous.formatted(f.path, rendered[f.path])
        if reused is not None:
            formatted[f.path] = reused
    todo = [f for f in python if f.path not in formatted]
    try:
        formatted.update(_format(todo))
    except FormatError as exc:
        problems.append(Diagnostic(Span(_config_path(config), 1), "error", "DM302", str(exc)))
        return Built(spec, None, spec.diagnostics + tuple(problems))
    texts = {f.path: formatted.get(f.path, f.text) for f in files}
    try:
        origins = {
            f.path: tuple((o.span, o.fingerprint) for o in f.origins) for f in files if f.origins
        }
        plan = Plan.build(texts, config.fingerprint(), origins, rendered)
    except UnsafePathError as exc:
        problems.append(Diagnostic(Span(_config_path(config), 1), "error", "DM400", str(exc)))
        return Built(spec, None, spec.diagnostics + tuple(problems))
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
