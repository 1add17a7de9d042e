"""Demo country profiles: what an objector needs to know in the countries the network works with.

The profiles summarise public reporting by the network's partners (Connection e.V., EBCO,
Forum 18, UNHCR) for a demonstration; they are not legal advice and must be reviewed
before real use. Profiles whose text is not backed by the listed sources are marked as
example data (`is_example`, and "(example data)" in the text). One profile is left
unreviewed for more than a year so the demo shows a stale profile.
"""

from core.demo import EXAMPLE, date_days_ago, machine_translations, upsert

from . import demo_translations
from .models import Country

CONNECTION_NETWORK = {
    "title": "Connection e.V.: More than a European network — for deserters and conscientious objectors",
    "url": "https://en.connection-ev.org/article-3636",
}
OBJECT_WAR = {
    "title": "#ObjectWarCampaign: who we are and what we demand",
    "url": "https://objectwarcampaign.org/en/who-we-are/",
}
EBCO = {
    "title": "European Bureau for Conscientious Objection (EBCO): annual reports",
    "url": "https://ebco-beoc.org/",
}
UNHCR_GIP10 = {
    "title": "UNHCR Guidelines on International Protection No. 10: claims related to military service",
    "url": "https://www.refworld.org/docid/529ee33b4.html",
}

PROFILES = [
    {
        "code": "RU",
        "reviewed_days_ago": 21,
        "conscription": (
            "Men aged 18 to 30 are called up for 12 months, in a spring and an autumn call-up each "
            "year; the upper age was raised from 27 to 30 in 2024. Since 2023 a summons can be served "
            "through an electronic register and counts as delivered once it is posted there; people who "
            "do not appear face restrictions such as a ban on leaving the country."
        ),
        "conscientious_objection": (
            "The Constitution (Art. 59) and the law on alternative civilian service allow conscripts to "
            "serve a longer civilian service instead. The right can only be claimed before "
            "conscription: the application must reach the military commissariat months before the "
            "call-up (by 1 April for the autumn call-up, by 1 October for the spring call-up). "
            "Reservists, contract soldiers and the mobilized cannot claim it; their applications are "
            "refused."
        ),
        "mobilization": (
            "A 'partial mobilization' of reservists was decreed on 21 September 2022 and has not been "
            "formally ended. Conscripts are pressed to sign contracts that send them to the war."
        ),
        "penalties": (
            "Evading conscription: Criminal Code Art. 328. Since September 2022 the penalties for "
            "absence without leave (Art. 337) and desertion (Art. 338) during mobilization or wartime "
            "were raised sharply, and voluntary surrender became a crime (Art. 352.1). Deserters face "
            "many years in prison or are sent back to the front."
        ),
        "asylum_practice": (
            "EU states decide case by case. Germany promised protection to deserters; France's asylum "
            "court requires evidence of a call-up; Lithuania rejects many applicants as a threat to "
            "state security. Several EU neighbours of Russia restrict entry for Russian citizens, so "
            "reaching a safe country is often the first problem."
        ),
        "sources": [CONNECTION_NETWORK, UNHCR_GIP10, EBCO],
        "is_example": False,
    },
    {
        "code": "BY",
        "reviewed_days_ago": 35,
        "conscription": (
            "Men aged 18 to 27 serve 18 months, or 12 months with higher education. Reservists are "
            "called to checks and exercises repeatedly, and military commissariats verify men's "
            "registration."
        ),
        "conscientious_objection": (
            "Alternative service exists since 2016, but only on religious grounds and for twice the "
            "length of military service. It can only be claimed before conscription: reservists and the "
            "mobilized cannot claim it."
        ),
        "mobilization": (
            "No general mobilization so far. Belarus let Russia use its territory for the invasion of "
            "Ukraine in 2022, and call-ups of reservists are frequent."
        ),
        "penalties": (
            "Evading the call-up (Criminal Code Art. 435) and desertion (Art. 446) are punished with "
            "imprisonment; cases are also opened in absentia against people who left the country, and "
            "people calling on others to refuse service are prosecuted as 'extremists'."
        ),
        "asylum_practice": (
            "EU states assess Belarusian objectors under the general rules on political persecution. "
            "Lithuania has refused residence and protection to many Belarusians as a threat to state "
            "security, often only because of past military service."
        ),
        "sources": [CONNECTION_NETWORK, OBJECT_WAR, EBCO],
        "is_example": False,
    },
    {
        "code": "UA",
        "reviewed_days_ago": 14,
        "conscription": (
            "Martial law and general mobilization since 24 February 2022. Men aged 25 to 60 can be "
            "mobilized (the age was lowered from 27 in 2024), and men aged 18 to 60 may generally not "
            "leave the country. Men of military age must keep their registration up to date and carry "
            "proof of it."
        ),
        "conscientious_objection": (
            "The Constitution (Art. 35) provides for alternative service, in peacetime only for members "
            "of a list of religious organisations. Ukraine suspended the right to conscientious "
            "objection when the war began: under martial law the government holds that alternative "
            "service does not exist, and objectors are prosecuted."
        ),
        "mobilization": (
            "General mobilization is in force. Recruitment officers stop men in the street and at "
            "checkpoints and take them to recruitment centres; the Ombudsperson has reported unlawful "
            "detentions."
        ),
        "penalties": (
            "Evading mobilization: Criminal Code Art. 336, three to five years in prison. Conscientious "
            "objectors have received suspended and real prison terms. Absence without leave (Art. 407) "
            "and desertion (Art. 408) carry higher penalties under martial law."
        ),
        "asylum_practice": (
            "People fleeing Ukraine receive temporary protection in the EU, so most men of military age "
            "do not need an asylum procedure; its future for men of military age is debated."
        ),
        "sources": [
            {
                "title": (
                    "Forum 18: Ukraine — how should government deal with conscientious objectors in wartime?"
                ),
                "url": "https://www.forum18.org/archive.php?article_id=2974",
            },
            {
                "title": "Ukrainian Pacifist Movement: violations of the right to conscientious objection",
                "url": "https://objectwarcampaign.org/en/2023/11/25/ukraine-violations-of-human-right-to-conscientious-objection-to-military-service/",
            },
            EBCO,
        ],
        "is_example": False,
    },
    {
        "code": "DE",
        "reviewed_days_ago": 9,
        "conscription": (
            "Compulsory military service has been suspended since July 2011. A new military service "
            "built on voluntary enlistment, with a questionnaire and screening of young men, is being "
            "introduced."
        ),
        "conscientious_objection": (
            "Art. 4(3) of the Basic Law guarantees the right to refuse armed service on grounds of "
            "conscience, in peace and in war. Soldiers and reservists can apply too."
        ),
        "mobilization": "None. In a state of defence, compulsory service would apply again.",
        "penalties": (
            "Soldiers who desert or are absent without leave are punished under the Military Criminal "
            "Code; a recognised objector is not."
        ),
        "asylum_practice": (
            "In 2022 the federal government promised that Russian deserters threatened with serious "
            "repression would as a rule receive international protection. In practice the Federal "
            "Office for Migration and Refugees grants it mostly to deserters who can prove their "
            "desertion; men who left before being called up are often refused, and courts decide "
            "differently. Belarusian objectors face the same problems; people from Ukraine receive "
            "temporary protection."
        ),
        "sources": [
            CONNECTION_NETWORK,
            {
                "title": "DER SPIEGEL (2022): EU discusses how to treat Russian objectors and deserters",
                "url": "https://www.spiegel.de/ausland/russland-ukraine-krieg-eu-diskutiert-ueber-umgang-mit-russischen-kriegsdienstverweigerern-a-20e39131-6031-4d72-ab54-066a9ef0129a",
            },
            {"title": "Federal Office for Migration and Refugees (BAMF)", "url": "https://www.bamf.de/"},
        ],
        "is_example": False,
    },
    {
        "code": "FR",
        "reviewed_days_ago": 40,
        "conscription": (
            "Suspended since 1997; young people attend a one-day defence and citizenship day. New forms "
            "of voluntary national service are being introduced."
        ),
        "conscientious_objection": (
            "Recognised by law since 1963. With conscription suspended, the question matters mainly for "
            "objectors from other countries who seek protection in France."
        ),
        "mobilization": "None.",
        "penalties": "Not relevant for objectors from Russia, Belarus and Ukraine while they stay in France.",
        "asylum_practice": (
            "The national asylum court (CNDA) decided in 2023 that Russians fleeing mobilization and "
            "mobilized soldiers who deserted can be recognised as refugees, because they risk taking "
            "part in war crimes. France requires evidence of call-up: a summons or an entry in the "
            "electronic register is decisive, and being a reservist is not enough. First decisions are "
            "taken by OFPRA."
        ),
        "sources": [
            {"title": "Cour nationale du droit d'asile (CNDA)", "url": "https://www.cnda.fr/"},
            {
                "title": (
                    "Free Russia Forum (2023): France may grant asylum to Russians hiding from mobilization"
                ),
                "url": "https://forumfreerussia.org/en/news-en/2023-07-22/france-promised-asylum-to-russians-hiding-from-mobilization",
            },
            UNHCR_GIP10,
        ],
        "is_example": False,
    },
    {
        "code": "LT",
        "reviewed_days_ago": 60,
        "conscription": "Reinstated in 2015: young men are called up for nine months of basic service.",
        "conscientious_objection": (
            "An alternative national defence service exists for those who cannot bear arms for "
            "religious or pacifist reasons."
        ),
        "mobilization": "None.",
        "penalties": "Evading the call-up is punished with fines or imprisonment.",
        "asylum_practice": (
            "Lithuania rejects many asylum and residence applications of Russians and Belarusians — "
            "objectors and activists among them — on grounds of a 'threat to state security', often "
            "only because of past military service or a cadet school, on the opinion of the State "
            "Security Department that the applicant cannot see. Russians fleeing mobilization were told "
            "they would not be admitted."
        ),
        "sources": [
            {
                "title": (
                    "Our House and partners (2023): Belarusians in Lithuania labelled a threat to "
                    "national security"
                ),
                "url": "https://news.house/60784",
            },
            {"title": "Migration Department of Lithuania", "url": "https://www.migracija.lt/"},
            EBCO,
        ],
        "is_example": False,
    },
    {
        "code": "GE",
        "reviewed_days_ago": 30,
        "conscription": "Men are conscripted for compulsory military service of about a year.",
        "conscientious_objection": (
            "A non-military alternative labour service exists for conscientious objectors."
        ),
        "mobilization": "None.",
        "penalties": "Evading service is punished with fines or imprisonment.",
        "asylum_practice": (
            "Russian citizens may stay visa-free for up to a year, and many who fled mobilization in "
            "2022 came to Georgia. Georgia rarely grants asylum to Russians; most stay on the visa-free "
            "regime and renew it by leaving and re-entering. Some are refused entry at the border "
            "without reasons, so counselors advise having a plan B before travelling."
        ),
        "sources": [OBJECT_WAR, EBCO],
        "is_example": False,
    },
    {
        "code": "FI",
        "reviewed_days_ago": 75,
        "conscription": "Conscription for men: military service lasts 165, 255 or 347 days.",
        "conscientious_objection": (
            "Non-military (civilian) service of 347 days can be chosen at the call-up or during "
            "military service. Total objectors, who refuse both, are sentenced to imprisonment for half "
            "of the remaining service time, often served under monitoring."
        ),
        "mobilization": "None.",
        "penalties": "Total objection is punished by imprisonment or monitoring sentences.",
        "asylum_practice": (
            "Finland closed its land border with Russia at the end of 2023, and a 2024 law lets border "
            "guards turn away asylum seekers at the border in situations the government considers "
            "instrumentalised migration. Applications made in Finland are decided individually."
        ),
        "sources": [
            {"title": "Union of Conscientious Objectors (AKL), Finland", "url": "https://akl-web.fi/en/"},
            {
                "title": "AKL (2023): report on conscientious objection in Finland to the UN",
                "url": "https://akl-web.fi/fi/posts/akln-lausunto-ykn-ihmisoikeuksien-korkealle-edustajalle",
            },
        ],
        "is_example": False,
    },
    {
        "code": "KZ",
        "reviewed_days_ago": 430,
        "conscription": f"Men aged 18 to 27 are conscripted for one year. {EXAMPLE}",
        "conscientious_objection": f"No alternative civilian service is available. {EXAMPLE}",
        "mobilization": f"None. {EXAMPLE}",
        "penalties": f"Evading service is punished with fines or imprisonment. {EXAMPLE}",
        "asylum_practice": (
            "Many Russians came to Kazakhstan after September 2022. Kazakhstan cooperates with Russia "
            "under regional extradition agreements, so people wanted in Russia for evasion or desertion "
            "risk detention; rules for long stays of Russian citizens were tightened. Counselors advise "
            f"moving on. {EXAMPLE}"
        ),
        "sources": [EBCO, UNHCR_GIP10],
        "is_example": True,
    },
    {
        "code": "AM",
        "reviewed_days_ago": 120,
        "conscription": f"Men aged 18 to 27 serve two years. {EXAMPLE}",
        "conscientious_objection": (
            "After the European Court of Human Rights judgment Bayatyan v. Armenia (2011), Armenia "
            f"offers an alternative civilian labour service, longer than military service. {EXAMPLE}"
        ),
        "mobilization": f"None for Russian citizens; Armenia is a member of the CSTO. {EXAMPLE}",
        "penalties": f"Not relevant for Russian citizens staying in Armenia. {EXAMPLE}",
        "asylum_practice": (
            "Russian citizens can enter with an internal passport and stay up to 180 days. Armenia has "
            "not extradited objectors, but Russian military police from the base in Gyumri detained "
            f"deserters on Armenian territory and took at least one back to Russia in 2023. {EXAMPLE}"
        ),
        "sources": [
            {
                "title": (
                    "#ObjectWarCampaign (2023): first arrest and deportation of a Russian objector from "
                    "Armenia"
                ),
                "url": "https://objectwarcampaign.org/en/2023/12/20/first-arrest-and-deportation-of-a-russian-conscientious-objector-from-armenia/",
            },
            {
                "title": "OC Media (2023): Russian deserter detained in Yerevan",
                "url": "https://oc-media.org/russian-deserter-detained-in-yerevan/",
            },
        ],
        "is_example": True,
    },
]

TEXT_FIELDS = Country.translated_fields


def load() -> None:
    """Create or refresh the demo country profiles (reviewer attribution is set with the demo users)."""
    for profile in PROFILES:
        upsert(
            Country,
            {"code": profile["code"]},
            **{name: profile[name] for name in TEXT_FIELDS},
            sources=profile["sources"],
            translations=machine_translations(
                Country, profile, demo_translations.PROFILES.get(profile["code"], {})
            ),
            last_reviewed=date_days_ago(profile["reviewed_days_ago"]),
            is_example=profile["is_example"],
        )
