"""Tests for reading the `let value: T = <literal>;` declaration of TypeScript example blocks."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from generator.reader.js_literal import ExampleSyntaxError, parse_typescript_example
from tests.helpers import CORPUS as ALL_CORPUS
from tests.helpers import require_corpus

CORPUS = ALL_CORPUS / "ts"


def value_of(literal: str) -> object:
    return parse_typescript_example(f"let value = {literal};")


def error_of(code: str) -> ExampleSyntaxError:
    with pytest.raises(ExampleSyntaxError) as caught:
        parse_typescript_example(code)
    return caught.value


# -- the declaration ------------------------------------------------------------------------


def test_object_with_imports_and_annotation() -> None:
    code = (
        'import { Widget } from "acme/models";\n'
        "\n"
        "let value: Widget = {\n"
        '  name: "<value>",\n'
        "  size: 3,\n"
        '  createdAt: new Date("2024-01-02T03:04:05.678Z"),\n'
        "};\n"
    )
    assert parse_typescript_example(code) == {
        "name": "<value>",
        "size": 3,
        "createdAt": "2024-01-02T03:04:05.678Z",
    }


def test_multi_line_import_and_several_imports() -> None:
    code = (
        "import {\n  Alpha,\n  Beta as B,\n} from 'acme/models';\n"
        'import type { Gamma } from "acme/types"\n'
        'import * as all from "acme";\n'
        'import "side-effect";\n'
        "let value: Alpha = [1];\n"
    )
    assert parse_typescript_example(code) == [1]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('let value: Status = "active";', "active"),
        ("let value: Code = 301;", 301),
        ("const value: Status = 'gone'", "gone"),
        ("let value = true", True),
        ('let value:\n  SomeVeryLongTypeName = {\n  a: "b",\n};', {"a": "b"}),
        ('let value: SomeType =\n  "create";', "create"),
        ("let value:\n  Some.Name.Space<Inner[], Map<string, number>>\n  = [];", []),
        ('let value: "a" | "b" = "b";', "b"),
        ("let value: (x: string) => void = null;", None),
        ("let value: { a: number; b: string } = {};", {}),
        ("let value: Array<Array<number>> = [[1]];", [[1]]),
    ],
)
def test_declaration_forms(code: str, expected: object) -> None:
    assert parse_typescript_example(code) == expected


def test_comments_anywhere_outside_strings() -> None:
    code = (
        "// leading comment\n"
        "/* block\n   comment */\n"
        'import { T } from "x"; // after import\n'
        "let /* a */ value /* b */ : /* c */ T /* d */ = /* e */ {\n"
        "  // inside an object\n"
        "  a: /* before value */ 1, // after value\n"
        '  b: "// not a comment /* nor this */",\n'
        "  c: [ /* in array */ 2, /* x */ ],\n"
        "} /* before semicolon */ ; // trailing\n"
        "/* trailing block */\n"
    )
    assert parse_typescript_example(code) == {
        "a": 1,
        "b": "// not a comment /* nor this */",
        "c": [2],
    }


def test_semicolon_is_optional_and_trailing_space_allowed() -> None:
    assert parse_typescript_example("let value = {}\n\n   \n") == {}


# -- objects and arrays ---------------------------------------------------------------------


def test_object_keys_of_every_kind() -> None:
    result = value_of(
        "{ plain: 1, $dollar_1: 2, \"double\": 3, 'single': 4, 5: 5, 0x10: 6, 1.50: 7, 8n: 8, "
        "default: 9, new: 10, true: 11, }"
    )
    assert result == {
        "plain": 1,
        "$dollar_1": 2,
        "double": 3,
        "single": 4,
        "5": 5,
        "16": 6,
        "1.5": 7,
        "8": 8,
        "default": 9,
        "new": 10,
        "true": 11,
    }


def test_number_keys_use_javascript_number_strings() -> None:
    result = value_of("{ 1e21: 0, 1e-7: 0, .5: 0, 1e3: 0, 0.000001: 0 }")
    assert isinstance(result, dict)
    assert list(result) == [
        "1e+21",
        "1e-7",
        "0.5",
        "1000",
        "0.000001",
    ]


def test_object_keeps_insertion_order() -> None:
    result = value_of("{ z: 1, a: 2, m: 3 }")
    assert isinstance(result, dict)
    assert list(result) == ["z", "a", "m"]


def test_duplicate_keys_last_one_wins() -> None:
    result = value_of('{ a: 1, b: 2, a: 3, "b": 4 }')
    assert result == {"a": 3, "b": 4}


def test_nested_arrays_and_objects_with_trailing_commas() -> None:
    result = value_of('[\n  { a: [1, 2,], },\n  [],\n  {},\n  [["x",],],\n]')
    assert result == [{"a": [1, 2]}, [], {}, [["x"]]]


def test_empty_containers() -> None:
    assert value_of("{ }") == {}
    assert value_of("[ ]") == []


# -- strings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ('"plain"', "plain"),
        ("'single'", "single"),
        ('"it\'s"', "it's"),
        ("'say \"hi\"'", 'say "hi"'),
        (r'"\n\t\r\b\f\v\0"', "\n\t\r\b\f\v\0"),
        (r'"\\ \" \' \/"', "\\ \" ' /"),
        (r'"\x41\x7e"', "A~"),
        (r'"\u00e9\u20AC"', "é€"),
        (r'"\u{1F600}\u{41}"', "\U0001f600A"),
        (r'"\uD83D\uDE00"', "\U0001f600"),
        ('"one \\\ntwo"', "one two"),
        ('"one \\\r\ntwo"', "one two"),
        (r'"\q\$"', "q$"),
        ('"ünïcödé ✓"', "ünïcödé ✓"),
        ('""', ""),
    ],
)
def test_string_escapes(literal: str, expected: str) -> None:
    assert value_of(literal) == expected


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("`plain`", "plain"),
        ("`two\nlines`", "two\nlines"),
        ("`crlf\r\nline`", "crlf\nline"),
        (r"`esc \` \$ \n`", "esc ` $ \n"),
        ("`a $ sign and { brace }`", "a $ sign and { brace }"),
    ],
)
def test_template_literals_without_substitutions(literal: str, expected: str) -> None:
    assert value_of(literal) == expected


# -- numbers and keywords -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("0", 0),
        ("42", 42),
        ("-7", -7),
        ("+7", 7),
        ("- 7", -7),
        ("1_000_000", 1_000_000),
        ("0x1F", 31),
        ("0XfF", 255),
        ("-0x10", -16),
        ("0o17", 15),
        ("0b101", 5),
        ("39658n", 39658),
        ("-12n", -12),
        ("0n", 0),
        ("0x10n", 16),
        ("123456789012345678901234567890", 123456789012345678901234567890),
    ],
)
def test_integers_stay_int(literal: str, expected: int) -> None:
    result = value_of(literal)
    assert type(result) is int
    assert result == expected


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("1.5", 1.5),
        ("-0.25", -0.25),
        ("+.5", 0.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("1.0", 1.0),
        ("1e3", 1000.0),
        ("2.5E-3", 0.0025),
        ("1e+2", 100.0),
        ("1_000.000_1", 1000.0001),
    ],
)
def test_decimals_and_exponents_are_float(literal: str, expected: float) -> None:
    result = value_of(literal)
    assert type(result) is float
    assert result == expected


def test_keywords() -> None:
    assert value_of("[true, false, null]") == [True, False, None]


def test_dates_give_their_string_argument_unchanged() -> None:
    result = value_of(
        "{ at: new Date(\"2025-03-31T12:50:52.284Z\"), day: new RFCDate('2025-01-02'), "
        'odd: new Date(\n  "not a date, kept as is",\n) }'
    )
    assert result == {
        "at": "2025-03-31T12:50:52.284Z",
        "day": "2025-01-02",
        "odd": "not a date, kept as is",
    }


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "where", "what"),
    [
        ("let value = undefined;", "1:13", "`undefined` is not a JSON value"),
        ("let value = NaN;", "1:13", "`NaN` is not a JSON value"),
        ("let value = Infinity;", "1:13", "`Infinity` is not a JSON value"),
        ("let value = -Infinity;", "1:13", "-Infinity is not a JSON value"),
        ("let value = 1e400;", "1:13", "1e400"),
        ("let value = Status.Active;", "1:13", "Status.Active"),
        ("let value = {\n  code: ErrorCode.InsufficientFund,\n};", "2:9", "ErrorCode.Insufficient"),
        ("let value = someName;", "1:13", "someName"),
        ("let value = makeThing(1);", "1:13", "makeThing"),
        ('let value = new Blob(["x"]);', "1:13", "new Blob"),
        ('let value = new models.Date("x");', "1:13", "models.Date"),
        ("let value = new Date();", "1:22", "string argument"),
        ("let value = new Date(0);", "1:22", "string argument"),
        ('let value = new Date("x", "y");', "1:27", "')'"),
        ("let value = [...items];", "1:14", "spread"),
        ("let value = { ...base, a: 1 };", "1:15", "spread"),
        ("let value = /ab+c/;", "1:13", "regular expression"),
        ("let value = `a ${b} c`;", "1:16", "${"),
        ("let value = [1, , 2];", "1:17", "hole"),
        ("let value = [, 1];", "1:14", "hole"),
        ("let value = { a };", "1:15", "shorthand"),
        ("let value = { [k]: 1 };", "1:15", "computed"),
        ("let value = { f() {} };", "1:15", "method"),
        ("let value = { -1: 1 };", "1:15", "'-'"),
        ("let value = {\n  a: 1\n  b: 2,\n};", "3:3", "','"),
        ("let value = [1, 2", "1:18", "']'"),
        ("let value = {\n  a: {\n    b: 1\n", "4:1", "opened at 2:6"),
        ("let value = {\n  a: {\n", "3:1", "end of code"),
        ('let value = "abc', "1:13", "unterminated string"),
        ('let value = "ab\nc";', "1:13", "unterminated string"),
        ("let value = `abc", "1:13", "unterminated string"),
        (r'let value = "\x4";', "1:14", "\\x"),
        (r'let value = "\u12";', "1:14", "\\u"),
        (r'let value = "\u{110000}";', "1:14", "\\u{"),
        (r'let value = "\1";', "1:14", "octal"),
        (r'let value = "\uDE00";', "1:13", "surrogate"),
        ("let value = 0777;", "1:13", "leading zero"),
        ("let value = 1__000;", "1:13", "1__000"),
        ("let value = 1_;", "1:13", "1_"),
        ("let value = 3in;", "1:13", "3in"),
        ("let value = 1.5n;", "1:13", "1.5n"),
        ("let value = +5n;", "1:13", "BigInt"),
        ("let value = --5;", "1:14", "'-'"),
        ("let value = 1 as const;", "1:15", "'as'"),
        ("let value = {} satisfies T;", "1:16", "'satisfies'"),
        ("let value = 1;\nlet other = 2;", "2:1", "'let'"),
        ("let value = 1; 2", "1:16", "'2'"),
        ("let value = (1);", "1:13", "'('"),
        ("let value = ;", "1:13", "';'"),
        ("let value = ", "1:13", "end of code"),
        ("let value: = 1;", "1:11", "missing type"),
        ("let value: T;", "1:13", "'='"),
        ("let value: Array<T = [];", "1:25", "'='"),
        ("let value: T> = 1;", "1:13", "unbalanced"),
        ("let value 1;", "1:11", "'='"),
        ("let other = 1;", "1:5", "'other'"),
        ("var value = 1;", "1:1", "'var'"),
        ("value = 1;", "1:1", "'value'"),
        ("const client = new Client();\nlet value = 1;", "1:7", "'client'"),
        ("import { A };\nlet value = 1;", "1:1", "module"),
        ("/* never closed\nlet value = 1;", "1:1", "block comment"),
        ("let value = 1 /* never closed", "1:15", "block comment"),
    ],
)
def test_errors_name_what_and_where(code: str, where: str, what: str) -> None:
    error = error_of(code)
    message = str(error)
    assert message.startswith(f"{where}: "), message
    assert what in message
    assert f"{error.line}:{error.column}" == where


@pytest.mark.parametrize(
    "code",
    [
        "// No examples available for this model",
        "",
        "   \n\n",
        'import { Thing } from "acme/models";\n\n// nothing else\n',
        "/* only a comment */",
    ],
)
def test_blocks_without_a_declaration_raise(code: str) -> None:
    error = error_of(code)
    assert "no `let value = ...` declaration" in str(error)
    assert re.match(r"\d+:\d+: ", str(error))


def test_error_is_a_value_error_with_location_parts() -> None:
    error = error_of("let value = {\n  a: [\n    1,\n    bad,\n  ],\n};")
    assert isinstance(error, ValueError)
    assert (error.line, error.column) == (4, 5)
    assert error.reason == "identifier 'bad' is not a literal"
    assert str(error) == "4:5: identifier 'bad' is not a literal"


# -- depth and size -------------------------------------------------------------------------


def test_nesting_up_to_200_levels_is_read() -> None:
    assert value_of("[" * 200 + "]" * 200) == _nested_lists(200)
    nested_objects = value_of("{a:" * 199 + "{}" + "}" * 199)
    depth = 1
    while isinstance(nested_objects, dict) and nested_objects:
        nested_objects = nested_objects["a"]
        depth += 1
    assert depth == 200


@pytest.mark.parametrize("depth", [201, 5_000, 100_000])
def test_nesting_deeper_than_200_levels_raises(depth: int) -> None:
    error = error_of("let value = " + "[" * depth + "]" * depth + ";")
    assert "deeper than 200" in str(error)
    assert str(error).startswith("1:213: ")


def test_deeply_nested_unclosed_objects_raise_without_recursion_error() -> None:
    error = error_of("let value = " + "{a:" * 10_000)
    assert "deeper than 200" in str(error)


@pytest.mark.slow
def test_large_input_is_read_in_roughly_linear_time() -> None:
    def build(count: int) -> str:
        item = '{ id: "<id>", n: 1.5e3, tags: ["a", "b\\n"], at: new Date("2020-01-01") }'
        return "let value = [\n" + ",\n".join([item] * count) + "\n];"

    def timed(count: int) -> float:
        code = build(count)
        started = time.perf_counter()
        result = parse_typescript_example(code)
        elapsed = time.perf_counter() - started
        assert isinstance(result, list)
        assert len(result) == count
        assert result[-1] == {"id": "<id>", "n": 1500.0, "tags": ["a", "b\n"], "at": "2020-01-01"}
        return elapsed

    small_time = timed(4_000)  # about 300 KB
    large_time = timed(16_000)  # four times as much: linear takes ~4x, quadratic ~16x
    assert large_time < 10.0
    assert large_time < 12 * small_time + 0.1, (small_time, large_time)


@pytest.mark.parametrize(
    "code",
    [
        "let value = " + "/*" * 50_000,
        "let value = " + '"' + "\\" * 100_001,
        "let value = " + "\\u{" * 50_000,
        "let value: " + "<" * 50_000,
        "import " + "{ A, " * 50_000,
        "let value = " + "1" * 50_000 + "x",
        "let value = " + "[" * 150 + "1," * 50_000,
        "let value = {" + " a: 1," * 50_000,
    ],
)
def test_pathological_inputs_fail_fast(code: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ExampleSyntaxError):
        parse_typescript_example(code)
    assert time.perf_counter() - started < 2.0


def test_long_string_of_escapes_is_fast() -> None:
    code = "let value = " + '"' + "\\n" * 100_000 + '";'
    started = time.perf_counter()
    assert parse_typescript_example(code) == "\n" * 100_000
    assert time.perf_counter() - started < 2.0


def _nested_lists(depth: int) -> object:
    value: object = []
    for _ in range(depth - 1):
        value = [value]
    return value


# -- the corpus -----------------------------------------------------------------------------

# Forms the rules require to be rejected; the corpus rate is measured over the other blocks.
_REQUIRED_REJECTIONS = {
    "member expression": "member expression",  # TypeScript enum members: `Status.Active`
    "no declaration": "no `let value = ...` declaration",  # `// No examples available ...`
}


def _example_blocks(doc: str) -> str | None:
    """The first ```typescript fence after `## Example Usage`, up to the next `## ` heading."""
    lines = doc.splitlines()
    try:
        start = lines.index("## Example Usage")
    except ValueError:
        return None
    section: list[str] = []
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        section.append(line)
    for index, line in enumerate(section):
        if line.strip() == "```typescript":
            body: list[str] = []
            for inner in section[index + 1 :]:
                if inner.strip().startswith("```"):
                    return "\n".join(body)
                body.append(inner)
            return "\n".join(body)
    return None


