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


def send_registration_attempt_sms(*, phone: str, owner, language: str | None = None) -> None:
    """To the holder of a mobile number that someone used to register again (instead of a code:
    the visitor is not told that the number already has an account)."""
    _notifications().send_sms(to=phone, template="registration_attempt", context={}, user=owner,
                              language=language)


def send_registration_attempt_email(*, email: str, owner, language: str | None = None) -> None:
    """To the holder of an e-mail address that someone used to register again."""
    _notifications().send_email(to=email, template="registration_attempt_email",
                                context={"real_name": owner.real_name},
                                language=owner.language or language)


def alert_administrator(*, user, template: str, context: dict) -> None:
    """A system message to an administrator, and the same text by e-mail when the account has an address."""
    notifications = _notifications()
    message = notifications.post_system_message(user=user, template=template, context=context)
    if user.email:
        notifications.send_email(to=user.email, template="administrator_alert",
                                 context={"subject": message.subject, "body": message.body},
                                 language=user.language or None)
