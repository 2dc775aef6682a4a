"""House rules of the Chinese catalogs and templates (issue 18, ADR 0110): full-width colons in Chinese
text, one name for the product, one word for the back of an ID card, no rule id shown to people."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted(ROOT.glob("beian/**/locale/zh_Hans/LC_MESSAGES/django.po"))
TEMPLATES = sorted([*ROOT.glob("beian/**/templates/**/*.html"), *ROOT.glob("beian/**/templates/**/*.txt")])
PRODUCT_ZH = "公安联网备案平台"
PRODUCT_EN = "website security filing platform"

_HAN = re.compile(r"[\u3400-\u9fff]")
_WIDE = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
# A colon that belongs to no Chinese punctuation: in a URL, a time of day, a format placeholder or markup.
_NOT_PUNCTUATION = re.compile(r"[a-z][a-z0-9+.-]*://\S+|\d{1,2}:\d{2}|%\([^)]+\)[sdfr]|\{[^}]*\}|<[^>]+>")
_ASCII_COLON_IN_CHINESE = re.compile(rf": |:$|{_WIDE}:|:{_WIDE}")


def _chinese_texts(po_path):
    for entry in polib.pofile(str(po_path)):
        if not entry.obsolete:
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                yield entry, text


def _id(path):
    return str(path.relative_to(ROOT))


def test_the_colon_check_tells_chinese_punctuation_from_urls_times_and_placeholders():
    def flagged(text):
        return bool(_ASCII_COLON_IN_CHINESE.search(_NOT_PUNCTUATION.sub("x", text)))

    assert flagged("原因: %(reasons)s") and flagged("原因:%(reasons)s") and flagged("%(label)s: 已提交")
    assert not flagged("原因：%(reasons)s") and not flagged("请访问 https://beian.example.cn/ 查看")
    assert not flagged("预约时间 09:30—10:00") and not flagged("%(a)s:%(b)s 已保存")


@pytest.mark.parametrize("po_path", CATALOGS, ids=_id)
def test_chinese_text_uses_full_width_colons(po_path):
    wrong = [text for _, text in _chinese_texts(po_path) if _HAN.search(text)
             and _ASCII_COLON_IN_CHINESE.search(_NOT_PUNCTUATION.sub("x", text))]
    assert not wrong


@pytest.mark.parametrize("po_path", CATALOGS, ids=_id)
def test_one_name_for_the_product(po_path):
    for entry, text in _chinese_texts(po_path):
        for name in re.findall(r"[\u3400-\u9fff]*备案平台", text):
            assert name.endswith(PRODUCT_ZH), f"{name!r} in {text!r}: call it {PRODUCT_ZH}"
        for name in re.findall(r"[\w ]*filing platform", entry.msgid, flags=re.IGNORECASE):
            assert name.lower().endswith(PRODUCT_EN), f"{name!r}: call it the {PRODUCT_EN}"


@pytest.mark.parametrize("po_path", CATALOGS, ids=_id)
def test_the_back_of_an_id_card_is_called_beimian(po_path):
    assert not [text for _, text in _chinese_texts(po_path) if "反面" in text or "国徽面" in text]


@pytest.mark.parametrize("template", TEMPLATES, ids=_id)
def test_no_template_shows_a_rule_id(template):
    # A rule id (domain.already_filed) may be a data attribute for scripts and tests, never text.
    shown = re.findall(r">[^<]*\{\{\s*\w+\.rule\s*\}\}", template.read_text("utf-8"))
    assert not shown
