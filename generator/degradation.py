"""How much of the docs was not understood (fields typed `any`, rows left out, docs skipped), and `--strict`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .diagnostics import ROW_LEFT_OUT
from .ir import Spec


@dataclass(frozen=True)
class Degradation:
    """What a run did not understand: each count is exact, and each item has a warning or info of its own."""

    fields: int = 0
    members: int = 0
    rows: int = 0
    docs: int = 0

    @classmethod
    def of(cls, spec: Spec) -> Degradation:
        rows = {
            (d.span.path, d.span.line)
            for d in spec.diagnostics
            if d.code in ROW_LEFT_OUT and d.severity != "info"
        }
        return cls(
            fields=sum(1 for m in spec.models for f in m.fields if f.degraded),
            members=sum(len(m.degraded_members) for m in spec.models),
            rows=len(rows),
            docs=len(spec.skipped),
        )

    def __bool__(self) -> bool:
        return bool(self.fields or self.members or self.rows or self.docs)

    def phrase(self) -> str:
        """`6 fields typed Any, 1 doc skipped`: the non-zero counts, or '' when everything was understood."""
        typed = " and ".join(
            _count(n, what)
            for n, what in ((self.fields, "field"), (self.members, "union member"))
            if n
        )
        parts = [f"{typed} typed Any"] if typed else []
        if self.rows:
            parts.append(f"{_count(self.rows, 'row')} left out")
        if self.docs:
            parts.append(f"{_count(self.docs, 'doc')} skipped")
        return ", ".join(parts)

    def suffix(self, verbose: bool) -> str:
        """What the run's last line adds: `; 6 fields typed Any, 1 doc skipped (...)`, or ''."""
        if not self:
            return ""
        why = "reasons above" if verbose else "warnings above; -v lists every reason"
        return f"; {self.phrase()} ({why})"

    def as_json(self) -> dict[str, int]:
        return {
            "fields_typed_any": self.fields,
            "members_typed_any": self.members,
            "rows_left_out": self.rows,
            "docs_skipped": self.docs,
        }


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def strictly(spec: Spec) -> Spec:
    """The spec with every warning made an error (`--strict`, `strict = true`): a run with any fails."""
    if not spec.warnings:
        return spec
    diagnostics = tuple(
        sorted(
            replace(d, severity="error", message=f"{d.message} [--strict]")
            if d.severity == "warning"
            else d
            for d in spec.diagnostics
        )
    )
    return replace(spec, diagnostics=diagnostics)
