"""Load bench: 50 editors typing at once against the app under gunicorn on PostgreSQL.

    .venv/bin/python scripts/bench_web.py [--database-url URL] [--editors 50] [--duration 30]

What it does, all on loopback and bounded in time:

1. Empties the bench database (default: aledraft_dev), runs `flask --app aledraft init-db`,
   and seeds one account, one user per editor and an API token each.
2. Starts `gunicorn -w 2 -b 127.0.0.1:<free port> wsgi:app` and waits until it answers.
3. Each editor (a thread) creates a draft, then types: about every 0.5 s it sends the text,
   growing from 500 to 2,000 characters of Swedish, to POST /api/v1/analyze, and every 5 s
   it saves through PUT /api/v1/drafts/<id>. The editor page's own /api/analyze takes a
   session cookie and a CSRF token; the bench uses the token-authenticated /api/v1/analyze,
   which runs the same analyzer.
4. After --duration seconds it stops, prints requests per second, p50/p99 per endpoint and
   the errors, checks that every editor's last successful save is the draft's current
   version in the database (same content_hash), and stops gunicorn.

Targets: analyze p99 < 150 ms, no errors, no save lost. Exit status 1 if a target is missed.
Timing figures belong here, never in the tests.
"""
import argparse
import hashlib
import http.client
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEFAULT_URL = "postgresql+psycopg://aledraft:aledraft@127.0.0.1:5432/aledraft_dev"
TESTDATA = REPO.parent / "shared" / "testdata" / "drafts-dev.jsonl"
ANALYZE_P99_TARGET_MS = 150.0

#: Used when the shared test data is not there: plain Swedish sentences, no personal data.
FALLBACK_SENTENCES = [
    "Biblioteket i Nödinge har öppet som vanligt under hela sommaren.",
    "Välkommen på öppet hus i Ale Kulturrum på lördag klockan elva.",
    "Nu kan du söka plats i förskolan direkt på kommunens webbplats.",
    "Vi bygger ny gång- och cykelväg längs Göta älv under hösten.",
    "Tack till alla som kom på invigningen av den nya lekplatsen i Älvängen!",
    "Kontaktcenter svarar på frågor om avfall, vatten och bygglov på vardagar.",
    "Simhallen stänger för underhåll vecka 32 och öppnar igen i augusti.",
    "Läs mer om höstens kurser och aktiviteter för unga på fritidsgårdarna.",
    "Vattnet kan bli missfärgat i Surte under tisdagen när vi spolar ledningarna.",
    "Kommunfullmäktige sammanträder på torsdag och mötet sänds på webben.",
]


def swedish_corpus() -> list[str]:
    """Return paragraphs of Swedish post text without personal data (the shared dev set, else built in)."""
    paragraphs = []
    if TESTDATA.exists():
        for line in TESTDATA.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if not item.get("doc_flags") and not item.get("spans") and len(item.get("text", "")) > 80:
                paragraphs.append(item["text"])
    return paragraphs or FALLBACK_SENTENCES


def editor_text(rng: random.Random, corpus: list[str], length: int) -> str:
    """Return a text of at least `length` characters made of corpus paragraphs in random order."""
    parts, size = [], 0
    while size < length:
        paragraph = rng.choice(corpus)
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)


def cut(text: str, length: int) -> str:
    """Return the text up to `length` characters, ending at a space when there is one nearby."""
    if len(text) <= length:
        return text
    head = text[:length]
    space = head.rfind(" ", max(0, length - 40))
    return head[:space] if space > 0 else head


# Setup


