"""A renderer for text/calendar bodies, so calendar apps' Accept headers are honoured."""

from core.renderers import FileRenderer


class ICalendarRenderer(FileRenderer):
    media_type = "text/calendar"
    format = "ics"
