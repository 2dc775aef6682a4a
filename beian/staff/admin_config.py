"""The Django admin, installed with the site that keeps the administrative duties apart
(beian.staff.admin_site). Listed in INSTALLED_APPS instead of "django.contrib.admin"; no model import
here, because app configs load before the models."""

from django.contrib.admin.apps import AdminConfig


class PlatformAdminConfig(AdminConfig):
    default_site = "beian.staff.admin_site.DutyAdminSite"
