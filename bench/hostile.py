"""Hostile drafts: the worst content a draft within the size limit can hold, for the engine's worst case.

Each is a unit repeated to the length asked (in UTF-16 code units, as the host counts them): words
joined by apostrophes or hyphens (one "word" of 63,000 characters), runs of one character,
punctuation floods, hashtags and handles, mixed scripts with right-to-left text and emoji,
numbers, tiny paragraphs by the ten thousand, and every word the rules look for, in one paragraph,
in one joined word and one to a paragraph.
"""

from __future__ import annotations

from engine import default_engine
from engine.text import MAX_DRAFT_UTF16_UNITS, utf16_length

# Draft families by name: the unit repeated to make each one.
UNITS: dict[str, str] = {
    "joined by apostrophes (a'a'a…)": "a'",
    "joined by hyphens (aa-aa-…)": "aa-",
    "joined words (you're-no-one'…)": "you're-no-one'",
    "one letter (aaaa…)": "a",
    "one digit (1111…)": "1",
    "spaces": " ",
    "line breaks": "\n",
    "hyphens (----…)": "-",
    "dots (....…)": ".",
    "punctuation flood": "!?.,;:-'\"()[]{}#@*&%/\\|~^<>",
    "hashtags": "#ICIS #a #RCR2025 #viewsmyown ",
    "handles": "@BSCI_UK @ipemnews @a ",
    "mixed scripts, RTL and emoji": "مرحبا שלום 你好 Привет 😀👍🏽 ICIS ",
    "NHS and phone numbers": "943 476 5919 07700 900123 ",
    "blank lines (a paragraph per letter)": "a\n\n",
    "a paragraph per digit": "1\n\n",
    "a paragraph per hashtag (#rcr)": "#rcr\n\n",
}


def hostile_draft(unit: str, units: int = MAX_DRAFT_UTF16_UNITS) -> str:
    """``unit`` repeated to at most ``units`` UTF-16 code units (an emoji counts two, as in JavaScript)."""
    text = unit * (units // utf16_length(unit))
    rest = units - utf16_length(text)
    for char in unit:  # finish inside a unit, without splitting an emoji
        if utf16_length(char) > rest:
            break
        text += char
        rest -= utf16_length(char)
    return text


# Every word the rules look for, glued by these: each rule's patterns all have work to do.
RULE_WORD_GLUE: dict[str, str] = {
    "every word the rules look for, one paragraph": " ",
    "every word the rules look for, joined by apostrophes": "'",
    "every word the rules look for, one to a paragraph": "\n\n",
}


def unit_of(family: str) -> str:
    """The unit a family's drafts repeat (the rules' words from the packs built so far: build them first)."""
    if family in RULE_WORD_GLUE:
        glue = RULE_WORD_GLUE[family]
        return glue.join(default_engine().words.indexed_literals()) + glue
    return UNITS[family]


FAMILIES = (*UNITS, *RULE_WORD_GLUE)


def hostile_drafts(units: int = MAX_DRAFT_UTF16_UNITS) -> dict[str, str]:
    """Every family at ``units`` UTF-16 code units (build the packs first: the rules' words come from them)."""
    return {family: hostile_draft(unit_of(family), units) for family in FAMILIES}
