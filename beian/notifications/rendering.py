"""Message texts are Django templates found through the normal template loaders, rendered as plain
text (no HTML escaping: an SMS must show `A&B`, not `A&amp;B`) in a given language.

Conventions (any app can ship its own templates under beian/<app>/templates/):
- `sms/<name>.txt`: the SMS text. Lines are stripped and joined, so templates may be laid out freely.
- `messages/<name>.txt` and `email/<name>.txt`: the first non-empty line is the subject, the rest
  the body.
"""

import functools
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template import Context, Engine, engines
from django.utils import translation


@functools.cache
def _plain_text_engine(base: Engine) -> Engine:
    # Same loaders and libraries as the site's engine, only without autoescaping.
    return Engine(dirs=base.dirs, loaders=base.loaders, libraries=base.libraries, debug=base.debug,
                  string_if_invalid=base.string_if_invalid, file_charset=base.file_charset,
                  autoescape=False)


def resolve_language(language: str | None) -> str:
    return language or translation.get_language() or settings.LANGUAGE_CODE


def language_for(user, language: str | None = None) -> str:
    """A message to an account is in the language the account chose last (accounts.User.language,
    ADR 0011), whoever's action sends it; otherwise as resolve_language."""
    return (getattr(user, "language", "") if user is not None else "") or resolve_language(language)


def plain_params(context: dict, language: str) -> dict:
    """The context as plain JSON values (lazy translations become text in `language`), for the provider."""
    with translation.override(language):
        return json.loads(json.dumps(context, cls=DjangoJSONEncoder, ensure_ascii=False))


def render_text(template_name: str, context: dict, language: str) -> str:
    with translation.override(language):
        engine = _plain_text_engine(engines["django"].engine)
        return engine.get_template(template_name).render(Context(context, autoescape=False))


def render_sms(name: str, context: dict, language: str) -> str:
    lines = [line.strip() for line in render_text(f"sms/{name}.txt", context, language).splitlines()]
    text = ""
    for line in filter(None, lines):
        # Chinese lines join directly; a space only where Latin text would run together.
        joiner = " " if text and text[-1].isascii() and line[0].isascii() else ""
        text += joiner + line
    return text


def render_subject_and_body(template_name: str, context: dict, language: str) -> tuple[str, str]:
    text = render_text(template_name, context, language).strip()
    subject, _, body = text.partition("\n")
    return subject.strip(), "\n".join(line.rstrip() for line in body.strip().splitlines())
