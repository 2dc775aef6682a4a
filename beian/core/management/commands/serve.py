"""Start the web server (gunicorn) and the task worker together; Ctrl-C stops both.

The embedded default of `make run`: one command, one terminal. At scale, run the two programs
separately (`gunicorn beian.wsgi`, `manage.py db_worker`), as many of each as needed.
"""

import os
import signal
import subprocess
import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server and the background task worker together."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--demo", action="store_true", help="create and print the demo logins")

    def handle(self, *args, host, port, demo, **options):
        if demo:
            call_command("load_demo_data", stdout=self.stdout)
        call_command("sweep_outbox", "--schedule", stdout=self.stdout)  # the periodic SMS outbox sweep
        call_command("send_appointment_reminders", "--schedule", stdout=self.stdout)  # day-before SMS
        call_command("apply_retention", "--schedule", stdout=self.stdout)  # the daily retention run
        web = subprocess.Popen([sys.executable, "-m", "gunicorn", "beian.wsgi", "--bind",
                                f"{host}:{port}", "--workers", "2", "--threads", "4",
                                "--access-logfile", "-"])
        worker = subprocess.Popen([sys.executable, "manage.py", "db_worker"])
        self.stdout.write(self.style.SUCCESS(f"\nBeian is running at http://{host}:{port}/ "
                                             "(web server and task worker; Ctrl-C stops both)\n"))
        try:
            while web.poll() is None and worker.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for process in (web, worker):
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in (web, worker):
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        failed = [p for p in (web, worker) if p.returncode not in (0, -signal.SIGTERM, None)]
        if failed:
            sys.exit(1)
