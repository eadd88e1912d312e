"""Places where meetings happen, and what each place has for people with access needs."""

from django.core.exceptions import ValidationError
from django.db import models

from copro.core.models import BaseModel
from copro.people.models import AccessNeed


class Venue(BaseModel):
    class Feature(models.TextChoices):
        STEP_FREE = "step_free", "Step-free access to the meeting room"
        ACCESSIBLE_TOILET = "accessible_toilet", "An accessible toilet"
        CHANGING_PLACES = "changing_places", "A Changing Places toilet"
        HEARING_LOOP = "hearing_loop", "A hearing loop"
        PARKING = "parking", "Blue Badge parking"
        PUBLIC_TRANSPORT = "public_transport", "Near a bus stop or station"
        QUIET_ROOM = "quiet_room", "A quiet room to take a break"
        GOOD_LIGHTING = "good_lighting", "Good lighting and clear signs"

    name = models.CharField(max_length=150, unique=True)
    address = models.TextField(max_length=500)
    how_to_get_there = models.TextField(max_length=2000, blank=True)
    features = models.JSONField(default=list, blank=True)  # Feature values
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        allowed = set(self.Feature.values)
        if not isinstance(self.features, list) or set(self.features) - allowed:
            raise ValidationError({"features": "Choose features from the list"})
        self.features = sorted(set(self.features))

    def feature_labels(self) -> list[str]:
        labels = dict(self.Feature.choices)
        return [labels[f] for f in self.features if f in labels]

    def has(self, feature: str) -> bool:
        return feature in self.features


# Which venue feature meets which access need. A step-free need at a venue without step-free
# access stops the person getting into the room at all, so it blocks; the rest are warnings.
NEED_FEATURES: dict[str, tuple[str, bool]] = {
    AccessNeed.Need.STEP_FREE: (Venue.Feature.STEP_FREE, True),
    AccessNeed.Need.ACCESSIBLE_TOILET: (Venue.Feature.ACCESSIBLE_TOILET, False),
    AccessNeed.Need.HEARING_LOOP: (Venue.Feature.HEARING_LOOP, False),
    AccessNeed.Need.QUIET_SPACE: (Venue.Feature.QUIET_ROOM, False),
}
