"""Examples for the contract: objects of the demo network as the API shows them (core/examples.py)."""

from core.examples import ResourceSample

from .serializers import CampaignSerializer

CAMPAIGN = ResourceSample(
    title="An action week",
    read={
        "id": 1,
        "name": "Action week for the right to refuse, Human Rights Day 2026 (example data)",
        "slug": "human-rights-day-2026",
        "hashtag": "#RightToRefuse",
        "start_date": "2026-12-07",
        "end_date": "2026-12-13",
        "demands": "Recognize the right to conscientious objection, also in war and for reservists.\n"
        "Grant protection to objectors and deserters from Russia, Belarus and Ukraine.\n"
        "Stop deportations of objectors to the countries they fled.\n"
        "Release imprisoned objectors.",
        "description": "Around Human Rights Day, partner organizations across Europe hold vigils, talks, "
        "workshops and consultation hours for objectors and deserters. (example data)",
        "visibility": "public",
        "is_example": True,
        "version": 1,
        "created_at": "2026-12-06T05:55:43.870495Z",
        "updated_at": "2026-12-06T05:55:43.870504Z",
    },
    change={"hashtag": "#RightToRefuse"},
    created_by=CampaignSerializer,
)


EVENT = ResourceSample(
    title="An event of the action week",
    read={
        "id": 3,
        "campaign": 1,
        "campaign_name": "Action week for the right to refuse, Human Rights Day 2026 (example data)",
        "organization": 3,
        "organization_name": "Pacifist movement in Ukraine (example data)",
        "title": "Online press conference: objectors on trial (example data)",
        "description": "Online press conference: objectors on trial. (example data)",
        "starts_at": "2026-12-08T12:00:00+02:00",
        "ends_at": "2026-12-08T13:00:00+02:00",
        "timezone": "Europe/Kyiv",
        "is_online": True,
        "place": "",
        "city": "",
        "country": "",
        "link": "https://pacifist-movement-ua.example.org/action-week-2026",
        "visibility": "public",
        "is_example": True,
        "version": 1,
        "created_at": "2026-12-06T05:55:43.904141Z",
        "updated_at": "2026-12-06T05:55:43.904163Z",
    },
    change={"city": "Berlin"},
)