@pytest.mark.corpus
def test_corpus_example_blocks() -> None:
    require_corpus(CORPUS)
    blocks: list[tuple[Path, str]] = []
    for path in sorted(CORPUS.glob("*/docs/**/*.md")):
        code = _example_blocks(path.read_text(encoding="utf-8"))
        if code is not None:
            blocks.append((path, code))
    if not blocks:
        pytest.skip(f"no `## Example Usage` typescript blocks under {CORPUS}")

    parsed = 0
    required: Counter[str] = Counter()
    unexpected: list[str] = []
    not_json: list[str] = []
    for path, code in blocks:
        try:
            value = parse_typescript_example(code)
        except ExampleSyntaxError as error:
            kind = next((k for k, m in _REQUIRED_REJECTIONS.items() if m in str(error)), None)
            if kind is None:
                unexpected.append(f"{path}: {error}")
            else:
                required[kind] += 1
            continue
        # Any other exception propagates and fails the test.
        parsed += 1
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as error:
            not_json.append(f"{path}: {error}")

    assert not not_json, not_json[:10]
    readable = len(blocks) - sum(required.values())
    rate = parsed / readable
    summary = (
        f"parsed {parsed} of {len(blocks)} blocks ({parsed / len(blocks):.1%} of all); "
        f"rejected as the rules require: {dict(required)}; "
        f"parse rate over the other {readable} blocks: {rate:.2%}; "
        f"unexpected failures ({len(unexpected)}): {unexpected[:10]}"
    )
    print(summary)
    assert rate >= 0.99, summary
