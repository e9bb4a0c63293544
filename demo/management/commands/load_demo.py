import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from cases import roles
from demo.caseload import generate_caseload
from demo.casework import load_casework
from demo.figures import load_official_figures
from demo.reported_cases import load_reported_cases
from stats.services import summaries_refresh

DEMO_USERS = {
    "admin": roles.ADMIN,
    "caseworker": roles.CASEWORKER,
    "reviewer": roles.REVIEWER,
    "viewer": roles.VIEWER,
}


class Command(BaseCommand):
    help = "Loads the reported cases, a generated caseload and demo logins. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300, help="generated detainees")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--no-users", action="store_true", help="create no demo logins")

    def handle(self, *args, count: int, seed: int, no_users: bool, **options):
        with transaction.atomic():
            reported = load_reported_cases()
            generated = generate_caseload(count, seed=seed, today=timezone.localdate())
            figures = load_official_figures()
        self.stdout.write(
            f"Demo data: {reported} reported detainees, {generated} generated ones and "
            f"{figures} official figures created (0 means they were there already)."
        )
        if not no_users:
            self._users()
            with transaction.atomic():
                handed = load_casework(today=timezone.localdate())
            if handed:
                self.stdout.write(f"Casework: {handed} held detainees handed to `caseworker`.")
        # The dashboard reads counted figures: count them now rather than at the next beat.
        summaries_refresh()

    def _users(self) -> None:
        roles.sync_role_groups()
        password = os.environ.get("DEMO_PASSWORD", "demo-password")
        User = get_user_model()
        lines = []
        for username, role in DEMO_USERS.items():
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
            # Everyone but viewers enters data in the admin too.
            user.is_staff = role != roles.VIEWER
            user.is_superuser = role == roles.ADMIN
            # The daily digest goes to an address (printed on the console by default).
            user.email = user.email or f"{username}@example.org"
            user.save()
            user.groups.add(Group.objects.get(name=role))
            lines.append(f"  {username:<11} {role:<11} {'(new) ' if created else ''}")
        self.stdout.write(f"Demo logins (password: {password} unless changed):")
        self.stdout.write("\n".join(lines))
