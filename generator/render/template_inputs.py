"""What a template reads: the context names it (and every template it pulls in) refers to, and their digest."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping

import jinja2
from jinja2 import meta

from generator.render.targets import Target, environment


def read_names(target: Target, template: str) -> frozenset[str] | None:
    """The context names `template` may read, with the templates it includes, imports or extends.

    None when that cannot be told: a template named only at run time, or one that does not parse (rendering
    reports that)."""
    env = environment(target.folders)
    loader = env.loader
    if loader is None:
        return None
    names: set[str] = set()
    seen: set[str] = set()
    todo = [template]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            tree = env.parse(loader.get_source(env, name)[0])
        except jinja2.TemplateError:
            return None
        names |= meta.find_undeclared_variables(tree)
        for reference in meta.find_referenced_templates(tree):
            if reference is None:
                return None
            todo.append(reference)
    return frozenset(names)


class InputDigests:
    """Digests of what a template reads from its context; each value is digested once per run."""

    def __init__(self) -> None:
        # By identity: files share most values. The value is kept so that its id is not reused.
        self._values: dict[int, tuple[object, str | None]] = {}

    def of(self, context: Mapping[str, object], names: frozenset[str] | None) -> str | None:
        """One digest of the values `names` take in `context`; None when a value cannot be digested."""
        if names is None:
            return None
        total = hashlib.sha256()
        for name in sorted(names & context.keys()):
            value = self._digest(context[name])
            if value is None:
                return None
            total.update(f"{name}\0{value}\0".encode())
        return total.hexdigest()

    def _digest(self, value: object) -> str | None:
        known = self._values.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a value pickle cannot write: the file is always rendered
            found = None
        else:
            found = hashlib.sha256(data).hexdigest()
        self._values[id(value)] = (value, found)
        return found
