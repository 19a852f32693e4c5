"""Stylesheets without the rules no page of the site can use, run on the built site.

Material ships one stylesheet for every feature and extension it supports (admonition types we
never use, Mermaid, blog posts, content tabs, right-to-left layouts, a palette of 20 colours...)
and every page loads all of it. This drops a rule only when one of its selectors names something
that occurs nowhere: a class, id, attribute or attribute value in none of the site's HTML pages
and in none of its JavaScript's strings that could name one (which is where Material and our
scripts name the classes they add at run time; a `prefix-${...}` template keeps every class
that starts with the prefix). What
sits inside :not(), :is(), :where(), :has() and similar is not looked at, so such a selector is
kept unless its other parts rule it out. Custom properties that no kept rule, page or script reads
are dropped too, and comments and spaces go from our own stylesheets. Output depends only on the
input bytes: the same site gives the same files on every machine.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# The Python runtime of the exercises is megabytes of JavaScript that styles nothing of ours.
NOT_SCANNED = ("assets/pyodide/",)
GROUPS = ("@media", "@supports", "@layer", "@container")  # at-rules holding rules: pruned inside
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`', re.S)
NAME = re.compile(r"-?[A-Za-z_][\w-]*")
PLAIN = re.compile(r"[\w\s-]*")
FUNCTIONAL = re.compile(
    r":(?:not|is|where|has|matches|-webkit-any|-moz-any|nth-child|nth-last-child|nth-of-type|nth-last-of-type|host|host-context|dir|lang)\("
)
ATTRIBUTE = re.compile(r"\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*[iIsS]?\s*)?\]")


@dataclass
class Known:
    """What the site's pages and scripts name."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)  # attribute values, whole and split at spaces
    words: set[str] = field(default_factory=set)  # every name in a string of the scripts
    prefixes: set[str] = field(default_factory=set)  # `md-tag--${...}`: any name starting so
    texts: list[str] = field(default_factory=list)  # inline styles and scripts, for var(--x) uses
    config: dict[str, object] = field(default_factory=dict)  # Material's __config of the pages, merged

    def has(self, name: str, own: set[str]) -> bool:
        if name in own:
            return True
        on_demand = next((wanted for prefix, wanted in ON_DEMAND.items() if name.startswith(prefix)), None)
        if on_demand is not None and not on_demand(self):
            return False  # Material's script has the name, but draws it only for what no page asks
        return name in self.words or any(name.startswith(p) for p in self.prefixes)


# Parts Material's script draws only when the site asks for them, though their class names are
# always among its strings: code annotations (an "annotate" element, or the feature on) and the
# version selector (a version provider in the configuration).
ON_DEMAND: dict[str, Callable[[Known], bool]] = {
    "md-annotation": lambda known: (
        "annotate" in known.classes or bool(known.config.get("annotate")) or "content.code.annotate" in known.config.get("features", [])
    ),  # type: ignore[operator]
    "md-version": lambda known: "version" in known.config,
}


class _Pages(HTMLParser):
    def __init__(self, known: Known) -> None:
        super().__init__(convert_charrefs=True)
        self.known = known
        self._raw = self._config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._raw = tag in ("script", "style")
        self._config = tag == "script" and ("id", "__config") in attrs
        for name, value in attrs:
            self.known.attributes.add(name)
            if value is None:
                continue
            self.known.values.add(value)
            self.known.values.update(value.split())
            if name == "class":
                self.known.classes.update(value.split())
            elif name == "id":
                self.known.ids.add(value)
            elif name == "style":
                self.known.texts.append(value)

    def handle_data(self, data: str) -> None:
        if self._raw and self._config:
            for key, value in json.loads(data).items():
                if key == "features":
                    self.known.config["features"] = sorted({*self.known.config.get("features", []), *value})  # type: ignore[misc]
                elif value is not None:
                    self.known.config[key] = value
        if self._raw:
            self.known.texts.append(data)
            scripts(data, self.known)

    def handle_endtag(self, tag: str) -> None:
        self._raw = self._config = False


