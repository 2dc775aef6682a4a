"""Rule keyword lists (SPEC §3): data, shipped as defaults in `data/keywords.json` and editable by
administrators, who hand their version to `Keywords.from_dict`.

Matching: a Chinese keyword matches anywhere in the text; a Latin keyword matches case-insensitively
and only as a whole word ("news" matches "City News", not "newsletter"), with flexible spaces and an
optional final dot ("Co., Ltd." also matches "Co.,Ltd").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from beian.rules.codes import PRE_APPROVALS

_LIST_FIELDS = (
    "government_words", "national_prefixes", "national_words", "company_suffixes", "unit_name_suffixes",
    "person_placeholder_names", "person_placeholder_titles", "person_placeholder_latin_titles",
    "person_placeholder_words", "address_markers",
)
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def _word_pattern(word: str) -> str:
    if not word.isascii():
        return re.escape(word)
    body = re.escape(word.rstrip(".")).replace(r"\ ", r"\s*")
    if word.endswith("."):
        body += r"\.?"
    return rf"(?<![A-Za-z]){body}(?![A-Za-z])"


class WordMatcher:
    """Finds the first of a list of keywords in a text and says which one it was."""

    def __init__(self, words: tuple[str, ...], anchor: str = ""):
        self._words = sorted(words, key=len, reverse=True)  # longest first: 有限公司 before 公司
        alternatives = "|".join(f"({_word_pattern(word)})" for word in self._words)
        if not alternatives:
            self._regex = None
        elif anchor == "start":
            self._regex = re.compile(rf"^\s*(?:{alternatives})", re.IGNORECASE)
        elif anchor == "end":
            self._regex = re.compile(rf"(?:{alternatives})\s*$", re.IGNORECASE)
        else:
            self._regex = re.compile(alternatives, re.IGNORECASE)

    @staticmethod
    def _key(text: str) -> str:
        return re.sub(r"[\s.]", "", text).casefold()

    def search(self, text: str) -> str | None:
        """The keyword (as listed) found in `text`, or None."""
        if self._regex is None:
            return None
        match = self._regex.search(text)
        if match is None:
            return None
        index = next(i for i, group in enumerate(match.groups()) if group is not None)
        return self._words[index]


@dataclass(frozen=True)
class Keywords:
    government_words: tuple[str, ...]
    national_prefixes: tuple[str, ...]
    national_words: tuple[str, ...]  # forbidden anywhere in the name, e.g. 维权
    sector_keywords: MappingProxyType[str, tuple[str, ...]] = field(hash=False)  # pre-approval code → words
    company_suffixes: tuple[str, ...] = ()
    unit_name_suffixes: tuple[str, ...] = ()
    person_placeholder_names: tuple[str, ...] = ()  # a whole name that is not a name: 某某, 本人
    person_placeholder_titles: tuple[str, ...] = ()  # surname + title: 王先生, 李小姐
    person_placeholder_latin_titles: tuple[str, ...] = ()  # title + surname: Mr. Wang, Miss Li
    person_placeholder_words: tuple[str, ...] = ()  # anywhere in a name: 张某某
    address_markers: tuple[str, ...] = ()  # a detailed address has one: 号, 信箱, 村, 组

    @classmethod
    def defaults(cls) -> Keywords:
        return _defaults()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Keywords:
        """Build from a JSON-like dict; missing lists take the shipped defaults. Raises ValueError
        for an unknown list name, a list that is not a list of non-empty strings, or an unknown
        pre-approval code."""
        if not isinstance(data, dict):
            raise ValueError("keyword lists must be a JSON object")
        base = _default_data()
        unknown = set(data) - {f.name for f in fields(cls)} - {"_comment"}
        if unknown:
            raise ValueError(f"unknown keyword lists: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for name in _LIST_FIELDS:
            values[name] = _word_tuple(data.get(name, base[name]), name)
        sectors = data.get("sector_keywords", base["sector_keywords"])
        if not isinstance(sectors, dict) or set(sectors) - set(PRE_APPROVALS):
            raise ValueError(f"sector_keywords must map pre-approval codes ({', '.join(PRE_APPROVALS)}) "
                             "to lists")
        values["sector_keywords"] = MappingProxyType(
            {code: _word_tuple(words, f"sector_keywords.{code}") for code, words in sectors.items()})
        return cls(**values)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: list(getattr(self, name)) for name in _LIST_FIELDS}
        data["sector_keywords"] = {code: list(words) for code, words in self.sector_keywords.items()}
        return data

    # Compiled once per keyword set; cached_property writes to the instance __dict__ directly,
    # which a frozen dataclass allows.
    @cached_property
    def government(self) -> WordMatcher:
        return WordMatcher(self.government_words)

    @cached_property
    def national_prefix(self) -> WordMatcher:
        return WordMatcher(self.national_prefixes, anchor="start")

    @cached_property
    def national_word(self) -> WordMatcher:
        return WordMatcher(self.national_words)

    @cached_property
    def sectors(self) -> tuple[tuple[str, WordMatcher], ...]:
        return tuple((code, WordMatcher(words)) for code, words in self.sector_keywords.items())

    @cached_property
    def company_anywhere(self) -> WordMatcher:
        return WordMatcher(self.company_suffixes)

    @cached_property
    def company_ending(self) -> WordMatcher:
        return WordMatcher(self.company_suffixes, anchor="end")

    @cached_property
    def unit_ending(self) -> WordMatcher:
        return WordMatcher(self.unit_name_suffixes, anchor="end")

    @cached_property
    def placeholder_names(self) -> frozenset[str]:
        return frozenset(WordMatcher._key(name) for name in self.person_placeholder_names)

    @cached_property
    def placeholder_title(self) -> re.Pattern[str]:
        titles = "|".join(re.escape(t) for t in sorted(self.person_placeholder_titles, key=len, reverse=True))
        return re.compile(rf"[{CJK}]{{1,2}}(?:{titles or '(?!)'})")

    @cached_property
    def placeholder_latin_title(self) -> re.Pattern[str]:
        """A form of address, with or without its dot, before a name: "Mr. Wang", "MISS LI", "Mr Wang"."""
        titles = "|".join(re.escape(t.rstrip(".")) for t in
                          sorted(self.person_placeholder_latin_titles, key=len, reverse=True))
        return re.compile(rf"\s*(?:{titles or '(?!)'})(?:\.\s*|\s+)(?=[^\W\d_])", re.IGNORECASE)

    @cached_property
    def placeholder_word(self) -> WordMatcher:
        return WordMatcher(self.person_placeholder_words)

    @cached_property
    def address_marker(self) -> WordMatcher:
        return WordMatcher(self.address_markers)


def _word_tuple(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(w, str) and w.strip() for w in value):
        raise ValueError(f"{name} must be a list of non-empty strings")
    return tuple(word.strip() for word in value)


@cache
def _default_data() -> dict[str, Any]:
    return json.loads(files("beian.rules").joinpath("data/keywords.json").read_text("utf-8"))


@cache
def _defaults() -> Keywords:
    return Keywords.from_dict({})
