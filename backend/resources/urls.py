from rest_framework.routers import SimpleRouter

from .views import ResourceResponseViewSet, ResourceViewSet

router = SimpleRouter()
router.register("resources", ResourceViewSet)
router.register("responses", ResourceResponseViewSet)
urlpatterns = router.urls
