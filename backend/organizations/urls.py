from rest_framework.routers import SimpleRouter

from .views import ContactPointViewSet, OrganizationViewSet

router = SimpleRouter()
router.register("organizations", OrganizationViewSet)
router.register("contact-points", ContactPointViewSet)
urlpatterns = router.urls
