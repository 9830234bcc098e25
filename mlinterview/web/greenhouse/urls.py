from django.urls import path

from mlinterview.web.greenhouse import views

# The addresses given to Greenhouse (see the README): one per protocol call.
urlpatterns = [
    path("greenhouse/list_tests", views.list_tests, name="greenhouse-list-tests"),
    path("greenhouse/send_test", views.send_test, name="greenhouse-send-test"),
    path("greenhouse/test_status", views.test_status, name="greenhouse-test-status"),
    path("greenhouse/response_error", views.response_error, name="greenhouse-response-error"),
]
