"""Fill ReviewItem.interactive (review 0003) for the queue rows of website applications opened before it."""

from django.db import migrations


def copy_interactive(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReviewItem = apps.get_model("review", "ReviewItem")
    WebsiteApplication = apps.get_model("filings", "WebsiteApplication")
    subject_type = ContentType.objects.filter(app_label="filings", model="websiteapplication").first()
    if subject_type is None:  # a fresh database: no item yet
        return
    interactive_ids = WebsiteApplication.objects.filter(interactive=True).values("pk")
    ReviewItem.objects.filter(subject_type=subject_type, subject_id__in=interactive_ids).update(
        interactive=True)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("filings", "0006_encrypt_files_at_rest"),
        ("review", "0003_queue_interactive_and_saved_views"),
    ]

    operations = [migrations.RunPython(copy_interactive, migrations.RunPython.noop)]
