"""C# SDK docs (not implemented yet: scores 0, so it is never detected)."""

from __future__ import annotations

from generator.ir import TypeExpr
from generator.reader.dialects.base import ParsedType, TypeNotationError
from generator.reader.js_literal import ExampleSyntaxError


class CSharpDialect:
    name = "csharp"

    def score(self, notation: str) -> int:
        return 0

    def parse_type(self, cell: str) -> ParsedType:
        raise TypeNotationError(f"the csharp dialect is not implemented: `{cell}`")

    def parse_member(self, heading: str, code: str) -> TypeExpr:
        raise TypeNotationError(f"the csharp dialect is not implemented: `{heading}`")

    def parse_example(self, code: str) -> object:
        raise ExampleSyntaxError("the csharp dialect reads no example values", 1, 1)
