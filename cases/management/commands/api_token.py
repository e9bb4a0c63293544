from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cases.errors import DomainError
from config.api import token_issue, token_revoke


class Command(BaseCommand):
    help = (
        "Issues or revokes a user's API token. `issue` prints a new token and makes any "
        "earlier one stop working; `revoke` removes it."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["issue", "revoke"])
        parser.add_argument("username")

    def handle(self, *args, action: str, username: str, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as exc:
            raise CommandError(f"No user is called {username!r}.") from exc
        if action == "issue":
            try:
                token = token_issue(user=user)
            except DomainError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(token.key)
            return
        if token_revoke(user=user):
            self.stdout.write(f"Revoked the API token of {username}.")
        else:
            self.stdout.write(f"{username} had no API token.")
