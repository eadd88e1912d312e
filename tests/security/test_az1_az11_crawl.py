"""AZ-1 and AZ-11: every page and every API operation, asked by every persona.

The world is the demo council (tests/security/world.py). "citizen" owns or belongs to every
object the URLs point at; "other_citizen", "staff" and "administrator" are fresh accounts, so
for them every id in a URL is someone else's. Expected outcomes, in persona order
(anonymous, citizen, other_citizen, staff, administrator):

    ok   2xx, or a redirect somewhere other than sign-in
    in   redirect to the sign-in page (AZ-11 for pages)
    2fa  redirect to the two-step pages
    404, 403, 401, 405, 400, 422 ... that status code

A NEW ROUTE FAILS test_az1_every_route_has_an_entry until it has a line in PAGES or API.
To add one: `AZ_CRAWL_PRINT=1 pytest tests/security/test_az1_az11_crawl.py -k record` writes
what each persona gets for the missing routes, as table lines, to var/az-crawl-missing.txt.
Check each outcome is what should happen (someone else's object: 404, never the page), then
paste the line. A new model's pages can name their object as "app_label.Model" (the first
such row in the demo data) or as a key added to tests/security/world.py.
"""

import logging
import os

import pytest

from tests.security.crawl import (
    PERSONAS,
    api_operations,
    api_outcome,
    ask_api,
    ask_page,
    build_world,
    page_outcome,
    route_table,
    sign_in,
)

