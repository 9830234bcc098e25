from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """The project's own user model, so roles and profile fields can grow without a swap later."""

    display_name = models.CharField(max_length=150, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.get_username()


class Team(models.Model):
    """A hiring team: it owns assessments and interviews, and its members see only those.

    A candidate is one person for the whole organisation, but a team sees them only through its
    own invitations and interviews (see ``assessments/access.py``).
    """

    name = models.CharField(max_length=120, unique=True)
    members = models.ManyToManyField(User, through="Membership", related_name="teams")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's seat in a team, with the role they hold there."""

    class Role(models.TextChoices):
        RECRUITER = "recruiter", "Recruiter"  # builds the team's assessments, invites, reviews all
        HIRING_MANAGER = "hiring_manager", "Hiring manager"  # reads and reviews all of the team's
        INTERVIEWER = "interviewer", "Interviewer"  # only the assessments and interviews assigned

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.INTERVIEWER)

    class Meta:
        ordering = ["team", "user"]
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="one_membership_per_team")]

    def __str__(self) -> str:
        return f"{self.user} in {self.team} ({self.get_role_display()})"
