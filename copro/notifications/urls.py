from django.urls import path

from copro.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/read/", views.notification_read, name="read"),
    path("read-all/", views.notification_read_all, name="read_all"),
    path("how-to-tell-you/", views.preferences, name="preferences"),
    path("to-post/", views.to_post, name="to_post"),
    path("to-post/<int:pk>/letter.pdf", views.letter, name="letter"),
    path("to-post/<int:pk>/posted/", views.letter_posted, name="letter_posted"),
    path("texts/", views.texts, name="texts"),
]
