"""The demo network's organizations and contact points in Russian, Ukrainian and German.

Machine-made (`machine: true`): written without a native speaker's review, so the app marks
them until a coordinator confirms or rewrites them. Organizations are keyed by slug, contact
points by their demo value (as written in `demo.py`).
"""

WRITE_FIRST = {
    "ru": "Сначала напишите; на звонки не отвечают.",
    "uk": "Спершу напишіть; на дзвінки не відповідають.",
    "de": "Zuerst schreiben; Anrufe werden nicht angenommen.",
}

ORGANIZATIONS = {
    "network-office": {
        "ru": {
            "name": "Сетевой офис в Германии (пример)",
            "description": (
                "Сетевой офис отвечает отказникам и дезертирам из России, Беларуси и Украины через "
                "Telegram-канал, электронную почту и горячую линию на русском, английском и немецком, "
                "принимает в сеть партнёрские организации и передаёт им средства. (пример)"
            ),
        },
        "uk": {
            "name": "Мережевий офіс у Німеччині (приклад)",
            "description": (
                "Мережевий офіс відповідає відмовникам і дезертирам з Росії, Білорусі та України через "
                "Telegram-канал, електронну пошту й гарячу лінію російською, англійською та німецькою, "
                "приймає до мережі партнерські організації та передає їм кошти. (приклад)"
            ),
        },
        "de": {
            "name": "Netzwerkbüro Deutschland (Beispieldaten)",
            "description": (
                "Das Netzwerkbüro beantwortet Fragen von Verweigerern und Deserteuren aus Russland, "
                "Belarus und der Ukraine über einen Telegram-Kanal, E-Mail und eine Telefon-Hotline auf "
                "Russisch, Englisch und Deutsch, nimmt Partnerorganisationen auf und leitet Mittel an "
                "sie weiter. (Beispieldaten)"
            ),
        },
    },
    "no-means-no": {
        "ru": {
            "name": "Проект «Нет значит нет» белорусской организации (пример)",
            "description": (
                "Кампания белорусской правозащитной организации, работающей в эмиграции: она призывает "
                "белорусских призывников отказываться от военной службы и помогает тем, кто отказался. "
                "(пример)"
            ),
        },
        "uk": {
            "name": "Проєкт «Ні означає ні» білоруської організації (приклад)",
            "description": (
                "Кампанія білоруської правозахисної організації, що працює в еміграції: закликає "
                "білоруських призовників відмовлятися від військової служби й допомагає тим, хто "
                "відмовився. (приклад)"
            ),
        },
        "de": {
            "name": "Projekt „NO means NO“ einer belarusischen Organisation (Beispieldaten)",
            "description": (
                "Eine Kampagne einer belarusischen Menschenrechtsorganisation im Exil: Sie ruft "
                "belarusische Wehrpflichtige auf, den Militärdienst zu verweigern, und hilft denen, die "
                "es tun. (Beispieldaten)"
            ),
        },
    },
    "pacifist-movement-ua": {
        "ru": {
            "name": "Пацифистское движение в Украине (пример)",
            "description": (
                "Украинские пацифисты документируют преследование отказников по убеждениям в условиях "
                "военного положения и находят для них адвокатов. (пример)"
            ),
        },
        "uk": {
            "name": "Пацифістський рух в Україні (приклад)",
            "description": (
                "Українські пацифісти документують переслідування відмовників за переконаннями в умовах "
                "воєнного стану й знаходять для них адвокатів. (приклад)"
            ),
        },
        "de": {
            "name": "Pazifistische Bewegung in der Ukraine (Beispieldaten)",
            "description": (
                "Ukrainische Pazifisten dokumentieren die Verfolgung von Kriegsdienstverweigerern unter "
                "dem Kriegsrecht und vermitteln ihnen Anwälte. (Beispieldaten)"
            ),
        },
    },
    "objection-ru": {
        "ru": {
            "name": "Движение сознательных отказчиков в России (пример)",
            "description": (
                "Онлайн-консультации для российских призывников: альтернативная гражданская служба, что "
                "делать, если пришла повестка, отказ участвовать в войне. Работает из эмиграции. (пример)"
            ),
        },
        "uk": {
            "name": "Рух свідомих відмовників у Росії (приклад)",
            "description": (
                "Онлайн-консультації для російських призовників: альтернативна цивільна служба, що робити, "
                "коли прийшла повістка, відмова брати участь у війні. Працює з еміграції. (приклад)"
            ),
        },
        "de": {
            "name": "Bewegung für Kriegsdienstverweigerung in Russland (Beispieldaten)",
            "description": (
                "Online-Beratung für russische Wehrpflichtige: Zivildienst, was tun, wenn ein "
                "Einberufungsbescheid kommt, die Teilnahme am Krieg verweigern. Arbeitet aus dem Exil. "
                "(Beispieldaten)"
            ),
        },
    },
    "georgia-counseling": {
        "ru": {
            "name": "Консультационный центр в Грузии (пример)",
            "description": (
                "Консультирует тех, кто приехал в Грузию, чтобы избежать мобилизации, или после "
                "дезертирства: легальное пребывание, документы, дальнейший путь, ночлег на первые ночи. "
                "(пример)"
            ),
        },
        "uk": {
            "name": "Консультаційний центр у Грузії (приклад)",
            "description": (
                "Консультує тих, хто приїхав до Грузії, щоб уникнути мобілізації, або після дезертирства: "
                "легальне перебування, документи, подальший шлях, нічліг на перші ночі. (приклад)"
            ),
        },
        "de": {
            "name": "Beratungszentrum in Georgien (Beispieldaten)",
            "description": (
                "Berät Menschen, die nach Georgien gekommen sind, um der Mobilisierung zu entgehen, oder "
                "nach der Desertion: legaler Aufenthalt, Dokumente, Weiterreise, ein Schlafplatz für die "
                "ersten Nächte. (Beispieldaten)"
            ),
        },
    },
    "lithuania-support": {
        "ru": {
            "name": "Группа поддержки в Литве (пример)",
            "description": (
                "Волонтёры встречают приезжающих из Беларуси: первая консультация, сопровождение в "
                "миграционные органы, экстренное жильё. (пример)"
            ),
        },
        "uk": {
            "name": "Група підтримки в Литві (приклад)",
            "description": (
                "Волонтери зустрічають тих, хто приїжджає з Білорусі: перша консультація, супровід до "
                "міграційних органів, екстрене житло. (приклад)"
            ),
        },
        "de": {
            "name": "Unterstützungsgruppe in Litauen (Beispieldaten)",
            "description": (
                "Freiwillige empfangen Menschen, die aus Belarus ankommen: erste Beratung, Begleitung zu "
                "den Migrationsbehörden, Notunterkunft. (Beispieldaten)"
            ),
        },
    },
    "finland-contacts": {
        "ru": {
            "name": "Контакты в Финляндии (пример)",
            "description": "Контактные лица в Финляндии для отказников, добравшихся до страны. (пример)",
        },
        "uk": {
            "name": "Контакти у Фінляндії (приклад)",
            "description": "Контактні особи у Фінляндії для відмовників, які дісталися країни. (приклад)",
        },
        "de": {
            "name": "Kontakte in Finnland (Beispieldaten)",
            "description": (
                "Ansprechpersonen in Finnland für Verweigerer, die das Land erreicht haben. (Beispieldaten)"
            ),
        },
    },
    "western-europe-legal": {
        "ru": {
            "name": "Юридическая помощь в Западной Европе (пример)",
            "description": (
                "Адвокаты и консультанты во Франции, Бельгии и Нидерландах, которые ведут дела об убежище "
                "отказников и дезертиров. (пример)"
            ),
        },
        "uk": {
            "name": "Правова допомога в Західній Європі (приклад)",
            "description": (
                "Адвокати й консультанти у Франції, Бельгії та Нідерландах, які ведуть справи про "
                "притулок відмовників і дезертирів. (приклад)"
            ),
        },
        "de": {
            "name": "Rechtshilfe in Westeuropa (Beispieldaten)",
            "description": (
                "Anwälte und Beratende in Frankreich, Belgien und den Niederlanden, die Asylverfahren von "
                "Verweigerern und Deserteuren übernehmen. (Beispieldaten)"
            ),
        },
    },
    "supporters-circle": {
        "ru": {
            "name": "Круг поддержки (пример)",
            "description": "Сторонники и спонсоры, поддерживающие кампанию деньгами и связями. (пример)",
        },
        "uk": {
            "name": "Коло підтримки (приклад)",
            "description": (
                "Прихильники та спонсори, які підтримують кампанію грошима й контактами. (приклад)"
            ),
        },
        "de": {
            "name": "Unterstützerkreis (Beispieldaten)",
            "description": (
                "Unterstützer und Förderer, die die Kampagne mit Geld und Kontakten tragen. (Beispieldaten)"
            ),
        },
    },
}


