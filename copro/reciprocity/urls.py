from django.urls import path

from copro.reciprocity.views import claims, mine, rates, staff

app_name = "reciprocity"

urlpatterns = [
    # A person's own pages.
    path("", mine.my_thanks, name="mine"),
    path("how-to-thank-me/", mine.preference, name="preference"),
    path("offers/", mine.offers, name="offers"),
    path("offers/<int:pk>/spend/", mine.offer_spend, name="offer_spend"),
    path("expenses/new/", mine.expense_new, name="expense_new"),
    path("expenses/<int:pk>/receipt/", mine.expense_receipt, name="expense_receipt"),
    path("recognition/<int:pk>/certificate.pdf", mine.certificate, name="certificate"),
    path("claims/<int:pk>/", mine.claim_detail, name="claim"),
    # Claims: staff decide, send to finance and mark paid.
    path("claims/<int:pk>/submit/", claims.claim_submit, name="claim_submit"),
    path("claims/<int:pk>/approve/", claims.claim_approve, name="claim_approve"),
    path("claims/<int:pk>/reject/", claims.claim_reject, name="claim_reject"),
    path("claims/<int:pk>/paid/", claims.claim_paid, name="claim_paid"),
    path("staff/claims/", claims.claims_list, name="claims"),
    path("staff/claims/approve/", claims.claims_approve, name="claims_approve"),
    path("staff/exports/", claims.exports, name="exports"),
    path("staff/exports/<int:pk>/", claims.export_detail, name="export"),
    path("staff/exports/<int:pk>/download/", claims.export_download, name="export_download"),
    path("staff/exports/<int:pk>/paid/", claims.export_paid, name="export_paid"),
    # Rewards, people, recognition, credits and expenses.
    path("staff/rewards/", staff.rewards, name="rewards"),
    path("staff/rewards/<int:pk>/", staff.reward_confirm, name="reward_confirm"),
    path("staff/nobody-left-out/", staff.nobody_left_out, name="nobody_left_out"),
    path("staff/people/", staff.people, name="people"),
    path("staff/people/<int:pk>/", staff.person_thanks, name="person"),
    path("staff/people/<int:pk>/recognition/", staff.recognition_new, name="recognition_new"),
    path("staff/people/<int:pk>/credits/", staff.credits_issue, name="credits_issue"),
    path(
        "staff/transactions/<int:pk>/correct/",
        staff.transaction_reverse,
        name="transaction_reverse",
    ),
    path("staff/expenses/", staff.expenses, name="expenses"),
    path("staff/expenses/<int:pk>/decide/", staff.expense_decide, name="expense_decide"),
    path("staff/expenses/<int:pk>/paid/", staff.expense_paid, name="expense_paid"),
    # The rate card.
    path("rates/", rates.rate_card, name="rates"),
    path("rates/new/", rates.rate_new, name="rate_new"),
    path("rates/activities/new/", rates.activity_new, name="activity_new"),
]
