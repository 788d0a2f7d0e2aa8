"""Read the text of table cells: newlines, placeholders, deprecation markers, names and required markers."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELD_DEPRECATION = re.compile(r"^:\s?warning:\s*\*\*\s*DEPRECATED\s*\*\*\s*:\s*")
MODEL_DEPRECATION = re.compile(r"^>\s*:warning:\s*\*\*DEPRECATED\*\*\s*:\s*(?P<message>.*)$")
DEFAULT_DEPRECATION = "Deprecated."
_STRUCK = re.compile(r"^~~(?P<inner>.*)~~$", re.DOTALL)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

_REQUIRED = {
    ":heavy_check_mark:": True,
    ":white_check_mark:": True,
    "✔": True,
    "✔️": True,
    "✓": True,
    "yes": True,
    "true": True,
    "required": True,
    ":heavy_minus_sign:": False,
    ":x:": False,
    "✗": False,
    "-": False,
    "no": False,
    "false": False,
    "optional": False,
}


def cell_text(cell: str) -> str:
    """The cell's text with `<br/>` as a newline (pipes were already unescaped by the table parser)."""
    return cell.replace("<br/>", "\n")


def description_text(cell: str) -> str:
    """A description cell's text: `N/A` means none; surrounding blank space is dropped."""
    text = cell_text(cell).strip()
    return "" if text == "N/A" else text


@dataclass(frozen=True)
class Described:
    description: str
    deprecation: str | None


def split_deprecation(cell: str) -> Described:
    """Separate a `: warning: ** DEPRECATED **: message<br/><br/>description` cell into its two parts."""
    text = cell_text(cell).strip()
    marker = FIELD_DEPRECATION.match(text)
    if marker is None:
        return Described(description_text(text), None)
    message, _, description = text[marker.end() :].partition("\n\n")
    return Described(description_text(description), message.strip() or DEFAULT_DEPRECATION)


@dataclass(frozen=True)
class NameCell:
    name: str
    struck: bool


def name_cell(cell: str) -> NameCell | None:
    """`` `name` ``, ``~~`name`~~`` or a bare name; None when the cell holds no identifier."""
    text = cell.strip()
    struck = _STRUCK.match(text)
    if struck:
        text = struck.group("inner").strip()
    text = text.strip("`").strip()
    if not _NAME.match(text):
        return None
    return NameCell(text, struck is not None)


# A markdown backslash escape outside a code span (`my\_field`, `\$ref`): the character it escapes.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Not in a key: control characters, and `"` and `\` (msgspec refuses them as wire names, and what one
# target cannot read no target takes).
_NOT_IN_KEY = re.compile(r'[\x00-\x1f\x7f"\\]')


def field_name_cell(cell: str) -> NameCell | None:
    """A Fields table's name cell: the JSON key as written (`1st`, `my-field`, `@odata.type`, `$ref`).

    A key in a code span may be any text but control characters, `"` and `\\` (`` `first name` ``); a bare
    one has no blank (a phrase is prose, not a key) and its markdown escapes are undone. None when neither."""
    text = cell.strip()
    struck = _STRUCK.match(text)
    if struck:
        text = struck.group("inner").strip()
    if len(text) > 2 and text.startswith("`") and text.endswith("`") and "`" not in text[1:-1]:
        key = text[1:-1].strip()
    else:
        key = _ESCAPE.sub(r"\1", text)
        if "`" in key or any(ch.isspace() for ch in key):
            return None
    if not key or _NOT_IN_KEY.search(key):
        return None
    return NameCell(key, struck is not None)


def title_text(heading: str) -> NameCell:
    """A `# Name` or `# ~~Name~~` heading's name and whether it is struck through."""
    text = heading.strip()
    struck = _STRUCK.match(text)
    if struck:
        return NameCell(struck.group("inner").strip().strip("`"), True)
    return NameCell(text.strip("`"), False)


def is_identifier(name: str) -> bool:
    return bool(_NAME.match(name))


# The SDK's own HTTP objects, which SDK generators add to operation responses (grammar: RawResponse rows).
_RAW_HTTP = re.compile(
    r"\[\*?(?:Response|AxiosResponse>?|httpx\.Response|httpx\.Request|requests\.Response|http\.Response"
    r"|\\Psr\\Http\\Message\\ResponseInterface|HttpResponse(?:\\?<.*?>)?|HttpResponseMessage|Faraday::Response)"
    r"\]\(https?://"
    r"|\*(?:\\Psr\\Http\\Message\\RequestInterface|HttpRequestMessage)\*"
)
_SDK_ROW_DESCRIPTION = re.compile(r"^HTTP response (status code|content type) for this operation")
_SDK_ROW_NAMES = {"statuscode", "contenttype"}


def is_raw_http(type_cell: str) -> bool:
    """Whether a Type cell names the SDK's raw HTTP response or request object."""
    return bool(_RAW_HTTP.search(type_cell))


def is_sdk_status_row(name: str, description: str, beside_raw_http: bool) -> bool:
    """The status code and content type an SDK adds to an operation's response wrapper."""
    if name.replace("_", "").lower() not in _SDK_ROW_NAMES:
        return False
    return beside_raw_http or bool(_SDK_ROW_DESCRIPTION.match(description))


def required_marker(cell: str) -> bool | None:
    """True for a required marker, False for an optional one, None when the cell is neither."""
    return _REQUIRED.get(cell.strip().lower())


def deprecated_cell(cell: str) -> str | None:
    """A Deprecated column's cell: None when not deprecated, else the message (a yes marker gives the default)."""
    text = cell_text(cell).strip()
    marker = required_marker(text)
    if marker is False or text == "" or text.upper() == "N/A":
        return None
    if marker is True:
        return DEFAULT_DEPRECATION
    return text
