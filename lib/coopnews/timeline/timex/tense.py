"""Tense of the clause around an expression: does a yearless 'Monday' or 'in March' point back or forward?"""
from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|is\s+to|are\s+to|plans?\s+to|planned|planning|expects?\s+to|expected\s+to|"
    r"scheduled|is\s+set\s+to|are\s+set\s+to|due\s+to\s+(?:be|start|open|begin|take|meet|vote|sign|arrive|visit|launch)|"
    r"would|upcoming|next|will\s+be|to\s+be\s+held|hopes?\s+to|intends?\s+to|aims?\s+to|until|by\s+then|set\s+to|"
    r"as\s+(?:soon|early)\s+as|scheduled\s+for|slated|deadline)\b|'ll\b",
    re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|last|earlier|previously|announced|reported|held|signed|visited|"
    r"\w{3,}ed)\b", re.IGNORECASE)
# the present of a programme told ahead ("The August visit coincides with the festival and includes a
# ceremony"): no sign of the past, so the nearest such month (not "marks", the German currency in the wires,
# nor "includes", the past quarter's accounts: "Net includes tax credits in quarter")
_PRESENT = re.compile(r"\b(?:is|are|says|say|am|be|coincides|coincide|begins|begin|starts|"
                      r"celebrates|continues|takes\s+place|take\s+place)\b", re.IGNORECASE)
# A verb of intending or inviting with its infinitive before the expression ("invited Sarney to speak in Rome on
# October 16", "agreed to meet again on May 3"): what is intended lies ahead, whatever the verb's tense.
_INTENT = re.compile(r"\b(?:invit|agre|decid|promis|pledg|ask|urg)(?:e|es|ed|ing)\s+(?:[\w.'’-]+\s+){0,5}?to\s+"
                     r"(?!the\b|a\b|an\b|\d)[a-z]+\b", re.IGNORECASE)
_PAST_VERB = r"\w{3,}ed|met|held|signed|began|came|went|left|flew|saw|made|took|gave|won|told|said|spoke"
# A past-tense verb right before the expression governs it ("arrived here on Saturday and will meet ... tomorrow",
# "arrived in Osaka on Monday", "met Monday"), whatever a later clause says; not a participle after a future or passive auxiliary ("will be
# signed on Monday", "to be held in May"), nor one that tells a plan ("the visit, scheduled in September"; but "was
# scheduled on Monday").
_GOVERNING_PAST = re.compile(
    rf"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b(?!(?<!\bwas )(?<!\bwere )(?:scheduled|planned|slated|proposed|expected)\b)"
    rf"(?:{_PAST_VERB}|rose|fell)\s+(?:(?:here|there|home|again)\s+)?"
    r"(?:(?:in|at|to|from)\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+)?(?:(?:on|in|at|last|early|late)\s+)?$",
    re.IGNORECASE)
# A past-tense verb right after the expression, as wire copy puts it ("Addis Ababa and Khartoum on Tuesday launched a
# plan to boost ties"), governs it too: "a plan to" further on is a noun, no intent.
_FOLLOWING_PAST = re.compile(
    rf"\s+(?:{_PAST_VERB}|sent|led|paid|struck|sought|set\s+up|laid|opened|agreed)\b(?!\s+(?:to|by)\b)", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+)?$", re.IGNORECASE)
_BOUNDARY = re.compile(r"[.!?;\n]\s")
_FUTURE_AUXILIARY = re.compile(r"\b(?:will|shall|won't)\b|'ll\b", re.IGNORECASE)
# The same tests for lowercased ASCII text, without case folding (three times faster, same matches: their
# letters are all lowercase ASCII).
_FOLDED = {rx: re.compile(rx.pattern) for rx in (_FUTURE, _PAST, _PRESENT)}


def _clause(text: str, start: int, end: int, *, width: int = 90) -> tuple[str, str]:
    lo = max(0, start - width)
    before = text[lo:start]
    cut = None
    for cut in _BOUNDARY.finditer(before):
        pass
    if cut:
        before = before[cut.end():]
    after = text[end:end + width]
    stop = _BOUNDARY.search(after)
    return before, after[:stop.start()] if stop else after


def direction(text: str, start: int, end: int) -> int:
    """+1 when the clause is about the future, -1 about the past, 0 when it gives no sign (present)."""
    before, after = _clause(text, start, end)
    if _DEADLINE.search(before[-12:]):
        return 1
    if _INTENT.search(_clause(text, start, end, width=150)[0]):
        return 1
    if _GOVERNING_PAST.search(before[-40:]) or _FOLLOWING_PAST.match(after):
        return -1
    near = before[-70:] + " " + after[:60]
    future, past, present = _FUTURE, _PAST, _PRESENT
    if near.isascii():
        near = near.lower()
        future, past, present = _FOLDED[future], _FOLDED[past], _FOLDED[present]
    if future.search(near):
        return 1
    if past.search(near):
        return -1
    if present.search(near):
        return 0
    if _FUTURE_AUXILIARY.search(_clause(text, start, end, width=150)[0]):  # the main clause further back: "We will
        # mark it when our friends visit us from 15-18 May"
        return 1
    return -1
