"""The supervisor behind `manage.py serve` (ADR 0093), on small stand-in processes: nothing it started
outlives it, whatever ends first."""

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from beian.core.supervisor import Supervisor

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")

SLEEPER = ["sh", "-c", "exec sleep 60"]
# Ignores SIGTERM, as a program stuck in its shutdown does (ignored signals survive exec).
STUBBORN = ["sh", "-c", "trap '' TERM; exec sleep 60"]


def _running(pid: int) -> bool:
    """Whether `pid` still runs a moment later (a signal takes effect asynchronously). A zombie
    (ended, not yet reaped by its new parent) no longer runs."""
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return False
        if state in {"Z", "X"}:
            return False
        time.sleep(0.05)
    return True


def _wait_for_file(path: Path) -> str:
    deadline = time.monotonic() + 10
    while not (path.exists() and path.read_text().strip()):
        assert time.monotonic() < deadline, f"{path} was not written"
        time.sleep(0.05)
    return path.read_text().strip()


def test_a_program_that_ends_on_its_own_stops_the_others():
    with Supervisor(stop_timeout=5) as supervisor:
        server = supervisor.start("web server", SLEEPER)
        supervisor.start("task worker", ["sh", "-c", "exit 3"])
        ended = supervisor.wait()
    assert ended.name == "task worker" and ended.process.returncode == 3
    assert server.process.returncode == -signal.SIGTERM
    assert supervisor.late == []


def test_a_process_that_outlives_its_leader_is_killed(tmp_path):
    """gunicorn's case: the master stops, a worker it started does not and would keep the port."""
    worker_pid_file = tmp_path / "worker.pid"
    leader = ["sh", "-c", f"(trap '' TERM; exec sleep 60) & echo $! > {worker_pid_file}; wait"]
    with Supervisor(stop_timeout=5) as supervisor:
        supervisor.start("web server", leader)
        worker_pid = int(_wait_for_file(worker_pid_file))
        os.kill(os.getpid(), signal.SIGTERM)  # as `kill` or make would send it
        assert supervisor.wait() is None
    assert supervisor.stop_signal == signal.SIGTERM
    assert not _running(worker_pid)


def test_what_ignores_the_stop_is_killed_after_the_timeout():
    started = time.monotonic()
    with Supervisor(stop_timeout=1) as supervisor:
        stubborn = supervisor.start("task worker", STUBBORN)
        time.sleep(0.3)  # let the shell install its trap
        os.kill(os.getpid(), signal.SIGINT)
        supervisor.wait()
    assert stubborn.process.returncode == -signal.SIGKILL
    assert supervisor.late == ["task worker"]
    assert time.monotonic() - started < 10


def test_a_second_ctrl_c_kills_at_once():
    threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
    started = time.monotonic()
    with Supervisor(stop_timeout=60) as supervisor:
        stubborn = supervisor.start("web server", STUBBORN)
        time.sleep(0.3)
        os.kill(os.getpid(), signal.SIGINT)
        supervisor.wait()
    assert stubborn.process.returncode == -signal.SIGKILL
    assert time.monotonic() - started < 20


def test_the_previous_signal_handlers_come_back():
    before = signal.getsignal(signal.SIGINT)
    with Supervisor(stop_timeout=1) as supervisor:
        assert signal.getsignal(signal.SIGINT) != before
        supervisor.start("task worker", ["sh", "-c", "exit 0"])
        supervisor.wait()
    assert signal.getsignal(signal.SIGINT) == before
