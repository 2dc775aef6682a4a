"""Start the web server (gunicorn) and the task worker together; Ctrl-C stops both.

The embedded default of `make run`: one command, one terminal. At scale, run the two programs
separately (`gunicorn beian.wsgi`, `manage.py db_worker`), as many of each as needed.

Each program runs in a process group of its own (beian.core.supervisor, ADR 0093): Ctrl-C, SIGTERM
(e.g. from `make`) or a closed terminal stops both, a program that ends on its own stops the other,
and whatever has not stopped after --stop-timeout seconds is killed, so the port is free afterwards.
"""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

from beian.core.supervisor import Supervisor


class Command(BaseCommand):
    help = "Run the web server and the background task worker together."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--demo", action="store_true", help="create and print the demo logins")
        parser.add_argument("--stop-timeout", type=float, default=10.0,
                            help="seconds a graceful stop may take before what is left is killed")

    def handle(self, *args, host, port, demo, stop_timeout, **options):
        if demo:
            call_command("load_demo_data", stdout=self.stdout)
        call_command("sweep_outbox", "--schedule", stdout=self.stdout)  # the periodic SMS outbox sweep
        call_command("send_appointment_reminders", "--schedule", stdout=self.stdout)  # day-before SMS
        call_command("export_audit_head", "--schedule", stdout=self.stdout)  # the signed chain head
        call_command("apply_retention", "--schedule", stdout=self.stdout)  # the daily retention run
        # gunicorn gets a little less time than we wait, so it can end its own workers first.
        graceful = max(1, int(stop_timeout) - 2)
        with Supervisor(stop_timeout=stop_timeout) as supervisor:
            web = supervisor.start("web server", [
                sys.executable, "-m", "gunicorn", "beian.wsgi", "--bind", f"{host}:{port}",
                "--workers", "2", "--threads", "4", "--graceful-timeout", str(graceful),
                "--access-logfile", "-"])
            worker = supervisor.start("task worker", [sys.executable, "manage.py", "db_worker"])
            self.stdout.write(self.style.SUCCESS(
                f"\nBeian is running at http://{host}:{port}/ (web server pid {web.pid}, task worker "
                f"pid {worker.pid}; Ctrl-C stops both)\n"))
            self.stdout.flush()
            ended = supervisor.wait()
            if ended is not None:
                self.stderr.write(f"The {ended.name} stopped (exit status {ended.process.returncode}); "
                                  "stopping the rest.")
            else:
                self.stdout.write("Stopping the web server and the task worker…")
        if supervisor.late:
            self.stderr.write(f"Killed what was left of the {' and the '.join(supervisor.late)} after "
                              f"{stop_timeout:g} seconds.")
        if ended is not None:
            sys.exit(1)
