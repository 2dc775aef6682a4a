from __future__ import annotations

import pytest

from beian.rules import format_record_number, parse_icp_number, parse_record_number


@pytest.mark.parametrize(("text", "province", "digits", "site"), [
    ("京ICP备12345678号-1", "11", "12345678", 1),
    ("京ICP备12345678号", "11", "12345678", None),
    ("蜀ICP备2021012345号-3", "51", "2021012345", 3),
    ("川ICP备12345678号", "51", "12345678", None),
    ("黔ICP备12345678号", "52", "12345678", None),
    ("陇ICP备12345678号", "62", "12345678", None),
    ("云ICP备12345678号", "53", "12345678", None),
    ("滇ICP备12345678号", "53", "12345678", None),
    (" 浙 icp 备 １２３４５６７８ 号 － 12 ", "33", "12345678", 12),
])
def test_icp_numbers(text: str, province: str, digits: str, site: int | None):
    parsed = parse_icp_number(text)
    assert parsed is not None
    assert (parsed.province, parsed.digits, parsed.site) == (province, digits, site)


@pytest.mark.parametrize("text", [
    "京ICP证12345678号", "京ICP备1234567号", "京ICP备123456789号", "京ICP备12345678", "ICP备12345678号",
    "港ICP备12345678号", "京ICP备12345678号-0", "京ICP备12345678号-", "京公网安备 11010502030143号", "",
])
def test_invalid_icp_numbers(text: str):
    assert parse_icp_number(text) is None


def test_icp_number_round_trip():
    assert str(parse_icp_number("蜀 ICP备 12345678号-2")) == "蜀ICP备12345678号-2"


@pytest.mark.parametrize("text", [
    "京公网安备 11010502030143号", "京公网安备11010502030143号", "11010502030143", "公网安备11010502030143号",
    "１１０１０５０２０３０１４３", "11010502030143号", " 京公网安备 1101 0502 0301 43 号 ",
])
def test_parse_record_numbers(text: str):
    assert parse_record_number(text) == "11010502030143"


@pytest.mark.parametrize("text", [
    "沪公网安备 11010502030143号", "1101050203014", "110105020301431", "99010502030143",
    "京ICP备12345678号", "",
])
def test_unparseable_record_numbers(text: str):
    assert parse_record_number(text) is None


def test_format_record_numbers():
    assert format_record_number("11010502030143") == "京公网安备 11010502030143号"
    assert format_record_number("51010702000001") == "川公网安备 51010702000001号"  # 川, not the ICP 蜀
    assert format_record_number("61019702000001") == "陕公网安备 61019702000001号"  # police-only agency code
    assert parse_record_number(format_record_number("44030502000123")) == "44030502000123"
    for bad in ("1101050203014", "99010502030143", "1101050203014x"):
        with pytest.raises(ValueError):
            format_record_number(bad)
