"""The demo's profiles of Russia and Ukraine in Russian, Ukrainian and German.

Machine-made (`machine: true`), like the rest of the demo's translations. The other
profiles have no translation yet: the app shows them in English and says so.
"""

PROFILES = {
    "RU": {
        "ru": {
            "conscription": (
                "Мужчин от 18 до 30 лет призывают на 12 месяцев, весной и осенью каждого года; верхний "
                "возраст подняли с 27 до 30 лет в 2024 году. С 2023 года повестку могут направить через "
                "электронный реестр, и она считается врученной, как только размещена там; тем, кто не "
                "явился, грозят ограничения, например запрет на выезд из страны."
            ),
            "conscientious_objection": (
                "Конституция (ст. 59) и закон об альтернативной гражданской службе позволяют призывникам "
                "пройти вместо военной более длительную гражданскую службу. Заявить это право можно "
                "только до призыва: заявление должно поступить в военкомат за несколько месяцев до "
                "призыва (до 1 апреля — на осенний призыв, до 1 октября — на весенний). Резервисты, "
                "контрактники и мобилизованные заявить его не могут; их заявления отклоняют."
            ),
            "mobilization": (
                "«Частичная мобилизация» резервистов объявлена 21 сентября 2022 года и формально не "
                "завершена. Призывников склоняют подписывать контракты, по которым их отправляют на войну."
            ),
            "penalties": (
                "Уклонение от призыва: ст. 328 УК. С сентября 2022 года наказания за самовольное "
                "оставление части (ст. 337) и дезертирство (ст. 338) в период мобилизации или военного "
                "времени резко ужесточены, а добровольная сдача в плен стала преступлением (ст. 352.1). "
                "Дезертирам грозят многие годы заключения или отправка обратно на фронт."
            ),
            "asylum_practice": (
                "Государства ЕС решают в каждом случае отдельно. Германия обещала защиту дезертирам; суд "
                "по делам об убежище Франции требует доказательств призыва; Литва отказывает многим "
                "заявителям как угрозе государственной безопасности. Несколько соседних с Россией стран "
                "ЕС ограничивают въезд гражданам России, поэтому добраться до безопасной страны — часто "
                "первая проблема."
            ),
        },
        "uk": {
            "conscription": (
                "Чоловіків віком від 18 до 30 років призивають на 12 місяців, навесні й восени щороку; "
                "верхню межу віку підняли з 27 до 30 років у 2024 році. З 2023 року повістку можуть "
                "надіслати через електронний реєстр, і вона вважається врученою, щойно її там розміщено; "
                "тим, хто не з'явився, загрожують обмеження, наприклад заборона виїзду з країни."
            ),
            "conscientious_objection": (
                "Конституція (ст. 59) і закон про альтернативну цивільну службу дозволяють призовникам "
                "пройти замість військової довшу цивільну службу. Заявити це право можна лише до призову: "
                "заява має надійти до військкомату за кілька місяців до призову (до 1 квітня — на осінній "
                "призов, до 1 жовтня — на весняний). Резервісти, контрактники й мобілізовані заявити його "
                "не можуть; їхні заяви відхиляють."
            ),
            "mobilization": (
                "«Часткову мобілізацію» резервістів оголошено 21 вересня 2022 року, і формально її не "
                "завершено. Призовників схиляють підписувати контракти, за якими їх відправляють на війну."
            ),
            "penalties": (
                "Ухилення від призову: ст. 328 КК. З вересня 2022 року покарання за самовільне залишення "
                "частини (ст. 337) і дезертирство (ст. 338) під час мобілізації чи воєнного часу різко "
                "посилено, а добровільна здача в полон стала злочином (ст. 352.1). Дезертирам загрожують "
                "багато років ув'язнення або відправлення назад на фронт."
            ),
            "asylum_practice": (
                "Держави ЄС вирішують у кожному випадку окремо. Німеччина обіцяла захист дезертирам; суд "
                "у справах про притулок Франції вимагає доказів призову; Литва відмовляє багатьом "
                "заявникам як загрозі державній безпеці. Кілька сусідніх із Росією країн ЄС обмежують "
                "в'їзд громадянам Росії, тож дістатися безпечної країни — часто перша проблема."
            ),
        },
        "de": {
            "conscription": (
                "Männer zwischen 18 und 30 Jahren werden für 12 Monate einberufen, jedes Jahr im Frühjahr "
                "und im Herbst; das Höchstalter wurde 2024 von 27 auf 30 Jahre angehoben. Seit 2023 kann "
                "ein Einberufungsbescheid über ein elektronisches Register zugestellt werden und gilt als "
                "zugestellt, sobald er dort eingestellt ist; wer nicht erscheint, muss mit Einschränkungen "
                "wie einem Ausreiseverbot rechnen."
            ),
            "conscientious_objection": (
                "Die Verfassung (Art. 59) und das Gesetz über den alternativen Zivildienst erlauben "
                "Wehrpflichtigen, stattdessen einen längeren Zivildienst zu leisten. Das Recht kann nur "
                "vor der Einberufung geltend gemacht werden: Der Antrag muss Monate vor der Einberufung "
                "beim Militärkommissariat eingehen (bis 1. April für die Herbst-, bis 1. Oktober für die "
                "Frühjahrseinberufung). Reservisten, Vertragssoldaten und Mobilisierte können es nicht "
                "geltend machen; ihre Anträge werden abgelehnt."
            ),
            "mobilization": (
                "Eine „Teilmobilmachung“ der Reservisten wurde am 21. September 2022 verkündet und nie "
                "förmlich beendet. Wehrpflichtige werden gedrängt, Verträge zu unterschreiben, die sie in "
                "den Krieg schicken."
            ),
            "penalties": (
                "Entziehung von der Wehrpflicht: Art. 328 StGB. Seit September 2022 wurden die Strafen "
                "für unerlaubte Abwesenheit (Art. 337) und Desertion (Art. 338) während der Mobilmachung "
                "oder in Kriegszeiten stark erhöht, und freiwillige Gefangennahme wurde strafbar (Art. "
                "352.1). Deserteuren drohen viele Jahre Haft oder die Rückkehr an die Front."
            ),
            "asylum_practice": (
                "Die EU-Staaten entscheiden im Einzelfall. Deutschland hat Deserteuren Schutz zugesagt; "
                "Frankreichs Asylgericht verlangt einen Nachweis der Einberufung; Litauen lehnt viele "
                "Antragsteller als Gefahr für die Staatssicherheit ab. Mehrere EU-Nachbarn Russlands "
                "beschränken die Einreise russischer Staatsangehöriger, sodass schon das Erreichen eines "
                "sicheren Landes oft das erste Problem ist."
            ),
        },
    },
    "UA": {
        "ru": {
            "conscription": (
                "Военное положение и всеобщая мобилизация с 24 февраля 2022 года. Мобилизовать могут "
                "мужчин от 25 до 60 лет (в 2024 году возраст снизили с 27), а мужчинам от 18 до 60 лет, "
                "как правило, нельзя выезжать из страны. Мужчины призывного возраста должны поддерживать "
                "воинский учёт в актуальном состоянии и иметь при себе подтверждение."
            ),
            "conscientious_objection": (
                "Конституция (ст. 35) предусматривает альтернативную службу, в мирное время только для "
                "членов религиозных организаций из утверждённого списка. С началом войны Украина "
                "приостановила право на отказ по убеждениям: правительство считает, что в условиях "
                "военного положения альтернативной службы нет, и отказников преследуют."
            ),
            "mobilization": (
                "Действует всеобщая мобилизация. Сотрудники ТЦК останавливают мужчин на улицах и "
                "блокпостах и доставляют их в территориальные центры комплектования; Уполномоченный по "
                "правам человека сообщал о незаконных задержаниях."
            ),
            "penalties": (
                "Уклонение от мобилизации: ст. 336 УК, от трёх до пяти лет лишения свободы. Отказники по "
                "убеждениям получали условные и реальные сроки. За самовольное оставление части (ст. 407) "
                "и дезертирство (ст. 408) в условиях военного положения наказание строже."
            ),
            "asylum_practice": (
                "Бежавшие из Украины получают в ЕС временную защиту, поэтому большинству мужчин "
                "призывного возраста процедура убежища не нужна; будущее этой защиты для мужчин "
                "призывного возраста обсуждается."
            ),
        },
        "uk": {
            "conscription": (
                "Воєнний стан і загальна мобілізація з 24 лютого 2022 року. Мобілізувати можуть чоловіків "
                "віком від 25 до 60 років (у 2024 році вік знизили з 27), а чоловікам від 18 до 60 років, "
                "як правило, не можна виїжджати з країни. Чоловіки призовного віку мають підтримувати "
                "військовий облік в актуальному стані й мати при собі підтвердження."
            ),
            "conscientious_objection": (
                "Конституція (ст. 35) передбачає альтернативну службу, у мирний час лише для членів "
                "релігійних організацій із затвердженого переліку. З початком війни Україна призупинила "
                "право на відмову за переконаннями: уряд вважає, що в умовах воєнного стану "
                "альтернативної служби немає, і відмовників переслідують."
            ),
            "mobilization": (
                "Діє загальна мобілізація. Працівники ТЦК зупиняють чоловіків на вулицях і блокпостах та "
                "доставляють їх до територіальних центрів комплектування; Уповноважений з прав людини "
                "повідомляв про незаконні затримання."
            ),
            "penalties": (
                "Ухилення від мобілізації: ст. 336 КК, від трьох до п'яти років позбавлення волі. "
                "Відмовники за переконаннями отримували умовні й реальні строки. За самовільне залишення "
                "частини (ст. 407) і дезертирство (ст. 408) в умовах воєнного стану покарання суворіше."
            ),
            "asylum_practice": (
                "Ті, хто втік з України, отримують у ЄС тимчасовий захист, тому більшості чоловіків "
                "призовного віку процедура притулку не потрібна; майбутнє цього захисту для чоловіків "
                "призовного віку обговорюється."
            ),
        },
        "de": {
            "conscription": (
                "Kriegsrecht und allgemeine Mobilmachung seit dem 24. Februar 2022. Männer zwischen 25 "
                "und 60 Jahren können mobilisiert werden (2024 wurde das Alter von 27 gesenkt), und "
                "Männer zwischen 18 und 60 Jahren dürfen das Land in der Regel nicht verlassen. Männer im "
                "wehrfähigen Alter müssen ihre Registrierung aktuell halten und einen Nachweis bei sich "
                "tragen."
            ),
            "conscientious_objection": (
                "Die Verfassung (Art. 35) sieht einen Ersatzdienst vor, in Friedenszeiten nur für "
                "Mitglieder bestimmter Religionsgemeinschaften. Mit Kriegsbeginn hat die Ukraine das Recht "
                "auf Kriegsdienstverweigerung ausgesetzt: Die Regierung vertritt, dass es unter dem "
                "Kriegsrecht keinen Ersatzdienst gibt, und Verweigerer werden strafrechtlich verfolgt."
            ),
            "mobilization": (
                "Die allgemeine Mobilmachung gilt. Rekrutierungsbeamte halten Männer auf der Straße und an "
                "Kontrollposten an und bringen sie in Rekrutierungszentren; die Ombudsperson hat über "
                "rechtswidrige Festnahmen berichtet."
            ),
            "penalties": (
                "Entziehung von der Mobilmachung: Art. 336 StGB, drei bis fünf Jahre Haft. "
                "Kriegsdienstverweigerer erhielten Bewährungs- und Haftstrafen. Unerlaubte Abwesenheit "
                "(Art. 407) und Desertion (Art. 408) werden unter dem Kriegsrecht härter bestraft."
            ),
            "asylum_practice": (
                "Wer aus der Ukraine flieht, erhält in der EU vorübergehenden Schutz, sodass die meisten "
                "Männer im wehrfähigen Alter kein Asylverfahren brauchen; wie es für sie damit weitergeht, "
                "wird diskutiert."
            ),
        },
    },
}