# "namespace:name": (world object for <pk>/<slug> or None, outcomes[, "POST"])
# POST routes are asked with an empty form: the answer shows who gets past the permission
# check (a form error is "ok"; someone else's object must still be 404).
PAGES: dict[str, tuple] = {
    "accounts:availability": (None, "in ok ok ok ok"),
    "accounts:availability_for": ("user", "in ok 404 ok ok"),
    "accounts:communication": (None, "in ok ok ok ok"),
    "accounts:communication_for": ("user", "in ok 404 ok ok"),
    "accounts:delete": (None, "in ok ok ok ok"),
    "accounts:group": ("group", "in ok ok ok ok"),
    "accounts:groups": (None, "in ok ok ok ok"),
    "accounts:home": (None, "in ok ok ok ok"),
    "accounts:invitation_accept": (None, "ok ok ok ok ok"),
    "accounts:invite": (None, "in 404 404 ok ok"),
    "accounts:invite_sent": (None, "in 404 404 ok ok"),
    "accounts:involvement": (None, "in ok ok ok ok"),
    "accounts:involvement_pdf": (None, "in ok ok ok ok"),
    # The language chooser: anyone, signed in or not (an empty form just goes back).
    "accounts:language": (None, "ok ok ok ok ok", "POST"),
    "accounts:password_change": (None, "in ok ok ok ok"),
    "accounts:password_changed": (None, "in ok ok ok ok"),
    # Profiles are seen by everyone signed in (the network's directory): lead to confirm.
    "accounts:person": ("user", "in ok ok ok ok"),
    "accounts:profile": (None, "in ok ok ok ok"),
    "accounts:profile_for": ("user", "in ok 404 ok ok"),
    "accounts:reset_confirm": (None, "ok ok ok ok ok"),
    "accounts:reset_done": (None, "ok ok ok ok ok"),
    "accounts:reset_request": (None, "ok ok ok ok ok"),
    "accounts:reset_sent": (None, "ok ok ok ok ok"),
    "accounts:sessions": (None, "in ok ok ok ok"),
    "accounts:sign_in": (None, "ok ok ok ok ok"),
    "accounts:sign_in_link": (None, "ok ok ok ok ok"),
    "accounts:sign_in_link_new": (None, "in in in in in", "POST"),
    "accounts:sign_in_link_request": (None, "ok ok ok ok ok"),
    "accounts:sign_in_link_sent": (None, "ok ok ok ok ok"),
    "accounts:sign_out": (None, "ok ok ok ok ok", "POST"),
    "accounts:stay_signed_in": (None, "in ok ok ok ok", "POST"),
    "accounts:supporter_revoke": (None, "in ok 404 404 404", "POST"),
    "accounts:supporters": (None, "in ok ok ok ok"),
    "accounts:two_step": (None, "in 404 404 ok ok"),
    "accounts:two_step_recovery_codes": (None, "in 404 404 404 404"),
    "accounts:two_step_setup": (None, "in 404 404 ok ok"),
    "accounts:unavailable_date_add": (None, "in ok ok ok ok", "POST"),
    "accounts:unavailable_date_add_for": ("user", "in ok 404 ok ok", "POST"),
    "accounts:unavailable_date_remove": (None, "in ok ok ok ok", "POST"),
    "accounts:unavailable_date_remove_for": ("user", "in ok 404 ok ok", "POST"),
    "accounts:your_data": (None, "in ok ok ok ok"),
    "accounts:your_data_download": (None, "in ok ok ok ok"),
    # community and readiness: first row of each model; their authors to confirm.
    "community:book": ("community.ClinicSlot", "in ok ok ok ok", "POST"),
    "community:booking": ("community.ClinicBooking", "in 404 404 404 404"),
    "community:booking_ics": ("community.ClinicBooking", "in 404 404 404 404"),
    "community:cancel": ("community.ClinicBooking", "in 404 404 404 404", "POST"),
    "community:case_studies": (None, "ok ok ok ok ok"),
    "community:case_study": ("community.CaseStudy", "ok ok ok ok ok"),
    "community:case_study_edit": ("community.CaseStudy", "in 404 404 404 ok"),
    "community:case_study_new": (None, "in 403 403 ok ok"),
    "community:clinics": (None, "in ok ok ok ok"),
    "community:compare": (None, "ok ok ok ok ok"),
    "community:home": (None, "in ok ok ok ok"),
    "community:slot": ("community.ClinicSlot", "in ok ok ok ok"),
    "community:slot_new": (None, "in 403 403 ok ok"),
    # Conversations: members of the project only; closing, for-someone and taking a summary
    # forward are for whoever runs it, hiding for moderators (none among these personas).
    # The owner's post has no attached file, so its download is 404 for everyone.
    "conversations:attachment": ({"pk": "thread", "post_pk": "thread_post"}, "in 404 404 404 404"),
    "conversations:close": ("thread", "in 404 404 404 404"),
    "conversations:code_of_conduct": (None, "ok ok ok ok ok"),
    "conversations:moderation_log": (None, "in 404 404 404 404"),
    "conversations:on_behalf": ("thread", "in 404 404 404 404", "POST"),
    "conversations:poll": ("poll", "in ok 404 404 404"),
    "conversations:poll_close": ("poll", "in 404 404 404 404", "POST"),
    "conversations:poll_schedule": ("time_poll", "in 404 404 404 404", "POST"),
    "conversations:polls": ("project", "in ok 404 404 404"),
    "conversations:post_delete": ({"pk": "thread", "post_pk": "thread_post"}, "in ok 404 404 404"),
    "conversations:post_edit": ({"pk": "thread", "post_pk": "thread_post"}, "in ok 404 404 404"),
    "conversations:post_hide": ({"pk": "thread", "post_pk": "thread_post"}, "in 404 404 404 404"),
    "conversations:post_report": ({"pk": "thread", "post_pk": "thread_post"}, "in ok 404 404 404"),
    "conversations:post_restore": (
        {"pk": "thread", "post_pk": "thread_post"},
        "in 404 404 404 404",
    ),
    "conversations:project": ("project", "in ok 404 404 404"),
    "conversations:reports": (None, "in 404 404 404 404"),
    "conversations:thread": ("thread", "in ok 404 404 404"),
    "conversations:to_decision": ("thread", "in 404 404 404 404", "POST"),
    "conversations:to_idea": ("thread", "in 404 404 404 404", "POST"),
    "core:accessibility": (None, "ok ok ok ok ok"),
    "core:cookies": (None, "ok ok ok ok ok"),
    "core:healthz": (None, "ok ok ok ok ok"),
    "core:home": (None, "ok ok ok ok ok"),
    "core:privacy": (None, "ok ok ok ok ok"),
    "core:readyz": (None, "ok ok ok ok ok"),
    "equality:answers": (None, "in ok ok ok ok"),
    "equality:inclusion": (None, "404 404 404 ok ok"),
    "equality:inclusion_download": (None, "404 404 404 ok ok"),
    "equality:questions": (None, "in ok ok ok ok"),
    "equality:reference": (None, "404 404 404 404 ok"),
    "equality:start": (None, "in ok ok ok ok"),
    "equality:withdraw": (None, "in ok ok ok ok"),
    "equality:withdrawn": (None, "in ok ok ok ok"),
    "evidence:page": ("project", "in ok 404 404 ok"),
    "evidence:self_assessment": ("project", "in ok 404 404 404"),
    # People without email: the meeting's organisers only (the fresh staff persona is not one).
    "frontdoor:call_list": ("project", "in 404 404 404 ok"),
    "frontdoor:contact": (None, "ok ok ok ok ok"),
    "frontdoor:get_involved": (None, "ok ok ok ok ok"),
    "frontdoor:get_involved_sent": (None, "ok ok ok ok ok"),
    "frontdoor:paper_pack": ("project", "in 404 404 404 ok"),
    "frontdoor:person_new": (None, "in 404 404 ok ok"),
    # The "Get involved" queue is for staff: they welcome everyone who asks.
    "frontdoor:queue": (None, "in 404 404 ok ok"),
    "frontdoor:request": ("frontdoor.GetInvolvedRequest", "in 404 404 ok ok"),
    "frontdoor:request_call": ("frontdoor.GetInvolvedRequest", "in 404 404 ok ok", "POST"),
    "frontdoor:request_decline": ("frontdoor.GetInvolvedRequest", "in 404 404 ok ok", "POST"),
    "frontdoor:request_invite": ("frontdoor.GetInvolvedRequest", "in 404 404 ok ok", "POST"),
    "frontdoor:request_record": ("frontdoor.GetInvolvedRequest", "in 404 404 ok ok", "POST"),
    "frontdoor:welcome_skip": (None, "in ok ok ok ok", "POST"),
    "framework:about": (None, "ok ok ok ok ok"),
    "framework:easy_read": ("easy_read_page", "ok ok ok ok ok"),
    "framework:easy_read_list": (None, "ok ok ok ok ok"),
    "framework:glossary": (None, "ok ok ok ok ok"),
    "framework:learn": (None, "ok ok ok ok ok"),
    "framework:page": ("learn_page", "ok ok ok ok ok"),
    "learning:attempt": ("attempt", "in ok 404 404 404"),
    "learning:book": ("session", "in ok ok ok ok", "POST"),
    "learning:cancel": ("session", "in ok ok ok ok", "POST"),
    "learning:home": (None, "in ok ok ok ok"),
    "learning:journal": (None, "in ok ok ok ok"),
    "learning:journal_delete": ("learning.JournalEntry", "in 404 404 404 404", "POST"),
    "learning:journal_entry": ("learning.JournalEntry", "in 404 404 404 404"),
    "learning:journal_new": (None, "in ok ok ok ok"),
    "learning:manage": ("session", "in 404 404 ok ok"),
    "learning:ordering": (None, "in ok ok ok ok"),
    "learning:ordering_attempt": ("learning.OrderingAttempt", "in 404 404 404 404"),
    "learning:quiz": (None, "ok ok ok ok ok"),
    # Running training without the admin site (issue 17): ambassadors and council staff only.
    "learning:session_call_off": ("session", "in 404 404 ok ok"),
    "learning:session_edit": ("session", "in 404 404 ok ok"),
    "learning:session_new": (None, "in 404 404 ok ok"),
    "learning:toolkit_edit": ("learning.ToolkitEntry", "in 404 404 ok ok"),
    "learning:toolkit_manage": (None, "in 404 404 ok ok"),
    "learning:toolkit_new": (None, "in 404 404 ok ok"),
    "learning:toolkit_retire": ("learning.ToolkitEntry", "in 404 404 ok ok", "POST"),
    "learning:walk_in": ("session", "in 404 404 ok ok"),
    "learning:recipe": (None, "in ok ok ok ok"),
    "learning:recipe_check_in": ("learning.RecipeCheckIn", "in 404 404 404 404"),
    "learning:recipe_new": (None, "in ok ok ok ok"),
    "learning:session": ("session", "in ok ok ok ok"),
    "learning:session_ics": ("session", "in ok 404 404 404"),
    "learning:sessions_run": (None, "in 403 403 ok ok"),
    "learning:tip_check_in": ("learning.TipCheckIn", "in 404 404 404 404"),
    "learning:tips": (None, "in ok ok ok ok"),
    "learning:tips_new": (None, "in ok ok ok ok"),
    "learning:toolkit": (None, "in 403 403 403 403"),
    "meetings:access": ("project", "in 404 404 404 ok"),
    "meetings:access_refresh": ("project", "in 404 404 404 ok", "POST"),
    "meetings:access_update": ("project", "in 404 404 404 ok", "POST"),
    "meetings:agenda": ("project", "in 404 404 404 ok"),
    "meetings:agenda_remove": ("project", "in 404 404 404 ok", "POST"),
    "meetings:attendance": ("project", "in 404 404 404 ok"),
    "meetings:calendar": (None, "in ok ok ok ok"),
    "meetings:cancel": ("project", "in 404 404 404 ok"),
    "meetings:change": ("project", "in 404 404 404 ok"),
    "meetings:detail": ("project", "in ok 404 404 ok"),
    "meetings:events": (None, "in ok ok ok ok"),
    "meetings:feed": (None, "404 404 404 404 404"),
    # Network-group meetings: staff outside the group may run them: lead to confirm.
    "meetings:group": ({"pk": "network_group", "meeting_pk": "group_meeting"}, "in 404 404 ok ok"),
    "meetings:group_access": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_access_refresh": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
        "POST",
    ),
    "meetings:group_access_update": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 404 404",
        "POST",
    ),
    "meetings:group_agenda": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_agenda_remove": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 404 404",
        "POST",
    ),
    "meetings:group_attendance": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_cancel": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_change": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_detail": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_ics": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_invite": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_needs": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 404 404",
    ),
    "meetings:group_notes": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_paper_download": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 404 404",
    ),
    "meetings:group_paper_version_add": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 404 404",  # the paper is the project meeting's: not this group meeting's
    ),
    "meetings:group_paper_version_download": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 404 404",
    ),
    "meetings:group_large_print_make": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
        "POST",
    ),
    "meetings:group_papers": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_papers_send": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
        "POST",
    ),
    "meetings:group_plan": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:group_reply": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 404 404",
        "POST",
    ),
    "meetings:group_sign_up": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
        "POST",
    ),
    "meetings:group_suggest": (
        {"pk": "network_group", "meeting_pk": "group_meeting"},
        "in 404 404 ok ok",
    ),
    "meetings:ics": ("project", "in ok 404 404 ok"),
    "meetings:invite": ("project", "in 404 404 404 ok"),
    "meetings:mine": (None, "in ok ok ok ok"),
    "meetings:needs": ("project", "in ok 404 404 404"),
    "meetings:notes": ("project", "in 404 404 404 ok"),
    "meetings:paper_download": ("project", "in ok 404 404 ok"),
    "meetings:paper_version_add": ("project", "in 404 404 404 ok"),
    "meetings:paper_version_download": ("project", "in ok 404 404 ok"),
    "meetings:large_print_make": ("project", "in 404 404 404 ok", "POST"),
    "meetings:papers": ("project", "in 404 404 404 ok"),
    "meetings:papers_send": ("project", "in 404 404 404 ok", "POST"),
    "meetings:plan": ("project", "in 404 404 404 ok"),
    "meetings:project": ("project", "in ok 404 404 ok"),
    "meetings:reply": ("project", "in ok 404 404 404", "POST"),
    "meetings:sign_up": ("project", "in ok 404 404 ok", "POST"),
    "meetings:suggest": ("project", "in 404 404 404 ok"),
    "meetings:venue_change": (None, "in 403 403 403 ok"),
    "meetings:venue_new": (None, "in 403 403 403 ok"),
    "meetings:venues": (None, "in ok ok ok ok"),
    "projects:action_status": ("project", "in 404 404 404 404", "POST"),
    "projects:actions": ("project", "in ok 404 404 ok"),
    "projects:advice": ("project", "in ok 404 404 ok"),
    "projects:board_question": (None, "in 404 404 404 404"),
    "projects:board_questions": (None, "in 404 404 404 404"),
    "projects:decision": ("project", "in ok 404 404 ok"),
    "projects:decision_close": ("project", "in 404 404 404 ok", "POST"),
    "projects:decision_new": ("project", "in 404 404 404 ok"),
    "projects:decision_on_behalf": ("project", "in 404 404 404 ok", "POST"),
    "projects:detail": ("project", "404 ok 404 404 ok"),
    "projects:edit": ("project", "in 404 404 404 ok"),
    # Join requests: the demo's request is for another project than the owner's (AZ-2: 404
    # even for the administrator, who runs every project).
    "projects:join_accept": ("project", "in 404 404 404 404", "POST"),
    "projects:join_ask": ("project", "in ok 404 404 ok"),
    "projects:join_decline": ("project", "in 404 404 404 404", "POST"),
    "projects:join_requests": ("project", "in 404 404 404 ok"),
    "projects:my_join_requests": (None, "in ok ok ok ok"),
    "projects:list": (None, "ok ok ok ok ok"),
    "projects:evidence_method": (None, "ok ok ok ok ok"),
    "projects:member_leave": ("project", "in ok 404 404 ok", "POST"),
    "projects:members": ("project", "in ok 404 404 ok"),
    "projects:respond": ("project", "in 404 404 404 ok"),
    "projects:stage": ("project", "in 404 404 404 ok"),
    "projects:start": (None, "in 403 403 ok ok"),
    "projects:you_said": ("project", "404 ok 404 404 ok"),
    "readiness:actions": ("readiness.AuditRound", "in 404 404 ok ok"),
    "readiness:close": ("readiness.AuditRound", "in 404 404 ok ok", "POST"),
    "readiness:home": (None, "in 404 404 ok ok"),
    "readiness:people": ("readiness.AuditRound", "in 404 404 ok ok"),
    "readiness:publish": ("readiness.AuditRound", "in 404 404 ok ok", "POST"),
    "readiness:round": ("readiness.AuditRound", "ok ok ok ok ok"),
    "readiness:round_new": (None, "in 404 404 ok ok"),
    "readiness:rounds": (None, "ok ok ok ok ok"),
    "readiness:score": ("readiness.AuditRound", "in ok 404 404 404"),
    "readiness:step": ("framework.StaircaseStep", "in 404 404 ok ok"),
    "reciprocity:activity_new": (None, "in 403 403 403 ok"),
    "notifications:letter": ("user", "in 404 404 ok ok"),
    "notifications:letter_posted": ("user", "in 404 404 ok ok", "POST"),
    "notifications:list": (None, "in ok ok ok ok"),
    "notifications:preferences": (None, "in ok ok ok ok"),
    "notifications:read": ("notification", "in ok 404 404 404", "POST"),
    "notifications:read_all": (None, "in ok ok ok ok", "POST"),
    "notifications:texts": (None, "in 404 404 ok ok"),
    "notifications:to_post": (None, "in 404 404 ok ok"),
    "reciprocity:certificate": ("recognition", "in 404 404 ok ok"),
    "reciprocity:claim": ("claim", "in ok 404 ok ok"),
    "reciprocity:claim_approve": ("claim", "in 403 404 ok ok", "POST"),
    "reciprocity:claim_paid": ("claim", "in 403 404 ok ok", "POST"),
    "reciprocity:claim_reject": ("claim", "in 403 404 ok ok", "POST"),
    "reciprocity:claim_submit": ("claim", "in ok 404 ok ok", "POST"),
    "reciprocity:claims": (None, "in 403 403 ok ok"),
    "reciprocity:claims_approve": (None, "in 403 403 ok ok", "POST"),
    "reciprocity:credits_issue": ("user", "in 403 404 ok ok"),
    "reciprocity:expense_decide": ("expense", "in 403 404 ok ok", "POST"),
    "reciprocity:expense_new": (None, "in ok ok ok ok"),
    "reciprocity:expense_paid": ("expense", "in 403 404 ok ok", "POST"),
    "reciprocity:expense_receipt": ("expense", "in 404 404 404 404"),
    "reciprocity:expenses": (None, "in 403 403 ok ok"),
    "reciprocity:export": ("export", "in 403 403 ok ok"),
    "reciprocity:export_download": ("export", "in 403 403 ok ok"),
    "reciprocity:export_paid": ("export", "in 403 403 ok ok", "POST"),
    "reciprocity:exports": (None, "in 403 403 ok ok"),
    "reciprocity:mine": (None, "in ok ok ok ok"),
    "reciprocity:nobody_left_out": (None, "in 403 403 ok ok"),
    "reciprocity:offer_spend": ("offer", "in ok ok ok ok", "POST"),
    "reciprocity:offers": (None, "in ok ok ok ok"),
    "reciprocity:people": (None, "in 403 403 ok ok"),
    "reciprocity:person": ("user", "in ok 404 ok ok"),
    "reciprocity:preference": (None, "in ok ok ok ok"),
    "reciprocity:rate_new": (None, "in 403 403 403 ok"),
    "reciprocity:rates": (None, "in ok ok ok ok"),
    "reciprocity:recognition_new": ("user", "in 403 404 ok ok"),
    "reciprocity:reward_confirm": ("reward", "in 403 403 ok ok"),
    "reciprocity:rewards": (None, "in 403 403 ok ok"),
    "reciprocity:transaction_reverse": ("transaction", "in 403 403 403 ok"),
    "reports:dashboard": (None, "in 404 404 ok ok"),
    "reports:dashboard_csv": (None, "in 404 404 ok ok"),
    "reports:open_data": (None, "ok ok ok ok ok"),
    "reports:project": ("project", "in ok 404 404 ok"),
    "reports:project_csv": ("project", "in ok 404 404 ok"),
    "reports:project_pdf": ("project", "in ok 404 404 ok"),
    "reports:schedule": ("reports.ReportSchedule", "in 404 404 404 ok"),
    "reports:schedule_edit": ("reports.ReportSchedule", "in 404 404 404 ok"),
    "reports:schedule_new": (None, "in 404 404 ok ok"),
    "reports:schedule_stop": ("reports.ReportSchedule", "in 404 404 404 ok"),
    "reports:schedules": (None, "in 404 404 ok ok"),
    # Safeguarding (SAFE-1): the owner raised the concern and sees it; nobody here is a lead.
    "safeguarding:act": ("concern", "in 404 404 404 404", "POST"),
    "safeguarding:concern": ("concern", "in ok 404 404 404"),
    "safeguarding:concerns": (None, "in ok ok ok ok"),
    "safeguarding:raise": (None, "in ok ok ok ok"),
    # The members' own word: a record answers only to the person it is about (and their
    # supporter with consent): everyone else, administrators too, gets 404. Resolving needs a
    # contested record of this project: none in the world, so 404 for all.
    "voice:check_in": ("project", "in ok 404 404 404"),
    "voice:home": (None, "in ok ok ok ok"),
    "voice:idea_for_someone": ("project", "in 404 404 404 ok"),
    "voice:measure_add": ({"pk": "project", "outcome_pk": "voice.Outcome"}, "in 404 404 404 404"),
    "voice:outcomes": ("project", "in ok 404 404 ok"),
    "voice:project_records": ("project", "in 404 404 404 ok"),
    "voice:record_attendance": ({"record_pk": "meetings.Attendance"}, "in 404 404 404 404"),
    "voice:record_idea": ({"record_pk": "contribution"}, "in ok 404 404 404"),
    "voice:record_membership": ({"record_pk": "membership"}, "in ok 404 404 404"),
    "voice:record_position": ({"record_pk": "projects.Position"}, "in 404 404 404 404"),
    "voice:resolve_attendance": (
        {"pk": "project", "record_pk": "meetings.Attendance"},
        "in 404 404 404 404",
    ),
    "voice:resolve_idea": ({"pk": "project", "record_pk": "contribution"}, "in 404 404 404 404"),
    "voice:resolve_membership": (
        {"pk": "project", "record_pk": "membership"},
        "in 404 404 404 404",
    ),
    "voice:resolve_position": (
        {"pk": "project", "record_pk": "projects.Position"},
        "in 404 404 404 404",
    ),
    "voice:verdict": (None, "in ok 404 404 404"),
    "writing:check": (None, "ok ok ok ok ok"),
}

