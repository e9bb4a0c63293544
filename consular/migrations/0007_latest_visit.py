"""Each detainee's latest completed visit, kept by triggers on the visits table on every
write (`consular.models.LatestVisit`), filled from the visits on file."""

import django.db.models.deletion
from django.db import migrations, models


# A person's row, worked out anew from their live completed visits (none: no row).
_REFRESH = """
DELETE FROM consular_latestvisit WHERE detainee_id = {person};
INSERT INTO consular_latestvisit (detainee_id, dated_on, has_undated)
SELECT {person}, MAX(visited_on), MAX(CASE WHEN visited_on IS NULL THEN 1 ELSE 0 END) = 1
FROM consular_consularvisit
WHERE detainee_id = {person} AND outcome = 'completed' AND archived_at IS NULL
HAVING COUNT(*) > 0;
"""

# The columns a person's row is made of: an update that changes none of them leaves it.
_CHANGED = " OR ".join(
    f"OLD.{column} IS NOT NEW.{column}"
    for column in ("detainee_id", "outcome", "visited_on", "archived_at")
)

SQLITE_FORWARDS = [
    "CREATE TRIGGER consular_latest_visit_insert AFTER INSERT ON consular_consularvisit "
    f"BEGIN {_REFRESH.format(person='NEW.detainee_id')} END",
    "CREATE TRIGGER consular_latest_visit_delete AFTER DELETE ON consular_consularvisit "
    f"BEGIN {_REFRESH.format(person='OLD.detainee_id')} END",
    "CREATE TRIGGER consular_latest_visit_update AFTER UPDATE ON consular_consularvisit "
    f"WHEN {_CHANGED} BEGIN {_REFRESH.format(person='OLD.detainee_id')} "
    f"{_REFRESH.format(person='NEW.detainee_id')} END",
]
SQLITE_BACKWARDS = [
    f"DROP TRIGGER consular_latest_visit_{event}" for event in ("insert", "delete", "update")
]

# Two writers on one person's visits take turns (a lock on the person's key), and each
# statement of the function reads what the other committed.
POSTGRESQL_FORWARDS = [
    "CREATE FUNCTION consular_latest_visit_refresh(person bigint) RETURNS void "
    "LANGUAGE sql VOLATILE AS $$ "
    "SELECT pg_advisory_xact_lock(hashtextextended('consular_latestvisit ' || person, 0)); "
    f"{_REFRESH.format(person='person')} $$",
    "CREATE FUNCTION consular_latest_visit_track() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP <> 'INSERT' THEN PERFORM consular_latest_visit_refresh(OLD.detainee_id); END IF; "
    "IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.detainee_id <> OLD.detainee_id) THEN "
    "PERFORM consular_latest_visit_refresh(NEW.detainee_id); END IF; "
    "RETURN NULL; "
    "END $$",
    "CREATE TRIGGER consular_latest_visit_insert_delete AFTER INSERT OR DELETE "
    "ON consular_consularvisit FOR EACH ROW EXECUTE FUNCTION consular_latest_visit_track()",
    "CREATE TRIGGER consular_latest_visit_update AFTER UPDATE ON consular_consularvisit "
    f"FOR EACH ROW WHEN ({_CHANGED.replace(' IS NOT ', ' IS DISTINCT FROM ')}) "
    "EXECUTE FUNCTION consular_latest_visit_track()",
]
POSTGRESQL_BACKWARDS = [
    "DROP TRIGGER consular_latest_visit_update ON consular_consularvisit",
    "DROP TRIGGER consular_latest_visit_insert_delete ON consular_consularvisit",
    "DROP FUNCTION consular_latest_visit_track()",
    "DROP FUNCTION consular_latest_visit_refresh(bigint)",
]

# Every person's row from the visits already on file.
FILL = (
    "INSERT INTO consular_latestvisit (detainee_id, dated_on, has_undated) "
    "SELECT detainee_id, MAX(visited_on), MAX(CASE WHEN visited_on IS NULL THEN 1 ELSE 0 END) = 1 "
    "FROM consular_consularvisit WHERE outcome = 'completed' AND archived_at IS NULL "
    "GROUP BY detainee_id"
)


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise NotImplementedError(f"no visit triggers for {vendor}")
        for statement in statements[vendor]:
            schema_editor.execute(statement, params=None)

    return run


create_triggers = _run({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRESQL_FORWARDS})
drop_triggers = _run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRESQL_BACKWARDS})


def fill(apps, schema_editor):
    schema_editor.execute(FILL, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0016_detainee_held_by_index"),
        ("consular", "0006_visit_log_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="LatestVisit",
            fields=[
                (
                    "detainee",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="latest_visit",
                        serialize=False,
                        to="cases.detainee",
                        verbose_name="detainee",
                    ),
                ),
                (
                    "dated_on",
                    models.DateField(blank=True, null=True, verbose_name="latest dated visit"),
                ),
                (
                    "has_undated",
                    models.BooleanField(default=False, verbose_name="has an undated visit"),
                ),
            ],
            options={
                "verbose_name": "latest visit",
                "verbose_name_plural": "latest visits",
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
