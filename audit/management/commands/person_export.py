import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from audit.person_data import person_export
from cases.models import Detainee


class Command(BaseCommand):
    help = "Prints (or writes) everything held about one detainee as JSON: a subject access export."

    def add_arguments(self, parser):
        parser.add_argument("detainee_id", type=int)
        parser.add_argument("--output", help="A file to write instead of printing")
        parser.add_argument("--reason", default="", help="Kept in the audit log")

    def handle(self, *args, detainee_id: int, output: str | None, reason: str, **options):
        detainee = Detainee.all_objects.filter(pk=detainee_id).first()
        if detainee is None:
            raise CommandError(f"No detainee has the id {detainee_id}.")
        data = person_export(detainee=detainee, user=None, reason=reason or "command line")
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Wrote {output}.")
        else:
            self.stdout.write(text)
