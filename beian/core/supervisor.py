"""Run child programs, each in a process group of its own, and stop every process of those groups.

Why groups: a terminal's Ctrl-C reaches the whole foreground process group. When the children shared
it, gunicorn's master and workers each got SIGINT on their own while `serve` was stopping the master
too; a worker still busy with an open connection outlived its master, was re-parented to PID 1 and
kept the port (ADR 0093). In groups of their own the children get signals only from here, and a group
outlives its leader: SIGKILL to the group also reaches a worker whose master is gone.
"""

import os
import signal
import subprocess
import time
from dataclasses import dataclass

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@dataclass
class Child:
    name: str
    process: subprocess.Popen

    @property
    def pid(self) -> int:
        return self.process.pid


class Supervisor:
    """Use as a context manager: stop signals are caught (not raised) from entry until exit; leaving
    the block stops every group, gracefully first, then with SIGKILL after `stop_timeout` seconds."""

    def __init__(self, *, stop_timeout: float, poll_seconds: float = 0.2):
        self.stop_timeout = stop_timeout
        self.poll_seconds = poll_seconds
        self.children: list[Child] = []
        self.stop_signal: int | None = None
        self.late: list[str] = []  # children that had not stopped within stop_timeout
        self._previous_handlers: dict[int, object] = {}

    def __enter__(self) -> "Supervisor":
        self._previous_handlers = {sig: signal.signal(sig, self._on_stop_signal) for sig in STOP_SIGNALS}
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self.stop()
        finally:
            for sig, handler in self._previous_handlers.items():
                signal.signal(sig, handler)

    def start(self, name: str, argv: list[str]) -> Child:
        child = Child(name, subprocess.Popen(argv, start_new_session=True))
        self.children.append(child)
        return child

    def wait(self) -> Child | None:
        """Block until a stop signal arrives (returns None) or a child ends on its own (returns it)."""
        while self.stop_signal is None:
            for child in self.children:
                if child.process.poll() is not None:
                    return child
            time.sleep(self.poll_seconds)
        return None

    def stop(self) -> None:
        self._signal_groups(signal.SIGTERM)
        deadline = time.monotonic() + self.stop_timeout
        for child in self.children:
            try:
                child.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.late.append(child.name)
        # A leader that would not stop, or a process that outlived its leader: nothing may stay.
        self._signal_groups(signal.SIGKILL)
        for child in self.children:
            child.process.wait()

    def _on_stop_signal(self, signum, frame) -> None:
        if self.stop_signal is None:
            self.stop_signal = signum
        else:  # asked again (a second Ctrl-C): no more waiting for a graceful stop
            self._signal_groups(signal.SIGKILL)

    def _signal_groups(self, sig: int) -> None:
        for child in self.children:
            try:
                os.killpg(child.pid, sig)
            except (ProcessLookupError, PermissionError):  # the group is empty: all of it has ended
                pass
