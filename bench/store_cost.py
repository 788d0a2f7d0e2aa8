"""What the cache store costs (`bench/run.py` runs this with docmodels' Python after its measurements).

Prints JSON: the entries and bytes of each section of the cache folder; the median time to read, verify and
validate the docs' `pages` entry back into the IR (what a warm run pays before it reads anything), and to
write it; and the time to compile the templates a models-only run uses (Jinja's bytecode is no longer kept:
a cache folder holds data only, so every run compiles the templates it renders).

Usage: store_cost.py CACHE_FOLDER DOCS_FOLDER
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import jinja2

# The package under the name the `docmodels` command runs it as: the cache's entries are keyed by the
# installation that wrote them, so reading them through `generator.*` would find none.
from docmodels.cache_store import SECTIONS, Store
from docmodels.reader.page_cache import PageCache
from docmodels.render.filters import FILTERS
from docmodels.render.targets import load_target

REPEAT = 5


def timed(action: object) -> float:
    """The median milliseconds, without the cycle collector (as docmodels runs)."""
    samples = []
    gc.disable()
    for _ in range(REPEAT):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    gc.enable()
    return round(statistics.median(samples) * 1000, 2)


def compile_models_templates() -> None:
    """A new environment, as each run has, compiling every template of the models outputs."""
    target = load_target("dataclasses")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in target.folders]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    for rule in target.outputs:
        if rule.group == "models":
            env.get_template(rule.template)


def main(cache: Path, docs: Path) -> dict[str, object]:
    store = Store(cache)
    sections = {
        name: {
            "entries": len(list((cache / name).glob("*.entry"))),
            "kib": round(sum(p.stat().st_size for p in (cache / name).glob("*.entry")) / 1024),
        }
        for name in SECTIONS
    }
    pages = PageCache(store, [docs])
    kept = len(pages.drafts.kept)
    for key in list(pages.drafts.kept):
        pages.drafts.get(key)
    for key in list(pages.facts.kept):
        pages.facts.get(key)
    pages.drafts.used.pop(next(iter(pages.drafts.used)), None)  # one draft changed: written again
    scratch = Store(Path(tempfile.mkdtemp(prefix="store-cost-")))
    scratch_pages = PageCache(scratch, [docs])
    scratch_pages.facts, scratch_pages.drafts = pages.facts, pages.drafts
    return {
        "sections": sections,
        "drafts_kept": kept,
        "pages_load_ms": timed(lambda: PageCache(store, [docs])),
        "pages_save_ms": timed(scratch_pages.save),
        "compile_models_templates_ms": timed(compile_models_templates),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
