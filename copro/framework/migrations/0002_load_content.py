"""Load the guidance content, so that a fresh database has the Learn pages and the staircase."""

from django.db import migrations


def load_content(apps, schema_editor):
    # The loader takes this migration's historical models, never the current ones.
    from copro.framework.services import framework_load

    framework_load(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("framework", "0001_framework_tables"),
    ]

    operations = [
        # Going back leaves the rows alone: the tables they live in are removed by 0001 anyway.
        migrations.RunPython(load_content, migrations.RunPython.noop, elidable=False),
    ]
