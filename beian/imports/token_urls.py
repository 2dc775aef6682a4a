"""/staff/api-tokens/: the security administrator lists, creates and revokes the agencies' API
tokens (the generic pages of beian.staff.token_pages, ADR 0098)."""

from django.utils.translation import gettext_lazy as _

from beian.imports.forms import ApiTokenForm
from beian.imports.models import ApiToken
from beian.staff.token_pages import TokenPages

app_name = "api_tokens"

pages = TokenPages(form_class=ApiTokenForm, tokens=lambda: ApiToken.objects.select_related("agency"),
                   title=_("Agencies' API tokens"), owner_label=_("Agency"))
urlpatterns = pages.urlpatterns()
