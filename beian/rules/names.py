"""Names: persons, sponsors and websites (SPEC §7 `person_name.*`, `sponsor_name.*`, `website_name.*`).

Each function returns the problems of one name field; cross-field rules run only when the other
side (sponsor type, pre-approvals, website name) is given, i.e. not None.
"""

from __future__ import annotations

import re
import unicodedata

from beian.rules.codes import BBS_APPROVAL, UNIT_SPONSOR_TYPES
from beian.rules.domains import looks_like_domain_or_url
from beian.rules.identifiers import LATIN_NAME_CERTIFICATE_TYPES
from beian.rules.keywords import CJK, Keywords
from beian.rules.problems import Problem, Severity, problem

_HAS_CJK = re.compile(f"[{CJK}]")
_HAS_LETTER = re.compile(rf"[A-Za-z{CJK}]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# A Chinese name: Chinese characters, with middle dots between the parts of a transcribed name.
_CHINESE_NAME = re.compile(rf"[{CJK}]+(?:[·•・‧][{CJK}]+)*")
_LATIN_NAME = re.compile(r"[A-Za-z]+(?:[ .'\-]+[A-Za-z]+)*\.?")
# Governments (and the armed forces) are the national organisations allowed to start a website
# name with 中国/国家/…: the rules cannot tell a ministry from a county office, so they let every
# government sponsor through and leave the judgement to the reviewer.
_NATIONAL_SPONSOR_TYPES = frozenset({"government", "military"})
# Any other unit is a national organisation when its registered name says so: 中国移动通信集团有限公司
# may begin its website name with 中国 (the guide refuses the prefix only to "non-national
# organisations"). A person's name proves nothing of the kind (国家豪 is a person).
_NAMED_NATIONAL_SPONSOR_TYPES = UNIT_SPONSOR_TYPES - _NATIONAL_SPONSOR_TYPES
# The guide reserves public-affairs words to "governmental institutions or institutions authorised by
# the government": a public institution or social organisation may hold such an authorisation, which
# the rules cannot see, so for them the finding is a warning the reviewer judges.
_AUTHORISABLE_SPONSOR_TYPES = frozenset({"institution", "social_organization"})
_INDIVIDUAL = "individual"


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _same_name(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", _clean(a)).casefold() == re.sub(r"\s+", "", _clean(b)).casefold()


def is_placeholder_person_name(name: str, certificate_type: str | None, keywords: Keywords) -> bool:
    """Not a real full name: 王先生, 李小姐, 某某, 本人, 测试, a Chinese name with digits or Latin
    letters in it, a single character. Latin names are real names for holders of a passport or a
    foreign permanent residence ID (and when the certificate type is unknown)."""
    compact = re.sub(r"\s+", "", _clean(name))
    if not compact:
        return True
    if re.sub(r"[\s.]", "", compact).casefold() in keywords.placeholder_names:
        return True
    if keywords.placeholder_latin_title.match(_clean(name)):  # Mr. Wang, Miss Li: the guide's examples
        return True
    if keywords.placeholder_title.fullmatch(compact) or keywords.placeholder_word.search(compact):
        return True
    if _HAS_CJK.search(compact):
        return (_LATIN_OR_DIGIT.search(compact) is not None or _CHINESE_NAME.fullmatch(compact) is None
                or len(_HAS_CJK.findall(compact)) < 2)
    latin_allowed = certificate_type is None or certificate_type in LATIN_NAME_CERTIFICATE_TYPES
    # Müller, José: compare without diacritics.
    folded = "".join(c for c in unicodedata.normalize("NFKD", _clean(name)) if not unicodedata.combining(c))
    letters = sum(char.isalpha() for char in compact)
    return not (latin_allowed and letters >= 2 and _LATIN_NAME.fullmatch(folded))


def check_person_name(name: str, *, path: str, certificate_type: str | None = None,
                      keywords: Keywords) -> list[Problem]:
    if is_placeholder_person_name(name, certificate_type, keywords):
        return [problem("person_name.placeholder", path)]
    return []


def check_sponsor_name(name: str, *, path: str, keywords: Keywords, sponsor_type: str | None = None,
                       certificate_type: str | None = None, website_name: str | None = None) -> list[Problem]:
    """The unit's registered name, or the individual's own name."""
    if looks_like_domain_or_url(name):
        return [problem("sponsor_name.is_domain", path)]
    text = _clean(name)
    no_chinese_unit = sponsor_type in UNIT_SPONSOR_TYPES and not _HAS_CJK.search(text)
    if (not _HAS_LETTER.search(text) or no_chinese_unit
            or (website_name is not None and _same_name(text, website_name))):
        return [problem("sponsor_name.not_a_name", path)]
    problems = []
    if sponsor_type == _INDIVIDUAL:
        if keywords.unit_ending.search(text) or keywords.company_ending.search(text):
            problems.append(problem("sponsor_name.nature_mismatch", path, sponsor_type=sponsor_type))
        problems += check_person_name(text, path=path, certificate_type=certificate_type, keywords=keywords)
    elif sponsor_type is not None and sponsor_type != "enterprise" and keywords.company_ending.search(text):
        problems.append(problem("sponsor_name.nature_mismatch", path, sponsor_type=sponsor_type))
    return problems


def _national_by_name(sponsor_type: str | None, sponsor_name: str | None, keywords: Keywords) -> str | None:
    """The national prefix the sponsor's registered name begins with, for a unit that is not a
    government or military one (those pass anyway); None when there is none or it cannot be told."""
    if sponsor_type not in _NAMED_NATIONAL_SPONSOR_TYPES or sponsor_name is None:
        return None
    return keywords.national_prefix.search(_clean(sponsor_name))


def _national_problem(text: str, *, path: str, keywords: Keywords, sponsor_type: str | None,
                      sponsor_name: str | None) -> list[Problem]:
    """A national prefix is refused unless the sponsor's own registered name begins with the same
    prefix; a national word (维权) unless the sponsor is a national organisation by its name."""
    if sponsor_type is None or sponsor_type in _NATIONAL_SPONSOR_TYPES:
        return []
    own_prefix = _national_by_name(sponsor_type, sponsor_name, keywords)
    prefix = keywords.national_prefix.search(text)
    if prefix is not None and prefix != own_prefix:
        return [problem("website_name.national_prefix", path, word=prefix)]
    if own_prefix is None and (word := keywords.national_word.search(text)):
        return [problem("website_name.national_prefix", path, word=word)]
    return []


def check_website_name(name: str, *, path: str, keywords: Keywords, sponsor_type: str | None = None,
                       sponsor_name: str | None = None,
                       pre_approvals: frozenset[str] | None = None) -> list[Problem]:
    """`sponsor_name` is the sponsor's registered name (the national-prefix rule compares with it)."""
    if looks_like_domain_or_url(name):
        return [problem("website_name.is_domain", path)]
    text = _clean(name)
    # Only digits or symbols is never a name; only Latin letters is refused for individual sites,
    # whose names must say in Chinese what the site is.
    if not _HAS_LETTER.search(text) or (sponsor_type == _INDIVIDUAL and not _HAS_CJK.search(text)):
        return [problem("website_name.not_a_name", path)]
    problems = []
    if sponsor_type == _INDIVIDUAL and (word := keywords.company_anywhere.search(text)):
        problems.append(problem("website_name.company_for_individual", path, word=word))
    if sponsor_type not in (None, "government") and (word := keywords.government.search(text)):
        severity = Severity.WARNING if sponsor_type in _AUTHORISABLE_SPONSOR_TYPES else None
        problems.append(problem("website_name.government_words", path, severity, word=word))
    problems += _national_problem(text, path=path, keywords=keywords, sponsor_type=sponsor_type,
                                  sponsor_name=sponsor_name)
    if pre_approvals is not None:
        for code, matcher in keywords.sectors:
            if code in pre_approvals or not (keyword := matcher.search(text)):
                continue
            rule = ("website_name.forum_without_approval" if code == BBS_APPROVAL
                    else "website_name.needs_pre_approval")
            problems.append(problem(rule, path, keyword=keyword, pre_approval=code))
    return problems
