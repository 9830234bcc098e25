"""A full-text index of the profiles' headlines for search (``pool/headline_index.py``): on
SQLite an FTS5 table with the trigram tokenizer, filled from the profiles and kept in step by
triggers; on PostgreSQL a GIN trigram index (``pg_trgm``) on the headline. No model changes."""

from django.db import migrations


def forwards(apps, schema_editor):
    from mlinterview.web.pool.headline_index import install

    install(schema_editor.connection)


def backwards(apps, schema_editor):
    from mlinterview.web.pool.headline_index import remove

    remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("pool", "0003_search_entry"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
