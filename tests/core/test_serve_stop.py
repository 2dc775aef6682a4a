"""`make run` (manage.py serve) stops every process it started and frees its port (issue 13, ADR 0093).

Real processes: `make` runs `manage.py serve` against a copy of this test run's database; the test
sends the signals a terminal or `kill` would, then looks in /proc for every process that was running
under `make` and tries to bind the port. Two starts of a few seconds each and two stops of at most
STOP_TIMEOUT seconds: about half a minute on an idle machine. The rest of the stopping (a program that
ends on its own, a second Ctrl-C) is tested on small stand-in processes in test_supervisor.py.
"""

import os
import shlex
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
STOP_TIMEOUT = 3
START_SECONDS = 60  # generous: the machine running the tests may be busy

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or not hasattr(os, "killpg"),
                                reason="reads processes from /proc and signals process groups")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp_path: Path) -> str:
    """This run's migrated test database for a child process (an in-memory SQLite one is copied)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "beian.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command name: state, ppid, pgrp, … starttime is [19]."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def _process_tree(root: int) -> set[tuple[int, str]]:
    """(pid, start time) of `root` and all its descendants; the start time tells a reused pid apart."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if fields := _stat(pid):
            found.add((pid, fields[19]))
            todo.extend(children.get(pid, []))
    return found


def _still_running(processes: set[tuple[int, str]]) -> list[int]:
    """Processes that still run (a zombie no longer does: it holds no port and no memory)."""
    running = []
    for pid, started in processes:
        fields = _stat(pid)
        if fields and fields[19] == started and fields[0] not in {"Z", "X"}:
            running.append(pid)
    return running


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


class Run:
    """One `make run` in a process group of its own, as a shell starts a foreground job."""

    def __init__(self, tmp_path: Path, env: dict, port: int, number: int):
        makefile = tmp_path / "Makefile"
        makefile.write_text(f"run:\n\t{shlex.quote(sys.executable)} manage.py serve --port {port} "
                            f"--stop-timeout {STOP_TIMEOUT}\n")
        self.log = tmp_path / f"run-{number}.log"
        self.port = port
        with self.log.open("wb") as log:
            self.make = subprocess.Popen(["make", "--no-print-directory", "-f", str(makefile), "run"],
                                         cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        self.processes: set[tuple[int, str]] = set()
        self.connections: list[socket.socket] = []

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while not _answers(self.port):
            assert self.make.poll() is None, f"make run ended:\n{self.log.read_text()}"
            assert time.monotonic() < deadline, f"no answer on the port:\n{self.log.read_text()}"
            time.sleep(0.3)
        self.processes = _process_tree(self.make.pid)
        # make, serve, gunicorn's master and two workers, the task worker
        assert len(self.processes) >= 6, self.log.read_text()

    def open_browser_connections(self) -> None:
        """What a browser leaves open: a kept-alive connection and a request not fully sent yet. A
        gunicorn worker busy with these outlived its master before (issue 13)."""
        kept_alive = socket.create_connection(("127.0.0.1", self.port))
        kept_alive.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        half_sent = socket.create_connection(("127.0.0.1", self.port))
        half_sent.sendall(b"GET /healthz HTTP/1.1\r\nHo")
        self.connections = [kept_alive, half_sent]
        time.sleep(0.5)

    def wait_for_make(self) -> int:
        return self.make.wait(timeout=STOP_TIMEOUT + 15)

    def assert_all_gone(self) -> None:
        deadline = time.monotonic() + 2  # a SIGKILL takes effect a moment after it is sent
        while _still_running(self.processes) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _still_running(self.processes) == [], self.log.read_text()
        assert _port_is_free(self.port), self.log.read_text()

    def clean_up(self) -> None:
        for sock in self.connections:
            sock.close()
        for pid in _still_running(self.processes | _process_tree(self.make.pid)):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def runs():
    started: list[Run] = []
    yield started
    for run in started:  # a failed check must not leave servers behind
        run.clean_up()


def test_make_run_stops_every_process_and_frees_the_port(transactional_db, tmp_path, runs):
    env = {**os.environ, "BEIAN_VAR_DIR": str(tmp_path), "DATABASE_URL": _database_url(tmp_path),
           "CACHE_URL": "locmemcache://", "PYTHONUNBUFFERED": "1", "DJANGO_SETTINGS_MODULE": "beian.settings"}
    env.pop("MAKEFLAGS", None)
    port = _free_port()

    # Ctrl-C in the terminal: SIGINT to the whole foreground process group, make included.
    runs.append(run := Run(tmp_path, env, port, 1))
    run.wait_until_serving()
    run.open_browser_connections()
    os.killpg(run.make.pid, signal.SIGINT)
    run.wait_for_make()
    run.assert_all_gone()

    # Right after, on the same port: it serves. Then `kill` on make, which passes SIGTERM on.
    runs.append(run := Run(tmp_path, env, port, 2))
    run.wait_until_serving()
    run.open_browser_connections()
    os.kill(run.make.pid, signal.SIGTERM)
    run.wait_for_make()
    run.assert_all_gone()