# "METHOD /api/v1/path": outcomes. POST bodies are empty JSON: 422 means the caller got past
# the permission check to the validation.
API: dict[str, str] = {
    # Writes are asked with an empty body, refused (422) before the permission check; the
    # 404s for outsiders with a valid body are in tests/conversations/test_api.py.
    "GET /api/v1/conversations/polls/{poll_id}": "401 ok 404 404 404",
    "GET /api/v1/conversations/projects/{project_id}/polls": "401 ok 404 404 404",
    "GET /api/v1/conversations/projects/{project_id}/threads": "401 ok 404 404 404",
    "GET /api/v1/conversations/threads/{thread_id}/posts": "401 ok 404 404 404",
    "GET /api/v1/safeguarding/concerns": "401 ok ok ok ok",
    "GET /api/v1/safeguarding/concerns/{concern_id}": "401 ok 404 404 404",
    "POST /api/v1/conversations/polls/{poll_id}/vote": "401 422 422 422 422",
    "POST /api/v1/conversations/projects/{project_id}/threads": "401 422 422 422 422",
    "POST /api/v1/conversations/threads/{thread_id}/posts": "401 422 422 422 422",
    "POST /api/v1/conversations/threads/{thread_id}/posts/{post_id}/hide": "401 422 422 422 422",
    "POST /api/v1/conversations/threads/{thread_id}/posts/{post_id}/restore": "401 422 422 422 422",
    "GET /api/v1/framework/glossary": "ok ok ok ok ok",
    "GET /api/v1/framework/principles": "ok ok ok ok ok",
    "GET /api/v1/framework/staircase": "ok ok ok ok ok",
    "GET /api/v1/get-involved/requests": "401 404 404 ok ok",
    "GET /api/v1/get-involved/requests/{get_involved_id}": "401 404 404 ok ok",
    "GET /api/v1/join-requests": "401 ok ok ok ok",
    "GET /api/v1/me": "401 ok ok ok ok",
    "GET /api/v1/notifications": "401 ok ok ok ok",
    "GET /api/v1/notifications/preferences": "401 ok ok ok ok",
    "POST /api/v1/notifications/read-all": "401 ok ok ok ok",
    "POST /api/v1/notifications/{notification_id}/read": "401 ok 404 404 404",
    "PUT /api/v1/notifications/preferences": "401 422 422 422 422",
    "PUT /api/v1/notifications/quiet-hours": "401 422 422 422 422",
    "GET /api/v1/projects": "401 ok ok ok ok",
    "GET /api/v1/projects/{project_id}": "401 ok 404 404 ok",
    "GET /api/v1/projects/{project_id}/actions": "401 ok 404 404 ok",
    "GET /api/v1/projects/{project_id}/contributions": "401 ok 404 404 ok",
    "GET /api/v1/projects/{project_id}/decisions": "401 ok 404 404 ok",
    "GET /api/v1/projects/{project_id}/decisions/{decision_id}/positions": "401 ok 404 404 ok",
    "GET /api/v1/projects/{project_id}/evidence": "401 ok 404 404 ok",
    "GET /api/v1/projects/{project_id}/members": "401 ok 404 404 ok",
    "POST /api/v1/join-requests/{join_request_id}/accept": "401 404 404 404 ok",
    "POST /api/v1/join-requests/{join_request_id}/decline": "401 422 422 422 422",
    "POST /api/v1/plain-english": "422 422 422 422 422",
    # The owner is a member already (409); the administrator sees every project and may ask.
    "POST /api/v1/projects/{project_id}/join-requests": "401 409 404 404 ok",
    "POST /api/v1/projects/{project_id}/contributions": "401 422 422 422 422",
    "POST /api/v1/projects/{project_id}/decisions/{decision_id}/positions": "401 422 404 404 404",
    # Only the person (or their consented supporter) answers for a record; the owner's own
    # membership was entered by the organiser at the time, so it is not waiting: 409.
    "GET /api/v1/voice/records": "401 ok ok ok ok",
    "POST /api/v1/voice/records/{kind}/{record_id}/confirm": "401 409 404 404 404",
    "POST /api/v1/voice/records/{kind}/{record_id}/contest": "401 422 422 422 422",
    "POST /api/v1/voice/projects/{project_id}/check-ins": "401 422 422 422 422",
    "GET /api/v1/voice/projects/{project_id}/outcomes": "401 ok 404 404 ok",
}

