from django.core.management.base import BaseCommand

from beian.accounts.demo import DEMO_PASSWORD, create_demo_accounts


class Command(BaseCommand):
    help = "Create the demo accounts (idempotent) and print their logins."

    def handle(self, *args, **options):
        logins = create_demo_accounts()
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for login in logins:
            line = f"  {login.username:<16} {login.role}"
            if login.agency:
                line += f" — {login.agency}"
            if login.totp_secret:
                line += f" — TOTP secret {login.totp_secret}"
            self.stdout.write(line)
