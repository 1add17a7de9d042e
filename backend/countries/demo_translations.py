"""The demo's country profiles in Russian, Ukrainian and German, keyed by country code.

Machine-made (`machine: true`), like the rest of the demo's translations: the app marks them
until a coordinator confirms or rewrites them. Example profiles keep the example mark.
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
    "BY": {
        "ru": {
            "conscription": (
                "Мужчины от 18 до 27 лет служат 18 месяцев, а с высшим образованием — 12 месяцев. "
                "Резервистов неоднократно вызывают на проверки и сборы, а военкоматы проверяют воинский учёт "
                "мужчин."
            ),
            "conscientious_objection": (
                "Альтернативная служба существует с 2016 года, но только по религиозным основаниям и вдвое "
                "дольше военной службы. Заявить о ней можно только до призыва: резервисты и мобилизованные "
                "этого сделать не могут."
            ),
            "mobilization": (
                "Всеобщей мобилизации пока не было. В 2022 году Беларусь позволила России использовать свою "
                "территорию для вторжения в Украину, и резервистов часто призывают на сборы."
            ),
            "penalties": (
                "Уклонение от призыва (ст. 435 УК) и дезертирство (ст. 446) караются лишением свободы; дела "
                "возбуждают и заочно против тех, кто уехал из страны, а призывающих других отказаться от "
                "службы преследуют как «экстремистов»."
            ),
            "asylum_practice": (
                "Государства ЕС оценивают белорусских отказников по общим правилам о политическом "
                "преследовании. Литва отказала многим белорусам в виде на жительство и защите как угрозе "
                "государственной безопасности, часто лишь из-за прошлой военной службы."
            ),
        },
        "uk": {
            "conscription": (
                "Чоловіки віком від 18 до 27 років служать 18 місяців, а з вищою освітою — 12 місяців. "
                "Резервістів неодноразово викликають на перевірки й збори, а військкомати перевіряють "
                "військовий облік чоловіків."
            ),
            "conscientious_objection": (
                "Альтернативна служба існує з 2016 року, але лише з релігійних підстав і вдвічі довша за "
                "військову службу. Заявити про неї можна лише до призову: резервісти й мобілізовані цього "
                "зробити не можуть."
            ),
            "mobilization": (
                "Загальної мобілізації поки не було. У 2022 році Білорусь дозволила Росії використати свою "
                "територію для вторгнення в Україну, і резервістів часто призивають на збори."
            ),
            "penalties": (
                "Ухилення від призову (ст. 435 КК) і дезертирство (ст. 446) караються позбавленням волі; "
                "справи порушують і заочно проти тих, хто виїхав з країни, а тих, хто закликає інших "
                "відмовитися від служби, переслідують як «екстремістів»."
            ),
            "asylum_practice": (
                "Держави ЄС оцінюють білоруських відмовників за загальними правилами щодо політичного "
                "переслідування. Литва відмовила багатьом білорусам у посвідці на проживання й захисті як "
                "загрозі державній безпеці, часто лише через колишню військову службу."
            ),
        },
        "de": {
            "conscription": (
                "Männer zwischen 18 und 27 Jahren dienen 18 Monate, mit Hochschulabschluss 12 Monate. "
                "Reservisten werden wiederholt zu Überprüfungen und Übungen einberufen, und die "
                "Militärkommissariate überprüfen die Registrierung der Männer."
            ),
            "conscientious_objection": (
                "Einen Ersatzdienst gibt es seit 2016, aber nur aus religiösen Gründen und doppelt so lang "
                "wie der Wehrdienst. Er kann nur vor der Einberufung geltend gemacht werden: Reservisten und "
                "Mobilisierte können ihn nicht geltend machen."
            ),
            "mobilization": (
                "Bisher keine allgemeine Mobilmachung. Belarus ließ Russland 2022 sein Territorium für den "
                "Einmarsch in die Ukraine nutzen, und Reservisten werden häufig einberufen."
            ),
            "penalties": (
                "Entziehung von der Einberufung (Art. 435 StGB) und Desertion (Art. 446) werden mit Haft "
                "bestraft; Verfahren werden auch in Abwesenheit gegen Menschen eröffnet, die das Land "
                "verlassen haben, und wer andere zur Verweigerung des Dienstes aufruft, wird als „Extremist“ "
                "verfolgt."
            ),
            "asylum_practice": (
                "Die EU-Staaten prüfen belarussische Verweigerer nach den allgemeinen Regeln zur politischen "
                "Verfolgung. Litauen hat vielen Belarussen Aufenthalt und Schutz als Gefahr für die "
                "Staatssicherheit verweigert, oft nur wegen eines früheren Wehrdienstes."
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
    "DE": {
        "ru": {
            "conscription": (
                "Обязательная военная служба приостановлена с июля 2011 года. Вводится новая военная служба, "
                "основанная на добровольном поступлении, с анкетой и обследованием молодых мужчин."
            ),
            "conscientious_objection": (
                "Ст. 4(3) Основного закона гарантирует право отказаться от службы с оружием по соображениям "
                "совести, в мирное и в военное время. Подать заявление могут и военнослужащие, и резервисты."
            ),
            "mobilization": "Нет. В состоянии обороны обязательная служба снова вступила бы в силу.",
            "penalties": (
                "Военнослужащих, дезертировавших или самовольно оставивших часть, наказывают по Военному "
                "уголовному кодексу; признанного отказника — нет."
            ),
            "asylum_practice": (
                "В 2022 году федеральное правительство обещало, что российские дезертиры, которым грозят "
                "серьёзные репрессии, как правило, получат международную защиту. На практике Федеральное "
                "ведомство по делам миграции и беженцев предоставляет её в основном дезертирам, которые "
                "могут доказать дезертирство; мужчинам, уехавшим до призыва, часто отказывают, а суды решают "
                "по-разному. С теми же проблемами сталкиваются белорусские отказники; люди из Украины "
                "получают временную защиту."
            ),
        },
        "uk": {
            "conscription": (
                "Обов'язкову військову службу призупинено з липня 2011 року. Запроваджується нова військова "
                "служба, побудована на добровільному вступі, з анкетою та обстеженням молодих чоловіків."
            ),
            "conscientious_objection": (
                "Ст. 4(3) Основного закону гарантує право відмовитися від служби зі зброєю з міркувань "
                "совісті, у мирний і воєнний час. Подати заяву можуть також військовослужбовці й резервісти."
            ),
            "mobilization": "Немає. У стані оборони обов'язкова служба знову набула б чинності.",
            "penalties": (
                "Військовослужбовців, які дезертирували або самовільно залишили частину, карають за "
                "Військовим кримінальним кодексом; визнаного відмовника — ні."
            ),
            "asylum_practice": (
                "У 2022 році федеральний уряд пообіцяв, що російські дезертири, яким загрожують серйозні "
                "репресії, як правило, отримають міжнародний захист. На практиці Федеральне відомство у "
                "справах міграції та біженців надає його переважно дезертирам, які можуть довести "
                "дезертирство; чоловікам, які виїхали до призову, часто відмовляють, а суди вирішують "
                "по-різному. З тими самими проблемами стикаються білоруські відмовники; люди з України "
                "отримують тимчасовий захист."
            ),
        },
        "de": {
            "conscription": (
                "Die Wehrpflicht ist seit Juli 2011 ausgesetzt. Ein neuer Wehrdienst, der auf freiwilliger "
                "Verpflichtung beruht, mit einem Fragebogen und einer Musterung junger Männer, wird "
                "eingeführt."
            ),
            "conscientious_objection": (
                "Art. 4 Abs. 3 des Grundgesetzes garantiert das Recht, den Kriegsdienst mit der Waffe aus "
                "Gewissensgründen zu verweigern, im Frieden wie im Krieg. Auch Soldaten und Reservisten "
                "können einen Antrag stellen."
            ),
            "mobilization": "Keine. Im Verteidigungsfall würde die Wehrpflicht wieder gelten.",
            "penalties": (
                "Soldaten, die desertieren oder eigenmächtig abwesend sind, werden nach dem Wehrstrafgesetz "
                "bestraft; ein anerkannter Kriegsdienstverweigerer nicht."
            ),
            "asylum_practice": (
                "2022 sagte die Bundesregierung zu, dass russische Deserteure, denen schwere Repressionen "
                "drohen, in der Regel internationalen Schutz erhalten. In der Praxis gewährt das Bundesamt "
                "für Migration und Flüchtlinge ihn vor allem Deserteuren, die ihre Desertion nachweisen "
                "können; Männer, die vor der Einberufung ausgereist sind, werden oft abgelehnt, und Gerichte "
                "entscheiden unterschiedlich. Belarussische Verweigerer stehen vor denselben Problemen; "
                "Menschen aus der Ukraine erhalten vorübergehenden Schutz."
            ),
        },
    },
    "FR": {
        "ru": {
            "conscription": (
                "Призыв приостановлен с 1997 года; молодёжь проходит однодневный «день обороны и "
                "гражданственности». Вводятся новые формы добровольной национальной службы."
            ),
            "conscientious_objection": (
                "Отказ по убеждениям признан законом с 1963 года. Поскольку призыв приостановлен, вопрос "
                "важен в основном для отказников из других стран, которые ищут защиты во Франции."
            ),
            "mobilization": "Нет.",
            "penalties": (
                "Не касается отказников из России, Беларуси и Украины, пока они находятся во Франции."
            ),
            "asylum_practice": (
                "Национальный суд по делам об убежище (CNDA) решил в 2023 году, что россиян, бегущих от "
                "мобилизации, и мобилизованных военнослужащих, которые дезертировали, можно признавать "
                "беженцами, потому что им грозит участие в военных преступлениях. Франция требует "
                "доказательств призыва: решающее значение имеет повестка или запись в электронном реестре, а "
                "статуса резервиста недостаточно. Решения в первой инстанции принимает OFPRA."
            ),
        },
        "uk": {
            "conscription": (
                "Призов призупинено з 1997 року; молодь проходить одноденний «день оборони та громадянства». "
                "Запроваджуються нові форми добровільної національної служби."
            ),
            "conscientious_objection": (
                "Відмову за переконаннями визнано законом з 1963 року. Оскільки призов призупинено, питання "
                "важливе переважно для відмовників з інших країн, які шукають захисту у Франції."
            ),
            "mobilization": "Немає.",
            "penalties": (
                "Не стосується відмовників з Росії, Білорусі та України, поки вони перебувають у Франції."
            ),
            "asylum_practice": (
                "Національний суд у справах про притулок (CNDA) вирішив у 2023 році, що росіян, які тікають "
                "від мобілізації, і мобілізованих військовослужбовців, які дезертирували, можна визнавати "
                "біженцями, бо їм загрожує участь у воєнних злочинах. Франція вимагає доказів призову: "
                "вирішальними є повістка або запис в електронному реєстрі, а статусу резервіста недостатньо. "
                "Рішення в першій інстанції ухвалює OFPRA."
            ),
        },
        "de": {
            "conscription": (
                "Seit 1997 ausgesetzt; junge Menschen nehmen an einem eintägigen Tag der Verteidigung und "
                "Staatsbürgerschaft teil. Neue Formen eines freiwilligen nationalen Dienstes werden "
                "eingeführt."
            ),
            "conscientious_objection": (
                "Seit 1963 gesetzlich anerkannt. Da die Wehrpflicht ausgesetzt ist, betrifft die Frage vor "
                "allem Verweigerer aus anderen Ländern, die in Frankreich Schutz suchen."
            ),
            "mobilization": "Keine.",
            "penalties": (
                "Für Verweigerer aus Russland, Belarus und der Ukraine nicht relevant, solange sie in "
                "Frankreich sind."
            ),
            "asylum_practice": (
                "Der nationale Asylgerichtshof (CNDA) entschied 2023, dass Russen, die vor der Mobilmachung "
                "fliehen, und mobilisierte Soldaten, die desertiert sind, als Flüchtlinge anerkannt werden "
                "können, weil sie Gefahr laufen, an Kriegsverbrechen teilzunehmen. Frankreich verlangt einen "
                "Nachweis der Einberufung: Ein Einberufungsbescheid oder ein Eintrag im elektronischen "
                "Register ist entscheidend, Reservist zu sein genügt nicht. Die Erstentscheidungen trifft "
                "das OFPRA."
            ),
        },
    },
    "LT": {
        "ru": {
            "conscription": (
                "Призыв восстановлен в 2015 году: молодых мужчин призывают на девять месяцев базовой службы."
            ),
            "conscientious_objection": (
                "Для тех, кто не может носить оружие по религиозным или пацифистским причинам, существует "
                "альтернативная служба национальной обороны."
            ),
            "mobilization": "Нет.",
            "penalties": "Уклонение от призыва наказывается штрафом или лишением свободы.",
            "asylum_practice": (
                "Литва отклоняет многие заявления россиян и белорусов об убежище и виде на жительство — в "
                "том числе отказников и активистов — на основании «угрозы государственной безопасности», "
                "часто лишь из-за прошлой военной службы или кадетской школы, по заключению Департамента "
                "государственной безопасности, которое заявитель не может увидеть. Россиянам, бегущим от "
                "мобилизации, заявили, что их не впустят."
            ),
        },
        "uk": {
            "conscription": (
                "Призов відновлено у 2015 році: молодих чоловіків призивають на дев'ять місяців базової "
                "служби."
            ),
            "conscientious_objection": (
                "Для тих, хто не може носити зброю з релігійних чи пацифістських причин, існує альтернативна "
                "служба національної оборони."
            ),
            "mobilization": "Немає.",
            "penalties": "Ухилення від призову карається штрафом або позбавленням волі.",
            "asylum_practice": (
                "Литва відхиляє багато заяв росіян і білорусів про притулок і посвідку на проживання — серед "
                "них відмовників і активістів — на підставі «загрози державній безпеці», часто лише через "
                "колишню військову службу або кадетську школу, за висновком Департаменту державної безпеки, "
                "якого заявник не може побачити. Росіянам, які тікають від мобілізації, заявили, що їх не "
                "впустять."
            ),
        },
        "de": {
            "conscription": (
                "2015 wieder eingeführt: Junge Männer werden zu neun Monaten Grundwehrdienst einberufen."
            ),
            "conscientious_objection": (
                "Für alle, die aus religiösen oder pazifistischen Gründen keine Waffe tragen können, gibt es "
                "einen alternativen Landesverteidigungsdienst."
            ),
            "mobilization": "Keine.",
            "penalties": "Die Entziehung von der Einberufung wird mit Geld- oder Freiheitsstrafe bestraft.",
            "asylum_practice": (
                "Litauen lehnt viele Asyl- und Aufenthaltsanträge von Russen und Belarussen — darunter "
                "Verweigerer und Aktivisten — wegen einer „Gefahr für die Staatssicherheit“ ab, oft nur "
                "wegen eines früheren Wehrdienstes oder einer Kadettenschule, gestützt auf eine "
                "Stellungnahme des Staatssicherheitsdepartements, die der Antragsteller nicht einsehen kann. "
                "Russen, die vor der Mobilmachung fliehen, wurde gesagt, sie würden nicht aufgenommen."
            ),
        },
    },
    "GE": {
        "ru": {
            "conscription": "Мужчин призывают на обязательную военную службу сроком около года.",
            "conscientious_objection": (
                "Для отказников по убеждениям существует невоенная альтернативная трудовая служба."
            ),
            "mobilization": "Нет.",
            "penalties": "Уклонение от службы наказывается штрафом или лишением свободы.",
            "asylum_practice": (
                "Граждане России могут находиться в стране без визы до года, и многие бежавшие от "
                "мобилизации в 2022 году приехали в Грузию. Грузия редко предоставляет убежище россиянам; "
                "большинство остаются по безвизовому режиму и продлевают его, выезжая и въезжая снова. "
                "Некоторым без объяснения причин отказывают во въезде на границе, поэтому консультанты "
                "советуют перед поездкой иметь запасной план."
            ),
        },
        "uk": {
            "conscription": "Чоловіків призивають на обов'язкову військову службу строком близько року.",
            "conscientious_objection": (
                "Для відмовників за переконаннями існує невійськова альтернативна трудова служба."
            ),
            "mobilization": "Немає.",
            "penalties": "Ухилення від служби карається штрафом або позбавленням волі.",
            "asylum_practice": (
                "Громадяни Росії можуть перебувати в країні без візи до року, і багато хто з тих, хто втік "
                "від мобілізації у 2022 році, приїхав до Грузії. Грузія рідко надає притулок росіянам; "
                "більшість залишаються за безвізовим режимом і продовжують його, виїжджаючи та в'їжджаючи "
                "знову. Деяким без пояснення причин відмовляють у в'їзді на кордоні, тому консультанти "
                "радять перед поїздкою мати запасний план."
            ),
        },
        "de": {
            "conscription": "Männer werden zu einem Pflichtwehrdienst von etwa einem Jahr einberufen.",
            "conscientious_objection": (
                "Für Kriegsdienstverweigerer gibt es einen nichtmilitärischen alternativen Arbeitsdienst."
            ),
            "mobilization": "Keine.",
            "penalties": "Die Entziehung vom Dienst wird mit Geld- oder Freiheitsstrafe bestraft.",
            "asylum_practice": (
                "Russische Staatsangehörige dürfen bis zu einem Jahr visumfrei bleiben, und viele, die 2022 "
                "vor der Mobilmachung flohen, kamen nach Georgien. Georgien gewährt Russen selten Asyl; die "
                "meisten bleiben visumfrei und verlängern ihren Aufenthalt durch Aus- und Wiedereinreise. "
                "Manchen wird die Einreise an der Grenze ohne Begründung verweigert, daher raten Berater, "
                "vor der Reise einen Plan B zu haben."
            ),
        },
    },
    "FI": {
        "ru": {
            "conscription": "Воинская обязанность для мужчин: военная служба длится 165, 255 или 347 дней.",
            "conscientious_objection": (
                "Невоенную (гражданскую) службу продолжительностью 347 дней можно выбрать при призыве или во "
                "время военной службы. Тотальных отказников, отказывающихся от обеих, приговаривают к "
                "лишению свободы на половину оставшегося срока службы, которое часто отбывают под надзором."
            ),
            "mobilization": "Нет.",
            "penalties": "Тотальный отказ наказывается лишением свободы или наказанием под надзором.",
            "asylum_practice": (
                "В конце 2023 года Финляндия закрыла сухопутную границу с Россией, а закон 2024 года "
                "позволяет пограничникам не пропускать на границе лиц, ищущих убежища, в ситуациях, которые "
                "правительство считает инструментализированной миграцией. Заявления, поданные в Финляндии, "
                "рассматриваются индивидуально."
            ),
        },
        "uk": {
            "conscription": (
                "Військовий обов'язок для чоловіків: військова служба триває 165, 255 або 347 днів."
            ),
            "conscientious_objection": (
                "Невійськову (цивільну) службу тривалістю 347 днів можна обрати під час призову або під час "
                "військової служби. Тотальних відмовників, які відмовляються від обох, засуджують до "
                "позбавлення волі на половину строку служби, що залишився, яке часто відбувають під "
                "наглядом."
            ),
            "mobilization": "Немає.",
            "penalties": "Тотальна відмова карається позбавленням волі або покаранням під наглядом.",
            "asylum_practice": (
                "Наприкінці 2023 року Фінляндія закрила сухопутний кордон із Росією, а закон 2024 року "
                "дозволяє прикордонникам не пропускати шукачів притулку на кордоні в ситуаціях, які уряд "
                "вважає інструменталізованою міграцією. Заяви, подані у Фінляндії, розглядаються "
                "індивідуально."
            ),
        },
        "de": {
            "conscription": "Wehrpflicht für Männer: Der Wehrdienst dauert 165, 255 oder 347 Tage.",
            "conscientious_objection": (
                "Ein nichtmilitärischer (ziviler) Dienst von 347 Tagen kann bei der Einberufung oder während "
                "des Wehrdienstes gewählt werden. Totalverweigerer, die beides ablehnen, werden zu Haft für "
                "die Hälfte der verbleibenden Dienstzeit verurteilt, die oft unter Überwachung verbüßt wird."
            ),
            "mobilization": "Keine.",
            "penalties": "Totalverweigerung wird mit Haft oder Überwachungsstrafen geahndet.",
            "asylum_practice": (
                "Finnland hat Ende 2023 seine Landgrenze zu Russland geschlossen, und ein Gesetz von 2024 "
                "erlaubt dem Grenzschutz, Asylsuchende an der Grenze zurückzuweisen, wenn die Regierung die "
                "Lage als instrumentalisierte Migration einstuft. Über in Finnland gestellte Anträge wird "
                "einzeln entschieden."
            ),
        },
    },
    "KZ": {
        "ru": {
            "conscription": "Мужчин от 18 до 27 лет призывают на один год. (пример)",
            "conscientious_objection": "Альтернативной гражданской службы нет. (пример)",
            "mobilization": "Нет. (пример)",
            "penalties": "Уклонение от службы наказывается штрафом или лишением свободы. (пример)",
            "asylum_practice": (
                "После сентября 2022 года в Казахстан приехали многие россияне. Казахстан сотрудничает с "
                "Россией по региональным соглашениям об экстрадиции, поэтому людям, которых разыскивают в "
                "России за уклонение или дезертирство, грозит задержание; правила длительного пребывания "
                "граждан России ужесточены. Консультанты советуют ехать дальше. (пример)"
            ),
        },
        "uk": {
            "conscription": "Чоловіків віком від 18 до 27 років призивають на один рік. (приклад)",
            "conscientious_objection": "Альтернативної цивільної служби немає. (приклад)",
            "mobilization": "Немає. (приклад)",
            "penalties": "Ухилення від служби карається штрафом або позбавленням волі. (приклад)",
            "asylum_practice": (
                "Після вересня 2022 року до Казахстану приїхало багато росіян. Казахстан співпрацює з Росією "
                "за регіональними угодами про екстрадицію, тому людям, яких розшукують у Росії за ухилення "
                "чи дезертирство, загрожує затримання; правила тривалого перебування громадян Росії "
                "посилено. Консультанти радять їхати далі. (приклад)"
            ),
        },
        "de": {
            "conscription": (
                "Männer zwischen 18 und 27 Jahren werden für ein Jahr einberufen. (Beispieldaten)"
            ),
            "conscientious_objection": "Einen zivilen Ersatzdienst gibt es nicht. (Beispieldaten)",
            "mobilization": "Keine. (Beispieldaten)",
            "penalties": (
                "Die Entziehung vom Dienst wird mit Geld- oder Freiheitsstrafe bestraft. (Beispieldaten)"
            ),
            "asylum_practice": (
                "Nach September 2022 kamen viele Russen nach Kasachstan. Kasachstan arbeitet im Rahmen "
                "regionaler Auslieferungsabkommen mit Russland zusammen, sodass Menschen, die in Russland "
                "wegen Entziehung oder Desertion gesucht werden, die Festnahme droht; die Regeln für längere "
                "Aufenthalte russischer Staatsangehöriger wurden verschärft. Berater empfehlen, "
                "weiterzureisen. (Beispieldaten)"
            ),
        },
    },
    "AM": {
        "ru": {
            "conscription": "Мужчины от 18 до 27 лет служат два года. (пример)",
            "conscientious_objection": (
                "После решения Европейского суда по правам человека по делу «Баятян против Армении» (2011) "
                "Армения предлагает альтернативную гражданскую трудовую службу, более длительную, чем "
                "военная. (пример)"
            ),
            "mobilization": "Для граждан России — нет; Армения — член ОДКБ. (пример)",
            "penalties": "Не касается граждан России, находящихся в Армении. (пример)",
            "asylum_practice": (
                "Граждане России могут въехать по внутреннему паспорту и находиться в стране до 180 дней. "
                "Армения не выдавала отказников, но российская военная полиция с базы в Гюмри задерживала "
                "дезертиров на территории Армении и в 2023 году вывезла как минимум одного обратно в Россию. "
                "(пример)"
            ),
        },
        "uk": {
            "conscription": "Чоловіки віком від 18 до 27 років служать два роки. (приклад)",
            "conscientious_objection": (
                "Після рішення Європейського суду з прав людини у справі «Баятян проти Вірменії» (2011) "
                "Вірменія пропонує альтернативну цивільну трудову службу, довшу за військову. (приклад)"
            ),
            "mobilization": "Для громадян Росії — немає; Вірменія — член ОДКБ. (приклад)",
            "penalties": "Не стосується громадян Росії, які перебувають у Вірменії. (приклад)",
            "asylum_practice": (
                "Громадяни Росії можуть в'їхати за внутрішнім паспортом і перебувати в країні до 180 днів. "
                "Вірменія не видавала відмовників, але російська військова поліція з бази в Гюмрі "
                "затримувала дезертирів на території Вірменії й у 2023 році вивезла щонайменше одного назад "
                "до Росії. (приклад)"
            ),
        },
        "de": {
            "conscription": "Männer zwischen 18 und 27 Jahren dienen zwei Jahre. (Beispieldaten)",
            "conscientious_objection": (
                "Nach dem Urteil des Europäischen Gerichtshofs für Menschenrechte Bayatyan gegen Armenien "
                "(2011) bietet Armenien einen alternativen zivilen Arbeitsdienst an, der länger dauert als "
                "der Wehrdienst. (Beispieldaten)"
            ),
            "mobilization": (
                "Für russische Staatsangehörige keine; Armenien ist Mitglied der OVKS. (Beispieldaten)"
            ),
            "penalties": "Für russische Staatsangehörige in Armenien nicht relevant. (Beispieldaten)",
            "asylum_practice": (
                "Russische Staatsangehörige können mit ihrem Inlandspass einreisen und bis zu 180 Tage "
                "bleiben. Armenien hat keine Verweigerer ausgeliefert, aber russische Militärpolizei vom "
                "Stützpunkt in Gjumri hat Deserteure auf armenischem Gebiet festgenommen und 2023 mindestens "
                "einen nach Russland zurückgebracht. (Beispieldaten)"
            ),
        },
    },
}
