"""What a template reads: the context names it (and every template it pulls in) refers to, and their digest."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import meta

from ..cache_store import BadEntry, Store
from ..user_cache import installed
from .targets import Target, environment, shipped

_FORMAT = 2
_SECTION = "template-names"
#: Template sources whose names are kept before the record drops those a run did not use.
_KEEP = 500


@dataclass(frozen=True)
class TemplateReads:
    """What rendering a template reads, with every template it includes, imports or extends."""

    #: The context names it may read; None when that cannot be told (a template named only at run time,
    #: or one that does not parse: rendering reports that).
    names: frozenset[str] | None
    #: Whether any of those templates is a user's (outside the shipped ones); true when it cannot be told.
    user_written: bool


def template_reads(
    target: Target, template: str, known: KnownTemplates | None = None
) -> TemplateReads:
    """What `template` reads; `known` keeps what each template source reads between runs (None: nothing
    is kept)."""
    env = environment(target.folders)
    loader = env.loader
    if loader is None:
        return TemplateReads(None, True)
    known = known or KnownTemplates(Store(None))
    names: set[str] = set()
    users = False
    seen: set[str] = set()
    todo = [template]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = loader.get_source(env, name)
            found = known.of(env, source)
        except jinja2.TemplateError:
            return TemplateReads(None, True)
        users = users or not shipped(filename)
        names.update(found[0])
        for reference in found[1]:
            if reference is None:
                return TemplateReads(None, True)
            todo.append(reference)
    return TemplateReads(frozenset(names), users)


#: The names a template's source reads, and the templates it names (None: one named only at run time).
_Read = tuple[list[str], list[str | None]]


class KnownTemplates:
    """What each template source reads, kept between runs by the digest of the source: Jinja parses a
    template only the first time its text is seen (parsing costs more than the rest of planning a file).
    One entry of the store's `template-names` section per Jinja installation."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.where = installed("jinja2") if store.keeps else ""
        self.tag = str(_FORMAT)
        self.kept: dict[str, _Read] = store.load(_SECTION, self.where, self.tag, _decode) or {}
        self.used: set[str] = set()
        self.new = False

    def of(self, env: jinja2.Environment, source: str) -> _Read:
        key = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        self.used.add(key)
        found = self.kept.get(key)
        if found is None:
            tree = env.parse(source)
            found = (
                sorted(meta.find_undeclared_variables(tree)),
                list(meta.find_referenced_templates(tree)),
            )
            self.kept[key] = found
            self.new = True
        return found

    def save(self) -> None:
        """Keep what was learned; past `_KEEP` sources (templates edited many times), only those used now."""
        if not self.new:
            return
        if len(self.kept) > _KEEP:
            self.kept = {key: self.kept[key] for key in sorted(self.used)}
        self.store.save(_SECTION, self.where, self.tag, self.kept)


def _decode(data: Any) -> dict[str, _Read]:
    """The names each kept source reads, and the templates it names (`BadEntry` on anything else)."""
    kept: dict[str, _Read] = {}
    for key, (names, refs) in data.items():
        if (
            type(names) is not list
            or type(refs) is not list
            or not all(type(n) is str for n in names)
            or not all(r is None or type(r) is str for r in refs)
        ):
            raise BadEntry("template-names: expected names")
        kept[key] = (list(names), list(refs))
    return kept


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

    def known(self, value: object) -> str | None:
        """The digest of `value` if a template's inputs digested it in this run (None: not digested, or
        it cannot be)."""
        found = self._values.get(id(value))
        return found[1] if found is not None and found[0] is value else None

    def _digest(self, value: object) -> str | None:
        known = self._values.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        # The view's values are dataclasses, tuples, dicts and scalars, whose repr spells every field (the
        # one field kept out of a repr, Spec.by_key, is derived from the others). A repr that names an
        # address (an object without a repr of its own) changes every run: such a file is always rendered.
        text = repr(value)
        found = (
            None
            if " at 0x" in text
            else hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        )
        self._values[id(value)] = (value, found)
        return found
