"""The one way for an app to offer something to an app below it that asks "who can do or answer this?"
(ADR 0106). The lower app owns a Registry and looks entries up by key; each app above registers its
entries in its AppConfig.ready(), so the lower app never imports the apps that plug into it.

For "this happened" (a lower app announces, apps above react) use a Django signal instead.
"""

from collections.abc import Iterator
from typing import Generic, TypeVar

Entry = TypeVar("Entry")


class Registry(Generic[Entry]):
    """Entries by key, in the order they were registered. Registering a key again replaces its entry
    (AppConfig.ready() may run more than once, e.g. in tests), so registration is idempotent."""

    def __init__(self, name: str):
        self.name = name  # what is registered, for error messages: "review kinds"
        self._entries: dict[str, Entry] = {}

    def register(self, key: str, entry: Entry) -> None:
        self._entries[str(key)] = entry

    def get(self, key: str) -> Entry | None:
        return self._entries.get(str(key))

    def __getitem__(self, key: str) -> Entry:
        try:
            return self._entries[str(key)]
        except KeyError:
            raise KeyError(f"nothing registered as {key!r} in {self.name}; registered: "
                           f"{', '.join(self._entries) or 'none'}") from None

    def __contains__(self, key: object) -> bool:
        return str(key) in self._entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(list(self._entries.values()))

    def keys(self) -> list[str]:
        return list(self._entries)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {', '.join(self._entries) or 'empty'}>"
