"""Index the domains of websites filed before the public index existed."""

from django.db import migrations


def index_existing(apps, schema_editor):
    Website = apps.get_model("filings", "Website")
    PublicDomain = apps.get_model("public", "PublicDomain")
    rows = []
    for website in Website.objects.all().only("pk", "domains", "status").iterator(chunk_size=2000):
        seen = set()
        for position, domain in enumerate(website.domains or []):
            if domain and domain not in seen:
                seen.add(domain)
                rows.append(PublicDomain(domain=domain, website_id=website.pk, is_main=position == 0,
                                         filed=website.status == "filed"))
        if len(rows) >= 5000:
            PublicDomain.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    PublicDomain.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("public", "0001_initial")]

    operations = [migrations.RunPython(index_existing, migrations.RunPython.noop)]
