"""Hostile model docs for property tests and the fuzz target: what to generate, how to run it, what to check.

Text from a doc carries the marker `pwned`. The checks prove that it never leaves a string literal or a comment,
that Jinja syntax in it is never evaluated, and that what the generated code says equals what the doc says.
"""

from __future__ import annotations

import ast
import builtins
import io
import json
import keyword
import re
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from generator.config import Config
from generator.formatting import format_python
from generator.ir import Spec
from generator.pipeline import Built, build
from generator.sync.disk import apply, compare

MARKER = "pwned"
#: What evaluated Jinja syntax in a doc would print; the raw text of the doc never contains these words.
JINJA_RESULTS = ("pwnedjinja", "pwnedstmt")

#: Text that tries to break out of a string, a docstring, a comment, a template or the source file.
PAYLOADS = [
    '"""; __import__("os").system("pwned") #',
    "'''; __import__('os').system('pwned') #",
    '"; import pwned; "',
    "'; import pwned; '",
    "\\",
    "\\\\",
    '\\"',
    "\\'''",
    '\\"""pwned',
    "\x00pwned",
    "\x01\x02\x1b[31mpwned\x7f",
    "pwned\rimport os",
    "pwned\x0cform feed",
    "pwned\x0bvtab",
    "pwned\u2028line separator\u2029",
    "\u202epwned\u202c right-to-left override",
    "\u200fpwned\u200e marks",
    "\u2066pwned\u2069 isolates",
    "\ufeffpwned bom",
    "{{ 'pwned' ~ 'jinja' }}",
    "{% if true %}pwned{% endif %}stmt",
    "{# pwned comment #}",
    "{%- raw %}pwned{% endraw -%}",
    "${pwned}",
    "f'{pwned}'",
    "# pwned\nimport os",
    "pwned\n    def x(): pass",
    "pwned" * 200,
    "x" * 5000 + "pwned",
    "ünïcödé pwned 日本語 🐍",
    "pwned\t\ttabs",
    "pwned`backtick`",
    "<script>pwned</script>",
    "pwned -->",
    "pwned */",
]


def _payload() -> st.SearchStrategy[str]:
    random = st.text(
        alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30
    ).map(lambda t: f"{MARKER} {t}")
    return st.one_of(st.sampled_from(PAYLOADS), random)


#: Hostile text: payloads glued together.
TEXT = st.lists(_payload(), min_size=1, max_size=3).map(" ".join)

SOFT_KEYWORDS = ["match", "case", "type", "_"]
NAMES = sorted(
    {
        *(k for k in keyword.kwlist),
        *SOFT_KEYWORDS,
        "print", "eval", "exec", "__import__", "open", "str", "int", "float", "bool", "list", "dict",
        "object", "id", "Any", "Enum", "Literal", "dataclass", "field", "to_dict", "from_dict",
        "_runtime", "annotations", "Model", "ValidationError", "__init__", "__class__", "__dict__",
        "__slots__", "__post_init__", "__eq__", "__hash__", "self", "cls", "userId", "user_id",
        "UserId", "USER_ID", "userID", "x", "X", "_x", "x_", "__", "a1", "A1",
    }
)  # fmt: skip
#: Names that collide once case-converted (`SAMLConnection` and `SamlConnection` are both `saml_connection`).
COLLIDING_TITLES = ["SAMLConnection", "SamlConnection", "samlConnection", "Saml_Connection"]
TITLES = sorted({*NAMES, *COLLIDING_TITLES, "Runtime", "Init", "Tests", "Conftest", "Py"} - {"_"})
TYPES = ["*string*", "*number*", "*boolean*", "*any*", "*string*[]", "Record<string, *number*>"]


def is_name(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text))


