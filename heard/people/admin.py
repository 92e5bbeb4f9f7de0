from django.contrib import admin

from .models import Consent, Household, Person, Place, Relationship


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organization"]
    list_filter = ["organization", "kind"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "language", "organization"]
    list_filter = ["organization", "language"]
    search_fields = ["name", "email", "phone"]


admin.site.register([Household, Relationship, Consent])
