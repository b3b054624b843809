"""Train the learned second opinion for the confidential and case_handling flags; print its figures.

Usage: python scripts/train_learned_flags.py [--check]

Reads the labelled posts (the dev lines of ../shared/testdata/drafts-dev.jsonl and every
tests/analysis/data/*.jsonl), fits one L2-regularised logistic regression per flag over the
post's distinct lower-case words, word pairs and word pieces seen in at least MIN_POSTS posts
(recognizers/learned.py ``features``; each post's vector scaled by 1/sqrt(its features)) by
full-batch gradient descent, which is deterministic, and writes
aledraft/analysis/data/learned_flags.json.

The threshold of each flag comes from leave-one-set-out cross-validation: the lowest of
THRESHOLDS at which the gated model (learned.py ``Gate``), trained without a set, reaches
ADDED_PRECISION on that set's posts where no rule of the flag spoke, pooled over all sets. Those
cross-validated figures are printed: they estimate the model on posts it has not seen, alone and
gated (the rules' blind figures are in tests/analysis/data/README.md).
--check trains again and fails if the committed file differs (the data or the code changed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aledraft.analysis import doc_text  # noqa: E402
from aledraft.analysis.pipeline import build_nlp  # noqa: E402
from aledraft.analysis.recognizers.base import Context, token_texts  # noqa: E402
from aledraft.analysis.recognizers.learned import MODEL_FILE, FlagModel, admitted_sentence, features  # noqa: E402
from aledraft.analysis.registry import RECOGNIZERS  # noqa: E402

DEV_PATH = REPO.parent / "shared" / "testdata" / "drafts-dev.jsonl"
SETS_DIR = REPO / "tests" / "analysis" / "data"
OUT_PATH = REPO / "aledraft" / "analysis" / "data" / MODEL_FILE
FLAGS = {"confidential": "confidential.learned", "case_handling": "case_handling.learned"}
MIN_POSTS = 2
C = 3.0  # inverse L2 strength: chosen by the same cross-validation (1, 3, 10 tried)
STEPS, LEARNING_RATE = 800, 4.0
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
# The model is heard only where no rule of its flag spoke, so its threshold is set on those posts:
# the lowest at which its guesses there are right this often. On blind sets in session 4 the
# guesses were right about 0.7 of the time at a cross-validated 0.55, but in session 6's two
# blind rounds (360 posts) only 20 of 45 were (confidential 9 of 21, case_handling 11 of 24), which
# pulled both flags' precision under 0.80 there while their recall stayed above 0.85: so 0.65.
# (Precision over all posts, used before, let case_handling guess wrong as often as right.)
ADDED_PRECISION = 0.65


def labelled_posts() -> list[dict]:
    posts = []
    for line in DEV_PATH.read_text("utf-8").splitlines():
        if line.strip() and (post := json.loads(line))["split"] == "dev":
            posts.append(post | {"set": "dev"})
    for path in sorted(SETS_DIR.glob("*.jsonl")):
        posts += [json.loads(line) | {"set": path.stem} for line in path.read_text("utf-8").splitlines() if line.strip()]
    return posts


def fit(rows: list[set[str]], labels: np.ndarray) -> tuple[dict[str, float], float]:
    """Logistic regression with balanced class weights; returns (weights by feature, bias)."""
    counts = Counter(feature for row in rows for feature in row)
    vocabulary = {feature: i for i, feature in enumerate(sorted(f for f, n in counts.items() if n >= MIN_POSTS))}
    # The posts as a sparse matrix (row, column, value triples): matrix products are bincounts.
    cells = [(i, vocabulary[f], 1.0 / np.sqrt(max(len(row), 1))) for i, row in enumerate(rows) for f in row if f in vocabulary]
    row_of, column_of, value = (np.array(part) for part in zip(*cells))
    share = labels.mean()
    class_weight = np.where(labels == 1, 0.5 / share, 0.5 / (1 - share))
    weights, bias = np.zeros(len(vocabulary)), 0.0
    for _ in range(STEPS):
        score = np.bincount(row_of, weights=weights[column_of] * value, minlength=len(rows)) + bias
        gradient = (1 / (1 + np.exp(-score)) - labels) * class_weight
        along_features = np.bincount(column_of, weights=gradient[row_of] * value, minlength=len(vocabulary))
        weights -= LEARNING_RATE * (along_features / len(rows) + weights / (C * len(rows)))
        bias -= LEARNING_RATE * gradient.mean()
    return dict(zip(vocabulary, weights.tolist())), float(bias)


def cross_validated(rule_id: str, contexts: list[Context], rows: list[set[str]], labels: np.ndarray,
                    sets: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each post's probability, and whether the gate admits it, from a model trained without its set."""
    probabilities, admitted = np.zeros(len(rows)), np.zeros(len(rows), dtype=bool)
    for held_out in sorted(set(sets)):
        inside = [i for i, s in enumerate(sets) if s != held_out]
        weights, bias = fit([rows[i] for i in inside], labels[inside])
        model = FlagModel(rule_id, bias, 0.0, weights)
        for i, s in enumerate(sets):
            if s == held_out:
                probabilities[i] = model.probability(rows[i])
                admitted[i] = admitted_sentence(model, contexts[i]) is not None
    return probabilities, admitted


