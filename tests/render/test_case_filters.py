"""The case filters for templates of other languages: `pascal`, `camel`, `snake`, `kebab`."""

from __future__ import annotations

import pytest

from generator.ir import Spec
from generator.reader import read_docs
from generator.render import naming
from generator.render.case_filters import camel, case_words, kebab, pascal, snake
from generator.render.targets import environment, load_target
from tests.helpers import CORPUS, SPECS, require_corpus

CASES = [
    # name, pascal, camel, snake, kebab
    ("HTTPResponse2FA", "HTTPResponse2FA", "httpResponse2FA", "http_response2_fa", "http-response2-fa"),
    ("userIDToken", "UserIDToken", "userIDToken", "user_id_token", "user-id-token"),
    ("getHTTPSUrl", "GetHTTPSUrl", "getHTTPSUrl", "get_https_url", "get-https-url"),
    ("user_id", "UserId", "userId", "user_id", "user-id"),
    ("HTTP_STATUS", "HttpStatus", "httpStatus", "http_status", "http-status"),
    ("ID", "Id", "id", "id", "id"),
    ("_leading_under", "LeadingUnder", "leadingUnder", "leading_under", "leading-under"),
    ("__init__", "Init", "init", "init", "init"),
    ("api-key", "ApiKey", "apiKey", "api_key", "api-key"),
    ("v2Api", "V2Api", "v2Api", "v2_api", "v2-api"),
    ("S3Bucket", "S3Bucket", "s3Bucket", "s3_bucket", "s3-bucket"),
    ("2fa_code", "2faCode", "2faCode", "2fa_code", "2fa-code"),
    ("café_au_lait", "CaféAuLait", "caféAuLait", "café_au_lait", "café-au-lait"),
    ("cafe\u0301AuLait", "CaféAuLait", "caféAuLait", "café_au_lait", "café-au-lait"),  # NFC
    ("ÉlanVital", "ÉlanVital", "élanVital", "élan_vital", "élan-vital"),
    ("ÄÖÜ_name", "ÄÖÜName", "äöüName", "äöü_name", "äöü-name"),
    ("名前 field", "名前Field", "名前Field", "名前_field", "名前-field"),
    ("  ", "", "", "", ""),
]  # fmt: skip


@pytest.mark.parametrize(("name", "p", "c", "s", "k"), CASES)
def test_each_filter_on_awkward_names(name: str, p: str, c: str, s: str, k: str) -> None:
    assert (pascal(name), camel(name), snake(name), kebab(name)) == (p, c, s, k)


@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_the_filters_agree_on_the_words(name: str) -> None:
    expected = [w.lower() for w in case_words(name)]
    for converted in (pascal(name), camel(name), snake(name), kebab(name)):
        assert [w.lower() for w in case_words(converted)] == expected
    assert pascal(pascal(name)) == pascal(name) and snake(snake(name)) == snake(name)


@pytest.mark.parametrize(
    "name", ["HTTPResponse2FA", "userIDToken", "OAuth2Token", "x-request-id", "ALL_CAPS", "a1b2C3"]
)
def test_snake_is_the_python_views_snake_case_on_ascii_names(name: str) -> None:
    assert snake(name) == naming.snake_case(name)


def test_templates_can_use_them() -> None:
    env = environment(load_target("dataclasses").folders)
    text = env.from_string(
        "{{ n | pascal }} {{ n | camel }} {{ n | snake }} {{ n | kebab }}"
    ).render(n="HTTPResponse2FA")
    assert text == "HTTPResponse2FA httpResponse2FA http_response2_fa http-response2-fa"


def _names(spec: Spec) -> set[str]:
    """Every model title and field name the docs spell."""
    return {m.title for m in spec.models} | {f.name for m in spec.models for f in m.fields}


@pytest.mark.parametrize(
    "folder", ["", "go/dubinc__dub-go", "python/speakeasy-api__openapi-generation-tests"]
)
def test_the_filters_on_every_name_sdk_docs_spell(folder: str) -> None:
    docs = require_corpus(CORPUS / folder) if folder else SPECS
    names = _names(read_docs([docs]))
    assert len(names) > 20
    for name in names:
        words = [w.lower() for w in case_words(name)]
        assert snake(name) == "_".join(words) and kebab(name) == "-".join(words)
        if name.isascii():
            assert snake(name) == naming.snake_case(name), name
        for converted in (pascal(name), camel(name)):
            assert [w.lower() for w in case_words(converted)] == words, (name, converted)
            assert converted.replace("_", "").isalnum() or not converted, (name, converted)
        assert pascal(pascal(name)) == pascal(name), name
