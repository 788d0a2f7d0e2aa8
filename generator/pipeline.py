"""docs -> IR -> rendered files -> formatted plan: what `gen` writes and `check` compares."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .cache_store import Store
from .config import Config
from .degradation import strictly
from .formatter_command import FormatterFailed, run_formatter
from .formatting import FormatError, fits, format_all
from .ir import Diagnostic, Span, Spec
from .openapi import apply_wire_facts
from .progress import Progress
from .reader import Stamps, read_docs
from .render.line_layout import lay_out
from .render.planner import PendingFile, RenderedFile, plan_files
from .render.targets import Target, TargetError, load_target
from .sync.plan import Plan, PreviousOutput, UnsafePathError, digest, doc_record
from .sync.reuse import RenderRecord


@dataclass(frozen=True)
class Built:
    spec: Spec
    plan: Plan | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def failed(self) -> bool:
        return self.plan is None


def build(config: Config, stamps: Stamps | None = None, store: Store | None = None) -> Built:
    """`stamps`, when given, receives each doc's stamp as it is read (to tell later whether it changed);
    `store` keeps what the next run can reuse (None: nothing is kept)."""
    store = store or Store(None)
    spec, _ = apply_wire_facts(read_docs(list(config.docs), config.dialect, stamps, store), config)
    if config.strict:
        spec = strictly(spec)
    if spec.errors:
        return Built(spec, None, spec.diagnostics)
    try:
        target = load_target(config.target, config.templates)
        pending = plan_files(
            spec, target, config.package, config.outputs, store, config.docs_parts, config.tests
        )
        record = RenderRecord(store, config.out, target)
        texts, rendered, fresh = _render(pending, record, target)
        texts.update(_formatted(fresh, target, config.out, rendered))
    except TargetError as exc:
        return _failed(spec, config, "DM301", str(exc), exc.where)
    except FormatterFailed as exc:
        return _failed(spec, config, "DM302", str(exc), exc.where)
    except FormatError as exc:
        return _failed(spec, config, "DM302", str(exc))
    origins = {
        p.path: tuple((o.span, o.fingerprint) for o in p.origins) for p in pending if p.origins
    }
    try:
        plan = Plan.build(
            texts, config.fingerprint(), origins, rendered, doc_record(config.docs, config.out)
        )
    except UnsafePathError as exc:
        return _failed(spec, config, "DM400", str(exc))
    for item in pending:
        # The plan took each file's digest already: the record keeps it, not hashing the text again.
        written = plan.digests.get(item.path) or digest(texts[item.path].encode("utf-8"))
        record.note(item.path, item.inputs, written, rendered.get(item.path, ""))
    record.save()
    return Built(spec, plan, spec.diagnostics)


def _render(
    pending: list[PendingFile], record: RenderRecord, target: Target
) -> tuple[dict[str, str], dict[str, str], list[RenderedFile]]:
    """The files taken from the last run as they are, the digest of each formatted file's text before
    black (laid out; the manifest keeps it), and the files rendered now (laid out, not formatted yet)."""
    texts: dict[str, str] = {}
    rendered: dict[str, str] = {}
    fresh: list[RenderedFile] = []
    for item in pending:
        reused = record.reuse(item.path, item.inputs)
        if reused is None:
            fresh.append(_laid_out(item.render()))
            continue
        texts[item.path] = reused[0]
        if item.format != "none":
            rendered[item.path] = reused[1]
    for f in fresh:
        if f.format == "black":
            rendered[f.path] = digest(f.text.encode("utf-8"))
        elif f.format == "formatter":
            # The command is part of what made the file: another command formats it again.
            made_by = "\0".join((*target.formatter, f.text))
            rendered[f.path] = digest(made_by.encode("utf-8", "surrogatepass"))
    return texts, rendered, fresh


def _laid_out(f: RenderedFile) -> RenderedFile:
    """A Python file with its statements laid out as black would (`lay_out`); other files as they are."""
    return replace(f, text=lay_out(f.text)) if f.format == "black" else f


def _formatted(
    fresh: list[RenderedFile], target: Target, out: Path, rendered: dict[str, str]
) -> dict[str, str]:
    """The files rendered now, formatted: black runs only where the laid-out text may not be black's."""
    previous = PreviousOutput.read(out)
    done: dict[str, str] = {}
    todo: list[RenderedFile] = []
    commanded: list[RenderedFile] = []
    for f in fresh:
        if f.format == "none":
            done[f.path] = f.text
            continue
        # A file rendered from the same text as last time, and not changed since, is formatted already:
        # reading it back costs less than telling whether black would change the text.
        again = previous.formatted(f.path, rendered[f.path])
        if again is not None:
            done[f.path] = again
        elif f.format == "formatter":
            commanded.append(f)
        elif f.black_style and fits(f.text):
            done[f.path] = f.text
        else:
            todo.append(f)
    done.update(_format(todo))
    if commanded:
        formatted = run_formatter(target, [(f.path, f.text) for f in commanded])
        done.update(zip((f.path for f in commanded), formatted, strict=True))
    return done


def _failed(
    spec: Spec, config: Config, code: str, message: str, where: tuple[str, int] | None = None
) -> Built:
    """A run that produced nothing; the problem is at `where` (file, line), else the configuration file."""
    span = Span(_display(where[0]), where[1]) if where else Span(_config_path(config), 1)
    if where and message.startswith(f"{where[0]}:{where[1]}: "):
        message = message[len(f"{where[0]}:{where[1]}: ") :]
    problem = Diagnostic(span, "error", code, message)
    return Built(spec, None, (*spec.diagnostics, problem))


def _display(path: str) -> str:
    """A path relative to the working directory when it is below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


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
