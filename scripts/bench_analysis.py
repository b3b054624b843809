"""Latency and memory of the policy checker; prints figures (tests never time anything).

Usage: python scripts/bench_analysis.py [DRAFTS.jsonl]
Posts of 280, 2,000 and 10,000 characters are cut from the dev drafts laid end to end, each run
from a different starting point so no cache sees the same text twice in a row; then 100,000
characters of drafts and of one sentence repeated (the contract's longest text).

The dev drafts are short (18,000 characters), so after the warm-up every word of them is in
the checker's caches, as in the editor, where a draft is checked again after each pause in
typing. A second table cuts its posts from the labelled sets in tests/analysis/data (over 850,000
characters), each text from a part no run has seen: the first check of a pasted text, where
new words cost hunspell lookups and spelling suggestions.

The tokenisation baseline is a second blank("sv") pipeline that tokenises each text just before
analyze() gets it: both have seen the same texts, so spaCy's tokenizer and vocabulary caches help
them equally (a baseline timed after analyze() had seen the text would be flattered by them).
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_PATH = REPO.parent / "shared" / "testdata" / "drafts-dev.jsonl"
SIZES = {280: 300, 2_000: 200, 10_000: 60}  # characters: timed runs
LONG_RUNS = 3  # timed runs of each 100,000-character text
WARM_UP = 20
#: Timed runs cut from the labelled sets, each from text no earlier run saw.
UNSEEN_RUNS = {280: 200, 2_000: 150, 10_000: 35}
UNSEEN_DIR = REPO / "tests" / "analysis" / "data"
REPEATED = "Hej Anna Svensson! Tack Per och Lisa Berg för hjälpen med ansökan om bygglov i Nödinge. "


def corpus(*paths: Path) -> str:
    posts = [json.loads(line)["text"] for path in paths
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    return "\n\n".join(posts)


def samples(text: str, size: int, count: int) -> list[str]:
    """``count`` texts of ``size`` characters starting at spread-out points of the corpus."""
    doubled = text + "\n\n" + text
    step = max(1, len(text) // count)
    return [doubled[i * step % len(text) :][:size] for i in range(count)]


def timings_ms(function, texts: list[str]) -> list[float]:
    result = []
    for text in texts:
        start = time.perf_counter()
        function(text)
        result.append((time.perf_counter() - start) * 1000)
    return result


def timed(analyze, tokenizer, texts: list[str]) -> tuple[list[float], list[float]]:
    """ms of analyze() and of the baseline tokenizer on each text, tokenising first each time."""
    analysed, tokenised = [], []
    for text in texts:
        tokenised += timings_ms(tokenizer, [text])
        analysed += timings_ms(analyze, [text])
    return analysed, tokenised


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def print_header() -> None:
    print(f"{'post size':>10}{'runs':>6}{'p50 ms':>9}{'p99 ms':>9}{'tokenise p50 ms':>17}{'ratio p50':>11}")


def print_row(size: int, analysed: list[float], tokenised: list[float]) -> None:
    p50, p99, tok50 = percentile(analysed, 50), percentile(analysed, 99), percentile(tokenised, 50)
    print(f"{size:>10,}{len(analysed):>6}{p50:>9.2f}{p99:>9.2f}{tok50:>17.2f}{p50 / tok50:>10.1f}×")


def print_breakdown(texts: list[str]) -> None:
    """Mean time per 2,000-character post of each step of analyze(), slowest first."""
    from aledraft.analysis.pipeline import build_nlp
    from aledraft.analysis.readability import readability
    from aledraft.analysis.recognizers.base import Context
    from aledraft.analysis.recognizers.learned import SECOND_OPINION
    from aledraft.analysis.registry import RECOGNIZERS

    nlp = build_nlp()
    steps: dict[str, float] = {}

    def timed_step(name: str, step, *args) -> object:
        start = time.perf_counter()
        result = step(*args)
        steps[name] = steps.get(name, 0.0) + time.perf_counter() - start
        return result

    # One post at a time, its steps in analyze()'s order: steps that share work on a Doc (the
    # name analysis) are charged to the first that needs it, and only one Doc is alive at a time.
    for text in texts:
        ctx = Context(text, timed_step("spaCy pipeline (tokeniser + lemmas)", nlp, text), None)
        timed_step("readability", readability, text)
        for recognizer in [*RECOGNIZERS, SECOND_OPINION]:
            name = f"{type(recognizer).__module__.rpartition('.')[2]}.{type(recognizer).__name__}"
            timed_step(name, lambda: list(recognizer.find(ctx)))
    print("\nmean ms per 2,000-character post, by step:")
    for name, seconds in sorted(steps.items(), key=lambda item: -item[1]):
        print(f"  {name:<45}{seconds * 1000 / len(texts):7.2f}")


def main() -> None:
    text = corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH)

    start = time.perf_counter()
    from aledraft.analysis import analyze, warm_up
    from aledraft.analysis.pipeline import build_nlp

    imported = time.perf_counter()
    build_nlp()
    built = time.perf_counter()
    warm_up()
    warmed = time.perf_counter()
    analyze(samples(text, 2_000, 1)[0])
    first = time.perf_counter()
    print(f"import aledraft.analysis: {(imported - start) * 1000:8.0f} ms")
    print(f"build_nlp():              {(built - imported) * 1000:8.0f} ms")
    print(f"warm_up() (lexicons, hunspell, matchers, gc.freeze): {(warmed - built) * 1000:8.0f} ms")
    print(f"first analyze() after warm_up(): {(first - warmed) * 1000:8.0f} ms")
    print(f"import + build + warm_up + first analyze: {(first - start) * 1000:8.0f} ms")
    print("gc during the timed runs: automatic; the objects warm_up() loaded are frozen\n")

    import spacy

    tokenizer = spacy.blank("sv")
    print("dev drafts, words already in the caches:")
    print_header()
    for size, runs in SIZES.items():
        texts = samples(text, size, runs)
        timed(analyze, tokenizer, texts[:WARM_UP])
        print_row(size, *timed(analyze, tokenizer, texts))
    print("\nposts of the labelled sets, each text new to the process:")
    print_header()
    unseen, start = corpus(*sorted(UNSEEN_DIR.glob("*.jsonl"))), 0
    for size, runs in UNSEEN_RUNS.items():
        print_row(size, *timed(analyze, tokenizer, [unseen[start + i * size:][:size] for i in range(runs)]))
        start += size * runs
    for label, long_text in (
        ("drafts", (text + "\n\n") * (100_000 // len(text) + 1)),
        ("1 sentence", REPEATED * (100_000 // len(REPEATED) + 1)),
    ):
        analysed, tokenised = timed(analyze, tokenizer, [long_text[:100_000]] * LONG_RUNS)
        print(f"100,000 {label}: max {max(analysed):.0f} ms, median {statistics.median(analysed):.0f} ms"
              f" (tokenise {statistics.median(tokenised):.0f} ms)")

    print_breakdown(samples(text, 2_000, SIZES[2_000]))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    print(f"\npeak RSS: {peak_mb:.0f} MB (VmHWM {int(status['VmHWM'].split()[0]) / 1024:.0f} MB,"
          f" now VmRSS {int(status['VmRSS'].split()[0]) / 1024:.0f} MB; gc frozen objects: {gc.get_freeze_count():,})")


if __name__ == "__main__":
    main()
