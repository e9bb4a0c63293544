"""Name search through an index on PostgreSQL: pg_trgm, and a GIN trigram index on each
stored search key, which serves the search's `LIKE '% slsnv%'` (a B-tree cannot). Other
databases (SQLite in development) have no such index and skip both."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class PostgreSQLOnly(migrations.RunSQL):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0014_list_order_indexes"),
    ]

    operations = [
        TrigramExtension(),
        PostgreSQLOnly(
            sql="CREATE INDEX detainee_search_key_trgm ON cases_detainee "
            "USING gin (search_key gin_trgm_ops)",
            reverse_sql="DROP INDEX detainee_search_key_trgm",
        ),
        PostgreSQLOnly(
            sql="CREATE INDEX name_variant_search_key_trgm ON cases_namevariant "
            "USING gin (search_key gin_trgm_ops)",
            reverse_sql="DROP INDEX name_variant_search_key_trgm",
        ),
    ]
