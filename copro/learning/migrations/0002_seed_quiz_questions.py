"""The first quiz bank: the guidance's four self-test questions in our own words, and scenarios
that ask which step of the staircase something is. Administrators add more in the admin.

The rows are written out here, not imported from app code, so the migration always does the
same thing whatever the code looks like later. Running it again adds nothing.
"""

from django.db import migrations

QUESTIONS = [
    (
        1,
        "self_test",
        "What makes co-production different from engagement?",
        [
            "Nothing: they are two names for the same thing",
            "In co-production, power is shared equally from beginning to end",
            "Engagement gives citizens more say than co-production",
            "Only engagement includes people who use services",
        ],
        [1],
        "Both mean the council and citizens working together. Only co-production means people "
        "who use services and people who run them share power equally, from the start to the "
        "end. Engagement does not promise that.",
    ),
    (
        2,
        "self_test",
        "The council asks people what they think through a survey and a public meeting. "
        "Which step of the staircase is this?",
        ["Inform", "Consult", "Co-design", "Co-produce"],
        [1],
        "This is Consult, step 4 of 7. People can say what they think, but they cannot "
        "challenge the plan, change it or make the decision.",
    ),
    (
        3,
        "self_test",
        "Which of these give people something back for their time? Choose all that are right.",
        [
            "Time credits",
            "Saying thank you formally and recognising what they did",
            "Training and courses",
            "Paying back bus fares and other costs",
        ],
        [0, 1, 2],
        "Time credits, recognition and training all give something back. Paying back costs "
        "matters, but it is not a reward: it only stops people being out of pocket.",
    ),
    (
        4,
        "self_test",
        "Senior managers back co-production. What might still limit how much power the council "
        "can share? Choose all that are right.",
        [
            "The budget",
            "The council's legal duties",
            "Democratic rules, such as decisions elected councillors must take",
            "Citizens having nothing useful to offer",
        ],
        [0, 1, 2],
        "Money, the law and democratic rules can all limit what can be shared, so say so openly "
        "at the start. Citizens always have something useful to offer.",
    ),
    (
        5,
        "scenario",
        "The council sends a survey about a plan it has already made. Which step is this?",
        ["Inform", "Consult", "Co-design", "Co-produce"],
        [1],
        "Asking for views on a plan that is already made is Consult, step 4. People can give "
        "their views, but the plan and the decision stay with the council.",
    ),
    (
        6,
        "scenario",
        "A leaflet tells people the day centre will close next month. Nobody is asked what they "
        "think. Which step is this?",
        ["Educate", "Inform", "Engage", "Co-produce"],
        [1],
        "Telling people about a decision already taken is Inform, step 3. People get the news "
        "but have no way to change it.",
    ),
    (
        7,
        "scenario",
        "Carers and staff design a new respite service together. The council then runs it "
        "without them. Which step is this?",
        ["Consult", "Engage", "Co-design", "Co-produce"],
        [2],
        "Designing together with real influence is Co-design, step 6. It becomes co-production "
        "only when people share power all the way through, including running and reviewing it.",
    ),
    (
        8,
        "scenario",
        "People who use a service and staff plan it, run it and review it together, sharing "
        "the decisions as equals. Which step is this?",
        ["Engage", "Co-design", "Co-produce", "Consult"],
        [2],
        "Sharing power as equals from beginning to end is Co-produce, the top step.",
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
    dependencies = [("learning", "0001_training_toolkit_quiz")]

    operations = [migrations.RunPython(seed, unseed)]
