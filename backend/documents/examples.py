"""Examples for the contract: objects of the demo network as the API shows them (core/examples.py)."""

from core.examples import ResourceSample

from .serializers import DocumentSerializer

DOCUMENT = ResourceSample(
    title="A published guide",
    read={
        "id": 3,
        "title": "Asyl in Deutschland für Verweigerer und Deserteure (example data)",
        "summary": "Wie das Asylverfahren für Verweigerer und Deserteure abläuft und wie man sich auf die "
        "Anhörung vorbereitet.",
        "body": "> Beispieldaten (example data): Dieser Text ist für eine Vorführung erfunden und keine "
        "Rechtsberatung.\n"
        "\n"
        "## Wer Schutz beantragen kann\n"
        "\n"
        "Wer den Militärdienst verweigert oder aus der russischen oder belarussischen Armee "
        "desertiert\n"
        "ist, kann in Deutschland Asyl beantragen. Das Bundesamt für Migration und Flüchtlinge "
        "(BAMF)\n"
        "entscheidet nach einer persönlichen Anhörung.\n"
        "\n"
        "## Die Anhörung\n"
        "\n"
        "- Erzählen Sie der Reihe nach: Einberufung, Verweigerung oder Desertion, Flucht.\n"
        "- Bringen Sie alle Papiere zur Einberufung oder zum Dienst mit: Ladungen, Mitteilungen "
        "aus dem\n"
        "  elektronischen Register, Wehrpass, Nachrichten des Kreiswehrersatzamts.\n"
        "- Verlangen Sie eine Dolmetscherin in Ihrer Sprache und sagen Sie sofort, wenn Sie sie "
        "nicht verstehen.\n"
        "\n"
        "## Nach der Entscheidung\n"
        "\n"
        "Gegen eine Ablehnung kann innerhalb von zwei Wochen geklagt werden. Wenden Sie sich "
        "sofort an\n"
        "eine Beratungsstelle des Netzwerks.\n",
        "body_html": "<blockquote>\n"
        "<p>Beispieldaten (example data): Dieser Text ist für eine Vorführung erfunden und "
        "keine Rechtsberatung.</p>\n"
        "</blockquote>\n"
        "<h2>Wer Schutz beantragen kann</h2>\n"
        "<p>Wer den Militärdienst verweigert oder aus der russischen oder belarussischen "
        "Armee desertiert\n"
        "ist, kann in Deutschland Asyl beantragen. Das Bundesamt für Migration und "
        "Flüchtlinge (BAMF)\n"
        "entscheidet nach einer persönlichen Anhörung.</p>\n"
        "<h2>Die Anhörung</h2>\n"
        "<ul>\n"
        "<li>Erzählen Sie der Reihe nach: Einberufung, Verweigerung oder Desertion, "
        "Flucht.</li>\n"
        "<li>Bringen Sie alle Papiere zur Einberufung oder zum Dienst mit: Ladungen, "
        "Mitteilungen aus dem\n"
        "elektronischen Register, Wehrpass, Nachrichten des Kreiswehrersatzamts.</li>\n"
        "<li>Verlangen Sie eine Dolmetscherin in Ihrer Sprache und sagen Sie sofort, wenn "
        "Sie sie nicht verstehen.</li>\n"
        "</ul>\n"
        "<h2>Nach der Entscheidung</h2>\n"
        "<p>Gegen eine Ablehnung kann innerhalb von zwei Wochen geklagt werden. Wenden Sie "
        "sich sofort an\n"
        "eine Beratungsstelle des Netzwerks.</p>\n",
        "language": "de",
        "translation_group": "9fe529ef-1751-5937-932f-7857a0194442",
        "topics": ["asylum", "desertion", "conscientious_objection"],
        "countries": ["DE"],
        "organization": 1,
        "organization_name": "Network office Germany (example data)",
        "visibility": "public",
        "status": "published",
        # As its authors see it while they revise it; readers see `null` and the published text.
        "revision_status": "draft",
        "revision": {
            "status": "draft",
            "title": "Asyl in Deutschland für Verweigerer und Deserteure (example data)",
            "summary": "Wie das Asylverfahren abläuft, mit den Fristen von 2026. (example data)",
            "body": "## Nach der Entscheidung\n\nGegen eine Ablehnung kann innerhalb von zwei Wochen "
            "geklagt werden.",
            "body_html": "<h2>Nach der Entscheidung</h2>\n<p>Gegen eine Ablehnung kann innerhalb von zwei "
            "Wochen geklagt werden.</p>\n",
            "topics": ["asylum"],
            "countries": ["DE"],
            "visibility": "public",
            "created_at": "2026-12-06T06:10:12.000000Z",
            "updated_at": "2026-12-06T06:10:12.000000Z",
        },
        "published_at": "2026-12-06T05:55:44.282237Z",
        "attachment_count": 0,
        "attachments": [],
        "is_example": True,
        "version": 3,
        "created_at": "2026-12-06T05:55:44.253444Z",
        "updated_at": "2026-12-06T05:55:44.291599Z",
        "translations": [
            {
                "id": 1,
                "title": "Asylum in Germany for objectors and deserters (example data)",
                "language": "en",
                "status": "published",
                "updated_at": "2026-12-06T05:55:44.014984Z",
            },
            {
                "id": 2,
                "title": "Убежище в Германии для отказников и дезертиров (example data)",
                "language": "ru",
                "status": "published",
                "updated_at": "2026-12-06T05:55:44.241953Z",
            },
        ],
        "latest_version": 1,
    },
    change={"summary": "What to do when a call-up order arrives (example data)."},
    listed_by=DocumentSerializer,
)
