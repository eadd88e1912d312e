"""Advice from the Advisory Board: a project asks a question; board members answer; the exchange
stays on the project. Board members see the questions asked of them even on projects they are
not members of (the project chose to ask them), and nothing else of those projects."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.template.loader import render_to_string

from copro.people.models import GroupMembership, User
from copro.projects.models import AdviceAnswer, AdviceRequest, Membership, Project

BOARD_SLUG = "advisory-board"


def is_board_member(user: User) -> bool:
    return (
        user.is_authenticated
        and GroupMembership.objects.filter(user=user, group__slug=BOARD_SLUG).exists()
    )


def board_members() -> QuerySet[User]:
    return User.objects.filter(is_active=True, group_memberships__group__slug=BOARD_SLUG).distinct()


def _clean(text: str, *, field: str, empty: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: empty})
    if len(text) > 3000:
        raise ValidationError({field: "Keep it to 3,000 characters or fewer"})
    return text


@transaction.atomic
def advice_ask(*, project: Project, member: Membership, question: str) -> AdviceRequest:
    """A current member of the project asks the board. Board members are told by email."""
    if member.project_id != project.pk or member.left_on is not None:
        raise ValidationError("Only current members of the project can ask the board.")
    request = AdviceRequest.objects.create(
        project=project,
        question=_clean(question, field="question", empty="Write your question"),
        asked_by=member.user,
    )
    transaction.on_commit(lambda: _tell_board(request_id=request.pk))
    return request


@transaction.atomic
def advice_answer(*, advice: AdviceRequest, by: User, text: str) -> AdviceAnswer:
    if not is_board_member(by):
        raise Http404
    answer = AdviceAnswer.objects.create(
        request=advice,
        answered_by=by,
        text=_clean(text, field="text", empty="Write your answer"),
    )
    transaction.on_commit(lambda: _tell_asker(answer_id=answer.pk))
    return answer


def advice_for_project(*, project: Project) -> list[AdviceRequest]:
    return list(
        AdviceRequest.objects.filter(project=project)
        .select_related("asked_by")
        .prefetch_related("answers__answered_by")
    )


def advice_for_board() -> list[AdviceRequest]:
    return list(
        AdviceRequest.objects.select_related("project", "asked_by").prefetch_related(
            "answers__answered_by"
        )
    )


def advice_get_for_board(*, viewer: User, pk: int) -> AdviceRequest:
    if not is_board_member(viewer):
        raise Http404
    advice = (
        AdviceRequest.objects.select_related("project", "asked_by")
        .prefetch_related("answers__answered_by")
        .filter(pk=pk)
        .first()
    )
    if advice is None:
        raise Http404
    return advice


def _tell_board(*, request_id: int) -> None:
    advice = AdviceRequest.objects.select_related("project").get(pk=request_id)
    recipients = [u.email for u in board_members() if u.email]
    if not recipients:
        return
    context = {"advice": advice, "site_url": settings.SITE_URL}
    send_mail(
        subject=f"A question for the Advisory Board from {advice.project.title}"[:150],
        message=render_to_string("projects/email/advice_asked.txt", context),
        from_email=None,
        recipient_list=recipients,
    )


def _tell_asker(*, answer_id: int) -> None:
    answer = AdviceAnswer.objects.select_related("request__project", "request__asked_by").get(
        pk=answer_id
    )
    asker = answer.request.asked_by
    if asker is None or not asker.email or not asker.is_active:
        return
    context = {"answer": answer, "site_url": settings.SITE_URL}
    send_mail(
        subject=f"The Advisory Board answered your question about {answer.request.project.title}"[
            :150
        ],
        message=render_to_string("projects/email/advice_answered.txt", context),
        from_email=None,
        recipient_list=[asker.email],
    )
