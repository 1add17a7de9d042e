"""The Waypoint Django project: settings, root URLs and the WSGI entry point."""
