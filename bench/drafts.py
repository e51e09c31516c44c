"""Drafts of a given length, cut from real posts: the shared corpus when present, else the built-in samples."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bench.samples import SAMPLE_DRAFTS

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "dev.jsonl"
# Posts run into one another the way a thread or a long post reads: a blank line between them.
SEPARATOR = "\n\n"
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Source:
    """The posts drafts are cut from, and where they came from (said in the report)."""

    texts: tuple[str, ...]
    origin: str


def load_source(corpus: Path | None = DEFAULT_CORPUS) -> Source:
    """The `text` of every line of the corpus, or the built-in samples when the corpus is absent."""
    if corpus is None or not corpus.is_file():
        return Source(SAMPLE_DRAFTS, f"{len(SAMPLE_DRAFTS)} built-in sample drafts (bench/samples.py)")
    texts = []
    with corpus.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise SystemExit(f"{corpus}:{number}: not a JSON object with a 'text' field ({error})") from None
            texts.append(text)
    if not texts:
        raise SystemExit(f"{corpus} holds no drafts; pass --corpus none to use the built-in samples")
    return Source(tuple(texts), f"{len(texts)} posts of {_shown(corpus)}")


def drafts_of_length(source: Source, length: int, count: int, one_paragraph: bool = False) -> list[str]:
    """`count` drafts of exactly `length` characters, each starting at a different post.

    A draft is the posts from its starting one onwards, joined by blank lines (going round
    the corpus as often as needed) and cut at `length`, so short posts make a thread and a
    long draft is many posts. With `one_paragraph`, no blank line is left anywhere (posts and
    their paragraphs are joined by a line break): the engine's worst case for a long draft, as
    it matches paragraph by paragraph.
    """
    texts = tuple(_BLANK_LINES.sub("\n", t) for t in source.texts) if one_paragraph else source.texts
    separator = "\n" if one_paragraph else SEPARATOR
    drafts = []
    for n in range(count):
        first = n * len(texts) // count
        pieces: list[str] = []
        size = 0
        index = first
        while size < length:
            pieces.append(texts[index % len(texts)])
            size += len(pieces[-1]) + len(separator)
            index += 1
        drafts.append(separator.join(pieces)[:length])
    return drafts


def _shown(path: Path) -> str:
    """The path as it would be typed from the repository (../shared/…), absolute when elsewhere."""
    path = path.resolve()
    if path.is_relative_to(REPO_ROOT):
        return path.relative_to(REPO_ROOT).as_posix()
    if path.is_relative_to(REPO_ROOT.parent):
        return "../" + path.relative_to(REPO_ROOT.parent).as_posix()
    return str(path)
