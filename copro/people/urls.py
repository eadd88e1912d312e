from django.urls import path

from copro.people import views, views_data, views_groups, views_language, views_profile
from copro.people import views_signin as signin_views

app_name = "accounts"

urlpatterns = [
    path("", views_data.account_home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("reset-password/", views.ResetRequestView.as_view(), name="reset_request"),
    path("reset-password/sent/", views.ResetSentView.as_view(), name="reset_sent"),
    path(
        "reset-password/<uidb64>/<token>/",
        views.ResetConfirmView.as_view(),
        name="reset_confirm",
    ),
    path("reset-password/done/", views.ResetDoneView.as_view(), name="reset_done"),
    path("change-password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("signed-in/", views.signed_in_sessions, name="sessions"),
    path("stay-signed-in/", views.stay_signed_in, name="stay_signed_in"),
    path("language/", views_language.language_choose, name="language"),
    path("change-password/done/", views.PasswordChangedView.as_view(), name="password_changed"),
    # A person's own records, and the same pages for someone acting for them.
    path("profile/", views_profile.profile_edit, name="profile"),
    path("for/<int:pk>/profile/", views_profile.profile_edit, name="profile_for"),
    path("contact-and-needs/", views_profile.communication_edit, name="communication"),
    path(
        "for/<int:pk>/contact-and-needs/",
        views_profile.communication_edit,
        name="communication_for",
    ),
    path("times/", views_profile.availability_edit, name="availability"),
    path("for/<int:pk>/times/", views_profile.availability_edit, name="availability_for"),
    path("times/dates/", views_profile.unavailable_date_add, name="unavailable_date_add"),
    path(
        "for/<int:pk>/times/dates/",
        views_profile.unavailable_date_add,
        name="unavailable_date_add_for",
    ),
    path(
        "times/dates/<int:date_pk>/remove/",
        views_profile.unavailable_date_remove,
        name="unavailable_date_remove",
    ),
    path(
        "for/<int:pk>/times/dates/<int:date_pk>/remove/",
        views_profile.unavailable_date_remove,
        name="unavailable_date_remove_for",
    ),
    path("someone-to-help/", views_profile.supporters, name="supporters"),
    path(
        "someone-to-help/<int:supporter_pk>/stop/",
        views_profile.supporter_revoke,
        name="supporter_revoke",
    ),
    path("people/<int:pk>/", views_profile.profile_view, name="person"),
    path("your-data/", views_data.your_data_page, name="your_data"),
    path("your-data/download/", views_data.your_data_download, name="your_data_download"),
    path("involvement/", views_data.involvement, name="involvement"),
    path("involvement/record.pdf", views_data.involvement_pdf, name="involvement_pdf"),
    path("delete/", views_data.delete_account, name="delete"),
    path("groups/", views_groups.group_list, name="groups"),
    path("groups/<slug:slug>/", views_groups.group_detail, name="group"),
    # Invitations, one-time sign-in links and two-step sign-in (AUTH-3, AUTH-4, AUTH-5).
    path("invite/", signin_views.invite, name="invite"),
    path("invite/sent/", signin_views.invite_sent, name="invite_sent"),
    path("invitation/<str:token>/", signin_views.invitation_accept, name="invitation_accept"),
    path("sign-in/email-link/", signin_views.sign_in_link_request, name="sign_in_link_request"),
    path("sign-in/email-link/sent/", signin_views.sign_in_link_sent, name="sign_in_link_sent"),
    path("sign-in/link/<str:token>/", signin_views.sign_in_link, name="sign_in_link"),
    path("sign-in/link/<str:token>/new/", signin_views.sign_in_link_new, name="sign_in_link_new"),
    path("two-step/", signin_views.two_step, name="two_step"),
    path("two-step/set-up/", signin_views.two_step_setup, name="two_step_setup"),
    path(
        "two-step/recovery-codes/",
        signin_views.two_step_recovery_codes,
        name="two_step_recovery_codes",
    ),
]
