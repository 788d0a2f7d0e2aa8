"""The notation fixtures (C# .NET member names, TypeScript streams) generate, import and pass their own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir import ArrayOf, Primitive, Ref
from tests.helpers import generate, run_generated_tests

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reader"


@pytest.mark.slow
@pytest.mark.parametrize("case", ["csharp_net_members", "ts_streams"])
def test_fixture_generates_and_its_tests_pass(case: str, tmp_path: Path) -> None:
    spec = generate(FIXTURES / case / "docs", tmp_path, package="fixture_models")
    # Only the run's note that the SDK's names are taken as wire names (DM722).
    assert not [d.render() for d in spec.diagnostics if d.severity != "info" and d.code != "DM722"]
    run_generated_tests(tmp_path)
    unions = [m for m in spec.models if m.kind == "union"]
    assert unions and all(Primitive("any") not in m.members for m in unions)
    # Every union has an array member: of .NET integers or of the streamed model.
    assert all(any(isinstance(t, ArrayOf) for t in m.members) for m in unions)
    assert any(
        isinstance(t, ArrayOf) and isinstance(t.item, Ref) for m in unions for t in m.members
    )
