"""Read-only administration pages. Money is changed only through the services, which lock,
check, balance and audit; the ledger and the audit trail are append-only (LED-2)."""

from django.contrib import admin

from copro.reciprocity.models import (
    Account,
    ActivityType,
    Entry,
    Expense,
    ExportBatch,
    MoneyAudit,
    Offer,
    Partner,
    PaymentClaim,
    Rate,
    Recognition,
    Reward,
    Transaction,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class EntryInline(admin.TabularInline):
    model = Entry
    extra = 0
    can_delete = False
    readonly_fields = ["account", "amount"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Transaction)
class TransactionAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "memo", "created_at", "created_by"]
    list_filter = ["kind"]
    inlines = [EntryInline]


@admin.register(Account)
class AccountAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "__str__", "balance"]
    list_filter = ["kind"]


@admin.register(PaymentClaim)
class PaymentClaimAdmin(ReadOnlyAdmin):
    list_display = ["reference", "claimant", "amount_pence", "status", "activity_on", "paid_on"]
    list_filter = ["status"]


@admin.register(MoneyAudit)
class MoneyAuditAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "by", "person", "amount_pence", "credits", "reason"]
    list_filter = ["action"]


class CatalogueAdmin(admin.ModelAdmin):
    """Partners and their offers are the one part administrators edit here: no money moves.
    Withdraw one by unticking "is active"; nothing is deleted, the ledger points at them."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


admin.site.register(Partner, CatalogueAdmin)
admin.site.register(Offer, CatalogueAdmin)
for model in (ActivityType, Rate, Reward, Expense, Recognition, ExportBatch):
    admin.site.register(model, ReadOnlyAdmin)
