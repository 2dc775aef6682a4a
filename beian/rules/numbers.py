"""ICP record numbers (MIIT) and public-security record numbers (公网安备号).

Both parsers are tolerant of what people paste (full-width digits, spaces, a missing 号) and
strict about what matters (the digits, the province abbreviation).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Province:
    prefix: str  # first two digits of a division code
    record: str  # abbreviation in record numbers, e.g. 川
    icp: tuple[str, ...]  # abbreviations accepted in ICP numbers, e.g. 蜀, 川


@cache
def provinces() -> dict[str, Province]:
    data = json.loads(files("beian.rules").joinpath("data/provinces.json").read_text("utf-8"))
    return {prefix: Province(prefix, row["record"], tuple(row["icp"]))
            for prefix, row in data.items() if not prefix.startswith("_")}


@cache
def _icp_regex() -> re.Pattern[str]:
    abbreviations = "".join(sorted({a for p in provinces().values() for a in p.icp}))
    return re.compile(rf"(?P<abbreviation>[{abbreviations}])ICP备(?P<digits>\d{{8}}|\d{{10}})号"
                      rf"(?:-(?P<site>[1-9]\d{{0,3}}))?", re.ASCII)


@cache
def _record_regex() -> re.Pattern[str]:
    abbreviations = "".join(sorted({p.record for p in provinces().values()}))
    return re.compile(rf"(?:(?P<abbreviation>[{abbreviations}])?公网安备)?(?P<digits>\d{{14}})号?", re.ASCII)


def _compact(text: str) -> str:
    """Full-width → ASCII, no whitespace, dashes unified."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text).replace("—", "-").replace("－", "-")


@dataclass(frozen=True)
class ICPNumber:
    province: str  # division prefix, e.g. "51"
    abbreviation: str  # as written, e.g. 蜀
    digits: str
    site: int | None  # the website's serial after the dash

    def __str__(self) -> str:
        suffix = f"-{self.site}" if self.site is not None else ""
        return f"{self.abbreviation}ICP备{self.digits}号{suffix}"


def parse_icp_number(text: str) -> ICPNumber | None:
    """`<province>ICP备<8 or 10 digits>号` optionally `-<n>`; both public-security and MIIT
    abbreviations are accepted (川/蜀, 贵/黔, 甘/陇, 滇/云). 'icp' in lower case is tolerated; an
    ICP licence (ICP证) is not a record number and is refused."""
    compact = _compact(text).replace("icp", "ICP").replace("Icp", "ICP")
    match = _icp_regex().fullmatch(compact)
    if match is None:
        return None
    abbreviation = match["abbreviation"]
    province = next(p.prefix for p in provinces().values() if abbreviation in p.icp)
    site = int(match["site"]) if match["site"] else None
    return ICPNumber(province, abbreviation, match["digits"], site)


def parse_record_number(text: str) -> str | None:
    """The 14 digits of a public-security record number such as `京公网安备 11010502030143号`.
    The prefix and 号 may be missing; full-width digits and spaces are fine. None when the digits
    are not 14, the first two digits are not a province, or the abbreviation contradicts them."""
    match = _record_regex().fullmatch(_compact(text))
    if match is None:
        return None
    digits = match["digits"]
    province = provinces().get(digits[:2])
    if province is None or (match["abbreviation"] and match["abbreviation"] != province.record):
        return None
    return digits


def format_record_number(digits: str) -> str:
    """`11010502030143` → `京公网安备 11010502030143号`. ValueError for anything but 14 digits of a
    known province."""
    if not (isinstance(digits, str) and len(digits) == 14 and digits.isascii() and digits.isdigit()):
        raise ValueError("a record number has 14 digits")
    province = provinces().get(digits[:2])
    if province is None:
        raise ValueError(f"no province abbreviation for division prefix {digits[:2]}")
    return f"{province.record}公网安备 {digits}号"
