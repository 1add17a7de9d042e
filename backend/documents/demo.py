"""Demo guides: asylum for objectors and deserters in Germany, France and Lithuania, evidence
of call-up, and conscientious objection in Ukraine, in Russian, English, German and Ukrainian.

Every text is invented for the demonstration and says so ("(example data)" in the title,
a note at the top of the body): it is not legal advice. The asylum guide for Germany
exists in three languages as one translation group and has two published versions, so
the demo shows translations, history and a diff; the France guide carries a small PDF
checklist and the Germany guide a plain-text one. One guide waits in review.
"""

import io
import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from core.demo import EXAMPLE, upsert
from organizations.models import Organization

from . import services
from .models import Attachment, Document
from .uploads import inspect_upload

NOTE = {
    "en": "> This is example data: invented for a demonstration, not legal advice.",
    "ru": (
        "> Пример данных (example data): текст придуман для демонстрации и не является "
        "юридической консультацией."
    ),
    "de": (
        "> Beispieldaten (example data): Dieser Text ist für eine Vorführung erfunden "
        "und keine Rechtsberatung."
    ),
    "uk": "> Приклад даних (example data): текст вигадано для демонстрації, це не юридична консультація.",
}


def group(key: str) -> uuid.UUID:
    """A stable translation group per demo guide, so reloading finds the same rows."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://waypoint.example.org/demo/documents/{key}")


GERMANY_EN_V1 = """## Who can ask for protection

People who refuse military service or desert from the Russian or Belarusian army can apply for
asylum in Germany. The Federal Office for Migration and Refugees (BAMF) decides after a personal
hearing.

## The hearing

- Tell your story in order: call-up, refusal or desertion, flight.
- Bring every paper about your call-up or service.
"""

GUIDES = [
    {
        "key": "asylum-germany",
        "organization": "network-office",
        "countries": ["DE"],
        "topics": ["asylum", "desertion", "conscientious_objection"],
        "visibility": "public",
        "attachment": ("en", "hearing-checklist.txt"),
        "languages": {
            "en": {
                "title": f"Asylum in Germany for objectors and deserters {EXAMPLE}",
                "summary": (
                    "How the asylum procedure works for objectors and deserters, and how to prepare "
                    "for the hearing."
                ),
                "earlier_body": GERMANY_EN_V1,
                "body": GERMANY_EN_V1.replace(
                    "- Bring every paper about your call-up or service.\n",
                    "- Bring every paper about your call-up or service: summons, notices "
                    "from the electronic\n"
                    "  register, military ID, messages from the military commissariat.\n"
                    "- Ask for an interpreter in your language and say so at once if you "
                    "do not understand them.\n\n"
                    "## After the decision\n\n"
                    "A refusal can be challenged in court within two weeks. Contact a "
                    "counseling organization\n"
                    "of the network at once.\n",
                ),
            },
            "ru": {
                "title": f"Убежище в Германии для отказников и дезертиров {EXAMPLE}",
                "summary": (
                    "Как проходит процедура убежища для отказников и дезертиров и как подготовиться "
                    "к интервью."
                ),
                "body": """## Кто может просить защиты

Люди, которые отказываются от военной службы или дезертировали из российской или белорусской
армии, могут подать прошение об убежище в Германии. Решение принимает Федеральное ведомство по
делам миграции и беженцев (BAMF) после личного интервью.

## Интервью

- Рассказывайте по порядку: призыв, отказ или дезертирство, бегство.
- Принесите все документы о призыве или службе: повестки, уведомления из электронного реестра,
  военный билет, сообщения из военкомата.
- Просите переводчика на вашем языке и сразу говорите, если вы его не понимаете.

## После решения

Отказ можно обжаловать в суде в течение двух недель. Сразу свяжитесь с консультацией сети.
""",
            },
            "de": {
                "title": f"Asyl in Deutschland für Verweigerer und Deserteure {EXAMPLE}",
                "summary": (
                    "Wie das Asylverfahren für Verweigerer und Deserteure abläuft und wie man sich "
                    "auf die Anhörung vorbereitet."
                ),
                "body": """## Wer Schutz beantragen kann

Wer den Militärdienst verweigert oder aus der russischen oder belarussischen Armee desertiert
ist, kann in Deutschland Asyl beantragen. Das Bundesamt für Migration und Flüchtlinge (BAMF)
entscheidet nach einer persönlichen Anhörung.

## Die Anhörung

- Erzählen Sie der Reihe nach: Einberufung, Verweigerung oder Desertion, Flucht.
- Bringen Sie alle Papiere zur Einberufung oder zum Dienst mit: Ladungen, Mitteilungen aus dem
  elektronischen Register, Wehrpass, Nachrichten des Kreiswehrersatzamts.
- Verlangen Sie eine Dolmetscherin in Ihrer Sprache und sagen Sie sofort, wenn Sie sie nicht verstehen.

## Nach der Entscheidung

