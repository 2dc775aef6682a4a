"""Labels of the codes an application stores (service types, interactive services, languages)."""

from django.utils.translation import gettext_lazy as _

from beian.core.models import InteractiveService, ServiceType

# Website languages (the guide asks for "language(s)"; the list is short and stable).
LANGUAGES = [
    ("zh_hans", _("Chinese (simplified)")), ("zh_hant", _("Chinese (traditional)")), ("en", _("English")),
    ("ja", _("Japanese")), ("ko", _("Korean")), ("ru", _("Russian")), ("fr", _("French")),
    ("de", _("German")), ("es", _("Spanish")), ("ar", _("Arabic")), ("other", _("other languages")),
]


def labels_for(application) -> dict:
    services = {row.code: row.name for row in ServiceType.objects.filter(code__in=application.service_types)}
    interactive = {row.code: row.name for row in
                   InteractiveService.objects.filter(code__in=application.interactive_services)}
    languages = dict(LANGUAGES)
    return {
        "service_types": [services.get(code, code) for code in application.service_types],
        "interactive_services": [interactive.get(code, code) for code in application.interactive_services],
        "languages": [str(languages.get(code, code)) for code in application.languages],
    }