@dataclass
class Doc:
    """One hostile doc as the test meant it (`text` is its markdown)."""

    title: str
    kind: str
    description: str
    fields: list[tuple[str, str, bool, str]] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    example: str | None = None
    #: A deprecation message for the model (None: not deprecated), and per field (index -> message).
    deprecated: str | None = None
    deprecated_fields: dict[int, str] = field(default_factory=dict)
    examples: dict[int, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        parts = [f"# {self.title}", "", self.description, ""]
        if self.deprecated is not None:
            parts += [f"> :warning: **DEPRECATED**: {_one_line(self.deprecated)}", ""]
        if self.example is not None:
            parts += [
                "## Example Usage",
                "",
                "```typescript",
                f'import {{ {self.title} }} from "sdk/models/components";',
                "",
                f"let value: {self.title} = {json.dumps(self.example)};",
                "```",
                "",
            ]
        if self.kind == "enum":
            literals = " | ".join(json.dumps(v, ensure_ascii=False) for v in self.values)
            parts += ["## Values", "", "```typescript", literals, "```", ""]
        elif self.kind == "union":
            parts += ["## Supported Types", ""]
            for member in self.values:
                parts += [
                    f"### `{member}`",
                    "",
                    "```typescript",
                    f"const value: {member} = x;",
                    "```",
                    "",
                ]
        else:
            parts += [
                "## Fields",
                "",
                "| Field | Type | Required | Description | Example |",
                "| ----- | ---- | -------- | ----------- | ------- |",
            ]
            for i, (name, type_, required, description) in enumerate(self.fields):
                marker = ":heavy_check_mark:" if required else ":heavy_minus_sign:"
                shown = f"`{name}`"
                if i in self.deprecated_fields:
                    shown = f"~~{shown}~~"
                    message = _one_line(self.deprecated_fields[i])
                    description = f": warning: ** DEPRECATED **: {message}\n\n{description}"
                example = cell(self.examples.get(i, ""))
                parts.append(f"| {shown} | {type_} | {marker} | {cell(description)} | {example} |")
            parts.append("")
        return "\n".join(parts)


def cell(text: str) -> str:
    """Text written into a table cell: pipes escaped, line breaks as `<br/>`."""
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("\r\n", "<br/>").replace("\r", "<br/>").replace("\n", "<br/>")


def _one_line(text: str) -> str:
    return " ".join(text.replace("|", "/").split()) or MARKER


def _description() -> st.SearchStrategy[str]:
    # A description is the lines below the title: no markdown headings or thematic breaks of its own.
    return TEXT.map(lambda t: " ".join(t.replace("\r", " ").replace("\n", " ").split()) or MARKER)


@st.composite
def object_doc(draw: st.DrawFn, title: str) -> Doc:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    rows = [(name, draw(st.sampled_from(TYPES)), draw(st.booleans()), draw(TEXT)) for name in names]
    example = draw(st.none() | TEXT)
    indexes = st.integers(0, len(rows) - 1)
    deprecated = draw(st.dictionaries(indexes, TEXT, max_size=2))
    examples = draw(st.dictionaries(indexes, TEXT, max_size=2))
    return Doc(
        title,
        "object",
        draw(_description()),
        fields=rows,
        example=example,
        deprecated=draw(st.none() | TEXT),
        deprecated_fields=deprecated,
        examples=examples,
    )


@st.composite
def union_doc(draw: st.DrawFn, title: str) -> Doc:
    members = draw(
        st.lists(st.sampled_from(["string", "number", "boolean"]), min_size=1, unique=True)
    )
    return Doc(
        title, "union", draw(_description()), values=members, deprecated=draw(st.none() | TEXT)
    )


@st.composite
def enum_doc(draw: st.DrawFn, title: str) -> Doc:
    values = draw(st.lists(TEXT, min_size=1, max_size=5, unique=True))
    return Doc(title, "enum", draw(_description()), values=values)


@st.composite
def doc_set(draw: st.DrawFn) -> list[Doc]:
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=4, unique=True))
    return [draw(st.one_of(object_doc(t), enum_doc(t), union_doc(t))) for t in titles]


