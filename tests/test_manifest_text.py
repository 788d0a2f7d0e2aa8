"""The manifest's text is json.dumps(indent=2, sort_keys=True)'s, written without json's pure-Python indenter;
the plan keeps each file's digest, so that applying it and the render record take them, not hashing again."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from generator.sync.plan import MANIFEST, Plan, indented_json, manifest_bytes

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text()
    | st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF))
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(_VALUES)
def test_indented_json_is_the_text_json_writes(value: object) -> None:
    assert indented_json(value) == json.dumps(value, indent=2, sort_keys=True)


@given(st.dictionaries(st.integers() | st.text(), st.text(), max_size=4))
def test_keys_that_are_no_strings_are_left_to_json(value: dict[object, str]) -> None:
    try:
        expected = json.dumps(value, indent=2, sort_keys=True)
    except TypeError:  # json cannot sort keys of mixed types; neither does the manifest writer
        return
    assert indented_json(value) == expected


def test_a_subclass_of_dict_is_left_to_json() -> None:
    class Ordered(dict[str, object]):
        pass

    value = {"b": Ordered(z=[1, {"y": "é"}], a={}), "a": []}
    assert indented_json(value) == json.dumps(value, indent=2, sort_keys=True)


def test_the_manifest_is_json_with_sorted_keys_indented_by_two() -> None:
    hashes = {"pkg/b.py": "2" * 64, "pkg/a.py": "1" * 64, "pkg/ü.py": "3" * 64}
    fingerprints = {"pkg/a.py": ["f1", "f0"], "pkg/b.py": []}
    text = manifest_bytes(hashes, "cfg", fingerprints, {"pkg/a.py": "r"}, ["../docs", "../docs"])
    data = json.loads(text)
    assert text == (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")
    assert data["docs"] == ["../docs"]
    assert data["origins"]["pkg/b.py"] == []
    assert list(data["files"]) == ["pkg/a.py", "pkg/b.py", "pkg/ü.py"]


def test_the_plan_keeps_the_digest_of_each_file_but_the_manifest() -> None:
    files = {"pkg/a.py": "a = 1\n", "pkg/sub/../b.py": "b = 2\n"}
    plan = Plan.build(files, "cfg")
    expected = {
        "pkg/a.py": hashlib.sha256(b"a = 1\n").hexdigest(),
        "pkg/b.py": hashlib.sha256(b"b = 2\n").hexdigest(),
    }
    assert plan.hashes() == expected
    assert MANIFEST in plan.files
    assert json.loads(plan.files[MANIFEST])["files"] == expected
    # A plan made without digests (as tests make one) takes them from its files.
    bare = Plan(dict(plan.files), "cfg")
    assert bare.hashes() == expected