def prepare_database(url: str, editors: int) -> tuple[list[str], int]:
    """Empty the bench database, run init-db, seed users, one account and tokens.

    Return the tokens (one per editor) and the account id.
    """
    from sqlalchemy import text

    from aledraft import create_app
    from aledraft.access import Role
    from aledraft.admin.services import create_user
    from aledraft.auth.services import create_api_token
    from aledraft.db import Base, create_schema, get_engine, get_session
    from aledraft.models import Account, Platform

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench-setup"})
    with app.app_context():
        engine = get_engine()
        import aledraft.models  # noqa: F401  (every table on Base.metadata)

        with engine.begin() as conn:
            Base.metadata.drop_all(conn)
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    env = {**os.environ, "ALEDRAFT_DATABASE_URL": url, "SECRET_KEY": "bench-setup"}
    subprocess.run([sys.executable, "-m", "flask", "--app", "aledraft", "init-db"], cwd=REPO, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    with app.app_context():
        engine = get_engine()
        if schema_differs(engine):
            print("  NOTE: the migration is behind the models (it is regenerated at the end);"
                  " the bench creates the schema from the models instead.")
            with engine.begin() as conn:
                Base.metadata.drop_all(conn)
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
            create_schema(engine)
        session = get_session()
        account = Account(platform=Platform.FACEBOOK.value, name="Ale kommun (bench)", purpose="Lasttest.",
                          unit="Kommunikationsenheten", is_open=True, logo_confirmed=True,
                          url="https://www.facebook.com/alekommun")
        session.add(account)
        tokens = []
        password = secrets.token_urlsafe(16)
        for n in range(editors):
            user = create_user(session, None, email=f"bench-editor-{n:02d}@ale.se", name=f"Bänkskribent {n:02d}",
                               password=password, roles=[Role.AUTHOR])
            tokens.append(create_api_token(session, user, "bench")[1])
        session.commit()
        account_id = account.id
    app.extensions["aledraft.engine"].dispose()
    return tokens, account_id


def schema_differs(engine) -> bool:
    """Return True if the migrated schema is not what the models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from aledraft.db import Base

    with engine.connect() as conn:
        return bool(compare_metadata(MigrationContext.configure(conn), Base.metadata))


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(url: str, port: int, workers: int) -> subprocess.Popen:
    """Start gunicorn on loopback in its own process group."""
    env = {**os.environ, "ALEDRAFT_DATABASE_URL": url, "SECRET_KEY": secrets.token_hex(32)}
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
               "--log-level", "warning", "wsgi:app"]
    print(f"  $ {' '.join(command[1:])}")
    return subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)


def stop_gunicorn(process: subprocess.Popen) -> None:
    """Stop gunicorn (TERM, then KILL after 10 s)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def request(port: int, method: str, path: str, token: str, body: dict | None = None,
            timeout: float = 30.0) -> tuple[int, dict | None]:
    """Send one request on a new loopback connection; return the status and the JSON answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode("utf-8") if body is not None else None
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        try:
            return response.status, json.loads(raw) if raw else None
        except ValueError:
            return response.status, None
    finally:
        connection.close()


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 180.0) -> None:
    """Wait until gunicorn answers the OpenAPI document.

    :raise RuntimeError: gunicorn exited or did not answer in time
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            status, _ = request(port, "GET", "/api/v1/openapi.json", "", timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within the time limit")


# The editors


@dataclass
class Stats:
    """Latencies and errors per endpoint, shared by the editor threads."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, endpoint: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.setdefault(endpoint, []).append(seconds * 1000)
            if error:
                self.errors.setdefault(endpoint, []).append(error)


@dataclass
class Editor:
    """One simulated person typing a post."""

    number: int
    token: str
    full_text: str
    draft_id: int = 0
    version: int = 0
    #: content_hash and version of the last save the server confirmed.
    last_saved_hash: str = ""
    last_saved_version: int = 0
    saves: int = 0


def timed(stats: Stats, endpoint: str, port: int, method: str, path: str, token: str, body=None,
          ok=(200,)) -> tuple[int, dict | None]:
    """Send a request, record its latency under `endpoint`, and count anything but `ok` as an error."""
    start = time.perf_counter()
    try:
        status, answer = request(port, method, path, token, body)
    except OSError as error:
        stats.add(endpoint, time.perf_counter() - start, f"{type(error).__name__}: {error}")
        return 0, None
    problem = None
    if status not in ok:
        code = (answer or {}).get("error", {}).get("code", "") if isinstance(answer, dict) else ""
        problem = f"HTTP {status} {code}".strip()
    stats.add(endpoint, time.perf_counter() - start, problem)
    return status, answer


def run_editor(editor: Editor, port: int, stats: Stats, start: float, duration: float,
               analyze_every: float, save_every: float, rng: random.Random) -> None:
    """Type for `duration` seconds: analyze every `analyze_every` s, save every `save_every` s."""
    end = start + duration
    next_analyze = start + rng.uniform(0, analyze_every)
    next_save = start + rng.uniform(save_every / 2, save_every)
    while True:
        now = time.monotonic()
        if now >= end:
            return
        length = int(500 + 1500 * min(1.0, (now - start) / duration))
        text = cut(editor.full_text, length)
        if now >= next_save:
            status, answer = timed(stats, "PUT /api/v1/drafts/<id>", port, "PUT", f"/api/v1/drafts/{editor.draft_id}",
                                   editor.token, {"text": text, "base_version": editor.version})
            if status == 200:
                editor.version = answer["version"]
                editor.last_saved_hash = answer["content_hash"]
                editor.last_saved_version = answer["version"]
                editor.saves += 1
            next_save += save_every
        elif now >= next_analyze:
            timed(stats, "POST /api/v1/analyze", port, "POST", "/api/v1/analyze", editor.token,
                  {"text": text, "platform": "facebook"})
            # A fixed rate, but a late editor does not burst to catch up.
            next_analyze = max(next_analyze + analyze_every, time.monotonic())
        else:
            time.sleep(max(0.0, min(next_analyze, next_save, end) - time.monotonic()))


def create_drafts(editors: list[Editor], port: int, account_id: int, stats: Stats) -> None:
    """Each editor creates its draft (in parallel, as at the start of a working day)."""
    def create(editor: Editor) -> None:
        text = cut(editor.full_text, 500)
        status, answer = timed(stats, "POST /api/v1/drafts", port, "POST", "/api/v1/drafts", editor.token,
                               {"account_id": account_id, "text": text}, ok=(201,))
        if status == 201:
            editor.draft_id, editor.version = answer["id"], answer["version"]
            editor.last_saved_hash, editor.last_saved_version = answer["content_hash"], answer["version"]

    threads = [threading.Thread(target=create, args=(e,)) for e in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def warm_up(port: int, token: str, workers: int, corpus: list[str]) -> None:
    """Load the analyzer in every worker before measuring (the first call builds the NLP pipeline)."""
    text = cut("\n\n".join(corpus), 1000)
    threads = [threading.Thread(target=request, args=(port, "POST", "/api/v1/analyze", token,
                                                      {"text": text, "platform": "facebook"}, 120))
               for _ in range(workers * 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def percentile(values: list[float], fraction: float) -> float:
    """Return the nearest-rank percentile of the values."""
    ordered = sorted(values)
    rank = max(1, int(round(fraction * len(ordered) + 0.5)))
    return ordered[min(rank, len(ordered)) - 1]


def check_saves(url: str, editors: list[Editor]) -> list[str]:
    """Return a line for every editor whose last confirmed save is not the draft's current version."""
    from sqlalchemy import select

    from aledraft.db import make_engine
    from aledraft.models import Draft, DraftVersion
    from sqlalchemy.orm import Session

    engine = make_engine(url)
    problems = []
    with Session(engine) as session:
        for editor in editors:
            draft = session.get(Draft, editor.draft_id) if editor.draft_id else None
            if draft is None:
                problems.append(f"editor {editor.number:02d}: no draft was created")
                continue
            current = session.scalars(select(DraftVersion).where(
                DraftVersion.draft_id == draft.id, DraftVersion.number == draft.version)).one()
            if current.content_hash != editor.last_saved_hash or draft.version != editor.last_saved_version:
                problems.append(f"editor {editor.number:02d}: database has version {draft.version} "
                                f"({current.content_hash[:12]}), last confirmed save was version "
                                f"{editor.last_saved_version} ({editor.last_saved_hash[:12]})")
            elif hashlib.sha256(current.text.encode("utf-8")).hexdigest() != current.content_hash:
                problems.append(f"editor {editor.number:02d}: stored text does not match its content_hash")
    engine.dispose()
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("ALEDRAFT_BENCH_DATABASE_URL", DEFAULT_URL),
                        help="PostgreSQL URL of a database the bench may empty (default: aledraft_dev)")
    parser.add_argument("--editors", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of typing (default 30)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--analyze-every", type=float, default=0.5)
    parser.add_argument("--save-every", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not 1 <= args.editors <= 500 or not 1 <= args.duration <= 600:
        parser.error("--editors must be 1–500 and --duration 1–600 s")

    rng = random.Random(args.seed)
    corpus = swedish_corpus()
    print(f"aledraft web bench: {args.editors} editors, {args.duration:g} s, gunicorn -w {args.workers}, "
          f"database {args.database_url.rsplit('@', 1)[-1]}, {os.cpu_count()} CPUs shared by server, database and clients")
    print("  Analyze goes to POST /api/v1/analyze with a bearer token (the editor page's /api/analyze "
          "needs a session and CSRF token; both run the same analyzer).")
    print(f"  Text: {len(corpus)} Swedish paragraphs from {TESTDATA.name if corpus is not FALLBACK_SENTENCES else 'built-in sentences'}")
    tokens, account_id = prepare_database(args.database_url, args.editors)
    editors = [Editor(n, tokens[n], editor_text(random.Random(args.seed * 1000 + n), corpus, 2200))
               for n in range(args.editors)]
    port = free_port()
    process = start_gunicorn(args.database_url, port, args.workers)
    try:
        wait_until_up(port, process)
        warm_up(port, tokens[0], args.workers, corpus)
        setup_stats = Stats()
        create_drafts(editors, port, account_id, setup_stats)
        stats = Stats()
        start = time.monotonic()
        threads = [threading.Thread(target=run_editor, daemon=True,
                                    args=(e, port, stats, start, args.duration, args.analyze_every,
                                          args.save_every, random.Random(rng.random())))
                   for e in editors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.duration + 60)
        elapsed = time.monotonic() - start
    finally:
        stop_gunicorn(process)

    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(len(v) for v in stats.errors.values()) + sum(len(v) for v in setup_stats.errors.values())
    print(f"\nMeasured {elapsed:.1f} s: {total} requests, {total / elapsed:.1f} requests/s")
    print(f"  {'endpoint':<28} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    for endpoint, values in sorted({**setup_stats.latencies, **stats.latencies}.items()):
        errs = stats.errors.get(endpoint, []) + setup_stats.errors.get(endpoint, [])
        rate = f"{len(values) / elapsed:7.1f}" if endpoint in stats.latencies else "  setup"
        print(f"  {endpoint:<28} {len(values):>8} {rate} {percentile(values, 0.5):>8.1f} "
              f"{percentile(values, 0.99):>8.1f} {max(values):>8.1f} {len(errs):>7}")
    for endpoint, errs in sorted({**setup_stats.errors, **stats.errors}.items()):
        kinds = {}
        for err in errs:
            kinds[err] = kinds.get(err, 0) + 1
        print(f"  errors on {endpoint}: " + ", ".join(f"{k} ×{n}" for k, n in sorted(kinds.items())))
    lost = check_saves(args.database_url, editors)
    saves = sum(e.saves for e in editors)
    print(f"\nSaves confirmed: {saves}; last save of every editor in the database: "
          f"{'yes' if not lost else 'NO'} ({args.editors - len(lost)}/{args.editors})")
    for line in lost:
        print(f"  {line}")
    analyze = stats.latencies.get("POST /api/v1/analyze", [])
    p99 = percentile(analyze, 0.99) if analyze else float("inf")
    verdict = [
        ("analyze p99 < 150 ms", p99 < ANALYZE_P99_TARGET_MS, f"{p99:.1f} ms"),
        ("no errors", errors == 0, str(errors)),
        ("no save lost", not lost, str(len(lost))),
    ]
    print("\nTargets: " + "; ".join(f"{name}: {'met' if ok else 'MISSED'} ({value})" for name, ok, value in verdict))
    print("gunicorn stopped.")
    return 0 if all(ok for _, ok, _ in verdict) else 1


if __name__ == "__main__":
    sys.exit(main())
