from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beian.core.models import Agency
from beian.imports.api_tokens import create_api_token


class Command(BaseCommand):
    help = ("Create an API token for an agency (it imports for that agency and those below). The token "
            "is shown once; list and revoke tokens with list_api_tokens and revoke_api_token.")

    def add_arguments(self, parser):
        parser.add_argument("agency_code")
        parser.add_argument("--name", "--label", dest="name", default="",
                            help="what the token is for, e.g. the system that uses it")
        parser.add_argument("--days", type=int, default=None,
                            help=f"days the token is valid (default {settings.API_TOKEN_VALID_DAYS}, "
                                 f"at most {settings.API_TOKEN_MAX_VALID_DAYS})")

    def handle(self, *args, agency_code, name, days, **options):
        agency = Agency.objects.filter(code=agency_code).first()
        if agency is None:
            raise CommandError(f"No agency has the code {agency_code}.")
        if days is not None and not 1 <= days <= settings.API_TOKEN_MAX_VALID_DAYS:
            raise CommandError(f"--days must be between 1 and {settings.API_TOKEN_MAX_VALID_DAYS}.")
        token, text = create_api_token(agency=agency, name=name, valid_days=days)
        self.stderr.write(f"Token {token.prefix}… for {agency.code} {agency.name_zh}, valid until "
                          f"{token.expires_at:%Y-%m-%d %H:%M} UTC. It is shown only now:")
        self.stdout.write(text)
