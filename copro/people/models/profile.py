"""What a person brings, how they take part, how to reach them and what they need to take part."""

from django.db import models

from copro.core.models import BaseModel
from copro.people.models.user import User


class Profile(BaseModel):
    """One per person. Nobody has a job title here: staff say which area they work in."""

    class TakesPartAs(models.TextChoices):
        EXPERIENCE = "experience", "An expert by experience (I use or have used services)"
        QUALIFICATION = "qualification", "An expert by qualification (I work in or for services)"
        BOTH = "both", "Both"

    class ContactMethod(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone call"
        TEXT = "text", "Text message"
        POST = "post", "Post"

    class Bring(models.TextChoices):
        LIVED_EXPERIENCE = "lived_experience", "Lived experience"
        SKILLS = "skills", "Skills"
        KNOWLEDGE = "knowledge", "Knowledge"
        TIME = "time", "Time"
        NETWORKS = "networks", "People I know (networks)"

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    pronouns = models.CharField(max_length=40, blank=True)
    takes_part_as = models.CharField(
        max_length=20, choices=TakesPartAs.choices, default=TakesPartAs.EXPERIENCE
    )
    area_i_work_in = models.CharField(max_length=120, blank=True)
    what_i_bring = models.TextField(blank=True, max_length=2000)
    bring_tags = models.JSONField(default=list, blank=True)
    contact_method = models.CharField(
        max_length=10, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    phone = models.CharField(max_length=30, blank=True)
    postal_address = models.TextField(blank=True, max_length=500)
    access_needs_other = models.TextField(blank=True, max_length=2000)
    # What others may see on the profile page: the person chooses.
    share_pronouns = models.BooleanField(default=True)
    share_what_i_bring = models.BooleanField(default=True)
    share_area_i_work_in = models.BooleanField(default=True)
    # For someone without an email address: the member of staff who keeps their record.
    staff_contact = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def is_expert_by_experience(self) -> bool:
        return self.takes_part_as in (self.TakesPartAs.EXPERIENCE, self.TakesPartAs.BOTH)

    def bring_tag_labels(self) -> list[str]:
        labels = dict(self.Bring.choices)
        return [labels[tag] for tag in self.bring_tags if tag in labels]


class AccessNeed(models.Model):
    """One need a person has to take part. Stored as rows so that meetings can plan for them."""

    class Need(models.TextChoices):
        STEP_FREE = "step_free", "Step-free access"
        ACCESSIBLE_TOILET = "accessible_toilet", "An accessible toilet"
        HEARING_LOOP = "hearing_loop", "A hearing loop"
        BSL_INTERPRETER = "bsl_interpreter", "A British Sign Language interpreter"
        CAPTIONS = "captions", "Captions or a speech-to-text reporter"
        QUIET_SPACE = "quiet_space", "A quiet space to take a break"
        REGULAR_BREAKS = "regular_breaks", "Regular breaks"
        CARER = "carer", "My carer or personal assistant comes with me"
        TRANSPORT = "transport", "Help with transport"
        DIETARY = "dietary", "Food that meets my dietary needs"
        PAPERS_EARLY = "papers_early", "Papers well before the meeting"
        SUPPORT_TO_SPEAK = "support_to_speak", "Support to speak or take part"
        ONLINE_HELP = "online_help", "Help to join online meetings"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_needs")
    need = models.CharField(max_length=30, choices=Need.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "need"], name="people_access_need_once"),
        ]

    def __str__(self) -> str:
        return self.get_need_display()


class FormatNeed(models.Model):
    """A format a person needs information in."""

    class Format(models.TextChoices):
        STANDARD = "standard", "Standard print"
        LARGE_PRINT = "large_print", "Large print"
        EASY_READ = "easy_read", "Easy read"
        AUDIO = "audio", "Audio"
        BSL_VIDEO = "bsl_video", "British Sign Language video"
        BRAILLE = "braille", "Braille"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="formats")
    format = models.CharField(max_length=20, choices=Format.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "format"], name="people_format_once"),
        ]

    def __str__(self) -> str:
        return self.get_format_display()


class PartOfDay(models.TextChoices):
    MORNING = "morning", "Morning"
    AFTERNOON = "afternoon", "Afternoon"
    EVENING = "evening", "Evening"


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class AvailableSlot(models.Model):
    """A part of a weekday when the person can usually take part (Monday = 0)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="available_slots")
    weekday = models.PositiveSmallIntegerField()
    part_of_day = models.CharField(max_length=10, choices=PartOfDay.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "weekday", "part_of_day"], name="people_slot_once"
            ),
            models.CheckConstraint(
                condition=models.Q(weekday__lte=6), name="people_slot_weekday_0_to_6"
            ),
        ]

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.get_part_of_day_display().lower()}"


class UnavailableDate(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="unavailable_dates")
    date = models.DateField()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="people_unavailable_once"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}"
