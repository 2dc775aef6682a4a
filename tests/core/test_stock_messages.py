"""Django's stock messages speak like the rest of the platform (formal 您, our wording; ADR 0110)."""

from pathlib import Path

import django
import polib
import pytest
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

DJANGO_ROOT = Path(django.__file__).parent
# The catalogs of what an applicant can meet: forms, validators, model fields, the paginator, the CSRF
# page (django/conf/locale) and the password forms and validators (contrib/auth). The admin's are not.
DJANGO_CATALOGS = [DJANGO_ROOT / "conf/locale/zh_Hans/LC_MESSAGES/django.po",
                   DJANGO_ROOT / "contrib/auth/locale/zh_Hans/LC_MESSAGES/django.po"]


def _in_chinese(entry: polib.POEntry) -> list[str]:
    with translation.override("zh-hans"):
        if entry.msgid_plural:
            return [ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        return [gettext(entry.msgid)]


def test_the_project_catalog_is_searched_first():
    assert settings.LOCALE_PATHS[0] == settings.BASE_DIR / "beian" / "locale"
    with translation.override("zh-hans"):
        assert gettext("This field is required.") == "请填写此项。"
        assert gettext("The submitted file is empty.") == "您选择的文件是空的，请选择其他文件。"
        assert gettext("Enter a valid email address.") == "请输入有效的电子邮箱地址。"


@pytest.mark.parametrize("catalog", DJANGO_CATALOGS, ids=lambda path: path.parent.parent.parent.parent.name)
def test_no_django_message_addresses_the_applicant_informally(catalog):
    informal = [text for entry in polib.pofile(str(catalog)) if entry.msgid
                for text in _in_chinese(entry) if "你" in text]
    assert not informal


def test_a_choice_a_checkbox_and_a_file_say_what_to_do_when_left_empty():
    class Form(forms.Form):
        kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
        services = forms.MultipleChoiceField(choices=[("a", "A")])
        agreed = forms.BooleanField()
        photo = forms.FileField()
        name = forms.CharField()
        told = forms.CharField(error_messages={"required": "custom"})

    with translation.override("zh-hans"):
        errors = Form(data={}).errors
    assert errors["kind"] == ["请选择一项。"] and errors["services"] == ["请至少选择一项。"]
    assert errors["agreed"] == ["请勾选此项。"] and errors["photo"] == ["请选择要上传的文件。"]
    assert errors["name"] == ["请填写此项。"] and errors["told"] == ["custom"]
    with translation.override("en"):
        assert str(forms.Field.default_error_messages["required"]) == "This field is required."


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def test_every_form_of_the_platform_was_built_after_the_required_messages_were_set():
    # A form class declared before CoreConfig.ready() would keep Django's "required" in its fields.
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view, and so every form
    stale = []
    with translation.override("en"):
        for form in _subclasses(forms.BaseForm):
            for name, field in getattr(form, "base_fields", {}).items():
                if (form.__module__.startswith("beian.")
                        and isinstance(field, (forms.ChoiceField, forms.BooleanField, forms.FileField))
                        and str(field.error_messages["required"]) == "This field is required."):
                    stale.append(f"{form.__module__}.{form.__name__}.{name}")
    assert not stale
