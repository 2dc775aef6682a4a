import pytest

from beian.core import pii


def test_encryption_round_trip_and_no_plaintext_in_the_token():
    token = pii.encrypt("11010519491231002X")
    assert "1101" not in token
    assert pii.decrypt(token) == "11010519491231002X"


def test_tokens_differ_each_time_but_search_hash_is_stable_and_normalised():
    assert pii.encrypt("123") != pii.encrypt("123")
    assert pii.search_hash("resident_id", "11010519491231002x") == \
        pii.search_hash("resident_id", " 110105 19491231 002X")
    assert pii.search_hash("resident_id", "E12345678") != pii.search_hash("passport", "E12345678")


def test_another_key_cannot_decrypt_or_match(settings):
    token = pii.encrypt("11010519491231002X")
    digest = pii.search_hash("resident_id", "11010519491231002X")
    settings.PII_KEYS = (("other", "another-key-entirely"),)
    with pytest.raises(pii.PiiDecryptionError):
        pii.decrypt(token)
    assert pii.search_hash("resident_id", "11010519491231002X") != digest


def test_the_newest_key_encrypts_and_every_key_decrypts_and_matches(settings):
    settings.PII_KEYS = (("1", "the-first-secret"),)
    old_token = pii.encrypt("11010519491231002X")
    old_hash = pii.search_hash("resident_id", "11010519491231002X")
    settings.PII_KEYS = (("2", "the-second-secret"), ("1", "the-first-secret"))
    new_token = pii.encrypt("11010519491231002X")
    assert pii.decrypt(old_token) == pii.decrypt(new_token) == "11010519491231002X"
    assert pii.is_on_newest_key(new_token.encode()) and not pii.is_on_newest_key(old_token.encode())
    assert pii.is_on_newest_key(pii.rotate_token(old_token).encode())
    hashes = pii.search_hashes("resident_id", "11010519491231002X")
    assert hashes[1] == old_hash
    assert hashes[0] == pii.search_hash("resident_id", "11010519491231002X") != old_hash
    assert pii.sealed_hashes("resident_id", old_token) == hashes
    settings.PII_KEYS = (("2", "the-second-secret"),)
    with pytest.raises(pii.PiiDecryptionError):
        pii.decrypt(old_token)


@pytest.mark.parametrize(("number", "masked"), [
    ("11010519491231002X", "1101**********002X"),
    ("E12345678", "E123*5678"),
    ("H1234567", "H******7"),
    ("12", "**"),
    ("", ""),
])
def test_mask(number, masked):
    assert pii.mask(number) == masked
