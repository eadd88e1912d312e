"""Administrators can edit every kind of guidance row."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from copro.framework.admin import GlossaryTermForm
from copro.framework.models import GlossaryTerm, Principle, StaircaseStep
from tests.framework.helpers import ALL_MODELS


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda model: model.__name__)
def test_every_guidance_model_is_in_the_admin(model):
    assert admin.site.is_registered(model)


@pytest.mark.django_db
def test_slug_cannot_be_changed_once_the_row_exists():
    model_admin = admin.site._registry[StaircaseStep]
    request = RequestFactory().get("/")

    assert "slug" not in model_admin.get_readonly_fields(request, None)
    assert "slug" in model_admin.get_readonly_fields(request, StaircaseStep.objects.first())


@pytest.mark.django_db
def test_admin_records_who_changed_a_row(administrator):
    request = RequestFactory().post("/")
    request.user = administrator
    model_admin = admin.site._registry[Principle]
    principle = Principle.objects.get(slug="equality")

    model_admin.save_model(request, principle, form=None, change=True)

    principle.refresh_from_db()
    assert principle.updated_by == administrator
    assert principle.created_by is None


@pytest.mark.django_db
def test_glossary_form_refuses_see_also_to_a_missing_term():
    term = GlossaryTerm.objects.get(slug="agenda")
    form = GlossaryTermForm(
        data={
            "order": term.order,
            "slug": term.slug,
            "term": term.term,
            "definition": term.definition,
            "see_also": '["no-such-term"]',
        },
        instance=term,
    )

    assert not form.is_valid()
    assert "no-such-term" in str(form.errors["see_also"])
