from django.core.management.base import BaseCommand, CommandError

from audit.person_data import person_anonymise
from cases.errors import DomainError
from cases.models import Detainee


class Command(BaseCommand):
    help = (
        "Anonymises one detainee on request: names, identifiers, date of birth, free text "
        "and history replaced; statistics kept. The act is audited with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("detainee_id", type=int)
        parser.add_argument("--reason", required=True, help="Why: kept in the audit log")

    def handle(self, *args, detainee_id: int, reason: str, **options):
        detainee = Detainee.all_objects.filter(pk=detainee_id).first()
        if detainee is None:
            raise CommandError(f"No detainee has the id {detainee_id}.")
        try:
            detainee = person_anonymise(detainee=detainee, user=None, reason=reason)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Detainee {detainee.pk} is now {detainee.full_name!r}.")
