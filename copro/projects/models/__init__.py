from copro.projects.models.assessment import AdviceAnswer, AdviceRequest, Placement, SelfAssessment
from copro.projects.models.contribution import Action, Contribution
from copro.projects.models.decision import Decision, DecisionOption, Position
from copro.projects.models.joining import JoinRequest
from copro.projects.models.project import STAGE_ORDER, Membership, Project, Stage, StageChange

__all__ = [
    "STAGE_ORDER",
    "Action",
    "AdviceAnswer",
    "AdviceRequest",
    "Contribution",
    "Decision",
    "DecisionOption",
    "JoinRequest",
    "Membership",
    "Placement",
    "Position",
    "Project",
    "SelfAssessment",
    "Stage",
    "StageChange",
]
