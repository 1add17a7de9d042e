"""Examples for the contract: objects of the demo network as the API shows them (core/examples.py)."""

from core.examples import ResourceSample

from .serializers import CountryDetailSerializer, CountrySerializer

COUNTRY = ResourceSample(
    title="A country profile",
    read={
        "code": "AM",
        "name": "Armenia",
        "conscription": "Men aged 18 to 27 serve two years. (example data)",
        "conscientious_objection": "After the European Court of Human Rights judgment Bayatyan v. Armenia "
        "(2011), Armenia offers an alternative civilian labour service, longer "
        "than military service. (example data)",
        "mobilization": "None for Russian citizens; Armenia is a member of the CSTO. (example data)",
        "penalties": "Not relevant for Russian citizens staying in Armenia. (example data)",
        "asylum_practice": "Russian citizens can enter with an internal passport and stay up to 180 days. "
        "Armenia has not extradited objectors, but Russian military police from the "
        "base in Gyumri detained deserters on Armenian territory and took at least one "
        "back to Russia in 2023. (example data)",
        "sources": [
            {
                "title": "#ObjectWarCampaign (2023): first arrest and deportation of a Russian "
                "objector from Armenia",
                "url": "https://objectwarcampaign.org/en/2023/12/20/first-arrest-and-deportation-of-a-russian-conscientious-objector-from-armenia/",
            },
            {
                "title": "OC Media (2023): Russian deserter detained in Yerevan",
                "url": "https://oc-media.org/russian-deserter-detained-in-yerevan/",
            },
        ],
        "last_reviewed": "2026-08-08",
        "reviewed_by": "Olga",
        "is_stale": False,
        "is_example": True,
        "version": 2,
        "updated_at": "2026-12-06T05:55:43.580331Z",
        "review_warning": None,
        "guides": [],
        "organizations": [],
    },
    change={"last_reviewed": "2026-11-30"},
    listed_by=CountrySerializer,
    created_by=CountryDetailSerializer,
)
