"""The two messages accounts send, through beian.notifications (stored in the outbox inside the
caller's transaction, delivered after commit). One place, so tests can watch what is sent."""

import importlib


def _notifications():
    # Imported on use: accounts must load (and sign people in) even while notifications is migrating.
    return importlib.import_module("beian.notifications.services")


def send_code_sms(*, phone: str, code: str, purpose_text: str, minutes: int, user=None,
                  language: str | None = None) -> None:
    _notifications().send_sms(to=phone, template="verification_code",
                              context={"code": code, "purpose": purpose_text, "minutes": minutes},
                              user=user, language=language)


def send_email_confirmation(*, email: str, real_name: str, link: str, days: int,
                            language: str | None = None) -> None:
    _notifications().send_email(to=email, template="confirm_email_address",
                                context={"real_name": real_name, "link": link, "days": days},
                                language=language)
