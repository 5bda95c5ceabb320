"""Turn scraped article text into clean prose, remembering where every kept character came from.

The cascade, in order:

1. characters: ``\\r\\n`` and ``\\r`` become ``\\n``; non-breaking, thin and other odd spaces and tabs
   become a space; zero-width characters and soft hyphens are dropped; curly quotes and apostrophes become
   straight ones (dashes and ellipses stay);
2. lines: each line is stripped and its runs of spaces collapsed. Whole lines that are page furniture go:
   bylines and datelines ("By Jane Doe | Updated: ...", "Published 3 hours ago"), share prompts and widget
   captions ("Follow us on Twitter", "Share this article"), photo credits ("(Photo: Reuters)") and
   related-story lines ("RELATED: ...", a bare "Related stories" label and the headline lines under it);
3. paragraphs: a blank line always ends a paragraph. A single line break inside a block is a soft wrap
   (joined with a space) only when the line before does not end a sentence and the next line starts in lower
   case, or the line before ends with a comma or a small joining word; otherwise it also ends a paragraph;
4. inside a paragraph: a sentence end glued to the next word gets a space ("said.The" -> "said. The")
   except in abbreviations, initialisms, decimals and URLs; an inline teaser ("...in 1945.Also Read - Two
   Nations Sign Pact | Key Points") is cut from its label to the end of the paragraph, or to where ordinary
   prose clearly resumes; a trailing ``| Key Points``-style pipe fragment, inline photo credits and caption
   labels ("Image copyright X Image caption ...", "Media caption ...") are cut.

The furniture kinds described as data (:mod:`tidings.clean.furniture`, ``clean/data/furniture.tsv``) are
tried on every line after the rules above, and their inline cues on every sentence of a paragraph (text from
a JSON or CSV record often has no line breaks left); an AP-style caption ("Crowds gather. (AP Photo/Name)")
goes with its credit.

Removed spans are reported in original offsets with a reason: ``"byline"`` (bylines, datelines, photo
credits), ``"share"`` (share prompts and widget captions), ``"related"`` (a whole line of related-story links)
and ``"teaser"`` (a teaser glued into article text, or a pipe fragment), or the furniture kind of the
data table (``"player"``, ``"caption"``, ``"credit"``, ``"newsletter"``, ``"related"``, ``"byline"``,
``"notice"``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from tidings.clean import rules
from tidings.clean.furniture import Furniture
from tidings.clean.mapped import MappedText, OffsetMap, compress, join

__all__ = ["Cleaned", "clean"]

_CHAR_PATTERN = re.compile("[" + re.escape("".join(rules.CHAR_TABLE)) + "]")
_WORD = re.compile(r"\S+")
_SOFT_JOIN_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "which",
        "who",
        "than",
    ]
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Clean text, its paragraphs, what was cut from the original, and a map back to the original."""

    text: str  # paragraphs separated by exactly "\n\n"
    paragraphs: tuple[tuple[int, int], ...]  # [start, end) of each paragraph in `text`
    removed: tuple[tuple[int, int, str], ...]  # [start, end) in the ORIGINAL text, and the reason
    offsets: OffsetMap

    def to_original(self, offset: int) -> int:
        """The offset in the original text of the character at ``offset`` in the clean text.

        Monotonic (non-decreasing). A character the cleaner inserted (a space after a glued full stop, a
        paragraph separator) maps to the original character that follows it; ``len(text)`` maps just past
        the last kept original character. For a span ``[start, end)`` use :meth:`span_to_original`.
        """
        return self.offsets(offset)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` span of the clean span ``[start, end)``."""
        if end <= start:
            origin = self.offsets(start)
            return origin, origin
        return self.offsets(start), self.offsets(end - 1) + 1


def clean(text: str) -> Cleaned:
    """Clean one article's text (pure; no models)."""
    removed: list[tuple[int, int, str]] = []
    mapped = _normalise_chars(MappedText.of(text))
    lines = _split_lines(mapped)
    blocks = _drop_furniture_lines(lines, removed)
    paragraphs: list[MappedText] = []
    for block in blocks:
        for para in _paragraphs_of_block(block):
            if len(paragraphs) < 2:  # the first paragraph, or the first after a headline
                para = _drop_dateline(para, removed)
            para = _clean_paragraph(para, removed)
            if para.text:
                paragraphs.append(para)
    result = join(paragraphs, "\n\n")
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in paragraphs:
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return Cleaned(result.text, tuple(spans), tuple(sorted(removed)), compress(result))


# --- 1. characters ------------------------------------------------------------------------------


def _normalise_chars(mapped: MappedText) -> MappedText:
    mapped = mapped.sub(rules.CRLF, "\n")
    mapped = mapped.delete((m.start(), m.end()) for m in rules.INVISIBLE.finditer(mapped.text))
    table = str.maketrans(rules.CHAR_TABLE)
    # One-to-one replacements keep the mapping as it is.
    return MappedText(mapped.text.translate(table), mapped.orig)


# --- 2. lines -----------------------------------------------------------------------------------


def _split_lines(mapped: MappedText) -> list[MappedText]:
    lines: list[MappedText] = []
    start = 0
    for m in re.finditer("\n", mapped.text):
        lines.append(mapped.slice(start, m.start()))
        start = m.end()
    lines.append(mapped.slice(start, len(mapped)))
    return [line.sub(rules.SPACE_RUN, " ").strip() for line in lines]


def _drop_furniture_lines(
    lines: list[MappedText], removed: list[tuple[int, int, str]]
) -> list[list[MappedText]]:
    """Group lines into blocks separated by blank lines, dropping furniture lines."""
    blocks: list[list[MappedText]] = [[]]
    in_related_list = False
    for line in lines:
        if not line.text:
            if blocks[-1]:
                blocks.append([])
            continue
        reason = _furniture_reason(line.text)
        if reason is None and in_related_list and _looks_like_headline(line.text):
            reason = "related"
        if reason is not None:
            removed.append((*line.orig_span(0, len(line)), reason))
            in_related_list = reason == "related" and (in_related_list or _is_bare_label(line.text))
            continue
        in_related_list = False
        blocks[-1].append(line)
    return [block for block in blocks if block]


def _furniture_reason(line: str) -> str | None:
    if _is_byline(line) or rules.CREDIT_LINE.match(line):
        return "byline"
    if rules.SHARE_LINE.match(line) or rules.WIDGET_LINE.match(line):
        rest = rules.SHARE_BUTTONS.sub(" ", line).strip()
        if not rest or rest == line.strip() or rules.SHARE_LINE.match(rest) or rules.WIDGET_LINE.match(rest):
            return "share"  # (buttons glued to prose are cut from the paragraph, keeping the prose)
    if _is_bare_label(line):
        return "related"
    teaser = _teaser_at(line, 0)
    if teaser is not None and teaser[1] >= len(line.rstrip(" .")):
        return "related"
    return Furniture.default().line_kind(line)


def _is_byline(line: str) -> bool:
    if len(line) > 160:
        return False
    m = rules.BYLINE_HEAD.match(line)
    if m and _is_metadata_tail(m.group("tail")) and any(w[:1].isupper() for w in m.group("names").split()):
        return True
    m = rules.DATELINE_HEAD.match(line)
    if m and len(line) <= 120 and _is_metadata_tail(m.group("tail")):
        return True
    if rules.AGO_LINE.match(line):
        return True
    tokens = re.findall(r"[|/\-\u2013\u2014\u00b7\u2022,:]|[^\s|/,\u00b7\u2022]+", line)
    has_date = any(re.search(r"\d", t) for t in tokens)
    return has_date and len(tokens) <= 12 and all(rules.DATE_TOKEN.match(t.rstrip(",")) for t in tokens)


def _is_metadata_tail(tail: str) -> bool:
    """True when every lower-case word of ``tail`` is byline/dateline vocabulary (no prose)."""
    if re.search(r"[.!?]\s+\w", tail) and not re.search(r"\d", tail):
        return False
    for word in re.findall(r"[A-Za-z][\w.']*", tail):
        if (
            word[0].islower()
            and word.lower().rstrip(".") not in rules.METADATA_WORDS
            and (word.lower() not in rules.METADATA_WORDS)
        ):
            return False
    return True


def _is_bare_label(line: str) -> bool:
    m = rules.LABEL.match(line)
    return m is not None and not line[m.end() :].strip(" :|-\u2013\u2014>»")


def _looks_like_headline(line: str) -> bool:
    """A short line in Title Case without a sentence-final full stop."""
    words = [w for w in re.findall(r"[A-Za-z][\w'\-]*", line)]
    if not words or len(words) > 20 or line.rstrip().endswith("."):
        return False
    content = [w for w in words if w.lower() not in rules.TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)


# --- 3. paragraphs ------------------------------------------------------------------------------


def _paragraphs_of_block(block: list[MappedText]) -> list[MappedText]:
    paragraphs: list[list[MappedText]] = [[block[0]]]
    for prev, line in itertools.pairwise(block):
        if _is_soft_wrap(prev.text, line.text):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [join(lines, " ") for lines in paragraphs]


def _is_soft_wrap(prev: str, line: str) -> bool:
    if re.search(r"[.!?:;][\"')\]]*$", prev):
        return False
    last_word = prev.rsplit(" ", 1)[-1].lower()
    if prev.endswith(",") or last_word in _SOFT_JOIN_WORDS or prev.endswith("-"):
        return True
    return line[:1].islower()


# --- 4. inside a paragraph ----------------------------------------------------------------------


def _drop_dateline(para: MappedText, removed: list[tuple[int, int, str]]) -> MappedText:
    """Remove a wire-style dateline from the start of the first paragraph."""
    m = rules.DATELINE.match(para.text)
    if m is None or len(para.text) - m.end() < 20:
        return para
    removed.append((*para.orig_span(0, m.end()), "dateline"))
    return para.delete([(0, m.end())])


def _clean_paragraph(para: MappedText, removed: list[tuple[int, int, str]]) -> MappedText:
    for m in rules.GALLERY_CREDIT.finditer(para.text):
        removed.append((*para.orig_span(m.start(), m.end()), "byline"))
    para = para.sub(rules.GALLERY_CREDIT, ". ")
    for m in rules.SHARE_BUTTONS.finditer(para.text):
        removed.append((*para.orig_span(m.start(), m.end()), "share"))
    # the buttons stood between two sentences: keep them apart
    para = para.sub(rules.SHARE_BUTTONS_AFTER_STOP, " ").sub(rules.SHARE_BUTTONS, ". ")
    if para.text.startswith(". "):
        para = para.slice(2, len(para.text))
    para = para.insert(_glue_positions(para.text), " ")
    cuts: list[tuple[int, int, str]] = []
    for pattern in (rules.CREDIT_INLINE, rules.CAPTION_INLINE):
        for m in pattern.finditer(para.text):
            cuts.append((m.start(), m.end(), "byline"))
    cuts.extend(_teaser_cuts(para.text))
    cuts.extend(_share_sentence_cuts(para.text))
    cuts.extend(_furniture_sentence_cuts(para.text))
    cuts.extend(_caption_cuts(para.text))
    cuts = _non_overlapping(cuts)
    tail_start = cuts[-1][0] if cuts else len(para.text)
    pipe = _pipe_tail(para.text[:tail_start])
    if pipe is not None:
        cuts.append((pipe, tail_start, "teaser"))
        cuts = _non_overlapping(cuts)
    for start, end, reason in cuts:
        removed.append((*para.orig_span(start, end), reason))
    para = para.delete((start, end) for start, end, _ in cuts)
    return para.sub(rules.SPACE_RUN, " ").sub(re.compile(r" +(?=[.,;:!?](?:\s|$))"), "").strip()


def _glue_positions(text: str) -> list[int]:
    positions: list[int] = []
    for m in rules.GLUE.finditer(text):
        before_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        token = text[before_start : m.start()]
        after_end = text.find(" ", m.end())
        following = text[m.end() : after_end if after_end >= 0 else len(text)]
        if _glue_is_not_sentence_end(token, following):
            continue
        positions.append(m.end())
    return positions


def _glue_is_not_sentence_end(token: str, following: str) -> bool:
    if not token or "://" in token or token.lower().startswith("www.") or "@" in token:
        return True
    if re.search(r"[./][A-Za-z]{2,}(?:[/.]|$)", following):  # the next word looks like a domain or path
        return True
    last = re.split(r"[.]", token)[-1].lstrip("\"'([")
    if not last:
        return True
    if len(last) == 1 and last.isalpha():  # initialism ("U.S.") or an initial ("J.Smith")
        return True
    return last.lower() in rules.ABBREVIATIONS


def _teaser_cuts(text: str) -> list[tuple[int, int, str]]:
    cuts: list[tuple[int, int, str]] = []
    for start in _sentence_starts(text):
        teaser = _teaser_at(text, start)
        if teaser is None:
            continue
        begin, end = teaser
        # Take the space before the teaser with it.
        while begin > 0 and text[begin - 1] == " ":
            begin -= 1
        cuts.append((begin, end, "teaser"))
    return cuts


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"[.!?\u2026][\"')\]]*\s+|\s+\|\s+", text))
    return starts


def _teaser_at(text: str, start: int) -> tuple[int, int] | None:
    """If a teaser label starts at ``start``, the ``[start, end)`` span of label and headline."""
    m = rules.LABEL.match(text, start)
    if m is None:
        return None
    sep = rules.LABEL_SEPARATOR.match(text, m.end())
    has_sep = sep is not None and bool(sep.group().strip())
    rest_start = sep.end() if sep else m.end()
    while rest_start < len(text) and text[rest_start] == " ":
        rest_start += 1
    label_text = m.group()
    if m.group("weak") is not None:
        shouting = label_text.isupper() and len(label_text) > 2
        if not has_sep and not (shouting and text[rest_start : rest_start + 1].isupper()):
            return None
        if not has_sep and rest_start < len(text) and not text[rest_start].isupper():
            return None
    elif (
        not has_sep
        and rest_start < len(text)
        and not (text[rest_start].isupper() or text[rest_start] in "\"'")
    ):
        return None
    if rest_start >= len(text):
        return start, len(text)
    return start, rest_start + _headline_length(text[rest_start:])


def _headline_length(rest: str) -> int:
    """How much of ``rest`` (the text after a teaser label) is the teased headline."""
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(rest)]
    if not words:
        return 0
    alpha = [w for w in words[1:6] if w[2][:1].isalpha()]
    sentence_case = any(
        w[2][0].islower() and w[2].lower().strip(",:;") not in rules.TITLE_SMALL_WORDS for w in alpha[:4]
    )
    if sentence_case:
        end = rules.SENTENCE_END.search(rest)
        return end.start() + 1 if end else len(rest)
    for i, (_, wend, word) in enumerate(words):
        core = word.rstrip("\"')]")
        ends_sentence = core.endswith(("?", "!")) or (core.endswith(".") and len(core) > 4)
        if ends_sentence and i + 1 < len(words) and words[i + 1][2][:1].isupper():
            return wend
        if i >= 1 and _prose_resumes(words, i):
            j = i - 1
            while j > 0 and not words[j][2][:1].isupper():
                j -= 1
            if j == 0:
                return len(rest)
            return words[j - 1][1]
    return len(rest)


def _prose_resumes(words: list[tuple[int, int, str]], i: int) -> bool:
    """Two lower-case words in a row, at least one not a headline small word: ordinary prose."""
    if i + 1 >= len(words):
        return False
    first, second = words[i][2], words[i + 1][2]
    if not (first[:1].islower() and second[:1].islower()):
        return False
    small = rules.TITLE_SMALL_WORDS
    return first.lower().strip(",.;:") not in small or second.lower().strip(",.;:") not in small


def _sentence_cut(text: str, start: int, kind: str) -> tuple[int, int, str]:
    """The cut of the sentence starting at ``start``: from the spaces before it to its final stop."""
    end_match = rules.SENTENCE_END.search(text, start)
    end = end_match.start() + 1 if end_match else len(text)
    begin = start
    while begin > 0 and text[begin - 1] == " ":
        begin -= 1
    return begin, end, kind


def _share_sentence_cuts(text: str) -> list[tuple[int, int, str]]:
    cuts: list[tuple[int, int, str]] = []
    for start in _sentence_starts(text)[1:]:
        if not rules.SHARE_LINE.match(text, start):
            continue
        cuts.append(_sentence_cut(text, start, "share"))
    return cuts


def _furniture_sentence_cuts(text: str) -> list[tuple[int, int, str]]:
    """Sentences that an inline furniture cue starts ("Sign up for our ...", "Reporting by ...")."""
    furniture = Furniture.default()
    cuts: list[tuple[int, int, str]] = []
    for start in _sentence_starts(text):
        kind = furniture.sentence_kind(text, start)
        if kind is None:
            continue
        cuts.append(_sentence_cut(text, start, kind))
    return cuts


def _caption_cuts(text: str) -> list[tuple[int, int, str]]:
    """An AP-style caption inside a paragraph: the sentence before "(AP Photo/Name)" goes with the credit
    (that credit form is written only under pictures)."""
    cuts: list[tuple[int, int, str]] = []
    for m in rules.AGENCY_PHOTO_CREDIT.finditer(text):
        starts = [s for s in _sentence_starts(text) if s < m.start()]
        begin = starts[-1] if starts else 0
        while begin > 0 and text[begin - 1] == " ":
            begin -= 1
        cuts.append((begin, m.end(), "caption"))
    return cuts


def _pipe_tail(text: str) -> int | None:
    m = rules.PIPE_TAIL.search(text)
    if m is None:
        return None
    fragment = m.group("frag")
    words = fragment.split()
    content = [w for w in words if w.lower() not in rules.TITLE_SMALL_WORDS]
    if not content or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return None
    return m.start()


def _non_overlapping(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in sorted(cuts):
        if merged and start < merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], end), prev[2])
        else:
            merged.append((start, end, reason))
    return merged
