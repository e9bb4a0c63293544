"""The app's URLs, and the limit's and the peer's endpoints under /bench/."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from config.urls import handler400, handler404, handler500  # noqa: F401

from . import limit, peer

STATS = ("summary", "extraditions", "charges", "sentences", "visits", "overdue", "facilities")

peer_router = SimpleRouter()
peer_router.register("detainees", peer.PeerDetaineeViewSet, basename="peer-detainee")

urlpatterns = [
    path("bench/limit/detainees/", limit.detainee_list),
    path("bench/limit/detainees/<int:pk>/", limit.detainee_detail),
    *[path(f"bench/limit/stats/{name}/", getattr(limit, f"stats_{name}")) for name in STATS],
    path("bench/peer/", include(peer_router.urls)),
    path("", include("config.urls")),
]
