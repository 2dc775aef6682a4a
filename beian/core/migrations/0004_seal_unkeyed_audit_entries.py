"""Pin the entries written with the unkeyed SHA-256 scheme under one keyed entry (ADR 0097).

They cannot be re-chained: that would rewrite history and sign whatever had been changed before. So
they stay as they are, verify with the old scheme, and this one keyed "audit_chain_sealed" entry
names their count and last hash; from here on only keyed entries verify. Uses the AUDIT_KEY of the
settings the migration runs with: set the production key before migrating. Reversing leaves the seal
in place (the log is append-only)."""

from django.db import migrations


def seal(apps, schema_editor):
    from beian.core.audit import seal_unkeyed_entries

    seal_unkeyed_entries(apps.get_model("core", "AuditEntry"), apps.get_model("core", "AuditChainHead"))


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_audit_key_id_and_head_export"),
    ]

    operations = [
        migrations.RunPython(seal, migrations.RunPython.noop),
    ]
