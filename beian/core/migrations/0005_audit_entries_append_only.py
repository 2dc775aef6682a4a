"""The database refuses UPDATE and DELETE of audit entries: triggers on PostgreSQL and SQLite
(beian.core.append_only, ADR 0097). Other databases are not supported by the platform."""

from django.db import migrations


def install(apps, schema_editor):
    from beian.core import append_only

    append_only.install(schema_editor.connection)


def remove(apps, schema_editor):
    from beian.core import append_only

    append_only.remove(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0004_seal_unkeyed_audit_entries"),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
