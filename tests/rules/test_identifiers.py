"""Certificate numbers of SPEC §3, with hypothesis properties for the check characters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beian.rules import identifiers as ids

from .samples import (
    ENTERPRISE_USCC,
    MILITARY_USCC,
    ORG_CODE_ALPHABET,
    PERSON_ID,
    TODAY,
    USCC_ALPHABET,
    business_license,
    org_code_check,
    resident_id,
    uscc,
)

DIGITS = "0123456789"
KNOWN_REGIONS = ["110105", "310104", "330106", "440305", "510107", "650102", "110103"]


# --- unified social credit code -----------------------------------------------------------------

def test_uscc_examples():
    assert ids.is_valid_uscc("91110000600037341L")  # python-stdnum's own example
    assert ids.is_valid_uscc(" 9133 0106 MA2C XY7A 0r ")  # spaces, lower case
    assert ids.is_valid_uscc(MILITARY_USCC)  # A…: stdnum refuses, GB 32100 allows
    assert ids.is_valid_uscc(uscc("N2330106", "MA2CXY7A"))
    assert ids.is_valid_uscc(uscc("Y1330106", "MA2CXY7A"))
    assert not ids.is_valid_uscc(uscc("B1330106", "MA2CXY7A"))  # B is no registration authority
    assert not ids.is_valid_uscc(uscc("A133010X", "MA2CXY7A"))  # division code must be digits
    assert not ids.is_valid_uscc(ENTERPRISE_USCC[:-1])
    assert not ids.is_valid_uscc("")


def test_uscc_embedded_organisation_code_is_checked():
    body = "91330106" + "MA2CXY7A" + ("1" if org_code_check("MA2CXY7A") != "1" else "2")
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, weights, strict=True))
    check = USCC_ALPHABET[(31 - total % 31) % 31]
    assert not ids.is_valid_uscc(body + check)  # the mod-31 check passes, the mod-11 one does not


def test_uscc_category_settles_the_sponsor_type():
    assert ids.sponsor_type_for_uscc(ENTERPRISE_USCC) == "enterprise"
    assert ids.sponsor_type_for_uscc(MILITARY_USCC) == "military"
    assert ids.sponsor_type_for_uscc(uscc("31330106", "MA2CXY7A")) is None  # law firm: settles nothing
    for category, sponsor_type in [("11", "government"), ("12", "institution"), ("13", "social_organization"),
                                   ("51", "social_organization"), ("93", "enterprise")]:
        assert ids.sponsor_type_for_uscc(uscc(category + "330106", "MA2CXY7A")) == sponsor_type


uscc_first8 = st.builds(lambda a, c, d: a + c + d, st.sampled_from("123456789ANY"),
                        st.sampled_from("123456789"), st.text(DIGITS, min_size=6, max_size=6))
uscc_org_body = st.text(USCC_ALPHABET, min_size=8, max_size=8)


@given(uscc_first8, uscc_org_body)
def test_every_generated_uscc_is_valid(first8: str, org_body: str):
    assert ids.is_valid_uscc(uscc(first8, org_body))


@given(uscc_first8, uscc_org_body, st.integers(0, 17), st.sampled_from(USCC_ALPHABET))
def test_changing_one_uscc_character_is_detected(first8: str, org_body: str, position: int, new: str):
    code = uscc(first8, org_body)
    if code[position] == new:
        new = USCC_ALPHABET[(USCC_ALPHABET.index(new) + 1) % len(USCC_ALPHABET)]
    assert not ids.is_valid_uscc(code[:position] + new + code[position + 1:])


# --- organisation code ----------------------------------------------------------------------------

def test_org_code_examples():
    assert ids.is_valid_org_code("60003734-1")
    assert ids.is_valid_org_code("600037341")
    assert ids.format_org_code("600037341") == "60003734-1"
    assert not ids.is_valid_org_code("60003734-2")
    assert org_code_check("00000006") == "X" and ids.is_valid_org_code("00000006-X")
    assert org_code_check("00000000") == "0" and ids.is_valid_org_code("00000000-0")


org_body = st.text(ORG_CODE_ALPHABET, min_size=8, max_size=8)


@given(org_body)
def test_every_generated_org_code_is_valid(body: str):
    assert ids.is_valid_org_code(f"{body}-{org_code_check(body)}")


@given(st.text(DIGITS, min_size=8, max_size=8), st.integers(0, 8), st.integers(1, 10))
def test_changing_one_org_code_character_is_detected(body: str, position: int, shift: int):
    # Mod 11 detects every change of a body digit to another digit and every change of the check
    # character; a letter whose value differs by 11 (0 → B) would pass, as GB 11714 accepts.
    code = body + org_code_check(body)
    alphabet = DIGITS + "X" if position == 8 else DIGITS
    old = alphabet.index(code[position])
    new = alphabet[(old + 1 + shift % (len(alphabet) - 1)) % len(alphabet)]
    assert new != code[position]
    assert not ids.is_valid_org_code(code[:position] + new + code[position + 1:])


# --- resident ID and friends ---------------------------------------------------------------------

def test_resident_id_examples():
    assert ids.is_valid_resident_id(PERSON_ID, today=TODAY)
    assert ids.is_valid_resident_id("11010519491231002x", today=TODAY)  # lower-case x
    assert not ids.is_valid_resident_id(resident_id("11010519490231002"), today=TODAY)  # 31 February
    future = resident_id("110105" + (TODAY + timedelta(days=1)).strftime("%Y%m%d") + "002")
    assert not ids.is_valid_resident_id(future, today=TODAY)
    assert ids.is_valid_resident_id(resident_id("99010119800101123"), today=TODAY)  # region is a warning only
    assert not ids.is_valid_resident_id(resident_id("11010518991231002"), today=TODAY)  # before 1900


def test_legacy_15_digit_resident_id():
    assert ids.is_valid_resident_id("110105491231002", today=TODAY)
    assert not ids.is_valid_resident_id("110105491331002", today=TODAY)  # month 13
    assert not ids.is_valid_resident_id("110105491231002", today=TODAY, allow_legacy=False)


def test_known_regions_come_from_the_division_table():
    assert ids.is_known_region("110105")
    assert ids.is_known_region("110103")  # 崇文区, retired in 2010: still a real code
    assert not ids.is_known_region("990101")
    assert not ids.is_known_region("11010")


resident_first17 = st.builds(
    lambda region, born, serial: region + born.strftime("%Y%m%d") + serial,
    st.sampled_from(KNOWN_REGIONS), st.dates(date(1900, 1, 1), TODAY),
    st.text(DIGITS, min_size=3, max_size=3))


@given(resident_first17)
def test_every_generated_resident_id_is_valid(first17: str):
    assert ids.is_valid_resident_id(resident_id(first17), today=TODAY)


@given(resident_first17, st.integers(0, 17), st.integers(1, 10))
def test_changing_one_resident_id_character_is_detected(first17: str, position: int, shift: int):
    number = resident_id(first17)
    alphabet = DIGITS + "X" if position == 17 else DIGITS
    old = alphabet.index(number[position])
    new = alphabet[(old + 1 + shift % (len(alphabet) - 1)) % len(alphabet)]
    assert new != number[position]
    assert not ids.is_valid_resident_id(number[:position] + new + number[position + 1:], today=TODAY)


def test_hmt_residence_permit():
    assert ids.is_valid_hmt_residence_permit(resident_id("81000019900101123"), today=TODAY)
    assert ids.is_valid_hmt_residence_permit(resident_id("83000019900101123"), today=TODAY)
    assert not ids.is_valid_hmt_residence_permit(resident_id("11010519900101123"), today=TODAY)
    assert not ids.is_valid_hmt_residence_permit("810000900101123", today=TODAY)  # no legacy form


def test_foreign_permanent_id():
    assert ids.is_valid_foreign_permanent_id("USA330619800101")  # legacy: 3 letters + 12 digits
    assert ids.is_valid_foreign_permanent_id(resident_id("93311004198001011"))
    assert not ids.is_valid_foreign_permanent_id(resident_id("13311004198001011"))
    assert not ids.is_valid_foreign_permanent_id("US3306198001011")


@pytest.mark.parametrize(("certificate_type", "good", "bad"), [
    ("passport", "E12345678", "E123"),
    ("passport", "g 1234 5678", "E12345678901234567"),
    ("hk_macao_permit", "H12345678", "K12345678"),
    ("hk_macao_permit", "M1234567890", "M123456789"),
    ("taiwan_permit", "12345678", "1234567"),
    ("taiwan_permit", "1234567890B", "1234567890"),
    ("military_code", "12345", "123"),
    ("military_code", MILITARY_USCC, ENTERPRISE_USCC),
    ("business_license", business_license("11010800000001"), "110108000000017"),
    ("institution_certificate", "112233445566", "11223344556"),
    ("social_org_certificate", "社证字第1234号", "社证"),
    ("org_code", "60003734-1", "60003734-X"),
])
def test_other_documents(certificate_type: str, good: str, bad: str):
    assert ids.is_valid_certificate(certificate_type, good, today=TODAY)
    assert not ids.is_valid_certificate(certificate_type, bad, today=TODAY)


def test_full_width_input_is_normalised():
    full_width = PERSON_ID.translate({ord(c): ord(c) + 0xFEE0 for c in DIGITS})
    assert ids.is_valid_resident_id(full_width, today=TODAY)
    assert ids.normalize_certificate_number(" 6000 3734-1 ") == "600037341"
