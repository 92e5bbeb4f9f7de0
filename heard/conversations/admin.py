from django.contrib import admin

from .models import Answer, Conversation, Participant, Quote


class AnswerInline(admin.TabularInline):
    model = Answer


class QuoteInline(admin.TabularInline):
    model = Quote


class ParticipantInline(admin.TabularInline):
    model = Participant


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ["held_on", "venue", "campaign", "held_by"]
    list_filter = ["organization", "venue", "campaign"]
    inlines = [ParticipantInline, AnswerInline, QuoteInline]
