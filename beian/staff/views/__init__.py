"""Thin views of the staff area; each file is one topic (home, second factor, accounts, audit log)."""
