"""Reciprocity: people who give their time get something back (FRAMEWORK.md, "Reciprocity").

One module per part; import models from here (`from copro.reciprocity.models import Account`).
"""

from copro.reciprocity.models.claims import ExportBatch, MoneyAudit, PaymentClaim
from copro.reciprocity.models.extras import Expense, Recognition
from copro.reciprocity.models.ledger import Account, Entry, Offer, Partner, Transaction
from copro.reciprocity.models.rates import ActivityType, Rate
from copro.reciprocity.models.rewards import Reward, ThanksChoice, ThanksPreference

__all__ = [
    "Account",
    "ActivityType",
    "Entry",
    "Expense",
    "ExportBatch",
    "MoneyAudit",
    "Offer",
    "Partner",
    "PaymentClaim",
    "Rate",
    "Recognition",
    "Reward",
    "ThanksChoice",
    "ThanksPreference",
    "Transaction",
]
