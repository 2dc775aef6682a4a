from django.core.management.base import BaseCommand, CommandError

from beian.core import bearer_tokens
from beian.imports.api_tokens import revoke_api_token
from beian.imports.models import ApiToken


class Command(BaseCommand):
    help = "Revoke an API token for good, named by its id or its prefix (see list_api_tokens). Audited."

    def add_arguments(self, parser):
        parser.add_argument("token", help="the id, or the beginning of the token (its prefix)")

    def handle(self, *args, token, **options):
        matches = bearer_tokens.find(ApiToken.objects.select_related("agency"), token)
        if not matches:
            raise CommandError(f"No API token has the id or prefix {token!r}.")
        if len(matches) > 1:
            ids = ", ".join(str(match.pk) for match in matches)
            raise CommandError(f"{len(matches)} tokens start with {token!r} (ids {ids}): name one by id.")
        found = matches[0]
        if revoke_api_token(token=found, actor=None):
            self.stdout.write(f"Token {found.pk} ({found.prefix}…, {found.agency.code}) is revoked.")
        else:
            self.stdout.write(f"Token {found.pk} ({found.prefix}…) was already revoked.")