def write_docs(folder: Path, docs: list[Doc]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, doc in enumerate(docs):
        (folder / f"doc{i}.md").write_text(doc.text, encoding="utf-8", newline="\n")


def config(root: Path, package: str, docs: Path | None = None) -> Config:
    return Config(
        docs=((docs or root / "docs").resolve(),),
        out=(root / "out").resolve(),
        package=package,
        outputs=("models", "docs", "tests"),
        target="dataclasses",
        templates=None,
        dialect="auto",
        source=None,
    )


def generate(cfg: Config) -> Built:
    """The real pipeline: read, render, format, then write the output folder when there are no errors."""
    built = build(cfg)
    assert built.failed == any(d.severity == "error" for d in built.diagnostics)
    if built.plan is not None:
        apply(built.plan, cfg.out, compare(built.plan, cfg.out))
    return built


# -- the checks ---------------------------------------------------------------------------------------

_TEXT_TOKENS = {tokenize.STRING, tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE}
_FSTRING = ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")  # Python 3.12+
_TEXT_TOKENS |= {getattr(tokenize, n) for n in _FSTRING if hasattr(tokenize, n)}
_ENUM_MEMBER = re.compile(r"^[A-Z][A-Z0-9_]*$")


def check_python(path: Path, source: str, marked: bool = True) -> None:
    """The file parses, compiles, and doc text appears only in string literals and comments.

    `marked`: only doc text carries the marker (names do not), so a marker outside a literal is a leak."""
    tree = ast.parse(source, str(path))
    compile(tree, str(path), "exec")
    assert format_python(str(path), source) == source, f"{path}: not as black writes it"
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if not marked or tok.type in _TEXT_TOKENS or MARKER not in tok.string.lower():
            continue
        # An enum value becomes a member name (`PWNED_X`): an identifier docmodels made from it.
        assert tok.type == tokenize.NAME and _ENUM_MEMBER.match(tok.string), (
            f"{path}:{tok.start[0]}: doc text outside a literal: {tok.string!r}"
        )
    for node in ast.walk(tree):
        if isinstance(node, ast.Name | ast.Attribute):
            name = node.id if isinstance(node, ast.Name) else node.attr
            leak = marked and MARKER in name.lower() and not _ENUM_MEMBER.match(name)
            assert not leak, f"{path}: name {name}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"eval", "exec", "__import__", "compile"}, f"{path}: call"


def check_output(out: Path, marked: bool = True) -> int:
    """Check every generated file; the number of Python files checked."""
    count = 0
    written = [p.relative_to(out).as_posix() for p in out.rglob("*")]
    # Distinct on case-insensitive file systems too (macOS, Windows).
    assert len({p.lower() for p in written}) == len(written), "paths that differ only in case"
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for word in JINJA_RESULTS:
            assert word not in text.lower(), f"{path}: Jinja syntax from a doc was evaluated"
        if path.suffix == ".py":
            check_python(path, text, marked)
            count += 1
    return count


def check_meaning(spec: Spec, out: Path, package: str) -> None:
    """Docstrings and enum values in the generated source are exactly the IR's (read from the AST)."""
    from generator.render.filters import field_docstring, model_docstring

    classes: dict[str, ast.ClassDef] = {}
    for path in (out / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name + "@" + path.stem, node)
    docstrings = {_norm(ast.get_docstring(c) or "") for c in classes.values()}
    values: set[object] = set()
    for c in classes.values():
        for stmt in c.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant):
                values.add(stmt.value.value)
    strings = {
        _norm(node.value)
        for path in (out / package).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    for model in spec.models:
        assert _norm(model_docstring(model)) in docstrings | strings, (
            f"docstring of {model.key} lost or changed"
        )
        for f in model.fields:
            text = field_docstring(f)
            assert not text or _norm(text) in strings, (
                f"description of {model.key}.{f.name} lost or changed"
            )
        for value in model.values:
            assert value.value in values, (
                f"enum value {value.value!r} of {model.key} lost or changed"
            )


def _norm(text: str) -> str:
    """A docstring's meaning: black indents it and may add a space before the closing quotes.

    Like `inspect.cleandoc`, but a tab in the text stays a tab (cleandoc expands tabs by column)."""
    lines = text.split("\n")
    rest = [line for line in lines[1:] if line.strip()]
    indent = min((len(line) - len(line.lstrip(" ")) for line in rest), default=0)
    lines = [lines[0].lstrip(), *(line[indent:] for line in lines[1:])]
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def is_builtin(name: str) -> bool:
    return hasattr(builtins, name)
