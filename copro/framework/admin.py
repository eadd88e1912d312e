"""Administrators edit the guidance here. `copro framework_load` writes the file's version back."""

from django import forms
from django.contrib import admin

from copro.framework import validators
from copro.framework.models import (
    EnvironmentValue,
    GlossaryTerm,
    LearnPage,
    LitmusQuestion,
    NetworkGroup,
    PeopleKind,
    Principle,
    SelfTestQuestion,
    SevenStep,
    Skill,
    StaircaseStep,
    Statement,
    Tip,
    TrainingLevel,
    Value,
)


class GuidanceAdmin(admin.ModelAdmin):
    """Records who made and changed each row, and keeps slugs fixed once a row exists."""

    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            # Other records and web addresses point at the slug, so it never changes.
            fields.insert(0, "slug")
        return fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class NamedItemAdmin(GuidanceAdmin):
    list_display = ["order", "name", "slug"]
    list_display_links = ["name"]
    search_fields = ["name", "slug", "description"]
    ordering = ["order"]


@admin.register(LearnPage)
class LearnPageAdmin(GuidanceAdmin):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "slug", "summary", "body"]
    ordering = ["title"]


@admin.register(PeopleKind)
class PeopleKindAdmin(GuidanceAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "description"]
    ordering = ["name"]


@admin.register(Principle)
class PrincipleAdmin(NamedItemAdmin):
    search_fields = ["name", "slug", "summary", "description"]


@admin.register(StaircaseStep)
class StaircaseStepAdmin(GuidanceAdmin):
    list_display = ["order", "name", "slug", "shares_power"]
    list_display_links = ["name"]
    list_filter = ["shares_power"]
    search_fields = ["name", "slug", "summary"]
    ordering = ["order"]


@admin.register(Statement)
class StatementAdmin(GuidanceAdmin):
    list_display = ["order", "text", "kind", "slug"]
    list_display_links = ["text"]
    list_filter = ["kind"]
    search_fields = ["text", "slug", "explanation"]
    ordering = ["order"]


@admin.register(LitmusQuestion)
class LitmusQuestionAdmin(GuidanceAdmin):
    list_display = ["order", "text", "area", "slug"]
    list_display_links = ["text"]
    list_filter = ["area"]
    search_fields = ["text", "slug"]
    ordering = ["order"]


@admin.register(TrainingLevel)
class TrainingLevelAdmin(NamedItemAdmin):
    list_display = ["order", "name", "hours", "unlocks_toolkit", "slug"]


@admin.register(SelfTestQuestion)
class SelfTestQuestionAdmin(GuidanceAdmin):
    list_display = ["order", "question", "slug"]
    list_display_links = ["question"]
    search_fields = ["question", "slug", "explanation"]
    ordering = ["order"]


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["order", "slug", "term", "definition", "see_also"]

    def clean(self):
        cleaned = super().clean()
        see_also = cleaned.get("see_also") or []
        slug = cleaned.get("slug") or self.instance.slug
        if isinstance(see_also, list):
            known = GlossaryTerm.objects.filter(slug__in=see_also).values_list("slug", flat=True)
            validators.check_see_also(slug=slug, see_also=see_also, known=known)
        return cleaned


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(GuidanceAdmin):
    form = GlossaryTermForm
    list_display = ["term", "slug", "order"]
    search_fields = ["term", "slug", "definition"]
    ordering = ["term"]


for model in (EnvironmentValue, Value, Skill, Tip, SevenStep, NetworkGroup):
    admin.site.register(model, NamedItemAdmin)
