"""Examples for the contract: objects of the demo network as the API shows them (core/examples.py)."""

from core.examples import ResourceSample

RESOURCE = ResourceSample(
    title="A training offer",
    read={
        "id": 12,
        "kind": "offer",
        "category": "training",
        "organization": 1,
        "organization_name": "Network office Germany (example data)",
        "title": "Training: preparing objectors for asylum interviews (example data)",
        "description": "Training: preparing objectors for asylum interviews. (example data)",
        "countries": ["DE", "GE"],
        "languages": ["ru", "en"],
        "amount": None,
        "currency": "",
        "capacity": "2 online sessions",
        "valid_until": "2027-03-06",
        "visibility": "network",
        "status": "in_progress",
        "workflow_status": "in_progress",
        "is_example": True,
        "version": 1,
        "created_at": "2026-12-06T05:55:43.697416Z",
        "updated_at": "2026-12-06T05:55:43.697427Z",
    },
    change={"capacity": "15 hours a month"},
)
