from pathlib import Path

from django.core.management.base import BaseCommand

from beian.public.badge_image import render_png

TARGET = Path(__file__).resolve().parents[2] / "static" / "public" / "badge-v1-20.png"


class Command(BaseCommand):
    help = "Draw the 20-pixel PNG badge (beian/public/static/public/badge-v1-20.png) with Pillow."

    def handle(self, *args, **options):
        TARGET.write_bytes(render_png(20))
        self.stdout.write(f"wrote {TARGET}")
