from __future__ import annotations

import pytest

from beian.rules.phones import classify_phone, is_fake_phone, is_valid_mobile, is_valid_office_phone


@pytest.mark.parametrize("number", [
    "010-62345678", "0571-8888 1234", "(010)62345678", "+86 10 6234 5678", "0086-10-62345678",
    "010-62345678-8001", "010-62345678转8001", "（０１０）６２３４５６７８", "13800138000",
    "+86 138 0013 8000",
])
def test_valid_office_phones(number: str):
    assert is_valid_office_phone(number)
    assert classify_phone(number, mobile=False) is None


@pytest.mark.parametrize("number", ["010-1234", "62345678", "400-820-8820", "+852 2812 3456", "tel 010", ""])
def test_invalid_office_phones(number: str):
    assert classify_phone(number, mobile=False) == "invalid"


@pytest.mark.parametrize("number", ["13800138000", "+86 138 0013 8000", "86 13800138000", "19912345670",
                                    "17012345670", "138 0013 8000"])
def test_valid_mobiles(number: str):
    assert is_valid_mobile(number)
    assert classify_phone(number, mobile=True) is None


@pytest.mark.parametrize("number", ["12912345670", "1380013800", "010-62345678", "+852 6123 4560", "手机"])
def test_invalid_mobiles(number: str):
    assert classify_phone(number, mobile=True) == "invalid"


@pytest.mark.parametrize("number", [
    "010-00000000", "021-88888888", "0571-66666666", "010-12345678", "020-87654321", "13333333333",
    "12345678901", "13812345678", "15898765432", "88888888", "98765432109",
])
def test_fake_numbers(number: str):
    assert is_fake_phone(number)


@pytest.mark.parametrize("number", ["010-62345678", "021-88886666", "13800138000", "0571-88881234",
                                    "13912341234", "010-12345679"])
def test_real_looking_numbers(number: str):
    assert not is_fake_phone(number)


def test_fake_wins_over_invalid_for_mobiles():
    # 12345678901 is no mobile number at all, but "enter a real number" is the useful message.
    assert classify_phone("12345678901", mobile=True) == "fake"
