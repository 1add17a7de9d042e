"""Demo alert: one public notice of the network office, invented and marked example data.

It expires 30 days after the day the demo is loaded (midnight UTC, so loading it again the
same day changes nothing), so a fresh `make run` shows it at the top of the app.
"""

from core.demo import EXAMPLE, TRANSLATED_AT, days_ago, upsert
from core.translations import machine_made

from .models import Alert

TEXT = f"The old demo hotline +49 30 23125 999 is compromised: do not call it {EXAMPLE}."
TRANSLATIONS = {
    "ru": {"text": f"Старая демо-линия +49 30 23125 999 скомпрометирована: не звоните на неё {EXAMPLE}."},
    "uk": {"text": f"Стара демо-лінія +49 30 23125 999 скомпрометована: не телефонуйте на неї {EXAMPLE}."},
    "de": {"text": f"Die alte Demo-Hotline +49 30 23125 999 ist kompromittiert: nicht anrufen {EXAMPLE}."},
}


def load() -> None:
    upsert(
        Alert,
        {"text": TEXT},
        source_language="en",
        translations=machine_made({"text": TEXT}, TRANSLATIONS, written_at=TRANSLATED_AT),
        visibility="public",
        expires_at=days_ago(-30),
        is_example=True,
    )
