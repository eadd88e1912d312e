"""The ledger's database guards (copro/reciprocity/db_guards.py): UPDATE and DELETE refused on
transactions, entries and the money audit (both databases); on PostgreSQL also a check at
commit that every transaction balances (TESTING.md decision 8)."""

from django.db import migrations


def install(apps, schema_editor):
    from copro.reciprocity import db_guards

    db_guards.install(schema_editor)


def uninstall(apps, schema_editor):
    from copro.reciprocity import db_guards

    db_guards.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("reciprocity", "0001_ledger_rates_rewards_claims")]

    operations = [migrations.RunPython(install, uninstall)]
