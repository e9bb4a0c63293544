"""Data first, then the rule: an extradition with a surrender date is surrendered, and
detainees recorded before dated reports get their current facility and country."""

from django.db import migrations, models


def surrender_dates_mean_surrendered(apps, schema_editor):
    """A recorded surrender date is the stronger evidence: its extradition was surrendered."""
    Extradition = apps.get_model("cases", "Extradition")
    Extradition.objects.filter(surrendered_on__isnull=False).exclude(status="surrendered").update(
        status="surrendered"
    )


def current_values_from_custody(apps, schema_editor):
    """Rows recorded before dated reports: the open custody period gives the current
    facility, and its country (else the only country with a case) the detaining country.
    Released people are held by no one."""
    Detainee = apps.get_model("cases", "Detainee")
    held = ("detained", "charged", "on_trial", "convicted", "extradition_pending")
    for detainee in Detainee.objects.filter(status__in=held).iterator():
        period = (
            detainee.custody_periods.filter(ended_on__isnull=True)
            .select_related("facility")
            .order_by(models.F("started_on").desc(nulls_last=True), "-id")
            .first()
        )
        countries = set(detainee.cases.values_list("country", flat=True))
        country = period.facility.country if period else ""
        if not country and len(countries) == 1:
            country = countries.pop()
        Detainee.objects.filter(pk=detainee.pk).update(
            current_facility=period.facility if period else None, detaining_country=country
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_dated_fact_reports"),
    ]

    operations = [
        migrations.RunPython(surrender_dates_mean_surrendered, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="extradition",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("surrendered_on__isnull", True), ("status", "surrendered"), _connector="OR"
                ),
                name="extradition_surrender_date_only_when_surrendered",
            ),
        ),
        migrations.RunPython(current_values_from_custody, migrations.RunPython.noop),
    ]