Gegen eine Ablehnung kann innerhalb von zwei Wochen geklagt werden. Wenden Sie sich sofort an
eine Beratungsstelle des Netzwerks.
""",
            },
        },
    },
    {
        "key": "asylum-france-call-up",
        "organization": "western-europe-legal",
        "countries": ["FR"],
        "topics": ["asylum", "documents", "desertion"],
        "visibility": "public",
        "attachment": ("*", "call-up-evidence-checklist.pdf"),
        "languages": {
            "en": {
                "title": f"France: asylum and the evidence of call-up {EXAMPLE}",
                "summary": (
                    "Why the French asylum office and court ask for evidence of call-up, and which "
                    "evidence helps."
                ),
                "body": """## Why evidence of call-up matters in France

The French asylum office (OFPRA) and the asylum court (CNDA) usually want to see that you were
personally called up or mobilized. A general fear of mobilization is often not enough.

## Evidence that helps

- The summons (povestka) itself, or a photo of it with the envelope.
- Screenshots of the notice in the electronic register, with the date visible.
- Messages or calls from the military commissariat, and statements of relatives who received papers.

Keep originals safe and send copies. At borders, do not carry the evidence openly on your phone.
""",
            },
            "ru": {
                "title": f"Франция: убежище и доказательства призыва {EXAMPLE}",
                "summary": (
                    "Почему французское ведомство по убежищу и суд требуют доказательства призыва и "
                    "какие доказательства помогают."
                ),
                "body": """## Почему во Франции важны доказательства призыва

Французское ведомство по убежищу (OFPRA) и суд по делам убежища (CNDA) обычно хотят видеть, что
вас лично призывали или мобилизовали. Общего страха перед мобилизацией часто недостаточно.

## Какие доказательства помогают

- Сама повестка или её фотография вместе с конвертом.
- Снимки экрана с уведомлением в электронном реестре, где видна дата.
- Сообщения или звонки из военкомата и заявления родственников, которые получили документы.

Храните оригиналы в надёжном месте и отправляйте копии. На границе не держите доказательства
открыто в телефоне.
""",
            },
        },
    },
    {
        "key": "asylum-lithuania",
        "organization": "lithuania-support",
        "countries": ["LT"],
        "topics": ["asylum", "legal"],
        "visibility": "network",
        "languages": {
            "en": {
                "title": f"Lithuania: asylum refusals citing state security {EXAMPLE}",
                "summary": (
                    "Lithuanian authorities often refuse Russian objectors as a 'threat to state "
                    "security'; what to do."
                ),
                "body": """## The practice

The Migration Department has refused protection to Russian citizens, including objectors, by
calling them a threat to state security, often without showing the reasons.

## What to do

- Ask in writing for the grounds of the decision.
- Appeal within the deadline with a lawyer of the network.
- Consider moving on to a country with a fairer practice, after counseling.
""",
            },
            "ru": {
                "title": f"Литва: отказы в убежище из-за «угрозы безопасности» {EXAMPLE}",
                "summary": (
                    "Литовские власти часто отказывают российским отказникам как «угрозе "
                    "безопасности государства»; что делать."
                ),
                "body": """## Практика

Департамент миграции отказывал в защите гражданам России, в том числе отказникам, называя их
угрозой безопасности государства, часто не раскрывая причин.

## Что делать

- Письменно запросите основания решения.
- Обжалуйте решение в срок вместе с юристом сети.
- После консультации подумайте о переезде в страну с более справедливой практикой.
""",
            },
        },
    },
    {
        "key": "call-up-evidence",
        "organization": "network-office",
        "countries": ["RU", "BY"],
        "topics": ["documents", "conscientious_objection"],
        "visibility": "public",
        "languages": {
            "ru": {
                "title": f"Как сохранить доказательства призыва {EXAMPLE}",
                "summary": "Повестки, реестр, переписка: что собрать до отъезда и как хранить это безопасно.",
                "body": """## Что собрать

- Повестки и конверты, уведомления из электронного реестра повесток.
- Переписку с военкоматом, записи звонков с датами.
- Справки о категории годности и военный билет.

## Как хранить

Сделайте копии и храните их в зашифрованном хранилище, а не в галерее телефона. Телефон на
границе могут проверить.
""",
            },
            "en": {
                "title": f"How to keep evidence of your call-up {EXAMPLE}",
                "summary": (
                    "Summonses, the register, messages: what to collect before leaving and how to "
                    "keep it safe."
                ),
                "body": """## What to collect

- Summonses and envelopes, notices from the electronic register of summonses.
- Messages with the military commissariat, call logs with dates.
- Medical category certificates and the military ID.

## How to keep it

Make copies and keep them in encrypted storage, not in the phone's photo gallery. Phones may be
inspected at the border.
""",
            },
        },
    },
    {
        "key": "objection-ukraine",
        "organization": "pacifist-movement-ua",
        "countries": ["UA"],
        "topics": ["conscientious_objection", "legal"],
        "visibility": "public",
        "languages": {
            "uk": {
                "title": f"Відмова від військової служби за переконаннями в Україні {EXAMPLE}",
                "summary": (
                    "Що сталося з правом на альтернативну службу під час воєнного стану і де шукати допомоги."
                ),
                "body": """## Право на відмову