# Asked after everything else, in this order: they end the owner's membership or the session.
LAST = ("projects:member_leave", "accounts:sign_out")


def _missing_pages() -> list[str]:
    return sorted(set(route_table()) - set(PAGES))


def _missing_api() -> list[str]:
    return sorted(set(api_operations()) - set(API))


def test_az1_every_route_has_an_entry():
    missing = _missing_pages()
    stale = sorted(set(PAGES) - set(route_table()))
    assert not missing, (
        f"{len(missing)} route(s) have no line in PAGES in tests/security/test_az1_az11_crawl.py "
        "(see this file's docstring: AZ_CRAWL_PRINT=1 ... -k record writes their lines to "
        "var/az-crawl-missing.txt): " + ", ".join(missing)
    )
    assert not stale, f"PAGES names routes that no longer exist: {', '.join(stale)}"


def test_az1_every_api_operation_has_an_entry():
    missing = _missing_api()
    stale = sorted(set(API) - set(api_operations()))
    assert not missing, "API operations with no line in API: " + ", ".join(missing)
    assert not stale, f"API names operations that no longer exist: {', '.join(stale)}"


def _order(names):
    # POST routes change things (leaving a project, removing an agenda item): ask them last,
    # and sign out at the very end.
    def key(name):
        last = LAST.index(name) + 1 if name in LAST else 0
        return (last, len(PAGES.get(name, ())) == 3, name)

    return sorted(names, key=key)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_az1_az11_log2_every_page_answers_each_persona_as_the_table_says(
    client, settings, tmp_path, persona, caplog
):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world()
    client.raise_request_exception = False  # a server error is reported with the others
    user = sign_in(client, world, persona)
    routes = route_table()
    column = PERSONAS.index(persona)
    wrong, unlogged = {}, []
    caplog.set_level(logging.WARNING, logger="copro.request")
    for name in _order(n for n in PAGES if n in routes):
        entry = PAGES[name]
        want = entry[1].split()[column]
        caplog.clear()
        url, response = ask_page(client, name, routes[name], entry, world)
        got = page_outcome(response)
        if got != want:
            wrong[name] = f"{url}: got {got}, table says {want}"
        if got == "404" and persona != "citizen":
            assert world["owner"].display_name.encode() not in response.content, url
        if user is not None and got in ("403", "404") and not _refusal_logged(caplog, user, got):
            unlogged.append(name)  # LOG-2: refusals are logged with user, route, object type
    assert wrong == {}, persona
    assert unlogged == [], f"refusals not logged for {persona}"


