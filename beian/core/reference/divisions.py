"""Administrative divisions: python-stdnum's GB/T 2260 table (stdnum/cn/loc.dat) as the history,
overlaid with the Ministry of Civil Affairs' current list (current_list.py, ADR 0091).

The stdnum file lists each province, then every code below it with its name; a name may carry the
years it was valid, e.g. "[-2010]崇文区" (retired in 2010) or "[1983-]淄川区" (current), and a code
that was renamed lists every name: "[-1991]东郊区,[1992-]东丽区" (the last one is the latest).

Codes in the current list are in force, under the list's name; every other code is retired (kept,
inactive, so old records still show it), except groupings (市辖区, 县 …), which the list does not
name and which stay as long as their province or city does.
"""

import re
from dataclasses import dataclass
from importlib.resources import files

from pypinyin import lazy_pinyin

GROUPING_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位",
                  "自治区直辖县级行政单位"}
# Place names whose reading differs from the everyday one pypinyin picks.
READING_OVERRIDES = {"朝阳": "Chaoyang", "长安": "Chang'an", "六安": "Lu'an", "蚌埠": "Bengbu",
                     "番禺": "Panyu", "丽水": "Lishui", "铅山": "Yanshan", "乐亭": "Laoting"}
# stdnum's table writes a few names in traditional characters (香港特別行政區, 澳門特別行政區 and some
# retired districts such as 松嶺區); the platform shows simplified Chinese only. Every character of the
# table outside GB 2312 that has a simplified form is listed (鄠, 埇, 浉 … are simplified already).
TRADITIONAL_TO_SIMPLIFIED = str.maketrans("區別門達嶺稜員會", "区别门达岭棱员会")
_LINE = re.compile(r'^(?P<indent>\s*)(?P<code>\d+) (?P<kind>province|county)="(?P<name>[^"]*)"')
_YEARS = re.compile(r"^\[(?P<start>\d*)-(?P<end>\d*)\]")
_NAME_HISTORY_SEPARATOR = re.compile(r",(?=\[)")

# Longest suffix first, so 自治县 wins over 县.
_SUFFIXES_EN = [
    ("特别行政区", "Special Administrative Region"), ("自治区", "Autonomous Region"),
    ("自治州", "Autonomous Prefecture"), ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"), ("林区", "Forestry District"), ("新区", "New Area"),
    ("矿区", "Mining District"), ("特区", "Special District"), ("地区", "Prefecture"),
    ("省", "Province"), ("市", "City"), ("区", "District"), ("县", "County"), ("旗", "Banner"),
    ("盟", "League"),
]


@dataclass(frozen=True)
class DivisionRow:
    code: str
    name_zh: str
    name_en: str
    level: str
    parent_code: str | None
    active: bool
    is_grouping: bool
    # In force in stdnum's table but not in the current list: retired since that table was made
    # (2021 and later). Its agency is generated too, inactive, so records filed there before the
    # change — imported legacy records among them — keep their agency on a fresh installation.
    retired_recently: bool = False


def english_name(name_zh: str) -> str:
    for suffix, english in _SUFFIXES_EN:
        if name_zh.endswith(suffix) and len(name_zh) > len(suffix):
            return f"{_romanise(name_zh[: -len(suffix)])} {english}"
    return _romanise(name_zh)


def _romanise(stem: str) -> str:
    return READING_OVERRIDES.get(stem) or "".join(lazy_pinyin(stem)).capitalize()


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def _read_entries() -> dict[str, tuple[str, bool]]:
    """code → (name, active); a code listed twice keeps its current name."""
    text = files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    entries: dict[str, tuple[str, bool]] = {}
    province = ""
    for line in text.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        if match["kind"] == "province":
            province = match["code"]
            code = province + "0000"
        else:
            code = province + match["code"]
        name, active = _latest_name(match["name"].translate(TRADITIONAL_TO_SIMPLIFIED))
        if code not in entries or (active and not entries[code][1]):
            entries[code] = (name, active)
    return entries


def _latest_name(text: str) -> tuple[str, bool]:
    """(latest name, still in force) of a name with its history."""
    latest = _NAME_HISTORY_SEPARATOR.split(text)[-1]
    years = _YEARS.match(latest)
    if years is None:
        return latest, True
    return latest[years.end():], not years["end"]


def _merge(history: dict[str, tuple[str, bool]], current: dict[str, str]) -> dict[str, tuple]:
    """code → (name, active, is_grouping, retired_recently): the current list decides what is in
    force; the history keeps every other code readable."""
    merged = {}
    for code, (name, was_active) in history.items():
        if code in current:
            continue
        grouping = name in GROUPING_NAMES
        merged[code] = (name, was_active if grouping else False, grouping,
                        was_active and not grouping)
    for code, name in current.items():
        merged[code] = (name, True, False, False)
    for code, (name, active, grouping, recent) in merged.items():
        # A grouping of a province or city that is no longer in force is no longer in force either.
        parent = code[:2] + "0000" if level_of(code) == "prefecture" else code[:4] + "00"
        if grouping and active and parent in merged and not merged[parent][1]:
            merged[code] = (name, False, grouping, recent)
    return merged


def read_divisions(province_names_en: dict[str, str], current: dict[str, str]) -> list[DivisionRow]:
    """Every division the platform knows: the history merged with the current list (code → name)."""
    entries = _merge(_read_entries(), current)
    rows = []
    for code, (name, active, grouping, recent) in sorted(entries.items()):
        level = level_of(code)
        if level == "province":
            parent = None
            name_en = province_names_en.get(code[:2]) or english_name(name)
        elif level == "prefecture":
            parent = code[:2] + "0000"
            name_en = english_name(name)
        else:
            prefecture = code[:4] + "00"
            parent = prefecture if prefecture in entries else code[:2] + "0000"
            name_en = english_name(name)
        rows.append(DivisionRow(code, name, name_en, level, parent, active, grouping, recent))
    return rows
