from django.conf import settings
from django.core.management.base import BaseCommand

from languages.catalogues import compile_catalogues


class Command(BaseCommand):
    help = "Compile the interface's message catalogues (.po to .mo) without GNU gettext."

    def handle(self, *args, **options):
        written = compile_catalogues(settings.LOCALE_PATHS)
        for mo in written:
            self.stdout.write(f"compiled {mo}")
        if not written:
            self.stdout.write("catalogues are up to date")
