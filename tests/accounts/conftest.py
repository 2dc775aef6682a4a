from tests.accounts.helpers import clock, fresh_cache, sent_codes, sent_emails  # noqa: F401 - fixtures
