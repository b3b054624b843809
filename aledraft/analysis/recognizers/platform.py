"""platform.* (length and hashtag limits, data/platforms.toml) and accessibility.* (hashtag case,
emoji runs, "klicka här" links).

Lengths count code points, as the platforms do for Swedish text; on X every link counts as
``link_chars`` whatever its length. Without a platform the limits are not checked.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from importlib import resources

from .. import hunspell
from ..report import Finding
from ..rules import make_finding, rule
from .base import Context, LexiconRecognizer, PatternRecognizer

LENGTH = "platform.length"
HASHTAGS = "platform.hashtags"
HASHTAG_CASE = "accessibility.hashtag_case"

HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
LINK = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:se|nu|com|org|net|eu)(?:/\S*)?", re.IGNORECASE)
#: A lower-case hashtag longer than this is likely several words run together (#alekommun).
MIN_JOINED_HASHTAG = 8
#: Parts shorter than this are not trusted as words when a hashtag is split (#sommarläsning).
MIN_PART = 3

_PICTOGRAPH = "\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF"
_EMOJI = (
    rf"(?:[\U0001F1E6-\U0001F1FF]{{2}}|[{_PICTOGRAPH}]"
    rf"(?:[\uFE0F\U0001F3FB-\U0001F3FF]|\u200D[{_PICTOGRAPH}])*)"
)
#: Four or more emoji in a row (a space between them does not break the row).
EMOJI_RUN = rf"{_EMOJI}(?:\s?{_EMOJI}){{3,}}"


@functools.cache
def limits() -> dict[str, dict]:
    """Return the limits per platform from data/platforms.toml."""
    text = resources.files(__package__.rpartition(".")[0]).joinpath("data", "platforms.toml").read_text("utf-8")
    return tomllib.loads(text)


def counted_length(text: str, link_chars: int | None) -> list[int]:
    """Return, for each character, the length counted up to and including it (links as link_chars)."""
    counts, total, links = [], 0, {}
    if link_chars:
        links = {m.start(): m.end() for m in LINK.finditer(text)}
    i = 0
    while i < len(text):
        if i in links:
            end = links[i]
            counts.extend([total + 1] * (end - i - 1) + [total + link_chars])
            total += link_chars
            i = end
        else:
            total += 1
            counts.append(total)
            i += 1
    return counts


class LengthRecognizer:
    """The part of a post beyond the platform's character limit."""

    rule_ids = (LENGTH,)

    def __init__(self) -> None:
        rule(LENGTH)

    def find(self, ctx: Context) -> Iterator[Finding]:
        if ctx.platform is None:
            return
        limit = limits()[ctx.platform]
        counts = counted_length(ctx.text, limit.get("link_chars"))
        if counts and counts[-1] > limit["max_chars"]:
            start = next(i for i, count in enumerate(counts) if count > limit["max_chars"])
            yield make_finding(
                LENGTH, ctx.text, start, len(ctx.text),
                message=f"Texten har {counts[-1]} tecken. {limit['name']} tillåter {limit['max_chars']}.",
            )


class HashtagCountRecognizer:
    """Hashtags beyond the platform's limit."""

    rule_ids = (HASHTAGS,)

    def __init__(self) -> None:
        rule(HASHTAGS)

    def find(self, ctx: Context) -> Iterator[Finding]:
        limit = limits().get(ctx.platform or "", {}).get("max_hashtags")
        tags = list(HASHTAG.finditer(ctx.text))
        if limit and len(tags) > limit:
            yield make_finding(
                HASHTAGS, ctx.text, tags[limit].start(), tags[-1].end(),
                message=f"Inlägget har {len(tags)} hashtaggar. {limits()[ctx.platform]['name']} tillåter {limit}.",
            )


@functools.lru_cache(maxsize=10_000)
def split_words(joined: str) -> tuple[str, ...] | None:
    """Split a lower-case run of words into the fewest known words (two or more), or None."""
    best: tuple[str, ...] | None = None
    for cut in range(MIN_PART, len(joined) - MIN_PART + 1):
        head, tail = joined[:cut], joined[cut:]
        if not _known(head):
            continue
        rest = (tail,) if _known(tail) else split_words(tail)
        if rest and (best is None or len(rest) + 1 < len(best)):
            best = (head, *rest)
    return best


def _known(part: str) -> bool:
    return len(part) >= MIN_PART and (hunspell.is_word(part) or hunspell.is_word(part.capitalize()))


class HashtagCaseRecognizer:
    """Long all-lower-case hashtags; the suggestion capitalises each word (#AleKommun)."""

    rule_ids = (HASHTAG_CASE,)

    def __init__(self) -> None:
        rule(HASHTAG_CASE)

    def find(self, ctx: Context) -> Iterator[Finding]:
        for match in HASHTAG.finditer(ctx.text):
            body = match.group(1)
            if len(body) > MIN_JOINED_HASHTAG and body.isalpha() and body.islower():
                words = split_words(body) or (body,)
                suggestion = "#" + "".join(word.capitalize() for word in words)
                yield make_finding(HASHTAG_CASE, ctx.text, match.start(), match.end(), suggestion=suggestion)


RECOGNIZERS = [
    LengthRecognizer(),
    HashtagCountRecognizer(),
    HashtagCaseRecognizer(),
    PatternRecognizer(("accessibility.emoji_run",), EMOJI_RUN),
    LexiconRecognizer("accessibility.link_text", "link_text.txt"),
]