def scripts(text: str, known: Known) -> None:
    """The names a script may give an element: every string made only of names and spaces
    ("md-tooltip2__inner md-typeset", "is-on-route", "data-md-state", "lock"), and the class and
    id attributes inside markup it writes. Selectors it looks for (".md-typeset .tabbed-set") and
    messages ("Not quite: the answer is") name nothing it adds."""
    for literal in STRING.findall(text):
        inner = literal[1:-1]
        known.prefixes.update(re.findall(r"([A-Za-z_][\w-]*-)\$\{", inner))
        inner = re.sub(r"\$\{[^}]*\}", " ", inner)
        for value in re.findall(r"(?:class|id)=\\?[\"']([^\"'\\]*)", inner):
            known.words.update(NAME.findall(value))
        if PLAIN.fullmatch(inner):
            known.words.update(NAME.findall(inner))
    known.texts.append(text)


def scan(site: Path) -> Known:
    known = Known()
    for page in sorted(site.rglob("*.html")):
        _Pages(known).feed(page.read_text(encoding="utf-8"))
    for script in sorted([*site.rglob("*.js"), *site.rglob("*.mjs")]):
        if not script.relative_to(site).as_posix().startswith(NOT_SCANNED):
            scripts(script.read_text(encoding="utf-8", errors="replace"), known)
    return known


# Reading a stylesheet ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    prelude: str  # selectors, or an at-rule's name and condition
    body: str | None  # None for a statement such as @charset "UTF-8";


def _skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _skip_quoted(css: str, i: int) -> int | None:
    """Past the string or comment that starts at i, or None when none starts there."""
    if css[i] in "\"'":
        return _skip_string(css, i)
    if css.startswith("/*", i):
        return css.index("*/", i + 2) + 2
    return None


def rules(css: str) -> list[Rule]:
    """One level of a stylesheet: rules, at-rules with their blocks, statements; comments dropped."""
    found: list[Rule] = []
    i, n = 0, len(css)
    while i < n:
        if css[i].isspace():
            i += 1
        elif css.startswith("/*", i):
            i = css.index("*/", i + 2) + 2
        else:
            start, depth = i, 0
            while i < n and not (depth == 0 and css[i] in "{;"):
                if (after := _skip_quoted(css, i)) is not None:
                    i = after
                    continue
                depth += {"(": 1, ")": -1}.get(css[i], 0)
                i += 1
            prelude = css[start:i].strip()
            if i >= n or css[i] == ";":
                found.append(Rule(prelude, None))
                i += 1
                continue
            i, level, body_start = i + 1, 1, i + 1
            while level:
                if (after := _skip_quoted(css, i)) is not None:
                    i = after
                    continue
                level += {"{": 1, "}": -1}.get(css[i], 0)
                i += 1
            found.append(Rule(prelude, css[body_start : i - 1]))
    return found


def split_list(selectors: str) -> list[str]:
    """`a, b:is(c, d)` -> ["a", "b:is(c, d)"]: commas inside brackets or strings do not split."""
    parts, depth, current, i = [], 0, [], 0
    while i < len(selectors):
        char = selectors[i]
        if char in "\"'":
            end = _skip_string(selectors, i)
            current.append(selectors[i:end])
            i = end
            continue
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _outside_functions(selector: str) -> str:
    """The selector without the arguments of :not(), :is() and the like (never looked into)."""
    out, i = [], 0
    while i < len(selector):
        match = FUNCTIONAL.match(selector, i)
        if not match:
            out.append(selector[i])
            i += 1
            continue
        depth, i = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(selector[i], 0)
            i += 1
    return "".join(out)


def can_match(selector: str, known: Known) -> bool:
    rest = _outside_functions(selector)
    for name, operator, value in ATTRIBUTE.findall(rest):
        if not known.has(name, known.attributes):
            return False
        if operator == "=" and not known.has(value.strip("\"'"), known.values):
            return False
    rest = ATTRIBUTE.sub("", rest)
    rest = re.sub(r"\\.", "", rest)  # an escaped character (\:) is part of a name we cannot match reliably
    classes = re.findall(r"\.(-?[A-Za-z_][\w-]*)", rest)
    ids = re.findall(r"#(-?[A-Za-z_][\w-]*)", rest)
    return all(known.has(c, known.classes) for c in classes) and all(known.has(i, known.ids) for i in ids)


