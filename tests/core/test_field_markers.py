"""A required field shows a red "*" hidden from screen readers (the input says it is required); a field
its form marks optional shows "(optional)" instead."""

from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class _Form(forms.Form):
    name = forms.CharField(label="Name")
    nickname = forms.CharField(label="Nickname", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nickname"].optional = True


def _render(field):
    with translation.override("zh-hans"):
        return render_to_string("includes/field.html", {"field": field})


def test_a_required_field_gets_the_hidden_star_and_the_input_says_required():
    html = _render(_Form()["name"])
    star = '<span class="required-marker" aria-hidden="true">*</span>'
    assert f'<label for="id_name">Name {star}</label>' in html
    assert "required" in html.split("<input", 1)[1]


def test_an_optional_field_says_so_without_a_star():
    html = _render(_Form()["nickname"])
    assert "required-marker" not in html
    assert "（选填）" in html
