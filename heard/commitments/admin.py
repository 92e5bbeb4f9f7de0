from django.contrib import admin

from .models import Commitment

admin.site.register(Commitment)
