"""How long `make run` takes on an installed checkout until the app answers (issue 16).

Runs what `make run` runs after its dependency checks, in a temporary instance folder (SQLite,
migrated by a first run), and times each round from the start of the first command to the first
HTTP answer of GET /healthz; also `flask db upgrade` alone (already at head) and the import of the
app alone. Run from the repo root: nice .venv/bin/python bench/startup.py [--rounds 5] [--port 5117]
"""
from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLASK = str(ROOT / ".venv" / "bin" / "flask")


def make_run_commands(makefile: Path) -> list[list[str]]:
    """The commands of the Makefile's `run` target (after its prerequisites), as written there."""
    lines, inside = [], False
    for line in makefile.read_text().splitlines():
        if line.startswith("run:"):
            inside = True
            continue
        if inside:
            if not line.startswith("\t"):
                break
            lines.append(line.strip().replace("$(BIN)/flask", FLASK).split())
    return lines


def answered(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", "/healthz")
        return conn.getresponse().status == 200
    except OSError:
        return False


def one_round(commands: list[list[str]], env: dict, port: int) -> float:
    start = time.perf_counter()
    *before, last = commands
    for command in before:
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = subprocess.Popen(last, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not answered(port):
            if server.poll() is not None:
                raise RuntimeError("the server stopped")
            if time.perf_counter() - start > 60:
                raise RuntimeError("no answer within 60 s")
            time.sleep(0.02)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=5117)
    parser.add_argument("--makefile", type=Path, default=ROOT / "Makefile",
                        help="another Makefile's `run` target (e.g. `git show main:Makefile > /tmp/Makefile.old`)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="lpsedesk-startup-"))
    env = {**os.environ, "PORT": str(args.port), "DATABASE_URL": f"sqlite:///{workdir}/lpsedesk.db",
           "STORAGE_DIR": str(workdir / "files"), "SECRET_KEY": "bench-startup-secret",
           "STORAGE_KEY": "x" * 43 + "=", "LPSEDESK_INSTANCE": str(workdir)}
    from cryptography.fernet import Fernet

    env["STORAGE_KEY"] = Fernet.generate_key().decode()
    commands = make_run_commands(args.makefile)
    try:
        one_round(commands, env, args.port)  # first run: creates and migrates the database
        runs = [one_round(commands, env, args.port) for _ in range(args.rounds)]
        upgrade = [timed([FLASK, "--app", "wsgi", "db", "upgrade"], env) for _ in range(args.rounds)]
        imports = [timed([sys.executable, "-c", "import wsgi"], env) for _ in range(args.rounds)]
        baseline = [timed([sys.executable, "-c", "pass"], env) for _ in range(args.rounds)]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("make run, as: " + " && ".join(" ".join(c).replace(FLASK, "flask") for c in commands))
    print(f"to the first answer (s), median of {args.rounds}: {statistics.median(runs):.2f} "
          f"(min {min(runs):.2f}, max {max(runs):.2f})")
    print(f"flask db upgrade at head alone: {statistics.median(upgrade):.2f} s; import of the app alone: "
          f"{statistics.median(imports):.2f} s; python doing nothing: {statistics.median(baseline):.2f} s")
    print(f"load average meanwhile: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
