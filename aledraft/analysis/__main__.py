"""Command line: ``python -m aledraft.analysis --jsonl IN.jsonl`` or ``python -m aledraft.analysis < post.txt``.

Batch mode writes one JSON line per input line, in input order (blank lines are skipped); a bad
line gets an "error" field and the batch goes on. Unreadable input ends with a message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from . import PLATFORMS, AnalysisInputError, analyze


def _analyze_line(line: str) -> dict:
    """The output object for one batch line: {"id", ...report} or {"id", "error"}."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return {"id": None, "error": "Raden är inte giltig JSON."}
    if not isinstance(item, dict):
        return {"id": None, "error": "Raden måste vara ett JSON-objekt med id, text och platform."}
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": item_id, "error": "Fältet text saknas eller är inte en textsträng."}
    try:
        return {"id": item_id, **analyze(text, item.get("platform")).to_dict()}
    except AnalysisInputError as error:
        return {"id": item_id, "error": str(error)}


def _dump(obj: dict) -> str:
    """JSON in readable UTF-8, or \\u-escaped when the text holds lone surrogates UTF-8 cannot carry."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj)
    return line


def _lines(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aledraft.analysis", description="Granska ett utkast mot riktlinjerna.")
    parser.add_argument("--jsonl", metavar="IN.jsonl", help='en rad per inlägg: {"id", "text", "platform"}')
    parser.add_argument("--platform", choices=PLATFORMS, help="plattform för texten på stdin")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8")
    try:
        if args.jsonl:
            for line in _lines(args.jsonl):
                print(_dump(_analyze_line(line)))
            return 0
        text = sys.stdin.buffer.read().decode("utf-8")
        print(_dump(analyze(text, args.platform).to_dict()))
        return 0
    except OSError as error:
        print(f"Kan inte läsa indata: {error}", file=sys.stderr)
    except UnicodeDecodeError:
        print("Indata är inte UTF-8-kodad text.", file=sys.stderr)
    except AnalysisInputError as error:
        print(str(error), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
