"""Read generated docs pages as a markdown renderer does: links, table cells, code blocks."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.config import DOCS_PARTS
from generator.ir import Spec
from generator.reader import read_docs
from generator.render.planner import render_files
from generator.render.targets import load_target

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@dataclass(frozen=True)
class Page:
    path: str
    text: str
    tokens: list[Token]

    def links(self) -> list[tuple[str, str]]:
        """(text, href) of every link, in order."""
        found = []
        for token in self.tokens:
            children = token.children or []
            for i, child in enumerate(children):
                if child.type == "link_open":
                    text = ""
                    for inner in children[i + 1 :]:
                        if inner.type == "link_close":
                            break
                        text += inner.content
                    found.append((text, str(child.attrGet("href"))))
        return found

    def rows(self) -> list[list[str]]:
        """Every table row (header rows too) as the rendered text of its cells."""
        rows: list[list[str]] = []
        previous = ""
        for token in self.tokens:
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline" and previous in ("td_open", "th_open"):
                rows[-1].append(_plain(token))
            previous = token.type
        return rows

    def fences(self, info: str) -> list[str]:
        return [t.content for t in self.tokens if t.type == "fence" and t.info.strip() == info]


def _plain(token: Token) -> str:
    """The text a cell shows: code spans and text as written, links by their text."""
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))


def render_docs(
    spec: Spec, parts: tuple[str, ...] = DOCS_PARTS, target: str = "dataclasses"
) -> dict[str, Page]:
    """The docs output of `spec` by path below the docs folder, each page parsed."""
    pages = {}
    for f in render_files(spec, load_target(target), "pkg", ("docs",), parts):
        assert f.path.startswith("docs/"), f.path
        path = f.path[len("docs/") :]
        pages[path] = Page(path, f.text, _MD.parse(f.text))
    return pages


def docs_of(folder: Path) -> Spec:
    spec = read_docs([folder])
    assert not spec.errors, [d.render() for d in spec.errors][:5]
    return spec


def broken_links(pages: dict[str, Page]) -> list[str]:
    """Every relative link to a page that names no generated page, as `page: href` (links a doc's own
    description holds to its web site, `/reference/...` or `https://...`, are left alone)."""
    broken = []
    for page in pages.values():
        for _, href in page.links():
            if "://" in href or href.startswith(("/", "#")) or not href.endswith(".md"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), href))
            if target not in pages:
                broken.append(f"{page.path}: {href}")
    return broken
