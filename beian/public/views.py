from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def landing(request):
    return render(request, "public/landing.html", {
        "review_days": settings.REVIEW_DEADLINE_WORKING_DAYS,
        "late_days": settings.LATE_FILING_DAYS,
    })
