"""Fill ReviewItem.interactive (review 0003) for the queue rows of cancellations opened before it: a
cancellation is interactive when the filed website it cancels is."""

from django.db import migrations


def copy_interactive(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReviewItem = apps.get_model("review", "ReviewItem")
    CancellationApplication = apps.get_model("cancellations", "CancellationApplication")
    subject_type = ContentType.objects.filter(app_label="cancellations",
                                              model="cancellationapplication").first()
    if subject_type is None:  # a fresh database: no item yet
        return
    interactive_ids = CancellationApplication.objects.filter(website__interactive=True).values("pk")
    ReviewItem.objects.filter(subject_type=subject_type, subject_id__in=interactive_ids).update(
        interactive=True)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("cancellations", "0001_initial"),
        ("filings", "0007_review_items_interactive"),
        ("review", "0003_queue_interactive_and_saved_views"),
    ]

    operations = [migrations.RunPython(copy_interactive, migrations.RunPython.noop)]
