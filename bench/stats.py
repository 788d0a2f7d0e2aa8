"""The bench's arithmetic: medians, ratios against a target, growth of the cost per doc, and the
time of in-process calls."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


def median(samples: Sequence[float]) -> float:
    if not samples:
        raise ValueError("no samples")
    return float(statistics.median(samples))


def per_call(call: Callable[[], object], number: int) -> float:
    """Seconds per call, over `number` calls."""
    started = time.perf_counter()
    for _ in range(number):
        call()
    return (time.perf_counter() - started) / number


def calls_for(seconds: float, budget: float = 0.002) -> int:
    """How many calls of `seconds` each fill about `budget` seconds (at least one)."""
    return max(1, int(budget / max(seconds, 1e-7)))


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator; infinite when the denominator is zero."""
    return numerator / denominator if denominator else float("inf")


def per_doc_growth(
    small_seconds: float, small_docs: int, large_seconds: float, large_docs: int
) -> float:
    """How much the cost of one doc grows from the small run to the large one (1.0: linear)."""
    return ratio(large_seconds / large_docs, small_seconds / small_docs)


@dataclass(frozen=True)
class Target:
    """One target of the issue: `value` must be at most `limit`."""

    name: str
    value: float
    limit: float

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    def line(self) -> str:
        verdict = "met" if self.met else f"NOT met ({self.value / self.limit:.1f}x over)"
        return f"{self.name}: {self.value:.3f} (limit {self.limit:g}) {verdict}"
