from django.core.management.base import BaseCommand
from django.db import transaction

from beian.filings.models import Website
from beian.public.models import PublicDomain
from beian.public.receivers import index_rows


class Command(BaseCommand):
    help = "Rebuild the public domain index (derived data) from the filed websites."

    def handle(self, *args, **options):
        with transaction.atomic():
            PublicDomain.objects.all().delete()
            rows, total = [], 0
            for website in Website.objects.only("pk", "domains", "status").iterator(chunk_size=5000):
                rows.extend(index_rows(website))
                if len(rows) >= 10000:
                    total += len(PublicDomain.objects.bulk_create(rows))
                    rows = []
            total += len(PublicDomain.objects.bulk_create(rows))
        self.stdout.write(f"{total} domain rows")
