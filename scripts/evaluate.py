"""Score the policy checker on the labelled dev drafts and print a table.

Usage: python scripts/evaluate.py [--errors] [--rules-only] [--split SPLIT] [PATH]
(default PATH: ../shared/testdata/drafts-dev.jsonl from the repo root; --errors lists every
missed and false span and doc flag; --split picks the posts whose "split" is SPLIT, default dev,
e.g. `--split heldout tests/analysis/data/heldout.jsonl`; --rules-only leaves out the learned
second opinion (confidential.learned, case_handling.learned), which was trained on these sets)

Span categories: a predicted span is a hit when it overlaps a gold span of the same category
(personnummer and coordination_number count as one). Only personal-data categories are spans
in the gold data; other findings (plain_language, tone ...) are not scored here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aledraft.analysis import analyze  # noqa: E402
from aledraft.analysis.report import PERSONAL_DATA, Category  # noqa: E402

DEFAULT_PATH = REPO.parent / "shared" / "testdata" / "drafts-dev.jsonl"
SPAN_CATEGORIES = [c.value for c in Category if c in PERSONAL_DATA and c is not Category.COORDINATION_NUMBER]
DOC_FLAGS = ["personal_data", "sensitive_data", "confidential", "case_handling"]
PERSONAL_FLAGS = {"personal_data", "sensitive_data"}
LEVELS = {"easy": "lätt", "medium": "medel", "hard": "svår"}


def scored_category(category: str) -> str:
    return "personnummer" if category == "coordination_number" else category


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "  -  "


def evaluate(path: Path, show_errors: bool, split: str = "dev", rules_only: bool = False) -> None:
    posts = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    posts = [post for post in posts if post.get("split") == split]
    span = Counter()  # (category, "tp_pred" | "pred" | "tp_gold" | "gold")
    flags = Counter()  # (flag, "tp" | "pred" | "gold")
    clean = clean_ok = level_ok = 0
    lix_error = 0.0
    misses: list[str] = []
    for post in posts:
        report = analyze(post["text"], post.get("platform")).to_dict()
        if rules_only:
            # A learned finding only ever stands where no rule of its category spoke.
            learned = {f["category"] for f in report["findings"] if f["rule"].endswith(".learned")}
            report["doc_flags"] = [flag for flag in report["doc_flags"] if flag not in learned]
        predicted = [
            {**f, "category": scored_category(f["category"])}
            for f in report["findings"]
            if scored_category(f["category"]) in SPAN_CATEGORIES
        ]
        gold = [{**s, "category": scored_category(s["category"])} for s in post["spans"]]
        for p in predicted:
            hit = any(overlaps(p, g) and g["category"] == p["category"] for g in gold)
            span[p["category"], "pred"] += 1
            span[p["category"], "tp_pred"] += hit
            if not hit:
                misses.append(f"  FP {post['id']} {p['category']}: {p['text']!r}")
        for g in gold:
            found = any(overlaps(p, g) and g["category"] == p["category"] for p in predicted)
            span[g["category"], "gold"] += 1
            span[g["category"], "tp_gold"] += found
            if not found:
                misses.append(f"  FN {post['id']} {g['category']}: {g['text']!r}")
        level_ok += report["readability"]["level"] == LEVELS[post["readability"]]
        lix_error += abs(report["readability"]["lix"] - post["lix"])
        for flag in DOC_FLAGS:
            in_pred, in_gold = flag in report["doc_flags"], flag in post["doc_flags"]
            flags[flag, "pred"] += in_pred
            flags[flag, "gold"] += in_gold
            flags[flag, "tp"] += in_pred and in_gold
            if in_pred != in_gold:
                misses.append(f"  {'FP' if in_pred else 'FN'} {post['id']} flag {flag}")
        if not post["spans"] and not post["doc_flags"]:
            clean += 1
            clean_ok += not predicted and not PERSONAL_FLAGS & set(report["doc_flags"])

    print(f"{len(posts)} {split} posts from {path}\n")
    print(f"{'span category':<16}{'precision':>10}{'recall':>8}{'pred':>6}{'gold':>6}{'hit':>6}")
    for category in SPAN_CATEGORIES:
        pred, gold = span[category, "pred"], span[category, "gold"]
        print(
            f"{category:<16}{ratio(span[category, 'tp_pred'], pred):>10}{ratio(span[category, 'tp_gold'], gold):>8}"
            f"{pred:>6}{gold:>6}{span[category, 'tp_gold']:>6}"
        )
    print(f"\n{'doc flag':<16}{'precision':>10}{'recall':>8}{'pred':>6}{'gold':>6}{'tp':>6}")
    for flag in DOC_FLAGS:
        print(
            f"{flag:<16}{ratio(flags[flag, 'tp'], flags[flag, 'pred']):>10}{ratio(flags[flag, 'tp'], flags[flag, 'gold']):>8}"
            f"{flags[flag, 'pred']:>6}{flags[flag, 'gold']:>6}{flags[flag, 'tp']:>6}"
        )
    print(f"\nreadability level as labelled: {level_ok}/{len(posts)}; mean |LIX error| {lix_error / len(posts):.2f}")
    print(f"clean posts without a personal-data finding or flag: {clean_ok}/{clean} = {ratio(clean_ok, clean)}")
    if show_errors and misses:
        print("\nspan and flag errors:")
        print("\n".join(misses))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="list every missed and false span")
    parser.add_argument("--split", default="dev", help="score the posts of this split (default: dev)")
    parser.add_argument("--rules-only", action="store_true", help="leave out the learned second opinion")
    args = parser.parse_args()
    evaluate(args.path, args.errors, args.split, args.rules_only)
