"""The dataclasses and attrs runtimes write back what the API sent: date-times in their own notation, decimals
sent as numbers as numbers, int64/bigint sent as decimal strings as strings, while the Python values keep
their types (a datetime is a datetime, an int an int)."""

from __future__ import annotations

import copy
import importlib
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest

from generator.reader import read_docs
from generator.render.planner import render_files
from generator.render.targets import load_target

DOC = """# Reading

A payload with every value the runtime converts.

## Fields

| Field | Type | Required | Description |
| --- | --- | --- | --- |
| `at` | datetime | yes | when |
| `day` | date | no | which day |
| `amount` | decimal | no | how much |
| `big` | bigint | no | a large count |
| `ratio` | float | no | a share |
| `ids` | list[bigint] | no | many large counts |
| `times` | map<string, datetime> | no | named instants |
| `either` | `int \\| str` | no | an int or a text |
"""


@pytest.fixture(scope="module", params=("dataclasses", "attrs"))
def models(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ModuleType]:
    style = request.param
    root = tmp_path_factory.mktemp(f"payloads_runtime_{style}")
    (root / "docs").mkdir()
    (root / "docs" / "reading.md").write_text(DOC, encoding="utf-8")
    spec = read_docs([root / "docs"])
    assert not spec.errors, [d.render() for d in spec.errors]
    target = load_target(style, None)
    package = f"wire_runtime_{style}"
    for f in render_files(spec, target, package, ("models",)):
        path = root / "out" / f.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f.text, encoding="utf-8")
    sys.path.insert(0, str(root / "out"))
    importlib.invalidate_caches()
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(root / "out"))


def _reading(models: ModuleType) -> Any:
    for name in dir(models):
        value = getattr(models, name)
        if isinstance(value, type) and value.__name__ == "Reading":
            return value
    return importlib.import_module(f"{models.__name__}.reading").Reading


@pytest.mark.parametrize(
    "text",
    [
        "2020-01-02T03:04:05Z",
        "2020-01-02T03:04:05.5Z",
        "2020-01-02T03:04:05.120+00:00",
        "2020-01-02T03:04:05.123456789Z",
        "2020-01-02T03:04:05-07:00",
        "2020-01-02T03:04:05z",
    ],
)
def test_a_date_time_is_written_back_in_the_notation_it_was_sent(
    models: ModuleType, text: str
) -> None:
    reading = _reading(models).from_dict({"at": text})
    assert isinstance(reading.at, datetime) and reading.at.tzinfo is not None
    assert reading.at.replace(microsecond=0, tzinfo=None) == datetime(2020, 1, 2, 3, 4, 5)
    assert reading.to_dict() == {"at": text}
    assert repr(reading.at).startswith("datetime.datetime(")


