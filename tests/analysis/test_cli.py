"""python -m aledraft.analysis: batch order, an error field per bad line, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]


def run(*args, stdin=b""):
    return subprocess.run(
        [sys.executable, "-m", "aledraft.analysis", *args], input=stdin, capture_output=True, cwd=REPO, check=False
    )


def test_batch_keeps_order_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Ring Anna på 070-174 06 35.", "platform": "facebook"}),
        "{not json",
        json.dumps({"id": "c", "platform": "x"}),
        json.dumps({"id": "d", "text": "Hej", "platform": "myspace"}),
        json.dumps({"id": "e", "text": "x" * 100_001}),
        json.dumps({"id": 6, "text": "Välkommen till biblioteket!", "platform": None}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--jsonl", str(path))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [item["id"] for item in out] == ["a", None, "c", "d", "e", 6]
    assert [("error" in item) for item in out] == [False, True, True, True, True, False]
    assert "phone" in [f["category"] for f in out[0]["findings"]]
    assert set(out[5]) == {"id", "findings", "readability", "doc_flags"}


def test_stdin_prints_one_report():
    result = run("--platform", "x", stdin="Mejla kalle82@gmail.com".encode())
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["doc_flags"] == ["personal_data"]


def test_missing_file_exits_non_zero():
    result = run("--jsonl", "/nonexistent/in.jsonl")
    assert result.returncode != 0
    assert result.stderr.strip()


def test_stdin_not_utf8_exits_non_zero():
    result = run(stdin=b"\xff\xfe caf\xe9")
    assert result.returncode != 0
    assert "UTF-8" in result.stderr.decode()


def test_batch_file_not_utf8_exits_non_zero(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": 1, "text": "caf\xe9"}\n')
    assert run("--jsonl", str(path)).returncode != 0