def _refusal_logged(caplog, user, status: str) -> bool:
    return any(
        getattr(r, "event", "") == "access_refused"
        and getattr(r, "status", None) == int(status)
        and getattr(r, "user_id", None) == user.pk
        and getattr(r, "route", "")
        for r in caplog.records
    )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_az1_az11_every_api_operation_answers_each_persona_as_the_table_says(
    client, settings, tmp_path, persona
):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world()
    client.raise_request_exception = False  # a server error is reported with the others
    sign_in(client, world, persona)
    column = PERSONAS.index(persona)
    wrong = {}
    operations = api_operations()
    for key in sorted(k for k in API if k in operations):
        got = api_outcome(ask_api(client, key, world))
        want = API[key].split()[column]
        if got != want:
            wrong[key] = f"got {got}, table says {want}"
    assert wrong == {}, persona


@pytest.mark.django_db
@pytest.mark.skipif(not os.environ.get("AZ_CRAWL_PRINT"), reason="set AZ_CRAWL_PRINT=1 to print")
def test_record_outcomes_for_routes_without_an_entry(settings, tmp_path):
    """Not a check: writes table lines, for a person to review, for routes with no entry
    (AZ_CRAWL_PRINT=all: for every route). All personas share one world here, so a POST one
    persona makes (leaving a project) can change what a later one gets: check POST lines."""
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world()
    routes = route_table()
    every = os.environ.get("AZ_CRAWL_PRINT") == "all"
    names = sorted(routes) if every else _missing_pages()
    keys = sorted(api_operations()) if every else _missing_api()
    lines = {}
    for key in keys:  # first: some pages below change memberships
        outcomes = [api_outcome(ask_api(_client(world, p), key, world)) for p in PERSONAS]
        lines[key] = f'    "{key}": "{" ".join(outcomes)}",'
    found = {}
    for name in names:  # GET has no side effects: a 405 from anyone marks a POST-only route
        main = _guess_main(name, routes[name], world)
        got = [
            page_outcome(ask_page(_client(world, p), name, routes[name], (main, ""), world)[1])
            for p in PERSONAS
        ]
        found[name] = (main, got, "405" in got)
    posts = sorted(
        (n for n in found if found[n][2]),
        key=lambda n: (n in LAST, LAST.index(n) if n in LAST else 0, n),
    )
    for name in posts:
        main = found[name][0]
        got = [
            page_outcome(
                ask_page(_client(world, p), name, routes[name], (main, "", "POST"), world)[1]
            )
            for p in PERSONAS
        ]
        found[name] = (main, got, True)
    for name in sorted(found):
        main, got, post = found[name]
        method = ', "POST"' if post else ""
        lines[name] = f'    "{name}": ({main!r}, "{" ".join(got)}"{method}),'
    target = os.environ.get("AZ_CRAWL_OUT", "var/az-crawl-missing.txt")
    with open(target, "w") as out:
        out.write("\n".join(sorted(lines.values())) + "\n")
    print(f"\nTable lines for {len(lines)} route(s) written to {target}")


