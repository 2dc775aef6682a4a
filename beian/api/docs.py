"""The interactive API documentation (/api/v1/docs): django-ninja's Swagger UI, made accessible.

Deep links are off: with them, Swagger UI puts a link inside each operation's expand button (nested
interactive controls, which a screen reader cannot operate). The template adds the page language and
a stylesheet (api/docs.css) with AA colour contrast and rules for narrow screens."""

from ninja.openapi.docs import Swagger


class AccessibleSwagger(Swagger):
    template = "api/docs.html"

    def __init__(self):
        super().__init__(settings={"deepLinking": False})
