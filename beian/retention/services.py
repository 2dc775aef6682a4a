"""Apply the retention rules (beian.retention.rules): delete or anonymise what is due, in batches.

Each batch is its own transaction: the rows are locked, checked to be still due, then deleted or
overwritten; their stored files are deleted from storage once the batch has committed (a rollback
keeps them). A run that stops halfway leaves whole batches done and the rest untouched; the next
run finishes it, because what is due stays due until acted on. Each rule writes one audit entry
(`retention_applied`) with its counts, also when the run stopped (then marked `interrupted`).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.private_files import delete_after_commit
from beian.retention.rules import RULES, Action, Rule


@dataclass
class RuleOutcome:
    rule: Rule
    cutoff: datetime.datetime
    due: int = 0
    ids: list = field(default_factory=list)  # dry run with ids: what would go
    deleted: int = 0
    anonymised: int = 0
    files_deleted: int = 0
    kept: int = 0  # due, but something still refers to it (deletion refused): tried again next run
    batches: int = 0
    interrupted: bool = False

    def counts(self) -> dict:
        return {"rule": self.rule.name, "action": self.rule.action.kind, "days": self.rule.days,
                "cutoff": self.cutoff.isoformat(), "due": self.due, "deleted": self.deleted,
                "anonymised": self.anonymised, "files_deleted": self.files_deleted, "kept": self.kept,
                "batches": self.batches, "interrupted": self.interrupted}


def rules_for(account=None) -> list[Rule]:
    """Every rule; for one account, the rules of data that belongs to an account."""
    return [rule for rule in RULES if account is None or rule.owner]


def plan_retention(*, now=None, account=None, with_ids: bool = False) -> list[RuleOutcome]:
    """What would go now, rule by rule (the dry run): counts, and the ids when asked."""
    now = now or timezone.now()
    outcomes = []
    for rule in rules_for(account):
        rows = rule.due_rows(now, account)
        outcome = RuleOutcome(rule=rule, cutoff=rule.cutoff(now), due=rows.count())
        if with_ids:
            outcome.ids = [str(pk) for pk in rows.order_by("pk").values_list("pk", flat=True)]
        outcomes.append(outcome)
    return outcomes


def apply_retention(*, now=None, dry_run: bool = False, batch_size: int | None = None, account=None,
                    actor=None) -> list[RuleOutcome]:
    """Delete or anonymise what is due under every rule (for one account only, when given)."""
    now = now or timezone.now()
    if dry_run:
        return plan_retention(now=now, account=account)
    batch_size = batch_size or settings.RETENTION_BATCH_SIZE
    return [_apply_rule(rule, now=now, batch_size=batch_size, account=account, actor=actor)
            for rule in rules_for(account)]


def _apply_rule(rule: Rule, *, now, batch_size: int, account, actor) -> RuleOutcome:
    outcome = RuleOutcome(rule=rule, cutoff=rule.cutoff(now))
    try:
        if rule.action.kind == Action.REPORT:
            outcome.due = rule.due_rows(now, account).count()
        else:
            _apply_in_batches(rule, outcome, now=now, batch_size=batch_size, account=account)
    except BaseException:
        outcome.interrupted = True
        _record(outcome, account=account, actor=actor)
        raise
    _record(outcome, account=account, actor=actor)
    return outcome


def _apply_in_batches(rule: Rule, outcome: RuleOutcome, *, now, batch_size: int, account) -> None:
    after = None  # the last primary key seen: rows kept by a refusal are not met again in this run
    while True:
        rows = rule.due_rows(now, account).order_by("pk")
        if after is not None:
            rows = rows.filter(pk__gt=after)
        ids = list(rows.values_list("pk", flat=True)[:batch_size])
        if not ids:
            return
        _apply_batch(rule, outcome, ids, now=now, account=account)
        after = ids[-1]


def _apply_batch(rule: Rule, outcome: RuleOutcome, ids: list, *, now, account) -> None:
    batch = RuleOutcome(rule=rule, cutoff=outcome.cutoff)  # counted in only once it has committed
    with transaction.atomic():
        model = rule.due_rows(now, account).model
        list(model.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
        rows = list(rule.due_rows(now, account).filter(pk__in=ids))  # still due, now that they are locked
        batch.due = len(rows)
        if rule.action.kind == Action.DELETE:
            _delete(rule, batch, rows)
        else:
            _anonymise(rule, batch, model, rows)
    for name in ("due", "deleted", "anonymised", "files_deleted", "kept"):
        setattr(outcome, name, getattr(outcome, name) + getattr(batch, name))
    outcome.batches += 1


def _delete(rule: Rule, outcome: RuleOutcome, rows: list) -> None:
    try:
        with transaction.atomic():
            _delete_rows(rule, outcome, rows)
    except (ProtectedError, RestrictedError):
        for row in rows:  # one by one: only the rows something still refers to stay
            try:
                with transaction.atomic():
                    _delete_rows(rule, outcome, [row])
            except (ProtectedError, RestrictedError):
                outcome.kept += 1


def _delete_rows(rule: Rule, outcome: RuleOutcome, rows: list) -> None:
    files = [stored for row in rows for stored in _stored_files(row, rule.action.files)]
    model = type(rows[0])
    _, per_model = model.objects.filter(pk__in=[row.pk for row in rows]).delete()
    outcome.deleted += per_model.get(model._meta.label, 0)
    for stored in files:
        delete_after_commit(stored)
    outcome.files_deleted += len(files)


def _anonymise(rule: Rule, outcome: RuleOutcome, model, rows: list) -> None:
    files = [stored for row in rows for stored in _stored_files(row, rule.action.files)]
    outcome.anonymised += model.objects.filter(pk__in=[row.pk for row in rows]).update(**rule.action.values)
    for stored in files:
        delete_after_commit(stored)
    outcome.files_deleted += len(files)


def _stored_files(row, paths: tuple[str, ...]) -> list:
    """The non-empty stored files of `row` named by `paths` ("field" or "relation.field")."""
    found = []
    for path in paths:
        relation, _, name = path.rpartition(".")
        owners = getattr(row, relation).all() if relation else [row]
        found += [getattr(owner, name) for owner in owners if getattr(owner, name)]
    return found


def _record(outcome: RuleOutcome, *, account, actor) -> None:
    details = outcome.counts()
    if account is not None:
        details["account"] = account.pk
    audit.record(actor=actor, action=AuditAction.RETENTION_APPLIED, details=details)
