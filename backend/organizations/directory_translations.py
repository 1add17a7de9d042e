"""The public directory's organizations and contact labels in Russian, Ukrainian and German.

Machine-made (`machine: true`) until a coordinator reviews them. Proper names stay as the
organizations write them; a name with a common rendering in a language gets it. Organizations
are keyed by slug, contact labels by (slug, channel).
"""

ORGANIZATIONS = {
    "connection-ev": {
        "ru": {
            "name": "Connection e.V.",
            "description": (
                "Сетевой офис кампании #ObjectWar в Германии. Отвечает отказникам по убеждениям и "
                "дезертирам на русском, английском и немецком."
            ),
        },
        "uk": {
            "name": "Connection e.V.",
            "description": (
                "Мережевий офіс кампанії #ObjectWar у Німеччині. Відповідає відмовникам за переконаннями "
                "та дезертирам російською, англійською й німецькою."
            ),
        },
        "de": {
            "name": "Connection e.V.",
            "description": (
                "Netzwerkbüro der Kampagne #ObjectWar in Deutschland. Beantwortet Fragen von "
                "Kriegsdienstverweigerern und Deserteuren auf Russisch, Englisch und Deutsch."
            ),
        },
    },
    "nash-dom-no-means-no": {
        "ru": {
            "name": "«Нет значит нет» («Наш дом»)",
            "description": "Проект «Нет значит нет» белорусской организации «Наш дом»; партнёрская группа.",
        },
        "uk": {
            "name": "«Ні означає ні» («Наш дім»)",
            "description": "Проєкт «Ні означає ні» білоруської організації «Наш дім»; партнерська група.",
        },
        "de": {
            "name": "„NO means NO“ (Nash Dom)",
            "description": (
                "Das Projekt „NO means NO“ der belarusischen Organisation Nash Dom; eine Partnergruppe."
            ),
        },
    },
    "ukrainian-pacifist-movement": {
        "ru": {
            "name": "Украинское пацифистское движение",
            "description": "Партнёрская группа кампании #ObjectWar.",
        },
        "uk": {
            "name": "Український пацифістський рух",
            "description": "Партнерська група кампанії #ObjectWar.",
        },
        "de": {
            "name": "Ukrainische Pazifistische Bewegung",
            "description": "Eine Partnergruppe der Kampagne #ObjectWar.",
        },
    },
    "movement-for-conscientious-objection": {
        "ru": {
            "name": "Движение сознательных отказчиков",
            "description": "Партнёрская группа кампании #ObjectWar в России.",
        },
        "uk": {
            "name": "Рух свідомих відмовників",
            "description": "Партнерська група кампанії #ObjectWar у Росії.",
        },
        "de": {
            "name": "Bewegung der Kriegsdienstverweigerer",
            "description": "Eine Partnergruppe der Kampagne #ObjectWar in Russland.",
        },
    },
    "act4transformation": {
        "ru": {
            "name": "act4transformation",
            "description": "Партнёрская группа, у которой есть консультационный центр в Грузии.",
        },
        "uk": {
            "name": "act4transformation",
            "description": "Партнерська група, що має консультаційний центр у Грузії.",
        },
        "de": {
            "name": "act4transformation",
            "description": "Eine Partnergruppe, die ein Beratungszentrum in Georgien betreibt.",
        },
    },
    "pro-asyl": {
        "ru": {"name": "PRO ASYL", "description": "Спонсор кампании #ObjectWar."},
        "uk": {"name": "PRO ASYL", "description": "Спонсор кампанії #ObjectWar."},
        "de": {"name": "PRO ASYL", "description": "Förderer der Kampagne #ObjectWar."},
    },
    "naturfreunde-deutschlands": {
        "ru": {"name": "NaturFreunde Deutschlands", "description": "Сторонник кампании #ObjectWar."},
        "uk": {"name": "NaturFreunde Deutschlands", "description": "Прихильник кампанії #ObjectWar."},
        "de": {"name": "NaturFreunde Deutschlands", "description": "Unterstützer der Kampagne #ObjectWar."},
    },
}

CONTACT_LABELS = {
    ("connection-ev", "telegram"): {
        "ru": {"label": "Telegram-канал"},
        "uk": {"label": "Telegram-канал"},
        "de": {"label": "Telegram-Kanal"},
    },
    ("connection-ev", "email"): {
        "ru": {"label": "Электронная почта"},
        "uk": {"label": "Електронна пошта"},
        "de": {"label": "E-Mail"},
    },
    ("connection-ev", "phone"): {
        "ru": {"label": "Телефон"},
        "uk": {"label": "Телефон"},
        "de": {"label": "Telefon"},
    },
}
