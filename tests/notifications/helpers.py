"""Shared bits of the notifications tests."""

# The context of the verification_code template.
VERIFICATION = {"code": "123456", "purpose": "注册账号", "minutes": 10}
