from django.urls import path

from copro.community import views_case_studies as case_studies
from copro.community import views_clinics as clinics

app_name = "community"

urlpatterns = [
    path("", clinics.community_home, name="home"),
    path("clinics/", clinics.clinics, name="clinics"),
    path("clinics/new/", clinics.slot_new, name="slot_new"),
    path("clinics/<int:pk>/", clinics.slot_detail, name="slot"),
    path("clinics/<int:pk>/book/", clinics.slot_book, name="book"),
    path("clinics/bookings/<int:pk>/", clinics.booking_detail, name="booking"),
    path("clinics/bookings/<int:pk>/cancel/", clinics.booking_cancel, name="cancel"),
    path("clinics/bookings/<int:pk>/calendar.ics", clinics.booking_ics, name="booking_ics"),
    path("case-studies/", case_studies.case_study_list, name="case_studies"),
    path("case-studies/new/", case_studies.case_study_new, name="case_study_new"),
    path("case-studies/compare/", case_studies.case_study_compare, name="compare"),
    path("case-studies/<int:pk>/", case_studies.case_study_detail, name="case_study"),
    path("case-studies/<int:pk>/edit/", case_studies.case_study_edit, name="case_study_edit"),
]
