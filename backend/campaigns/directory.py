"""The #ObjectWar campaign as its flyer (September 2023) publishes it.

The flyer announces an action week around Human Rights Day, 10 December 2023, without
its first and last day; the campaign is filed under that day rather than invent a week.
"""

from datetime import date

from core.demo import upsert
from core.directory import FLYER

from .models import Campaign

HUMAN_RIGHTS_DAY_2023 = date(2023, 12, 10)


def load() -> None:
    upsert(
        Campaign,
        {"slug": "objectwar"},
        name="#ObjectWar",
        hashtag="#ObjectWar",
        start_date=HUMAN_RIGHTS_DAY_2023,
        end_date=HUMAN_RIGHTS_DAY_2023,
        description=(
            "Campaign for conscientious objectors and deserters from Russia, Belarus and Ukraine "
            "(objectwarcampaign.org), with an action week around Human Rights Day, 10 December 2023."
        ),
        visibility=Campaign.Level.PUBLIC,
        is_example=False,
        **FLYER,
    )