# Writing it back ---------------------------------------------------------------------------------


def compact(body: str) -> str:
    """A declaration block without comments and runs of spaces (strings kept as they are)."""
    out, i = [], 0
    while i < len(body):
        if body[i] in "\"'":
            end = _skip_string(body, i)
            out.append(body[i:end])
            i = end
        elif body.startswith("/*", i):
            i = body.index("*/", i + 2) + 2
        elif body[i].isspace():
            while i < len(body) and body[i].isspace():
                i += 1
            # A space is kept only between two things that are not punctuation of the block.
            if out and out[-1][-1] not in ";{}" and i < len(body) and body[i] not in ";{}" and not body.startswith("/*", i):
                out.append(" ")
        else:
            if body[i] in ";{}" and out and out[-1] == " ":
                out.pop()
            out.append(body[i])
            i += 1
    return "".join(out).strip().rstrip(";")


def prune(css: str, known: Known) -> str:
    """The stylesheet with the rules no selector of which can match, compacted."""
    out = []
    for rule in rules(css):
        prelude = " ".join(rule.prelude.split())
        if rule.body is None:
            out.append(prelude + ";")
        elif prelude.startswith(GROUPS):
            inner = prune(rule.body, known)
            if inner:
                out.append(prelude + "{" + inner + "}")
        elif prelude.startswith("@"):
            out.append(prelude + "{" + compact(rule.body) + "}")
        else:
            kept = [s for s in split_list(prelude) if can_match(s, known)]
            if kept:
                out.append(",".join(kept) + "{" + compact(rule.body) + "}")
    return "".join(out)


CUSTOM = re.compile(r"\s*(--[\w-]+)\s*:")


def drop_unread_properties(sheets: dict[str, str], known: Known) -> dict[str, str]:
    """Drop custom properties (--md-mermaid-*, icons of unused admonitions...) that nothing reads:
    no var() in any sheet, no inline style or script. Repeated, as a dropped one may read others."""
    outside = "\n".join(known.texts)
    while True:
        read = {name for css in sheets.values() for name in re.findall(r"var\(\s*(--[\w-]+)", css)}
        read |= set(re.findall(r"--[\w-]+", outside))

        changed = {name: _rewrite_bodies(css, read) for name, css in sheets.items()}
        if changed == sheets:
            return sheets
        sheets = changed


def split_declarations(body: str) -> list[str]:
    parts, current, depth, i = [], [], 0, 0
    while i < len(body):
        char = body[i]
        if char in "\"'":
            end = _skip_string(body, i)
            current.append(body[i:end])
            i = end
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return [p for p in parts if p.strip()]


def _keep_read(body: str, read: set[str]) -> str:
    return ";".join(p for p in split_declarations(body) if not (m := CUSTOM.match(p)) or m.group(1) in read)


def _rewrite_bodies(css: str, read: set[str]) -> str:
    """The stylesheet with only the custom properties in `read` declared."""
    out = []
    for rule in rules(css):
        if rule.body is None:
            out.append(rule.prelude + ";")
        elif rule.prelude.startswith(GROUPS):
            inner = _rewrite_bodies(rule.body, read)
            if inner:
                out.append(rule.prelude + "{" + inner + "}")
        elif rule.prelude.startswith("@"):
            out.append(rule.prelude + "{" + rule.body + "}")
        else:
            body = _keep_read(rule.body, read)
            if body:
                out.append(rule.prelude + "{" + body + "}")
    return "".join(out)


def prune_site(site: Path, stylesheets: str = "assets/stylesheets") -> dict[str, tuple[int, int]]:
    """Prune every stylesheet of the built site in place; returns {path: (bytes before, after)}."""
    known = scan(site)
    files = sorted((site / stylesheets).glob("*.css"))
    before = {f.relative_to(site).as_posix(): f.read_text(encoding="utf-8") for f in files}
    sheets = drop_unread_properties({name: prune(css, known) for name, css in before.items()}, known)
    for name, css in sheets.items():
        (site / name).write_text(css + "\n", encoding="utf-8")
    return {name: (len(before[name].encode()), len(sheets[name].encode()) + 1) for name in sheets}
