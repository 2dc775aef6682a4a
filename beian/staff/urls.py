from django.urls import path

from beian.staff.views import accounts, agencies, audit, home, otp, personal_data

app_name = "staff"

urlpatterns = [
    path("", home.home, name="home"),
    path("otp/enrol/", otp.enrol, name="otp_enrol"),
    path("otp/verify/", otp.verify, name="otp_verify"),
    path("accounts/", accounts.account_list, name="accounts"),
    path("accounts/new/", accounts.account_create, name="account_create"),
    path("accounts/agencies/", accounts.agency_lookup, name="agency_lookup"),
    path("accounts/<int:pk>/", accounts.account_detail, name="account_detail"),
    path("accounts/<int:pk>/deactivate/", accounts.account_deactivate, name="account_deactivate"),
    path("accounts/<int:pk>/reactivate/", accounts.account_reactivate, name="account_reactivate"),
    path("accounts/<int:pk>/reset-authenticator/", accounts.account_reset_otp, name="account_reset_otp"),
    path("agencies/", agencies.agency_list, name="agencies"),
    path("agencies/<str:code>/", agencies.agency_contacts, name="agency_contacts"),
    path("audit/", audit.audit_log, name="audit"),
    path("audit/verify/", audit.audit_verify, name="audit_verify"),
    path("personal-data/", personal_data.personal_data_register, name="personal_data_register"),
]
