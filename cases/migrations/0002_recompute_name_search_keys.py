"""Name keys are derived data: recompute them whenever the way they are built changes."""

from django.db import migrations

from cases.names import search_key


def recompute(apps, schema_editor):
    Detainee = apps.get_model("cases", "Detainee")
    NameVariant = apps.get_model("cases", "NameVariant")
    for detainee in Detainee.objects.only("full_name", "name_original_script").iterator():
        key = search_key(f"{detainee.full_name} {detainee.name_original_script}")
        Detainee.objects.filter(pk=detainee.pk).update(search_key=key)
    for variant in NameVariant.objects.only("name").iterator():
        NameVariant.objects.filter(pk=variant.pk).update(search_key=search_key(variant.name))


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_case_domain")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
