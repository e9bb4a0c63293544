"""`python manage.py extract_article --format jsonl FILE...`: the extractor, from manage.py.

A thin wrapper over the extractor's own command line; it reads files and prints JSON, and never
opens the database.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ingest.extractor import cli


class Command(BaseCommand):
    help = "Print draft detainee records for news article files, one JSON object per file."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        cli.add_arguments(parser)

    def handle(self, *args, **options) -> None:
        status = cli.run(options["files"], options["format"], self.stdout, self.stderr)
        if status:
            raise CommandError("some files could not be read", returncode=status)
