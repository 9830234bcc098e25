from django.db import migrations, models

# The scopes of mlinterview.web.api.scopes when this migration was written: keys issued before
# scopes existed could call every operation, and keep doing so until revoked.
SCOPES_AT_THE_TIME = [
    "assessments:read",
    "assessments:write",
    "candidates:delete",
    "invitations:read",
    "invitations:write",
    "results:read",
    "results:review",
    "scores:override",
]


def every_scope_for_existing_keys(apps, schema_editor):
    apps.get_model("api", "ApiToken").objects.update(scopes=SCOPES_AT_THE_TIME)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="scopes",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(every_scope_for_existing_keys, migrations.RunPython.noop),
    ]
