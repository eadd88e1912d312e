"""Membership of the network's groups: Advisory Board, Ambassadors' Network, Staff team,
Community of Practice (the groups themselves are rows of the guidance, in `framework`)."""

from django.db import models

from copro.core.models import BaseModel
from copro.framework.models import NetworkGroup
from copro.people.models.user import User


class GroupMembership(BaseModel):
    group = models.ForeignKey(NetworkGroup, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="group_memberships")
    joined_on = models.DateField()

    class Meta:
        ordering = ["group__order", "user__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="people_group_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.group}"