def test_a_changed_or_new_date_time_is_written_in_the_runtime_notation(models: ModuleType) -> None:
    cls = _reading(models)
    reading = cls.from_dict({"at": "2020-01-02T03:04:05.500+00:00"})
    reading.at = reading.at + timedelta(seconds=1)
    assert reading.to_dict() == {"at": "2020-01-02T03:04:06.500Z"}
    made = cls(at=datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert made.to_dict() == {"at": "2020-01-02T03:04:05Z"}


def test_a_date_keeps_its_text_and_type(models: ModuleType) -> None:
    reading = _reading(models).from_dict({"at": "2020-01-02T03:04:05Z", "day": "2020-01-02"})
    assert type(reading.day) is not datetime and isinstance(reading.day, date)
    assert reading.day == date(2020, 1, 2)
    assert reading.to_dict()["day"] == "2020-01-02"
    assert repr(reading.day) == "datetime.date(2020, 1, 2)"


@pytest.mark.parametrize("sent", [12.5, 3, "12.50", "1E+3", 0.1])
def test_a_decimal_is_written_back_as_it_was_sent(models: ModuleType, sent: Any) -> None:
    reading = _reading(models).from_dict({"at": "2020-01-02T03:04:05Z", "amount": sent})
    assert isinstance(reading.amount, Decimal) and reading.amount == Decimal(str(sent))
    out = reading.to_dict()["amount"]
    assert out == sent and type(out) is type(sent)


def test_a_decimal_made_in_python_is_written_as_a_string(models: ModuleType) -> None:
    reading = _reading(models).from_dict({"at": "2020-01-02T03:04:05Z", "amount": 1.5})
    reading.amount = reading.amount * 2
    assert reading.to_dict()["amount"] == "3.0"


def test_an_int64_sent_as_a_string_is_an_int_written_back_as_a_string(models: ModuleType) -> None:
    data = {"at": "2020-01-02T03:04:05Z", "big": "123456789012345678901", "ids": ["1", 2, "-3"]}
    reading = _reading(models).from_dict(data)
    assert reading.big == 123456789012345678901 and isinstance(reading.big, int)
    assert reading.ids == [1, 2, -3]
    assert reading.to_dict() == data
    reading.big += 1
    assert reading.to_dict()["big"] == 123456789012345678902


@pytest.mark.parametrize("bad", ["12a", "1.5", "", " 1", "01", "+1"])
def test_only_a_plain_decimal_integer_string_reads_as_an_int(models: ModuleType, bad: str) -> None:
    with pytest.raises(ValueError, match=r"Reading\.big: expected int, got str"):
        _reading(models).from_dict({"at": "2020-01-02T03:04:05Z", "big": bad})


def test_a_union_prefers_the_member_of_the_wire_type(models: ModuleType) -> None:
    cls = _reading(models)
    text = cls.from_dict({"at": "2020-01-02T03:04:05Z", "either": "42"})
    assert text.either == "42" and type(text.either) is str
    number = cls.from_dict({"at": "2020-01-02T03:04:05Z", "either": 42})
    assert number.either == 42 and type(number.either) is int


def test_a_float_sent_as_an_integer_is_written_back_as_one(models: ModuleType) -> None:
    reading = _reading(models).from_dict({"at": "2020-01-02T03:04:05Z", "ratio": 2})
    assert isinstance(reading.ratio, float) and reading.ratio == 2.0
    out = reading.to_dict()["ratio"]
    assert out == 2 and type(out) is int


def test_nested_values_keep_their_wire_text(models: ModuleType) -> None:
    data = {"at": "2020-01-02T03:04:05Z", "times": {"a": "2020-01-02T03:04:05.10+00:00"}}
    reading = _reading(models).from_dict(data)
    assert reading.to_dict() == data
    assert copy.deepcopy(reading).to_dict()["times"]["a"] in (
        "2020-01-02T03:04:05.10+00:00",
        "2020-01-02T03:04:05.100Z",
    )


def test_values_read_are_plain_python_values(models: ModuleType) -> None:
    data = {
        "at": "2020-01-02T03:04:05.284Z",
        "day": "2020-01-02",
        "amount": 3,
        "big": "12",
        "ratio": 1,
        "ids": ["1", 2],
        "times": {"a": "2020-01-02T03:04:05+01:00"},
    }
    reading = _reading(models).from_dict(data)
    assert type(reading.at) is datetime and type(reading.day) is date
    assert type(reading.amount) is Decimal and type(reading.big) is int
    assert type(reading.ratio) is float
    assert [type(i) for i in reading.ids] == [int, int]
    assert type(reading.times["a"]) is datetime
    assert reading.to_dict() == data


def test_a_changed_list_is_written_in_the_runtime_notation(models: ModuleType) -> None:
    reading = _reading(models).from_dict({"at": "2020-01-02T03:04:05Z", "ids": ["1", "2"]})
    reading.ids.append(3)
    assert reading.to_dict()["ids"] == [1, 2, 3]
    reading = _reading(models).from_dict({"at": "2020-01-02T03:04:05Z", "ids": ["1", "2"]})
    reading.ids = [1, 2]
    assert reading.to_dict()["ids"] == [1, 2]


def test_a_value_set_to_the_same_object_keeps_its_notation(models: ModuleType) -> None:
    reading = _reading(models).from_dict({"at": "2020-01-02T03:04:05.5Z"})
    reading.at = reading.at
    assert reading.to_dict() == {"at": "2020-01-02T03:04:05.5Z"}
    reading.at = reading.at.replace(tzinfo=UTC)
    assert reading.to_dict() == {"at": "2020-01-02T03:04:05.500Z"}


@pytest.mark.parametrize("text", ["2020-01-02T03:04:05", "2020-01-02T03:04:05.5", "2020-01-02"])
def test_a_date_time_without_an_offset_is_rejected_unless_lenient(
    models: ModuleType, text: str
) -> None:
    cls = _reading(models)
    with pytest.raises(ValueError, match=r"Reading\.at: .* has no offset"):
        cls.from_dict({"at": text})
    reading = cls.from_dict({"at": text}, lenient=True)
    assert reading.at.tzinfo is None
    assert reading.to_dict() == {"at": text}


def test_reading_does_not_call_init_or_setattr(models: ModuleType) -> None:
    cls = _reading(models)
    if not hasattr(cls, "__dataclass_fields__"):
        pytest.skip("attrs models are built by cattrs' structure functions")
    assert cls.__setattr__ is object.__setattr__
    reading = cls.from_dict({"at": "2020-01-02T03:04:05Z", "ratio": 0.5})
    assert reading == cls(at=reading.at, ratio=0.5)
