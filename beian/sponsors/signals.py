"""What other apps may react to, inside the transaction of the sponsors action that sends it.

`sponsor_entity_submitted` — a sponsor entity was submitted for its first review. Sent with entity,
actor and now, inside the submission's transaction: a receiver's writes commit or roll back with it
(websites found online and legacy records carrying the entity's certificate are pushed to its owner,
SPEC §4.7, §4.8). Receivers must not do network work; they queue it with transaction.on_commit.
"""

from django.dispatch import Signal

sponsor_entity_submitted = Signal()
