"""The diff command's own input errors (DM800-DM809): a side that cannot be read at all."""

from __future__ import annotations

from ..ir import Diagnostic, Span


class Unreadable(Exception):
    """A side cannot be read at all (DM800-DM809)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


def problem(code: str, where: str, message: str) -> Unreadable:
    return Unreadable(Diagnostic(Span(where, 1), "error", code, message))
