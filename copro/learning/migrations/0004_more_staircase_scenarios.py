"""More scenario questions for the quiz bank, so that the low and middle steps of the staircase
(coerce, educate, engage) each have one. Written out here, like 0002, so the migration always
does the same thing. Running it again adds nothing."""

from django.db import migrations

QUESTIONS = [
    (
        9,
        "scenario",
        "The council runs an evening talk explaining how to apply for a blue badge and where "
        "to get help. Which step is this?",
        ["Coerce", "Educate", "Consult", "Co-design"],
        [1],
        "Helping people understand a service and where to learn more is Educate, step 2. "
        "People learn about the service, but they have no say in it.",
    ),
    (
        10,
        "scenario",
        "Residents go to several meetings about changes to a bus route. They shape some "
        "details, but the council decides which of their ideas to use. Which step is this?",
        ["Consult", "Engage", "Co-design", "Co-produce"],
        [1],
        "More chances to give views and influence some decisions, within limits the council "
        "sets, is Engage, step 5. Power is still not equal.",
    ),
    (
        11,
        "scenario",
        "Everyone must use the same new booking system, and anyone who does not loses their "
        "place. Which step is this?",
        ["Coerce", "Inform", "Consult", "Engage"],
        [0],
        "One way for everyone, with a penalty for not going along with it, is Coerce, the "
        "bottom step. The council keeps all the power.",
    ),
]


def seed(apps, schema_editor):
    QuizQuestion = apps.get_model("learning", "QuizQuestion")
    for order, kind, question, options, correct, explanation in QUESTIONS:
        QuizQuestion.objects.get_or_create(
            question=question,
            defaults={
                "order": order,
                "kind": kind,
                "options": options,
                "correct": correct,
                "explanation": explanation,
            },
        )


def unseed(apps, schema_editor):
    QuizQuestion = apps.get_model("learning", "QuizQuestion")
    QuizQuestion.objects.filter(question__in=[q[2] for q in QUESTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("learning", "0003_growth_record_and_reminders")]

    operations = [migrations.RunPython(seed, unseed)]
