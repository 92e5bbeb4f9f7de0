from django.contrib import admin

from .models import Campaign, Event, GuideQuestion, SignUp


class GuideQuestionInline(admin.TabularInline):
    model = GuideQuestion


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "is_active", "starts_on"]
    inlines = [GuideQuestionInline]


admin.site.register([Event, SignUp])
