"""iCalendar (RFC 5545) export of events, for calendar apps that subscribe to a URL."""

import icalendar

PRODID = "-//Waypoint//Events//EN"


def location_of(event) -> str:
    if event.is_online:
        return "Online"
    parts = [event.place, event.city, event.country.name if event.country else ""]
    return ", ".join(part for part in parts if part)


def calendar_bytes(events, *, name: str) -> bytes:
    """One VCALENDAR with a VEVENT per event, in its own time zone, with the VTIMEZONEs it needs."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"waypoint-event-{event.pk}")
        entry.add("dtstamp", event.updated_at)
        entry.add("last-modified", event.updated_at)
        entry.add("sequence", event.version)
        entry.add("dtstart", event.starts_at.astimezone(event.zone))
        entry.add("dtend", event.ends_at.astimezone(event.zone))
        entry.add("summary", event.title)
        description = [event.description, f"Organized by {event.organization.name}."]
        if event.campaign_id:
            description.append(f"Part of {event.campaign.name}.")
            entry.add("categories", [event.campaign.name])
        entry.add("description", "\n\n".join(part for part in description if part))
        location = location_of(event)
        if location:
            entry.add("location", location)
        if event.link:
            entry.add("url", event.link)
        entry.add("status", "CONFIRMED")
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
