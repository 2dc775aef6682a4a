from django.core.management.base import BaseCommand, CommandError

from beian.core import bearer_tokens
from beian.core.models import Agency
from beian.imports.models import ApiToken


def _when(moment) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "-"


class Command(BaseCommand):
    help = "List the agencies' API tokens (never the tokens themselves): prefix, state, use, expiry."

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="only the tokens of this agency code")
        parser.add_argument("--active", action="store_true", help="only tokens still in force")

    def handle(self, *args, agency=None, active=False, **options):
        tokens = ApiToken.objects.select_related("agency")
        if agency:
            if not Agency.objects.filter(code=agency).exists():
                raise CommandError(f"No agency has the code {agency}.")
            tokens = tokens.filter(agency__code=agency)
        if active:
            tokens = bearer_tokens.active(tokens)
        self.stdout.write("id\tprefix\tagency\tname\tstate\tcreated (UTC)\tlast used\texpires")
        for token in bearer_tokens.listing(tokens):
            self.stdout.write("\t".join([
                str(token.pk), f"{token.prefix}…", token.agency.code, token.name or "-", token.state(),
                _when(token.created_at), _when(token.last_used_at), _when(token.expires_at)]))
