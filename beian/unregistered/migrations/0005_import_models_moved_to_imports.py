"""ApiToken and ImportRun now belong to beian.imports (its 0001 takes them over with their tables):
this app forgets them in Django's state only, the tables and their rows stay (ADR 0105)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('unregistered', '0004_encrypt_queued_import_files'),
        ('imports', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='ApiToken'),
            migrations.DeleteModel(name='ImportRun'),
        ]),
    ]
