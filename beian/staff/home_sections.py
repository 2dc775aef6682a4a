"""The sections of the staff home page that other apps contribute (ADR 0111).

The staff app sits below the workbench apps (review, inspections): it may not import their
selectors. Instead each of them registers here, in its AppConfig.ready(), a section with the roles it
is for, the template that shows it and a function that reads its context through that app's own
selectors (always within the reader's jurisdiction). The home view only composes what applies to the
signed-in role, in the order of `position`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from beian.core.plugins import Registry


@dataclass(frozen=True)
class HomeSection:
    name: str
    roles: tuple[str, ...]
    template: str  # rendered with the context below as `section`
    context: Callable  # (user, today) -> dict; reads through the contributing app's selectors
    position: int = 100  # smaller first: what needs doing now comes before what is good to know


home_sections: Registry[HomeSection] = Registry("staff home sections")


def register(section: HomeSection) -> None:
    home_sections.register(section.name, section)


def sections_for(user, today) -> list[dict]:
    """[{"template": ..., "section": <its context>}] of every section for the user's role."""
    applicable = sorted((section for section in home_sections if user.role in section.roles),
                        key=lambda section: (section.position, section.name))
    return [{"name": section.name, "template": section.template, "section": section.context(user, today)}
            for section in applicable]
