from django.core.management.base import BaseCommand, CommandError

from beian.core.models import Agency
from beian.unregistered.services import create_api_token


class Command(BaseCommand):
    help = "Create an API token for an agency (it imports for that agency and those below). Shown once."

    def add_arguments(self, parser):
        parser.add_argument("agency_code")
        parser.add_argument("--label", default="")

    def handle(self, *args, agency_code, label, **options):
        agency = Agency.objects.filter(code=agency_code).first()
        if agency is None:
            raise CommandError(f"No agency has the code {agency_code}.")
        token, text = create_api_token(agency=agency, label=label)
        self.stderr.write(f"Token {token.prefix}… for {agency.code} {agency.name_zh}. It is shown only now:")
        self.stdout.write(text)
