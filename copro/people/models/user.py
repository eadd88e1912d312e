from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra):
        email = self.normalize_email(email).lower() if email else None
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True, role="administrator")
        extra.setdefault("display_name", "Administrator")
        return self._create(email, password, **extra)

    def get_by_natural_key(self, username: str):
        # Sign-in is not case-sensitive: people type their email in all sorts of ways.
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who takes part. Email is the login; the display name is what others see.

    A person without an email address can still have a record, kept for them by a member of
    staff (they take part on paper, by phone or face to face); they cannot sign in.
    """

    class Role(models.TextChoices):
        CITIZEN = "citizen", "Citizen"
        STAFF = "staff", "Member of staff"
        ADMINISTRATOR = "administrator", "Administrator"

    email = models.EmailField("email address", max_length=254, unique=True, null=True, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CITIZEN)
    display_name = models.CharField(
        "name to show",
        max_length=80,
        help_text="The name other people see. It can be your first name or a nickname.",
    )
    # The language the person chose for pages and e-mails ("" = the service's default).
    language = models.CharField(max_length=20, blank=True, default="")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        "can use the administration pages",
        default=False,
        help_text="Staff and administrators must also set up two-step sign-in.",
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        constraints = [
            # Two accounts must never differ only by the case of the email address.
            models.UniqueConstraint(Lower("email"), name="people_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email or f"Person {self.pk}"

    @property
    def is_council_staff(self) -> bool:
        return self.role in (self.Role.STAFF, self.Role.ADMINISTRATOR)

    @property
    def needs_second_factor(self) -> bool:
        """Staff and administrators can do more harm with a stolen password (decision 0002)."""
        return self.is_council_staff or self.is_staff or self.is_superuser

    def clean(self) -> None:
        super().clean()
        if self.email:
            self.email = self.__class__.objects.normalize_email(self.email).lower()
        else:
            self.email = None
        # Control characters in a name would break e-mail headers and logs (IO-7, LOG-3).
        self.display_name = "".join(ch for ch in self.display_name if ch.isprintable()).strip()

    def get_short_name(self) -> str:
        return self.display_name

    def get_full_name(self) -> str:
        return self.display_name