def precision_recall(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    hits = int((predicted & (labels == 1)).sum())
    return hits / max(int(predicted.sum()), 1), hits / int(labels.sum())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed model differs")
    args = parser.parse_args()

    posts = labelled_posts()
    nlp = build_nlp()
    contexts = [Context(post["text"], nlp(doc_text(post["text"])), post.get("platform")) for post in posts]
    rows = [features(token_texts(ctx.doc)) for ctx in contexts]
    sets = [post["set"] for post in posts]
    rule_flags = [{finding.category.value for recognizer in RECOGNIZERS for finding in recognizer.find(ctx)}
                  for ctx in contexts]
    print(f"{len(posts)} labelled posts in {len(set(sets))} sets")
    output = {
        "source": "Trained by scripts/train_learned_flags.py on the labelled posts of aledraft "
        "(../shared/testdata/drafts-dev.jsonl dev lines and tests/analysis/data/*.jsonl, all invented "
        "posts written for this project). Logistic regression over distinct lower-case words, word pairs "
        "and five-letter word pieces.",
        "models": {},
    }
    for flag, rule_id in FLAGS.items():
        labels = np.array([flag in post["doc_flags"] for post in posts], dtype=float)
        probabilities, admitted = cross_validated(rule_id, contexts, rows, labels, sets)
        silent = np.array([flag not in found for found in rule_flags])
        print(f"\n{flag}: {int(labels.sum())} of {len(posts)} posts, {int((labels[silent] == 1).sum())} of them "
              "without a rule finding; leave-one-set-out precision / recall:")
        threshold = None
        for candidate in THRESHOLDS:
            guessed = (probabilities >= candidate) & admitted
            alone = precision_recall(probabilities >= candidate, labels)
            gated = precision_recall(guessed, labels)
            added = guessed & silent
            added_right = int((added & (labels == 1)).sum())
            added_precision = added_right / max(int(added.sum()), 1)
            print(f"  threshold {candidate:.2f}: model alone {alone[0]:.3f} / {alone[1]:.3f}, "
                  f"gated {gated[0]:.3f} / {gated[1]:.3f}, where the rules are silent "
                  f"{added_right} right of {int(added.sum())} ({added_precision:.3f})")
            if threshold is None and added_precision >= ADDED_PRECISION:
                threshold = candidate
        threshold = threshold or THRESHOLDS[-1]
        print(f"  chosen threshold: {threshold:.2f}")
        weights, bias = fit(rows, labels)
        output["models"][rule_id] = {
            "threshold": threshold,
            "bias": round(bias, 4),
            "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.005},
        }
    text = json.dumps(output, ensure_ascii=False, indent=0) + "\n"
    if args.check:
        same = OUT_PATH.exists() and OUT_PATH.read_text("utf-8") == text
        print(f"\n{OUT_PATH.relative_to(REPO)} {'is up to date' if same else 'DIFFERS: run this script'}")
        return 0 if same else 1
    OUT_PATH.write_text(text, "utf-8")
    print(f"\nwrote {OUT_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