Конституція визнає право на альтернативну (невійськову) службу, але під час воєнного стану та
мобілізації його фактично не застосовують.

## Що можна зробити

- Письмово заявіть про свої переконання і зберігайте копії.
- Зверніться до правозахисників руху по юридичну допомогу.
- Документуйте кожен контакт із ТЦК.
""",
            },
            "en": {
                "title": f"Conscientious objection in Ukraine {EXAMPLE}",
                "summary": (
                    "What happened to the right to alternative service under martial law, and where "
                    "to find help."
                ),
                "body": """## The right to object

The Constitution recognizes a right to alternative (non-military) service, but under martial law
and mobilization it is in practice not applied.

## What can be done

- State your convictions in writing and keep copies.
- Ask the movement's human rights defenders for legal help.
- Document every contact with the recruitment centre.
""",
            },
        },
    },
    {
        "key": "hearing-checklist-draft",
        "organization": "network-office",
        "countries": ["DE"],
        "topics": ["asylum"],
        "visibility": "public",
        "status": Document.Status.IN_REVIEW,
        "languages": {
            "de": {
                "title": f"Checkliste für die Anhörung (Entwurf) {EXAMPLE}",
                "summary": "Ein Entwurf, der noch von der Netzwerkstelle geprüft wird.",
                "body": "- Ladung\n- Pass oder Ausweis\n- Wehrpass\n",
            },
        },
    },
]

HEARING_CHECKLIST = """Checklist for the asylum hearing (example data)
================================================

[ ] Passport or other identity document
[ ] Summons (povestka) and envelope, or photos of them
[ ] Screenshots of the electronic register, with dates
[ ] Military ID, medical category certificate
[ ] Names and contacts of witnesses
[ ] Contact of your counselor in the network

Invented for a demonstration; not legal advice.
"""


def example_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a few lines of Latin-1 text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 12 Tf 72 740 Td 16 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET"
    content = stream.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


EVIDENCE_CHECKLIST_PDF = [
    "Evidence of call-up: checklist (example data)",
    "",
    "1. The summons and its envelope, or clear photos of both.",
    "2. Screenshots of the electronic register, date visible.",
    "3. Messages and call logs from the military commissariat.",
    "4. Statements of relatives who received papers for you.",
    "",
    "Invented for a demonstration; not legal advice.",
]


def _attachment_bytes(name: str) -> bytes:
    if name.endswith(".pdf"):
        return example_pdf(EVIDENCE_CHECKLIST_PDF)
    return HEARING_CHECKLIST.encode()


def _attach(document: Document, name: str, actor) -> None:
    if Attachment.objects.filter(document=document, name=name).exists():
        return
    upload = ContentFile(_attachment_bytes(name), name=name)
    inspected = inspect_upload(upload, name)
    services.attachment_add(
        document=document, upload=upload, inspected=inspected, actor=actor, is_example=True
    )


def _bring_to(document: Document, status: str, actor) -> None:
    """Walk the workflow to `status` as the author and the network office would.

    A published guide taken back to review stays published: its revision goes to review.
    """
    if services.workflow_status(document) == status:
        return
    if services.workflow_status(document) in (Document.Status.PUBLISHED, Document.Status.ARCHIVED):
        services.document_revise(document=document)
    if services.workflow_status(document) == Document.Status.DRAFT:
        services.document_submit(document=document)
    if status == Document.Status.PUBLISHED:
        services.document_publish(document=document, actor=actor)


def load() -> None:
    """Create or refresh the demo guides; a second run changes nothing."""
    admin = get_user_model().objects.filter(username="olga").first()
    for spec in GUIDES:
        organization = Organization.objects.get(slug=spec["organization"])
        target = spec.get("status", Document.Status.PUBLISHED)
        for language, text in spec["languages"].items():
            lookup = {"translation_group": group(spec["key"]), "language": language}
            is_new = not Document.objects.filter(**lookup).exists()
            first_body = text.get("earlier_body", text["body"]) if is_new else text["body"]
            fields = {
                "organization": organization,
                "title": text["title"],
                "summary": text["summary"],
                "topics": spec["topics"],
                "countries": spec["countries"],
                "visibility": spec["visibility"],
                "is_example": True,
            }
            document = upsert(Document, lookup, body=f"{NOTE[language]}\n\n{first_body}", **fields)
            _bring_to(document, target, admin)
            current = f"{NOTE[language]}\n\n{text['body']}"
            if document.body != current:
                document.body = current
                document.save()
            services.document_record_version(document=document, actor=admin)
            attachment = spec.get("attachment")
            if attachment and attachment[0] in ("*", language):
                _attach(document, attachment[1], admin)
