"""Rule texts and severities, loaded once from data/rules.toml (Vale-style rules as data)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from .report import Category, Finding, Severity


@dataclass(frozen=True)
class RuleSpec:
    id: str
    category: Category
    severity: Severity
    message: str
    suggestion: str | None
    policy_ref: str | None


def _load() -> dict[str, RuleSpec]:
    raw = tomllib.loads(resources.files(__package__).joinpath("data", "rules.toml").read_text("utf-8"))
    return {
        rule_id: RuleSpec(
            id=rule_id,
            category=Category(table["category"]),
            severity=Severity(table["severity"]),
            message=table["message"],
            suggestion=table.get("suggestion"),
            policy_ref=table.get("policy_ref"),
        )
        for rule_id, table in raw["rule"].items()
    }


RULES: dict[str, RuleSpec] = _load()


def rule(rule_id: str) -> RuleSpec:
    """Return the spec of ``rule_id``; an unknown id is a programming error caught at import."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"rule id {rule_id!r} is not defined in aledraft/analysis/data/rules.toml") from None


def make_finding(
    rule_id: str,
    text: str,
    start: int,
    end: int,
    *,
    severity: Severity | None = None,
    message: str | None = None,
    suggestion: str | None = None,
) -> Finding:
    """Build a Finding for ``text[start:end]`` with the rule's defaults for what is not given."""
    spec = rule(rule_id)
    return Finding(
        rule=rule_id,
        category=spec.category,
        severity=severity or spec.severity,
        start=start,
        end=end,
        text=text[start:end],
        message=message or spec.message,
        suggestion=suggestion if suggestion is not None else spec.suggestion,
    )
