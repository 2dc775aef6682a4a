"""The Chinese catalogue is complete, compiled and in step with RULES."""

from __future__ import annotations

import re
import string

import polib
import pytest

from beian.rules import RULES, Problem, Severity, message_for
from beian.rules.messages import CODE_LABELS, LOCALE_DIR, code_context

PO_PATH = LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_rule_and_label_has_a_chinese_translation():
    catalogue = polib.pofile(str(PO_PATH))
    entries = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalogue if not entry.obsolete}
    expected = {(None, rule.message) for rule in RULES.values()} | {
        (None, rule.warning_message) for rule in RULES.values() if rule.warning_message} | {
        (code_context(code_list), label)
        for code_list, labels in CODE_LABELS.items() for label in labels.values()}
    assert set(entries) == expected
    for (_, msgid), msgstr in entries.items():
        assert msgstr.strip(), msgid
        assert re.search(r"[\u4e00-\u9fff]", msgstr), msgid
        assert placeholders(msgstr) == placeholders(msgid), msgid
    assert not catalogue.fuzzy_entries()


def test_compiled_catalogue_is_up_to_date():
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(PO_PATH)) if e.msgstr}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(MO_PATH)) if e.msgid}
    assert compiled == source


def test_rule_templates_use_known_params():
    assert placeholders(RULES["certificate.type_not_allowed"].message) == {
        "certificate_type", "holder", "allowed"}


@pytest.mark.parametrize("language", ["zh-hans", "zh-Hans", "zh", "zh-cn", "zh_Hans"])
def test_chinese_is_the_default_and_labels_are_translated(language: str):
    problem = Problem("certificate.type_not_allowed", Severity.ERROR, "sponsor.certificate_type",
                      {"certificate_type": "resident_id", "holder": "enterprise",
                       "allowed": ["org_code", "uscc"]})
    assert message_for(problem, language) == (
        "居民身份证不能用于企业单位。请使用以下证件之一：组织机构代码、统一社会信用代码。")
    assert message_for(problem) == message_for(problem, language)


def test_english():
    problem = Problem("website_name.needs_pre_approval", Severity.ERROR, "website.name",
                      {"keyword": "新闻", "pre_approval": "news"})
    assert message_for(problem, "en") == (
        "The website name contains “新闻”, which needs the news pre-approval. "
        "Declare that pre-approval with its document number, or choose another name.")


def test_every_rule_has_a_message_in_both_languages():
    for rule_id, rule in RULES.items():
        for severity in Severity:
            params = {name: "x" for name in placeholders(rule.message_for(severity))}
            problem = Problem(rule_id, severity, "f", params)
            chinese, english = message_for(problem, "zh-hans"), message_for(problem, "en")
            assert chinese != english and "{" not in chinese and "{" not in english


def test_a_warning_wording_has_the_params_of_its_rule():
    worded = [rule for rule in RULES.values() if rule.warning_message]
    assert worded  # website_name.government_words at least
    for rule in worded:
        assert placeholders(rule.warning_message) == placeholders(rule.message), rule.id


def test_government_words_say_what_to_do_at_each_severity():
    """An enterprise must choose another name; an institution keeps it for the reviewer to judge."""
    def message(severity, language):
        return message_for(Problem("website_name.government_words", severity, "website.name",
                                   {"word": "公安"}), language)
    assert "Choose another name" in message(Severity.ERROR, "en")
    assert "reviewer will check" in message(Severity.WARNING, "en")
    assert message(Severity.ERROR, "zh-hans") == (
        "只有政府机关及其授权的机构才能在网站名称中使用公共事务词语“公安”。请更换名称。")
    assert message(Severity.WARNING, "zh-hans") == (
        "公共事务词语“公安”只能由政府机关及其授权的机构使用。审核民警将核实主办者的授权情况，请备好授权文件。")


def test_missing_params_do_not_break_the_answer():
    assert "{" not in message_for(Problem("ip.invalid", Severity.ERROR, "website.ips[0]", {}), "en")
