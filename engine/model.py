"""The shapes of policy packs and findings, validated with pydantic."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .categories import Category, Severity


class Strict(BaseModel):
    """A model that refuses fields it does not know, so a typo in a pack is an error, not a no-op."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# What one identity may hold, in each of its lists: far more than any society needs (a name in two
# languages, a handful of handles), and little enough that building a pack for it stays cheap.
MAX_IDENTITY_ENTRIES = 20
MAX_IDENTITY_ENTRY_CHARS = 120


class Identity(Strict):
    """How an organisation is referred to in a post."""

    names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    # Hashtags built on these stems refer to the organisation (#ICIS2025); default: the acronyms.
    hashtag_stems: tuple[str, ...] | None = None
    # Words that stand for the organisation once it has been named ("the College", "the society").
    aliases: tuple[str, ...] = ()

    @field_validator("names", "acronyms", "handles", "aliases", "hashtag_stems", mode="before")
    @classmethod
    def _within_bounds(cls, values: object) -> object:
        # Counted before anything else is done with them: a list of 200,000 names is refused at once.
        if isinstance(values, (list, tuple)):
            if len(values) > MAX_IDENTITY_ENTRIES:
                raise PydanticCustomError(
                    "too_many_entries", "at most {limit} entries, not {count}", {"limit": MAX_IDENTITY_ENTRIES, "count": f"{len(values):,}"}
                )
            for i, value in enumerate(values):
                if isinstance(value, str) and len(value) > MAX_IDENTITY_ENTRY_CHARS:
                    raise PydanticCustomError(
                        "entry_too_long",
                        "entries are at most {limit} characters; entry {place} has {length}",
                        {"limit": MAX_IDENTITY_ENTRY_CHARS, "place": i + 1, "length": f"{len(value):,}"},
                    )
        return values

    @field_validator("names", "acronyms", "handles", "aliases", "hashtag_stems")
    @classmethod
    def _no_blank_entries(cls, values: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if values is None:
            return None
        cleaned = tuple(v.strip() for v in values)
        if any(not v for v in cleaned):
            raise ValueError("entries must not be blank")
        return cleaned

    @property
    def stems(self) -> tuple[str, ...]:
        return self.acronyms if self.hashtag_stems is None else self.hashtag_stems

    @property
    def is_empty(self) -> bool:
        return not (self.names or self.acronyms or self.handles)

    def merged(self, override: "Identity | None") -> "Identity":
        """The pack's identity with the user's override laid over it, field by field."""
        if override is None:
            return self
        given = override.model_dump(exclude_unset=True)
        return self.model_copy(update=given)


class Clause(Strict):
    """Where in the policy document a rule comes from, in the document's own words."""

    section: str
    quote: str


class Ask(Clause):
    """Whom the policy tells a member to ask, in its own words, about findings of ``categories``."""

    categories: tuple[Category, ...] = Field(min_length=1)


class Fix(Strict):
    kind: Literal["append"]
    text: str


class Rule(Strict):
    """One thing a draft can break: a category, a message, a clause, and the detector that finds it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    category: Category
    severity: Severity
    message: str
    clause: Clause
    detector: str
    params: dict[str, Any] = Field(default_factory=dict)
    fix: Fix | None = None
    # The policy accepts the statement on the member's profile (RCR, IPEM): a member who says their
    # profile carries it does not get this rule's finding.
    satisfied_by_profile: bool = False


class LearnedFinding(Strict):
    """What a finding of the learned model says for one of a pack's categories: it cites ``rule``'s
    clause and takes its severity (and its message, unless ``message`` says it better for a
    finding that is not about one phrase)."""

    rule: str
    message: str | None = None


class Pack(Strict):
    """A policy pack: an organisation's identity and the rules of its social media policy."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str
    organisation: str
    date: str
    document: str | None = None
    # The id of the pack whose policy replaced this one: shown after the current ones, marked as old.
    superseded_by: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9-]*$")
    identity: Identity = Identity()
    # The policy names no organisation (the 2024 Society policy): the member names theirs in
    # Decorum's settings, and it arrives as the check's identity.
    identity_from_member: bool = False
    rules: tuple[Rule, ...]
    # By category: the rule a finding of the learned model cites (default: the pack's first rule
    # of that category).
    learned: dict[Category, LearnedFinding] = Field(default_factory=dict)
    # Where the policy names whom to ask (the press office, the Social Media Officer): shown with the
    # findings of those categories.
    asks: tuple[Ask, ...] = ()

    @model_validator(mode="after")
    def _asks_name_the_packs_categories_once(self) -> "Pack":
        seen: set[str] = set()
        for ask in self.asks:
            for category in ask.categories:
                if category not in self.categories:
                    raise ValueError(f"asks: {category!r} is not a category of this pack's rules")
                if category in seen:
                    raise ValueError(f"asks: {category!r} is named by more than one ask")
                seen.add(category)
        return self

    @cached_property
    def categories(self) -> list[str]:
        """The categories of its rules, in their order: worked out once (the learned checker asks on
        every check), not to be changed by the caller."""
        return list(dict.fromkeys(rule.category for rule in self.rules))


class PolicyInfo(BaseModel):
    """What the ``hello`` answer says about a pack."""

    id: str
    name: str
    organisation: str
    date: str
    categories: list[str]
    # Whether "my profile already carries the disclaimer" means anything for this pack.
    profile_disclaimer: bool = False
    # The id of the pack that replaced this one, or None for a policy in force.
    superseded_by: str | None = None
    # By category: whom the policy says to ask, in its words (only the categories it names someone for).
    ask: dict[str, Clause] = Field(default_factory=dict)
    # The member names the organisation (the 2024 Society policy names none): until they do, its
    # rules about mentions of it have nothing to look for.
    needs_identity: bool = False


class Finding(BaseModel):
    """One warning about a draft, exactly as the protocol carries it (offsets in UTF-16 units)."""

    policy: str
    rule: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    clause: Clause
    fix: Fix | None = None
    # "rules" when a rule found it, "model" when the learned model did (and no rule), with the
    # draft's words that weighed most.
    source: Literal["rules", "model"] = "rules"
    reasons: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)
