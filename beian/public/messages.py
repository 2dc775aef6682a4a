"""Messages of the public records API (beian/api/public_register.py), kept in this app's catalog."""

from django.utils.translation import gettext as _


def not_a_record_number() -> str:
    return _("This is not a record number: it has 14 digits, optionally with the province prefix, "
             "e.g. 京公网安备 11010502030143号.")


def no_such_record(number: str) -> str:
    return _("No website has the record number %(number)s.") % {"number": number}


def not_a_domain() -> str:
    return _("This is not a domain name, e.g. example.cn.")
