"""The first audit statements: three for each of the four principles, in our own words.
Administrators can add more, or retire one, in the admin pages.

The rows are written out here, not imported from app code, so the migration always does the
same thing whatever the code looks like later. Running it again adds nothing.
"""

from django.db import migrations

STATEMENTS = {
    "equality": [
        "People who use services and staff have an equal say in decisions.",
        "Everyone's skills and experience are asked for and used, not only professional ones.",
        "Nobody's view counts for more because of their job title.",
    ],
    "diversity": [
        "We know which groups are missing and we go out to meet them.",
        "The people taking part reflect the people the service is for.",
        "We change how we work so that groups who are often left out can join in.",
    ],
    "access": [
        "People can take part in the way that suits them: in person, online, by phone or on paper.",
        "Papers are in plain English and in the formats people ask for, in good time.",
        "Meetings are held on different days and at different times, in places everyone can reach.",
    ],
    "reciprocity": [
        "People get something back for their time, such as payment, time credits or training.",
        "Out-of-pocket costs are paid back quickly, as well as any reward.",
        "People are thanked and told what difference their work made.",
    ],
}


def seed(apps, schema_editor):
    Principle = apps.get_model("framework", "Principle")
    AuditStatement = apps.get_model("readiness", "AuditStatement")
    for slug, texts in STATEMENTS.items():
        principle = Principle.objects.filter(slug=slug).first()
        if principle is None:
            continue
        for order, text in enumerate(texts, start=1):
            AuditStatement.objects.get_or_create(
                principle=principle, order=order, defaults={"text": text}
            )


def unseed(apps, schema_editor):
    AuditStatement = apps.get_model("readiness", "AuditStatement")
    texts = [text for group in STATEMENTS.values() for text in group]
    AuditStatement.objects.filter(text__in=texts).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("readiness", "0001_readiness_and_audit"),
        ("framework", "0002_load_content"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
