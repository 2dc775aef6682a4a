from django.core.management.base import BaseCommand, CommandError

from beian.core.personal_data import check_models
from beian.core.personal_data_register import DOCUMENT_PATH, render_markdown


class Command(BaseCommand):
    help = ("Print the register of personal data generated from the models' declarations; --write "
            "saves it as docs/personal-data-register.md, --check fails when that file is out of date.")

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--write", action="store_true", help="Write docs/personal-data-register.md.")
        group.add_argument("--check", action="store_true",
                           help="Fail if docs/personal-data-register.md differs from the code.")

    def handle(self, *args, **options):
        problems = check_models()
        if problems.unmarked or problems.stale:
            raise CommandError(
                "Declare these fields in their model's PERSONAL_DATA first: "
                + ", ".join(problems.unmarked + [f"{name} (no such field)" for name in problems.stale]))
        text = render_markdown()
        if options["check"]:
            current = DOCUMENT_PATH.read_text(encoding="utf-8") if DOCUMENT_PATH.exists() else ""
            if current != text:
                raise CommandError(f"{DOCUMENT_PATH} is out of date: run "
                                   "`manage.py personal_data_register --write`.")
            self.stdout.write("The register of personal data is up to date.")
        elif options["write"]:
            DOCUMENT_PATH.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {DOCUMENT_PATH}.")
        else:
            self.stdout.write(text, ending="")
