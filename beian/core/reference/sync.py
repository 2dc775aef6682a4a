"""Bring the division and agency tables to a list of divisions, and say what changed (ADR 0091).

Idempotent: a second run with the same list writes nothing and reports nothing. Nothing is deleted:
a retired division — any code the list does not have, also one an earlier list added — stays
(inactive) with its generated agency (inactive), so old records keep both.
An agency's code is never changed here (administrators may have changed it); a new division whose
code is already an agency's code gets no agency and is reported, for an administrator to settle.
"""

from dataclasses import dataclass, field

from beian.core.models import Agency, Division
from beian.core.reference.agencies import AgencyRow, generate_agencies
from beian.core.reference.divisions import DivisionRow

_DIVISION_FIELDS = ("name_zh", "name_en", "level", "parent_id", "active", "is_grouping")


@dataclass
class DivisionChanges:
    added: list[DivisionRow] = field(default_factory=list)
    retired: list[DivisionRow] = field(default_factory=list)
    reactivated: list[DivisionRow] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # code, old name, new name
    other_updates: int = 0  # English names, parents, grouping flags
    agencies_added: list[AgencyRow] = field(default_factory=list)
    agencies_retired: list[str] = field(default_factory=list)  # names
    agencies_reactivated: list[str] = field(default_factory=list)
    agencies_renamed: int = 0
    agencies_moved: int = 0  # parent agency changed
    agency_codes_taken: list[tuple[AgencyRow, str]] = field(default_factory=list)  # row, holder

    def __bool__(self) -> bool:
        return any((self.added, self.retired, self.reactivated, self.renamed, self.other_updates,
                    self.agencies_added, self.agencies_retired, self.agencies_reactivated,
                    self.agencies_renamed, self.agencies_moved, self.agency_codes_taken))


def sync_divisions(rows: list[DivisionRow], *, municipalities: set[str],
                   provinces_with_agencies: set[str]) -> DivisionChanges:
    """Write `rows` (history merged with the current list) and their generated agencies.
    Call inside a transaction."""
    changes = DivisionChanges()
    reactivated = _sync_division_rows(rows, changes)
    agency_rows = generate_agencies(rows, municipalities, provinces_with_agencies)
    _sync_agencies(agency_rows, reactivated, changes)
    return changes


def _sync_division_rows(rows: list[DivisionRow], changes: DivisionChanges) -> set[str]:
    before = Division.objects.in_bulk()
    new, changed = [], []
    for row in rows:
        values = {"name_zh": row.name_zh, "name_en": row.name_en, "level": row.level,
                  "parent_id": row.parent_code, "active": row.active, "is_grouping": row.is_grouping}
        division = before.get(row.code)
        if division is None:
            new.append(Division(code=row.code, **values))
            changes.added.append(row)
            continue
        if all(getattr(division, key) == value for key, value in values.items()):
            continue
        renamed = division.name_zh != row.name_zh
        if renamed:
            changes.renamed.append((row.code, division.name_zh, row.name_zh))
        if division.active and not row.active:
            changes.retired.append(row)
        elif row.active and not division.active:
            changes.reactivated.append(row)
        elif not renamed:
            changes.other_updates += 1
        for key, value in values.items():
            setattr(division, key, value)
        changed.append(division)
    # A code neither list knows (added by an earlier list, or by hand) is not in force either.
    listed = {row.code for row in rows}
    for code, division in before.items():
        if code not in listed and division.active and not division.is_grouping:
            division.active = False
            changed.append(division)
            changes.retired.append(DivisionRow(code, division.name_zh, division.name_en,
                                               division.level, division.parent_id, False, False))
    # Parents before children is not needed: the foreign key is checked at commit.
    Division.objects.bulk_create(new, batch_size=1000)
    Division.objects.bulk_update(changed, list(_DIVISION_FIELDS), batch_size=1000)
    return {row.code for row in changes.reactivated}


def _sync_agencies(rows: list[AgencyRow], reactivated_divisions: set[str],
                   changes: DivisionChanges) -> None:
    existing = {agency.division_id: agency for agency in Agency.objects.filter(generated=True)}
    holders = dict(Agency.objects.values_list("code", "name_zh"))
    new, changed = [], []
    for row in rows:
        agency = existing.get(row.division_code)
        if agency is None:
            if row.code in holders:
                changes.agency_codes_taken.append((row, holders[row.code]))
                continue
            new.append(Agency(code=row.code, division_id=row.division_code, level=row.level,
                              name_zh=row.name_zh, name_en=row.name_en, active=row.active,
                              generated=True))
            holders[row.code] = row.name_zh
            changes.agencies_added.append(row)
            continue
        before = (agency.name_zh, agency.name_en, agency.active)
        if (agency.name_zh, agency.name_en) != (row.name_zh, row.name_en):
            agency.name_zh, agency.name_en = row.name_zh, row.name_en
            changes.agencies_renamed += 1
        if agency.active and not row.active:
            agency.active = False
            changes.agencies_retired.append(agency.name_zh)
        elif row.active and not agency.active and row.division_code in reactivated_divisions:
            # Only with its division: an agency an administrator closed stays closed.
            agency.active = True
            changes.agencies_reactivated.append(agency.name_zh)
        if (agency.name_zh, agency.name_en, agency.active) != before:
            changed.append(agency)
    Agency.objects.bulk_create(new, batch_size=1000)
    Agency.objects.bulk_update(changed, ["name_zh", "name_en", "active"], batch_size=1000)
    # A division that became a grouping, or an older retirement: its agency stays, inactive.
    orphaned = Agency.objects.filter(generated=True, active=True).exclude(
        division_id__in=[row.division_code for row in rows])
    changes.agencies_retired += list(orphaned.values_list("name_zh", flat=True))
    orphaned.update(active=False)
    _sync_parents(rows, changes)


def _sync_parents(rows: list[AgencyRow], changes: DivisionChanges) -> None:
    by_division = dict(Agency.objects.filter(generated=True).values_list("division_id", "id"))
    parent_division = {row.division_code: row.parent_code for row in rows}
    moved = []
    for agency in Agency.objects.filter(generated=True).only("id", "division_id", "parent_id"):
        if agency.division_id not in parent_division:
            continue  # an older retirement keeps the parent it had
        parent_id = by_division.get(parent_division[agency.division_id])
        if agency.parent_id != parent_id:
            agency.parent_id = parent_id
            moved.append(agency)
    Agency.objects.bulk_update(moved, ["parent"], batch_size=1000)
    changes.agencies_moved = len(moved)
