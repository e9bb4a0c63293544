from django.conf import settings
from django.db import migrations


def add_default_rule(apps, schema_editor):
    rule = apps.get_model("casework", "CadenceRule")
    if not rule.objects.filter(priority="", country="", welfare_concern=False).exists():
        rule.objects.create(
            name="Everyone",
            first_contact_hours=settings.CADENCE_FIRST_CONTACT_HOURS,
            first_visit_days=settings.CADENCE_FIRST_VISIT_DAYS,
            visit_interval_days=settings.CONSULAR_VISIT_INTERVAL_DAYS,
            due_soon_days=settings.CADENCE_DUE_SOON_DAYS,
        )


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_cadence_tasks_assignment_reminders")]

    operations = [migrations.RunPython(add_default_rule, migrations.RunPython.noop)]
