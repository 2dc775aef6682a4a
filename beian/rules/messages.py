"""Human messages for problems, in Simplified Chinese (default) or English.

The English templates of `RULES` (and their warning wordings) are gettext msgids; their Chinese
translations live in `locale/zh_Hans/LC_MESSAGES/django.po` (compiled to django.mo with `msgfmt`). The
domain is `django` so that the Django project can list this folder in LOCALE_PATHS and use the same
catalogue.
Code values in params (sponsor type, certificate type …) are shown by their label, looked up in the
same catalogue under a message context per code list.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

from beian.rules.problems import RULES, Problem

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "django"
DEFAULT_LANGUAGE = "zh-hans"

# English labels of the codes that appear in params; msgctxt "beian.rules.<list>" keeps e.g. the
# pre-approval "news" apart from the service type "news".
CODE_LABELS: dict[str, dict[str, str]] = {
    "sponsor_type": {
        "enterprise": "enterprise", "military": "military unit", "government": "government agency",
        "institution": "public institution", "social_organization": "social organisation",
        "individual": "individual", "person": "person in charge or website leader",
    },
    "certificate_type": {
        "uscc": "unified social credit code", "org_code": "organisation code",
        "business_license": "business licence registration number",
        "institution_certificate": "public institution legal person certificate",
        "social_org_certificate": "social organisation registration certificate",
        "military_code": "military unit code", "resident_id": "resident ID card", "passport": "passport",
        "hk_macao_permit": "Mainland Travel Permit for Hong Kong and Macao Residents",
        "taiwan_permit": "Mainland Travel Permit for Taiwan Residents",
        "hmt_residence_permit": "Residence Permit for Hong Kong, Macao and Taiwan Residents",
        "foreign_permanent_id": "Foreign Permanent Resident ID Card",
    },
    "pre_approval": {
        "news": "news", "publishing": "publishing", "education": "education", "health": "health care",
        "drugs": "drugs and medical devices", "culture": "culture", "radio_tv": "radio, film and television",
        "bbs": "electronic bulletin service",
    },
    "service_type": {
        "company_portal": "company portal", "government_portal": "government portal",
        "personal_blog": "blog / personal space", "ecommerce": "online shopping",
        "news": "news and information", "forum": "forum / community", "education": "education",
        "entertainment": "entertainment", "search": "search", "other": "other",
    },
}
# Which code list the value of a param comes from.
PARAM_CODE_LISTS = {
    "holder": "sponsor_type", "sponsor_type": "sponsor_type", "settled_type": "sponsor_type",
    "certificate_type": "certificate_type", "allowed": "certificate_type",
    "pre_approval": "pre_approval", "service_type": "service_type",
}


def code_context(code_list: str) -> str:
    return f"beian.rules.{code_list}"


def _is_chinese(language: str) -> bool:
    return language.replace("_", "-").lower().startswith("zh")


@cache
def _translations(language: str) -> gettext.NullTranslations:
    if not _is_chinese(language):
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=["zh_Hans"], fallback=True)


def _label(translations: gettext.NullTranslations, code_list: str, code: Any) -> str:
    english = CODE_LABELS[code_list].get(str(code))
    if english is None:
        return str(code)
    return translations.pgettext(code_context(code_list), english)


def message_for(problem: Problem, language: str = DEFAULT_LANGUAGE) -> str:
    """The problem in the person's language: 'zh-hans' (also 'zh', 'zh-cn' …) or 'en'."""
    translations = _translations(language.replace("_", "-").lower())
    separator = "、" if _is_chinese(language) else ", "
    values: dict[str, str] = {}
    for key, value in problem.params.items():
        code_list = PARAM_CODE_LISTS.get(key)
        if isinstance(value, list | tuple):
            values[key] = separator.join(
                _label(translations, code_list, v) if code_list else str(v) for v in value)
        else:
            values[key] = _label(translations, code_list, value) if code_list else str(value)
    template = translations.gettext(RULES[problem.rule].message_for(problem.severity))
    return template.format_map(_Blank(values))


class _Blank(dict):
    """A missing param shows as empty text rather than failing the whole answer."""

    def __missing__(self, key: str) -> str:
        return ""
