"""The network's groups and their members (what each member chose to share)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from copro.framework.models import NetworkGroup
from copro.people.models import GroupMembership


@login_required
@require_GET
def group_list(request: HttpRequest) -> HttpResponse:
    return render(request, "people/groups.html", {"groups": list(NetworkGroup.objects.all())})


@login_required
@require_GET
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(NetworkGroup, slug=slug)
    members = list(
        GroupMembership.objects.filter(group=group, user__is_active=True).select_related(
            "user", "user__profile"
        )
    )
    return render(request, "people/group.html", {"group": group, "members": members})
