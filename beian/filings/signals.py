"""What other apps may react to, inside the transaction of the filings action that sends it.

`website_filed` — a new or claimed website was approved and has its record number. Sent with
application, website, actor and now, inside the approval's transaction: a receiver's writes commit
or roll back with the approval (the unregistered entry closes itself, a claimed legacy number becomes
an alias). Receivers must not do network work; they queue it with transaction.on_commit.
"""

from django.dispatch import Signal

website_filed = Signal()
