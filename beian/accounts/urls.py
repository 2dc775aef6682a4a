from django.urls import path

from beian.accounts.views import menu, passwords, registration, signin

app_name = "accounts"

urlpatterns = [
    path("", menu.account_menu, name="menu"),
    path("login/", signin.sign_in, name="login"),
    path("login/code/", signin.sign_in_code_request, name="sign_in_code"),
    path("login/code/verify/", signin.sign_in_code_verify, name="sign_in_code_verify"),
    path("login/code/resend/", signin.sign_in_code_resend, name="sign_in_code_resend"),
    path("logout/", signin.sign_out, name="logout"),
    path("session/extend/", signin.extend_session, name="extend_session"),
    path("register/", registration.register, name="register"),
    path("register/verify/", registration.verify_mobile, name="verify_mobile"),
    path("register/send-code/", registration.send_registration_code, name="send_registration_code"),
    path("register/complete/", registration.complete_registration, name="complete_registration"),
    path("register/resend/", registration.resend_registration_code, name="resend_registration_code"),
    path("email/confirm/", registration.confirm_email, name="confirm_email"),
    path("email/resend/", registration.resend_email_confirmation, name="resend_email_confirmation"),
    path("password/change/", passwords.change_password, name="password_change"),
    path("password/reset/", passwords.reset_request, name="password_reset"),
    path("password/reset/verify/", passwords.reset_verify, name="password_reset_verify"),
    path("password/reset/resend/", passwords.reset_resend, name="password_reset_resend"),
]
