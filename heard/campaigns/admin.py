from django.contrib import admin

from .models import Campaign, Event, GuideQuestion, QuestionWording, SignUp


class GuideQuestionInline(admin.TabularInline):
    model = GuideQuestion
    show_change_link = True  # its text in the campaign's other languages is on its own page


class QuestionWordingInline(admin.TabularInline):
    model = QuestionWording
    extra = 1


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "is_active", "starts_on"]
    inlines = [GuideQuestionInline]


@admin.register(GuideQuestion)
class GuideQuestionAdmin(admin.ModelAdmin):
    list_display = ["prompt", "campaign", "position"]
    inlines = [QuestionWordingInline]


admin.site.register([Event, SignUp])
