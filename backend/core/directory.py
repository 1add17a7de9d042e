"""Where the public directory's facts come from (`manage.py load_directory`).

Every fact the directory loads is published in the #ObjectWar campaign's flyer of
September 2023; each row names it as its source (`core.models.Sourced`). The flyer gives a
month, not a day, so its date is the month's first.
"""

from datetime import date

FLYER = {"source": "#ObjectWar campaign flyer (September 2023)", "source_date": date(2023, 9, 1)}
