"""Case filters for templates of any language: `pascal`, `camel`, `snake` and `kebab`.

A name is split into words as the Python view splits it (`naming.words`: `userIDToken` -> user, ID, Token;
digits stay with the word before them), but letters of any script count: `CaféAuLait` -> Café, Au, Lait.
The filters change case and separators only; they do not make a name a safe identifier of any language.
"""

from __future__ import annotations

import unicodedata

from .naming import WORD

#: What stands for a character that is no letter or digit in `_classes`.
_SEPARATOR = " "


def _classes(name: str) -> str:
    """Each character as its class, spelt in ASCII: `A` upper or title case, `a` lower-case or caseless
    letter, `0` digit, a space for anything else; `naming.WORD`, written for ASCII, finds words in it."""
    return "".join(
        "A"
        if c.isupper() or c.istitle()
        else "a"
        if c.isalpha()
        else "0"
        if c.isdigit()
        else _SEPARATOR
        for c in name
    )


def case_words(name: str) -> list[str]:
    """The words of `name` (NFC-normalised): split at separators, case changes and acronym ends."""
    name = unicodedata.normalize("NFC", name)
    return [name[m.start() : m.end()] for m in WORD.finditer(_classes(name))]


def _capitalized(name: str) -> list[str]:
    """The words with a capital first letter; a name with no lower-case letter (`HTTP_STATUS`) is read
    as words in lower case first (`Http`, `Status`), any other word keeps its case (`ID` stays `ID`)."""
    found = case_words(name)
    if not any(c.islower() for c in name):
        found = [w.lower() for w in found]
    return [w[:1].upper() + w[1:] for w in found]


def pascal(name: str) -> str:
    """`HTTPResponse2FA` -> `HTTPResponse2FA`, `user_id` -> `UserId`, `HTTP_STATUS` -> `HttpStatus`."""
    return "".join(_capitalized(name))


def camel(name: str) -> str:
    """`pascal` with the first word in lower case: `HTTPResponse2FA` -> `httpResponse2FA`."""
    found = _capitalized(name)
    return "".join([w.lower() for w in found[:1]] + found[1:])


def snake(name: str) -> str:
    """`HTTPResponse2FA` -> `http_response2_fa` (as the Python view names attributes)."""
    return "_".join(w.lower() for w in case_words(name))


def kebab(name: str) -> str:
    """`HTTPResponse2FA` -> `http-response2-fa`."""
    return "-".join(w.lower() for w in case_words(name))


CASE_FILTERS = {"pascal": pascal, "camel": camel, "snake": snake, "kebab": kebab}