def _client(world, persona):
    from django.test import Client

    client = Client(raise_request_exception=False)
    sign_in(client, world, persona)
    return client


def _guess_main(name, pattern, world):
    params = set(pattern.params)
    if not params & {"pk", "slug"}:
        return None
    namespace, _, short = name.partition(":")
    if "slug" in params:
        return "group" if short == "group" else "learn_page"
    models = {
        "community:slot": "community.ClinicSlot",
        "community:book": "community.ClinicSlot",
        "community:booking": "community.ClinicBooking",
        "community:cancel": "community.ClinicBooking",
        "community:booking_ics": "community.ClinicBooking",
        "community:case_study": "community.CaseStudy",
        "community:case_study_edit": "community.CaseStudy",
        "readiness:step": "framework.StaircaseStep",
        "learning:ordering_attempt": "learning.OrderingAttempt",
        "learning:tip_check_in": "learning.TipCheckIn",
        "learning:recipe_check_in": "learning.RecipeCheckIn",
        "learning:journal_entry": "learning.JournalEntry",
        "learning:journal_delete": "learning.JournalEntry",
        "reports:schedule": "reports.ReportSchedule",
        "reports:schedule_edit": "reports.ReportSchedule",
        "reports:schedule_stop": "reports.ReportSchedule",
    }
    if name in models:
        return models[name]
    if name.startswith("meetings:group"):
        return {"pk": "network_group", "meeting_pk": "group_meeting"}
    if namespace == "readiness":
        return "readiness.AuditRound"
    guesses = {
        "learning": "attempt" if short == "attempt" else "session",
        "meetings": "project",
        "projects": "project",
        "reports": "project",
        "accounts": "user",
    }
    if namespace == "reciprocity":
        for word, key in (
            ("offer", "offer"),
            ("expense", "expense"),
            ("certificate", "recognition"),
            ("claim", "claim"),
            ("export", "export"),
            ("reward", "reward"),
            ("transaction", "transaction"),
        ):
            if word in short:
                return key
        return "user"
    return guesses.get(namespace, "project")
