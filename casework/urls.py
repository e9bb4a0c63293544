from django.urls import path

from . import pages

app_name = "casework"

urlpatterns = [
    path("my-work/", pages.my_work, name="my_work"),
    path("my-work/notifications/read/", pages.notifications_read, name="notifications_read"),
    path("my-work/calendar/reset/", pages.calendar_reset, name="calendar_reset"),
    path("calendar/<str:token>.ics", pages.calendar, name="calendar"),
    path("visits/overdue/", pages.overdue, name="overdue"),
    path("detainees/<int:pk>/casework/", pages.detainee_casework, name="detainee"),
    path("detainees/<int:pk>/casework/tasks/", pages.task_add, name="task_add"),
    path(
        "detainees/<int:pk>/casework/tasks/<int:task_id>/move/",
        pages.task_move,
        name="task_move",
    ),
    path(
        "detainees/<int:pk>/casework/sentences/<int:sentence_id>/release/",
        pages.release_compute,
        name="release_compute",
    ),
    path(
        "detainees/<int:pk>/casework/visits/<int:visit_id>/follow-up/",
        pages.follow_up_add,
        name="follow_up_add",
    ),
    path("detainees/<int:pk>/casework/hand-over/", pages.hand_over, name="hand_over"),
    path("detainees/<int:pk>/casework/watch/", pages.watch, name="watch"),
    path("detainees/<int:pk>/casework/welfare/", pages.welfare_flag, name="welfare_flag"),
]