def _contact(ru: tuple, uk: tuple, de: tuple) -> dict:
    """(label, hours, security advice) in each language; None where the original has none."""
    names = ("label", "hours", "security_advice")
    return {
        language: {name: text for name, text in zip(names, texts, strict=True) if text}
        for language, texts in (("ru", ru), ("uk", uk), ("de", de))
    }


CONTACT_POINTS = {
    "@waypoint_office_example": _contact(
        (
            "Telegram-канал и чат консультаций (пример)",
            "Отвечаем в течение 24 часов, с понедельника по субботу",
            "Сначала напишите: в какой вы стране, получили ли повестку и на каком языке вам удобнее. "
            "Не присылайте сканы документов, пока консультант не попросит. Если ваш телефон могут "
            "проверить на границе, удалите чат до того, как доберётесь до неё.",
        ),
        (
            "Telegram-канал і чат консультацій (приклад)",
            "Відповідаємо протягом 24 годин, з понеділка по суботу",
            "Спершу напишіть: у якій ви країні, чи отримали повістку та якою мовою вам зручніше. "
            "Не надсилайте скани документів, доки консультант не попросить. Якщо ваш телефон можуть "
            "перевірити на кордоні, видаліть чат, перш ніж до нього дістанетеся.",
        ),
        (
            "Telegram-Kanal und Beratungschat (Beispieldaten)",
            "Antwort innerhalb von 24 Stunden, Montag bis Samstag",
            "Zuerst schreiben: in welchem Land Sie sind, ob Sie einen Einberufungsbescheid erhalten haben "
            "und welche Sprache Sie bevorzugen. Schicken Sie keine Scans von Dokumenten, bevor eine "
            "Beraterin danach fragt. Wenn Ihr Telefon an einer Grenze kontrolliert werden könnte, löschen "
            "Sie den Chat, bevor Sie dort ankommen.",
        ),
    ),
    "counseling@network-office.example.org": _contact(
        (
            "Консультации по электронной почте (пример)",
            "Ответ в течение двух рабочих дней",
            "Пишите с адреса, в котором нет вашего имени. Сообщите, какие у вас есть документы, но не "
            "что в них написано.",
        ),
        (
            "Консультації електронною поштою (приклад)",
            "Відповідь протягом двох робочих днів",
            "Пишіть з адреси, у якій немає вашого імені. Повідомте, які у вас є документи, але не те, що "
            "в них написано.",
        ),
        (
            "Beratung per E-Mail (Beispieldaten)",
            "Antwort innerhalb von zwei Werktagen",
            "Nutzen Sie eine Adresse, die nicht Ihren Namen trägt. Sagen Sie, welche Dokumente Sie haben, "
            "nicht, was darin steht.",
        ),
    ),
    "+49 30 23125 101": _contact(
        (
            "Горячая линия на русском, английском и немецком (пример)",
            "Пн-Пт 10:00-16:00 (по берлинскому времени)",
            "В другое время сначала напишите в Telegram или по почте и попросите перезвонить; на звонки "
            "тогда не отвечают. Не оставляйте полное имя на автоответчике.",
        ),
        (
            "Гаряча лінія російською, англійською та німецькою (приклад)",
            "Пн-Пт 10:00-16:00 (за берлінським часом)",
            "В інший час спершу напишіть у Telegram або електронною поштою й попросіть передзвонити; на "
            "дзвінки тоді не відповідають. Не залишайте повне ім'я на автовідповідачі.",
        ),
        (
            "Hotline auf Russisch, Englisch und Deutsch (Beispieldaten)",
            "Mo-Fr 10:00-16:00 (Berliner Zeit)",
            "Außerhalb dieser Zeiten zuerst per Telegram oder E-Mail schreiben und um Rückruf bitten; "
            "Anrufe werden dann nicht angenommen. Hinterlassen Sie auf der Mailbox nicht Ihren vollen "
            "Namen.",
        ),
    ),
    "office_partners.01": _contact(
        (
            "Signal для партнёрских организаций (пример)",
            "Рабочие дни",
            "Для координаторов партнёров; не передавайте клиентам. Сообщения исчезают через неделю.",
        ),
        (
            "Signal для партнерських організацій (приклад)",
            "Робочі дні",
            "Для координаторів партнерів; не передавайте клієнтам. Повідомлення зникають через тиждень.",
        ),
        (
            "Signal für Partnerorganisationen (Beispieldaten)",
            "Werktage",
            "Für Koordinierende der Partner; nicht an Ratsuchende weitergeben. Nachrichten verschwinden "
            "nach einer Woche.",
        ),
    ),
    "https://network-office.example.org/": _contact(
        ("Информационные страницы на трёх языках (пример)", None, None),
        ("Інформаційні сторінки трьома мовами (приклад)", None, None),
        ("Informationsseiten in drei Sprachen (Beispieldaten)", None, None),
    ),
    "+49 30 23125 102": _contact(
        (
            "Экстренная SMS-линия команды офиса (пример)",
            "В любое время, в экстренных случаях",
            "Только для команды офиса, когда Signal недоступен.",
        ),
        (
            "Екстрена SMS-лінія команди офісу (приклад)",
            "Будь-коли, в екстрених випадках",
            "Лише для команди офісу, коли Signal недоступний.",
        ),
        (
            "Notfall-SMS-Linie des Büroteams (Beispieldaten)",
            "Jederzeit, für Notfälle",
            "Nur für das Büroteam, wenn Signal nicht erreichbar ist.",
        ),
    ),
    "@nmn_refuse_example": _contact(
        (
            "Консультации для белорусских призывников (пример)",
            "Ежедневно, ответ в течение дня",
            "Сначала напишите, с аккаунта без вашего настоящего имени и никогда с телефона, который "
            "когда-либо проверяли военкомат или милиция.",
        ),
        (
            "Консультації для білоруських призовників (приклад)",
            "Щодня, відповідь протягом дня",
            "Спершу напишіть, з акаунта без вашого справжнього імені й ніколи з телефона, який будь-коли "
            "перевіряли військкомат чи міліція.",
        ),
        (
            "Beratung für belarusische Wehrpflichtige (Beispieldaten)",
            "Täglich, Antwort innerhalb eines Tages",
            "Zuerst schreiben, von einem Konto ohne Ihren echten Namen und nie von einem Telefon, das "
            "Kreiswehrersatzamt oder Miliz je kontrolliert haben.",
        ),
    ),
    "@nmn_old_account_example": _contact(
        (
            "Бывший аккаунт консультаций — скомпрометирован, не пишите (пример)",
            None,
            "Аккаунт захвачен после того, как на границе изъяли телефон волонтёра. Не пишите на него и "
            "удалите старые чаты с ним.",
        ),
        (
            "Колишній акаунт консультацій — скомпрометований, не пишіть (приклад)",
            None,
            "Акаунт захоплено після того, як на кордоні вилучили телефон волонтера. Не пишіть на нього й "
            "видаліть старі чати з ним.",
        ),
        (
            "Ehemaliges Beratungskonto — kompromittiert, nicht anschreiben (Beispieldaten)",
            None,
            "Das Konto wurde übernommen, nachdem das Telefon einer Freiwilligen an der Grenze beschlagnahmt "
            "wurde. Schreiben Sie es nicht an und löschen Sie alte Chats damit.",
        ),
    ),
    "https://no-means-no.example.org/ask": _contact(
        (
            "Анонимная форма для вопросов (пример)",
            None,
            "Форма не спрашивает имени или номера; оставляйте контакт, только если хотите получить ответ.",
        ),
        (
            "Анонімна форма для запитань (приклад)",
            None,
            "Форма не питає імені чи номера; залишайте контакт, лише якщо хочете отримати відповідь.",
        ),
        (
            "Anonymes Fragenformular (Beispieldaten)",
            None,
            "Das Formular fragt weder nach Namen noch nach Nummer; hinterlassen Sie einen Kontakt nur, "
            "wenn Sie eine Antwort wollen.",
        ),
    ),
    "coordination@no-means-no.example.org": _contact(
        ("Координация с партнёрскими организациями (пример)", None, None),
        ("Координація з партнерськими організаціями (приклад)", None, None),
        ("Abstimmung mit Partnerorganisationen (Beispieldaten)", None, None),
    ),
    "help@pacifist-ua.example.org": _contact(
        (
            "Помощь отказникам, которых преследуют (пример)",
            "Ответ в течение трёх дней",
            "Опишите ситуацию, не называя свою часть и где вы находитесь.",
        ),
        (
            "Допомога відмовникам, яких переслідують (приклад)",
            "Відповідь протягом трьох днів",
            "Опишіть ситуацію, не називаючи свою частину і де ви перебуваєте.",
        ),
        (
            "Hilfe für verfolgte Verweigerer (Beispieldaten)",
            "Antwort innerhalb von drei Tagen",
            "Beschreiben Sie Ihre Lage, ohne Ihre Einheit oder Ihren Aufenthaltsort zu nennen.",
        ),
    ),
    "+380 50 123 4567": _contact(
        (
            "Юридические консультации для отказников (пример)",
            "Пн-Пт 09:00-18:00 (по киевскому времени)",
            WRITE_FIRST["ru"],
        ),
        (
            "Юридичні консультації для відмовників (приклад)",
            "Пн-Пт 09:00-18:00 (за київським часом)",
            WRITE_FIRST["uk"],
        ),
        (
            "Rechtsberatung für Verweigerer (Beispieldaten)",
            "Mo-Fr 09:00-18:00 (Kyjiwer Zeit)",
            WRITE_FIRST["de"],
        ),
    ),
    "+380 3112 34567": _contact(
        (
            "Горячая линия — приостановлена (пример)",
            None,
            "Приостановлена, пока волонтёры переезжают; пишите пока по электронной почте.",
        ),
        (
            "Гаряча лінія — призупинена (приклад)",
            None,
            "Призупинена, доки волонтери переїжджають; пишіть поки що електронною поштою.",
        ),
        (
            "Hotline — pausiert (Beispieldaten)",
            None,
            "Pausiert, während die Freiwilligen umziehen; schreiben Sie stattdessen per E-Mail.",
        ),
    ),
    "https://pacifist-ua.example.org/": _contact(
        ("Отчёты о делах отказников (пример)", None, None),
        ("Звіти про справи відмовників (приклад)", None, None),
        ("Berichte über Fälle von Verweigerern (Beispieldaten)", None, None),
    ),
    "@co_movement_bot_example": _contact(
        (
            "Бот-консультант: гражданская служба, повестки, отказ (пример)",
            "Бот отвечает сразу; консультанты — в течение дня",
            "Бот никогда не спрашивает ваше имя. После мобилизации или контракта пишите консультанту, а "
            "не боту. Удалите чат, если ваш телефон могут проверить.",
        ),
        (
            "Бот-консультант: цивільна служба, повістки, відмова (приклад)",
            "Бот відповідає одразу; консультанти — протягом дня",
            "Бот ніколи не питає вашого імені. Після мобілізації чи контракту пишіть консультантові, а "
            "не ботові. Видаліть чат, якщо ваш телефон можуть перевірити.",
        ),
        (
            "Beratungsbot: Zivildienst, Einberufungen, Verweigerung (Beispieldaten)",
            "Der Bot antwortet sofort, Beratende innerhalb eines Tages",
            "Der Bot fragt nie nach Ihrem Namen. Nach einer Mobilisierung oder einem Vertrag schreiben Sie "
            "einer Beraterin, nicht dem Bot. Löschen Sie den Chat, wenn Ihr Telefon kontrolliert werden "
            "könnte.",
        ),
    ),
    "consult@objection-ru.example.org": _contact(
        ("Консультанты по электронной почте (пример)", None, "Пишите с адреса вне российских сервисов."),
        ("Консультанти електронною поштою (приклад)", None, "Пишіть з адреси поза російськими сервісами."),
        (
            "Beratende per E-Mail (Beispieldaten)",
            None,
            "Schreiben Sie von einer Adresse außerhalb russischer Dienste.",
        ),
    ),
    "co_coordinators.42": _contact(
        ("Signal координаторов (пример)", None, None),
        ("Signal координаторів (приклад)", None, None),
        ("Signal der Koordinierenden (Beispieldaten)", None, None),
    ),
    "counselor_tbilisi.27": _contact(
        (
            "Русскоязычный консультант в Тбилиси (пример)",
            "Ежедневно 09:00-21:00 (по тбилисскому времени)",
            f"{WRITE_FIRST['ru']} Сообщите, когда вы пересекли или собираетесь пересечь границу и какие у "
            "вас есть документы.",
        ),
        (
            "Російськомовний консультант у Тбілісі (приклад)",
            "Щодня 09:00-21:00 (за тбіліським часом)",
            f"{WRITE_FIRST['uk']} Повідомте, коли ви перетнули або збираєтеся перетнути кордон і які у вас "
            "є документи.",
        ),
        (
            "Russischsprachiger Berater in Tiflis (Beispieldaten)",
            "Täglich 09:00-21:00 (Tifliser Zeit)",
            f"{WRITE_FIRST['de']} Sagen Sie, wann Sie die Grenze überquert haben oder überqueren wollen "
            "und welche Dokumente Sie haben.",
        ),
    ),
    "+995 32 212 34 56": _contact(
        ("Приёмная консультационного центра (пример)", "Пн-Пт 11:00-18:00 (по тбилисскому времени)", None),
        ("Приймальня консультаційного центру (приклад)", "Пн-Пт 11:00-18:00 (за тбіліським часом)", None),
        ("Empfang des Beratungszentrums (Beispieldaten)", "Mo-Fr 11:00-18:00 (Tifliser Zeit)", None),
    ),
    "Example street 1, 0108 Tbilisi, Georgia (example data)": _contact(
        (
            "Консультационный офис, только по записи (пример)",
            "По записи",
            "Приходите только после записи через Signal; не передавайте адрес другим.",
        ),
        (
            "Консультаційний офіс, лише за записом (приклад)",
            "За записом",
            "Приходьте лише після запису через Signal; не передавайте адресу іншим.",
        ),
        (
            "Beratungsbüro, nur nach Vereinbarung (Beispieldaten)",
            "Nach Vereinbarung",
            "Kommen Sie nur nach einem über Signal vereinbarten Termin; geben Sie die Adresse nicht weiter.",
        ),
    ),
    "+370 612 34567": _contact(
        (
            "SMS-линия для приезжающих из Беларуси (пример)",
            "Ежедневно 08:00-22:00 (по вильнюсскому времени)",
            "Отправьте одно слово с вашим языком, например 'help ru'; волонтёр ответит с другого номера.",
        ),
        (
            "SMS-лінія для тих, хто приїжджає з Білорусі (приклад)",
            "Щодня 08:00-22:00 (за вільнюським часом)",
            "Надішліть одне слово з вашою мовою, наприклад 'help ru'; волонтер відповість з іншого номера.",
        ),
        (
            "SMS-Linie für Ankommende aus Belarus (Beispieldaten)",
            "Täglich 08:00-22:00 (Vilniuser Zeit)",
            "Senden Sie ein Wort mit Ihrer Sprache, z. B. 'help ru'; eine Freiwillige antwortet von einer "
            "anderen Nummer.",
        ),
    ),
    "support@lithuania-support.example.org": _contact(
        ("Группа поддержки по электронной почте (пример)", None, None),
        ("Група підтримки електронною поштою (приклад)", None, None),
        ("Unterstützungsgruppe per E-Mail (Beispieldaten)", None, None),
    ),
    "Example avenue 5, Vilnius, Lithuania (example data)": _contact(
        (
            "Экстренное жильё (пример)",
            None,
            "Адрес только для членов группы поддержки; никогда не давайте его клиентам письменно.",
        ),
        (
            "Екстрене житло (приклад)",
            None,
            "Адреса лише для членів групи підтримки; ніколи не давайте її клієнтам письмово.",
        ),
        (
            "Notunterkunft (Beispieldaten)",
            None,
            "Die Adresse ist nur für Mitglieder der Unterstützungsgruppe; geben Sie sie Ratsuchenden nie "
            "schriftlich.",
        ),
    ),
    "@fi_contact_example": _contact(
        ("Контактное лицо в Хельсинки (пример)", None, WRITE_FIRST["ru"]),
        ("Контактна особа в Гельсінкі (приклад)", None, WRITE_FIRST["uk"]),
        ("Ansprechperson in Helsinki (Beispieldaten)", None, WRITE_FIRST["de"]),
    ),
    "info@finland-contacts.example.org": _contact(
        ("Контакты в Финляндии по электронной почте (пример)", None, None),
        ("Контакти у Фінляндії електронною поштою (приклад)", None, None),
        ("Kontakte in Finnland per E-Mail (Beispieldaten)", None, None),
    ),
    "https://legal-aid.example.org/request": _contact(
        (
            "Запросить адвоката по делу об убежище (пример)",
            None,
            "Сохраните повестку или документ о призыве либо скриншот электронного реестра: французские "
            "суды ждут доказательств того, что вас призвали.",
        ),
        (
            "Попросити адвоката у справі про притулок (приклад)",
            None,
            "Збережіть повістку чи документ про призов або знімок екрана електронного реєстру: французькі "
            "суди чекають доказів того, що вас призвали.",
        ),
        (
            "Anwalt für ein Asylverfahren anfragen (Beispieldaten)",
            None,
            "Bewahren Sie Ihren Einberufungsbescheid oder einen Screenshot des elektronischen Registers "
            "auf: Französische Gerichte erwarten einen Nachweis, dass Sie einberufen wurden.",
        ),
    ),
    "+33 1 99 00 12 34": _contact(
        (
            "Юридическая горячая линия во Франции (пример)",
            "Вт и Чт 14:00-17:00 (по парижскому времени)",
            None,
        ),
        ("Юридична гаряча лінія у Франції (приклад)", "Вт і Чт 14:00-17:00 (за паризьким часом)", None),
        ("Rechtshotline in Frankreich (Beispieldaten)", "Di und Do 14:00-17:00 (Pariser Zeit)", None),
    ),
    "benelux@legal-aid.example.org": _contact(
        ("Адвокаты в Бельгии и Нидерландах (пример)", None, None),
        ("Адвокати в Бельгії та Нідерландах (приклад)", None, None),
        ("Anwälte in Belgien und den Niederlanden (Beispieldaten)", None, None),
    ),
    "circle@supporters.example.org": _contact(
        ("Сторонники и спонсоры (пример)", None, None),
        ("Прихильники та спонсори (приклад)", None, None),
        ("Unterstützer und Förderer (Beispieldaten)", None, None),
    ),
    "https://supporters.example.org/": _contact(
        ("Пожертвовать на кампанию (пример)", None, None),
        ("Пожертвувати на кампанію (приклад)", None, None),
        ("Für die Kampagne spenden (Beispieldaten)", None, None),
    ),
}
