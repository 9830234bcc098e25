from django.urls import path

from mlinterview.web.interviews import views

urlpatterns = [
    path("interviews/", views.interview_list, name="interview-list"),
    path("interviews/calibration/", views.calibration, name="calibration"),
    path("interviews/<int:pk>/", views.interview_detail, name="interview-detail"),
    path("interviews/<int:pk>/questions/add/", views.add_question, name="interview-add-question"),
    path("interviews/<int:pk>/debrief/", views.debrief, name="interview-debrief"),
    path("interviews/<int:pk>/advisory/<int:rating_id>/", views.advisory, name="interview-advisory"),
]
