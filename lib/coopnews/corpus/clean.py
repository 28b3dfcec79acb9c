"""Boilerplate removal that keeps a map back to the raw text.

Only whole lines are dropped (plus a dateline prefix), so every character of the cleaned text maps to
one character of the raw text: `segments` holds (clean_start, raw_start, length) runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import bylines, pubdate
from ..data import load_data_yaml

_COPYRIGHT = re.compile(
    r"^(?:(?i:copyright)\s*(?:©|\([cC]\))?|©|\([cC]\))\s*(?:(?:19|20)\d{2}|[A-Z][^.]{0,60}(?:19|20)\d{2})"
    r"|(?i:all rights reserved)"
)
_FROM_SOURCE = re.compile(r"^(?i:from|source)\s*[:：]?\s+(?P<source>[A-Z][^.!?]{1,60})$")
_CONTACT = re.compile(r"^(?:media\s+|press\s+)?contacts?\s*(?:information|details)?\s*[:：]", re.IGNORECASE)
_WIRE_SOURCE = re.compile(r"^SOURCE\s+\S")
_CRUMB_SEPARATORS = re.compile(r"\s+[>›»]\s+|\s+/\s+")
_CONTACTISH = re.compile(r"@|https?://|www\.|\+?\d[\d ()-]{6,}\d|tel\b|phone|e-?mail", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_TITLE_END = re.compile(r"[.!?;:,。！？；：，]$")
_LINE = re.compile(r"[^\n]*\n?")


@dataclass
class Cleaned:
    """The cleaned body of one document and what was taken out of it."""

    text: str
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (kind, line)
    title: str | None = None
    source: str | None = None
    dateline: tuple[str, str] | None = None  # (ISO date, precision) from a dateline
    header_date: tuple[str, str] | None = None  # from a timestamp line or a byline
    dateline_span: tuple[int, int] | None = None  # raw-text offsets of the printed date each was read from
    header_span: tuple[int, int] | None = None
    header_source: str | None = None  # byline | timestamp


@lru_cache(maxsize=1)
def boilerplate_lexicon() -> dict[str, frozenset[str]]:
    """The editable lists in coopnews/data/boilerplate.yaml, lowercased."""
    raw, _ = load_data_yaml("boilerplate.yaml")
    return {key: frozenset(str(v).lower() for v in values) for key, values in raw.items()}


def _lines_with_offsets(raw: str) -> list[tuple[int, str, bool]]:
    """(offset of the first non-space character, stripped line, indented?) for every line of `raw`."""
    out = []
    for m in _LINE.finditer(raw):
        line = m.group()
        if not line:
            break
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        out.append((m.start() + lead, stripped, lead > 0 and bool(stripped)))
    return out


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True for text wrapped at a fixed width (wire copy), whose line breaks are not paragraph breaks."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 4:
        return False
    unterminated = sum(1 for line in lines if line and not re.search(r"[.!?:;\"”»)。！？：；」』）]$", line))
    return lengths[int(len(lengths) * 0.9) - 1] <= 90 and unterminated / len(lengths) >= 0.5


_LAST_WORD = re.compile(r"(?:^|\s)([a-z]+)$")


def _runs_on(before: str, line: str) -> bool:
    """Whether a line broken by a single line break goes on in the next one, in text not wrapped at a fixed width
    throughout: it ends in a word no paragraph ends on ("... between Cardiff and" / "Nantes, but ..."), or in a
    lower-case word with the next line opening in lower case ("... the city's majestic civic" / "centre - a")."""
    last = _LAST_WORD.search(before)
    if last is None:
        return False
    return last.group(1) in boilerplate_lexicon()["words_that_never_end_a_paragraph"] or line[:1].islower()


def _is_language_switcher(line: str, lexicon: dict) -> bool:
    tokens = [t for t in re.split(r"[|/·•,]|\s{2,}", line.lower()) if t.strip()]
    tokens = [t.strip() for t in tokens]
    if len(tokens) == 1 and " " in tokens[0]:
        if tokens[0] in lexicon["language_switchers"]:
            return True
        tokens = tokens[0].split()
    return 0 < len(tokens) <= 6 and all(t in lexicon["language_switchers"] for t in tokens)


def _is_section_label(line: str, lexicon: dict) -> bool:
    low = line.lower().rstrip(":")
    words = low.split()
    return low in lexicon["section_labels"] or (0 < len(words) <= 3 and words[-1] == "news")


def _is_crumb(line: str) -> bool:
    """A trail of short links ("News > Local"), or one from "Home" whose last link is the story's title
    ("Home / APAC / Moscow and Beijing metros to cooperate")."""
    parts = _CRUMB_SEPARATORS.split(line)
    if len(parts) >= 3 and parts[0].strip().lower() == "home" and all(0 < len(p.split()) <= 4 for p in parts[:-1]):
        return True
    return len(parts) >= 2 and all(0 < len(p.split()) <= 4 for p in parts) and not _TITLE_END.search(line)


def _is_footer(line: str, lexicon: dict) -> bool:
    low = line.lower()
    if len(line.split()) > 25:
        return False
    return bool(_COPYRIGHT.search(line) or _WIRE_SOURCE.match(line)) or any(
        low.startswith(p) for p in lexicon["footer_prefixes"]
    )


def _looks_like_title(line: str) -> bool:
    return 0 < len(line.split()) <= 30 and not _TITLE_END.search(line.rstrip("\"”’'"))


def _capitals_above_text(line: str, below: str) -> bool:
    """A line of three words or more in capitals above one in mixed case ("WOOLWORTH U.K. SAYS GROWTH PROSPECTS
    EXCITING" above "Woolworth Holdings Plc <WLUK.L> which"): a headline, not a line wrapped into the next."""
    return len(line.split()) >= 3 and not any(ch.islower() for ch in line) and any(ch.islower() for ch in below)


def _is_contact_detail(line: str) -> bool:
    return len(line.split()) <= 20 and (_CONTACTISH.search(line) is not None or not _TITLE_END.search(line))


def classify_lines(lines: list[str]) -> list[str | None]:
    """A removal kind for each line (None = keep), reading the document top to bottom."""
    lexicon = boilerplate_lexicon()
    kinds: list[str | None] = [None] * len(lines)
    in_header = True
    in_contact = False
    kept = 0  # lines of text kept so far: the title, then the body
    for i, line in enumerate(lines):
        if not line:
            continue
        if in_contact:
            if _is_contact_detail(line) and not _is_footer(line, lexicon) and not _FROM_SOURCE.match(line):
                kinds[i] = "contact"
                continue
            in_contact = False
        if in_header and _is_language_switcher(line, lexicon):
            kinds[i] = "language switcher"
        elif in_header and _is_crumb(line):
            kinds[i] = "navigation"
        elif in_header and _is_section_label(line, lexicon):
            kinds[i] = "section label"
        elif _is_footer(line, lexicon):
            kinds[i] = "footer"
        elif _FROM_SOURCE.match(line) and len(line.split()) <= 8:
            kinds[i] = "source line"
        elif _CONTACT.match(line):
            kinds[i] = "contact"
            in_contact = True
        elif (in_header or kept <= 1 or len(line.split()) <= 6 or bylines.match_header_date(line)) \
                and pubdate.match_header_date(line):  # the cheap tests first: most lines are body text
            kinds[i] = "header"
        else:
            in_header = False
            kept += 1
    return kinds


def _shifted(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return (span[0] + offset, span[1] + offset) if span else None


def _read_header_date(result: Cleaned, line: str, offset: int, *, before_body: bool) -> None:
    """The page's date from a removed timestamp line or byline: before the body, or anywhere when labelled."""
    found = pubdate.printed_date(line)
    if found and (before_body or found.labelled):
        result.header_date = (found.date, found.precision)
        result.header_span = (offset + found.start, offset + found.end)
        result.header_source = found.source


def clean_text(raw: str) -> Cleaned:
    """Drop boilerplate lines and the dateline prefix; keep paragraphs (rejoining hard-wrapped lines)."""
    entries = _lines_with_offsets(raw)
    kinds = classify_lines([line for _, line, _ in entries])
    wrapped = _is_hard_wrapped([line for (_, line, _), kind in zip(entries, kinds) if kind is None])
    result = Cleaned(text="")
    pieces: list[str] = []
    pending_break = ""
    clean_len = 0
    for i, ((offset, line, indented), kind) in enumerate(zip(entries, kinds)):
        if kind is not None:
            result.removed.append((kind, line))
            if kind == "source line" and result.source is None:
                result.source = " ".join(_FROM_SOURCE.match(line).group("source").split("|")[0].split())
            if kind in ("header", "source line") and result.header_date is None:
                _read_header_date(result, line, offset, before_body=len(pieces) <= 1)
            continue
        if not line:
            pending_break = "\n\n" if pieces else ""
            continue
        if not pieces and result.dateline is None:
            found = pubdate.match_dateline(line)
            if found:
                parsed, end = found
                result.dateline = parsed
                result.dateline_span = _shifted(pubdate.dateline_span(line), offset) if parsed else None
                result.removed.append(("dateline", line[:end].strip()))
                offset, line = offset + end, line[end:]
        elif len(pieces) == 1 and pieces[0] == result.title and result.dateline is None:
            found = pubdate.match_dateline(line)  # a dated dateline under the headline: its date, the text kept
            if found and found[0]:
                result.dateline, result.dateline_span = found[0], _shifted(pubdate.dateline_span(line), offset)
            elif (local := bylines.match_dateline(line)):  # a Chinese dateline under the headline: taken out
                result.removed.append(("dateline", line[:local[1]].strip()))
                offset, line = offset + local[1], line[local[1]:]
        heading = _MARKDOWN_HEADING.match(line)
        if heading:
            offset, line = offset + heading.end(), line[heading.end():]
        stands_alone = not wrapped or i + 1 == len(entries) or not entries[i + 1][1] \
            or _capitals_above_text(line, entries[i + 1][1])  # a wire's headline right above its story
        if not pieces and result.title is None and (heading or (_looks_like_title(line) and stands_alone)):
            result.title = line
        if pieces:
            # In wrapped wire copy a single line break is a space; an indent or a blank line starts a paragraph.
            joins_paragraph = (wrapped and not indented and pieces[-1] != result.title) \
                or (not pending_break and _runs_on(pieces[-1], line))
            sep = pending_break or (" " if joins_paragraph else "\n")
            pieces.append(sep)
            clean_len += len(sep)
        result.segments.append((clean_len, offset, len(line)))
        pieces.append(line)
        clean_len += len(line)
        pending_break = ""
    result.text = "".join(pieces)
    return result


def raw_span(segments: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of cleaned text to the raw text it came from."""
    return int(_raw_offset(segments, start, is_end=False)), int(_raw_offset(segments, end, is_end=True))


def _raw_offset(segments, pos: int, *, is_end: bool) -> int:
    for clean_start, raw_start, length in segments:
        if clean_start <= pos < clean_start + length or (is_end and pos == clean_start + length):
            return raw_start + (pos - clean_start)
    raise ValueError(f"offset {pos} falls between segments of the cleaned text")
