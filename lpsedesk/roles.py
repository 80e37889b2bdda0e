"""Who can act in the product. Plain Python: the workflow and the web layer both use it."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Role(enum.StrEnum):
    HELPDESK = "helpdesk"
    KASUBAG = "kasubag"
    ADMIN = "admin"
    # Not held by people: a registered kiosk, and the server's own scheduled jobs.
    KIOSK = "kiosk"
    SYSTEM = "system"


STAFF_ROLES = (Role.HELPDESK, Role.KASUBAG, Role.ADMIN)


@dataclass(frozen=True)
class Actor:
    """Whoever makes a change: a staff user, a kiosk device or the system.

    `on_behalf_of` names the Kasubag when a delegate (Plh./Plt.) decides, so records say "a.n.".
    """

    kind: str  # "user", "kiosk" or "system"
    id: int | None
    label: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    on_behalf_of_id: int | None = None
    on_behalf_of_label: str | None = None

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def signature(self) -> str:
        """How a decision is signed: "Budi a.n. Bambang" for a Plh./Plt., the plain name otherwise."""
        if self.on_behalf_of_label:
            return f"{self.label} a.n. {self.on_behalf_of_label}"
        return self.label

    @property
    def user_id(self) -> int | None:
        return self.id if self.kind == "user" else None


SYSTEM_ACTOR = Actor(kind="system", id=None, label="system", roles=frozenset({Role.SYSTEM}))


def kiosk_actor(device_id: int, name: str) -> Actor:
    return Actor(kind="kiosk", id=device_id, label=name, roles=frozenset({Role.KIOSK}))
