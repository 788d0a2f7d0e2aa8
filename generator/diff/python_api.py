"""The Python surface: what code that uses the generated package sees change (classes, imports, attributes).

Names come from the same view the templates render (`python_package`), for the configured target's style."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..ir import (
    ArrayOf,
    MapOf,
    Model,
    ModelKey,
    Primitive,
    Ref,
    Span,
    Spec,
    TypeExpr,
    UnionOf,
    walk_type,
)
from ..ir_json import type_json
from ..render.python_view import PyField, PyModel, PyStyle, python_package
from .change import Change, Changes
from .rules import RULES


@dataclass(frozen=True)
class PythonApi:
    """Compares the generated Python API of two specs, for one style (the target's `[python]` options)."""

    style: PyStyle
    package: str
    #: Module paths the target writes files of its own at (`planner.fixed_module_paths`).
    taken_paths: tuple[str, ...] = ()

    def compare(
        self,
        old: Spec,
        new: Spec,
        changes: Changes,
        paired: set[tuple[ModelKey, ModelKey]] | None = None,
    ) -> None:
        before = python_package(_closed(old), self.style, self.taken_paths).models
        after = python_package(_closed(new), self.style, self.taken_paths).models
        gone = [k for k in before if k not in after]
        added = {k: after[k] for k in after if k not in before}
        # Pairs the wire walk made by content, where both names are new to their side: renames.
        took = {
            o: n for o, n in sorted(paired or ()) if o in before and o not in after and n in added
        }
        for key in gone:
            self._gone(before[key], added, changes, took.get(key))
        for key, py in before.items():
            if key in after:
                self._same_model(py, after[key], changes)

    def _gone(
        self,
        old: PyModel,
        added: dict[ModelKey, PyModel],
        changes: Changes,
        successor: ModelKey | None = None,
    ) -> None:
        if successor is not None and successor in added and successor.name != old.model.key.name:
            new = added.pop(successor)
            self._emit(
                changes,
                "python.class-renamed",
                old.model,
                None,
                self._path(old),
                self._path(new),
                new.model.source,
                "the class has a new name: the model in its place is this one",
            )
            self._same_model(old, new, changes, imports=False)
            return
        moved = next((p for k, p in added.items() if k.name == old.model.key.name), None)
        if moved is not None:
            del added[moved.model.key]
            self._emit(
                changes,
                "python.import-moved",
                old.model,
                None,
                self._path(old),
                self._path(moved),
                moved.model.source,
                "the class moved to another module",
            )
            self._same_model(old, moved, changes, imports=False)
            return
        shape = _shape(old.model)
        renamed = next((p for p in added.values() if _shape(p.model) == shape), None)
        if renamed is not None:
            del added[renamed.model.key]
            self._emit(
                changes,
                "python.class-renamed",
                old.model,
                None,
                self._path(old),
                self._path(renamed),
                renamed.model.source,
                "the class has a new name; its content is the same",
            )
            return
        rule = "python.deprecated-class-removed" if old.model.deprecated else "python.class-removed"
        self._emit(
            changes,
            rule,
            old.model,
            None,
            self._path(old),
            None,
            old.model.source,
            "the class is gone",
        )

    def _same_model(
        self, old: PyModel, new: PyModel, changes: Changes, imports: bool = True
    ) -> None:
        if imports and (old.dotted, old.class_name) != (new.dotted, new.class_name):
            rule = (
                "python.import-moved"
                if old.class_name == new.class_name
                else "python.class-renamed"
            )
            self._emit(
                changes,
                rule,
                new.model,
                None,
                self._path(old),
                self._path(new),
                new.model.source,
                "the class is imported from elsewhere now",
            )
        self._attributes(old, new, changes)
        names = {m.name for m in new.members}
        for member in old.members:
            if member.name not in names:
                self._emit(
                    changes,
                    "python.enum-member-removed",
                    old.model,
                    member.name,
                    member.name,
                    None,
                    old.model.source,
                    "the enum member is gone",
                )

    def _attributes(self, old: PyModel, new: PyModel, changes: Changes) -> None:
        """Attributes paired by wire name, then (for renamed fields) by annotation and description."""
        old_by = {f.wire_name: f for f in old.fields}
        new_by = {f.wire_name: f for f in new.fields}
        gone = [f for f in old.fields if f.wire_name not in new_by]
        pairs = [(old_by[w], f) for w, f in new_by.items() if w in old_by]
        added: list[PyField] = []
        for field in new.fields:
            if field.wire_name in old_by:
                continue
            twin = next(
                (
                    g
                    for g in gone
                    if (g.annotation, g.description) == (field.annotation, field.description)
                ),
                None,
            )
            if twin is not None and field.description:
                gone.remove(twin)
                pairs.append((twin, field))
            else:
                added.append(field)
        for before in gone:
            self._emit(
                changes,
                "python.attribute-removed",
                old.model,
                before.name,
                before.annotation,
                None,
                before.field.source,
                "the attribute is gone",
            )
        for field in added:
            if field.required:
                self._emit(
                    changes,
                    "python.required-argument-added",
                    new.model,
                    field.name,
                    None,
                    field.annotation,
                    field.field.source,
                    "the constructor takes a new required argument",
                )
        for before, field in pairs:
            self._attribute(new.model, before, field, changes)

    def _attribute(self, model: Model, before: PyField, field: PyField, changes: Changes) -> None:
        if before.name != field.name:
            self._emit(
                changes,
                "python.attribute-renamed",
                model,
                field.name,
                before.name,
                field.name,
                field.field.source,
                "the attribute has a new name",
            )
        if before.annotation != field.annotation:
            self._emit(
                changes,
                "python.annotation-changed",
                model,
                field.name,
                before.annotation,
                field.annotation,
                field.field.source,
                "the annotation changed",
            )
        elif field.required and not before.required:
            self._emit(
                changes,
                "python.required-argument-added",
                model,
                field.name,
                None,
                field.annotation,
                field.field.source,
                "the argument is required now",
            )

    def _path(self, py: PyModel) -> str:
        return f"{self.package}.{py.dotted}.{py.class_name}"

    @staticmethod
    def _emit(
        changes: Changes,
        rule: str,
        model: Model,
        field: str | None,
        old: str | None,
        new: str | None,
        span: Span,
        message: str,
    ) -> None:
        spec = RULES[rule]
        changes.add(
            Change(
                rule=rule,
                severity=spec.severity("both"),
                surface="python",
                direction="both",
                model=model.key.name,
                field=field,
                old=old,
                new=new,
                span=span,
                message=message,
            )
        )


def _shape(model: Model) -> tuple[object, ...]:
    """A model's content without its name or places: what a renamed class keeps."""
    return (
        model.kind,
        model.description,
        tuple((f.wire_name, repr(type_json(f.type)), f.required) for f in model.fields),
        tuple((v.name, v.value) for v in model.values),
        tuple(repr(type_json(m)) for m in model.members),
    )


def _closed(spec: Spec) -> Spec:
    """The spec with every reference to a model it lacks (a broken link) read as `Any`, as `gen` would
    after its warning: the Python view needs every reference to lead somewhere."""
    known = spec.by_key.keys()

    def fix(expr: TypeExpr) -> TypeExpr:
        if isinstance(expr, Ref):
            return expr if expr.key in known else Primitive("any")
        if isinstance(expr, ArrayOf):
            return ArrayOf(fix(expr.item))
        if isinstance(expr, MapOf):
            return MapOf(fix(expr.value))
        if isinstance(expr, UnionOf):
            return UnionOf(tuple(fix(m) for m in expr.members))
        return expr

    def broken(model: Model) -> bool:
        return any(
            isinstance(node, Ref) and node.key not in known
            for expr in (*(f.type for f in model.fields), *model.members)
            for node in walk_type(expr)
        )

    if not any(broken(model) for model in spec.models):
        return spec
    models = tuple(
        replace(
            model,
            fields=tuple(replace(f, type=fix(f.type)) for f in model.fields),
            members=tuple(fix(m) for m in model.members),
        )
        if broken(model)
        else model
        for model in spec.models
    )
    return Spec(models, spec.diagnostics)
