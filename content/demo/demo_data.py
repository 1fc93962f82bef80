# content/demo/demo_data.py: the demo content as readable Python data.
#
# build_demo.py turns this into demo.json (a kiosk content document, docs/content-format.md).
# Every visitor-facing text is a T(lv, en, ru[, uk]) so a reviewer can read the three languages
# side by side. Keys ("legal_consult", "centre", ...) are stable names; build_demo.py maps each to
# a random v4 UUID kept in ids.json, so ids survive re-generation.
#
# What is real and what is invented is listed in README.md. In short: the National Integration
# Centre's address and phone numbers are demo values; partner organisations, their addresses and
# the short public numbers (112, 110, 116 006, 116 111, 116 123) are real.


import re


def T(lv, en, ru, uk=None):
    text = {"lv": lv, "en": en, "ru": ru}
    if uk:
        text["uk"] = uk
    return text


# ---------------------------------------------------------------------------------------------
# Shared texts
# ---------------------------------------------------------------------------------------------

FREE = T("Bez maksas.", "Free.", "Бесплатно.")

ELIG_TCN = T(
    "Cilvēki no valstīm ārpus ES, kuri dzīvo Latvijā, un viņu ģimenes locekļi.",
    "People from countries outside the EU who live in Latvia, and their family members.",
    "Люди из стран вне ЕС, которые живут в Латвии, и члены их семей.",
)

ELIG_TCN_ADULT = T(
    "Pieaugušie (no 18 gadiem) no valstīm ārpus ES, kuri dzīvo Latvijā.",
    "Adults (18+) from countries outside the EU who live in Latvia.",
    "Взрослые (от 18 лет) из стран вне ЕС, которые живут в Латвии.",
)

ELIG_ANYONE = T(
    "Ikviens, kurš atrodas Latvijā.",
    "Anyone in Latvia.",
    "Любой человек, находящийся в Латвии.",
)

BOOK_CONSULTATION = T(
    "Piesakiet laiku šeit, kioskā, vai zvaniet pa tālruni +371 6000 0000. Ņemiet līdzi pasi vai "
    "uzturēšanās atļauju un dokumentus, kas saistīti ar jūsu jautājumu. Konsultācija ilgst līdz 45 minūtēm.",
    "Book a time here at the kiosk or call +371 6000 0000. Bring your passport or residence permit "
    "and any papers about your question. A consultation lasts up to 45 minutes.",
    "Запишитесь здесь, в киоске, или позвоните по телефону +371 6000 0000. Возьмите с собой паспорт "
    "или вид на жительство и документы, связанные с вашим вопросом. Консультация длится до 45 минут.",
)

BOOK_SEAT = T(
    "Izvēlieties datumu un piesakiet vietu šeit, kioskā, reģistratūrā vai pa tālruni +371 6000 0000.",
    "Choose a date and book a seat here at the kiosk, at reception or by phone: +371 6000 0000.",
    "Выберите дату и запишитесь здесь, в киоске, в регистратуре или по телефону +371 6000 0000.",
)

INTERP_CENTRE = T(
    "Ja jums vajadzīgs tulks citā valodā, pasakiet to, piesakoties.",
    "If you need an interpreter for another language, tell us when you book.",
    "Если вам нужен переводчик на другой язык, сообщите об этом при записи.",
)

INTERP_STATE = T(
    "Valsts iestādes strādā latviešu valodā. Ja nerunājat latviski, ņemiet līdzi kādu, kurš var jums "
    "tulkot, vai lūdziet palīdzību Nacionālajam integrācijas centram.",
    "State institutions work in Latvian. If you do not speak Latvian, take someone who can interpret "
    "for you, or ask the National Integration Centre for help.",
    "Государственные учреждения работают на латышском языке. Если вы не говорите по-латышски, "
    "возьмите с собой того, кто сможет переводить, или попросите помощи в Национальном интеграционном центре.",
)

HOURS_SEE_WEBSITE = T(
    "Darba dienās. Darba laiks dažādās nodaļās atšķiras — pirms došanās pārbaudiet to tīmekļvietnē.",
    "Working days. Opening hours differ between offices — check the website before you go.",
    "По рабочим дням. Часы работы в разных отделениях отличаются — проверьте их на сайте перед визитом.",
)

LINE_HOURS_SEE_WEBSITE = T(
    "Laiku, kad tālrunis atbild, skatiet tīmekļvietnē.",
    "See the website for the hours when the line is answered.",
    "Часы, когда линия отвечает, смотрите на сайте.",
)

TRANSPORT_RIGA = T(
    "Tramvaju, trolejbusu un autobusu maršruti un saraksti: www.rigassatiksme.lv.",
    "Routes and timetables for trams, trolleybuses and buses: www.rigassatiksme.lv.",
    "Маршруты и расписания трамваев, троллейбусов и автобусов: www.rigassatiksme.lv.",
)

ADDRESS_ON_WEBSITE = T(
    "Adresi un darba laiku skatiet organizācijas tīmekļvietnē.",
    "See the organisation's website for the address and opening hours.",
    "Адрес и часы работы смотрите на сайте организации.",
)

WEEKDAYS = "MO,TU,WE,TH,FR"
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"

# ---------------------------------------------------------------------------------------------
# Categories (taxonomy terms shown as tiles). Icon names are listed in README.md.
# ---------------------------------------------------------------------------------------------

TAXONOMY = dict(
    key="kiosk_categories",
    name=T("Kioska kategorijas", "Kiosk categories", "Категории киоска"),
    description=T(
        "Pakalpojumu grupas kioska sākuma ekrānā.",
        "Groups of services on the kiosk's start screen.",
        "Группы услуг на начальном экране киоска.",
    ),
)

CATEGORIES = [
    dict(key="legal", icon="scales",
         name=T("Juridiskā palīdzība", "Legal help", "Юридическая помощь", "Юридична допомога"),
         description=T("Konsultācijas par jūsu tiesībām, līgumiem un sūdzībām.",
                       "Advice on your rights, contracts and complaints.",
                       "Консультации о ваших правах, договорах и жалобах.")),
    dict(key="social", icon="hands",
         name=T("Sociālais atbalsts", "Social support", "Социальная поддержка", "Соціальна підтримка"),
         description=T("Pabalsti, sociālā darbinieka palīdzība un atbalsts grūtos brīžos.",
                       "Benefits, help from a social worker and support in hard times.",
                       "Пособия, помощь социального работника и поддержка в трудной ситуации.")),
    dict(key="language", icon="speech",
         name=T("Latviešu valoda", "Latvian language", "Латышский язык", "Латиська мова"),
         description=T("Kursi visiem līmeņiem, sarunu klubs un materiāli mācībām mājās.",
                       "Courses at every level, a conversation club and materials for learning at home.",
                       "Курсы всех уровней, разговорный клуб и материалы для занятий дома.")),
    dict(key="work", icon="briefcase",
         name=T("Darbs un kvalifikācija", "Work and upskilling", "Работа и повышение квалификации",
                "Робота та підвищення кваліфікації"),
         description=T("Darba meklēšana, kursi un padoms par tiesībām darbā.",
                       "Finding a job, courses and advice on your rights at work.",
                       "Поиск работы, курсы и советы о правах работника.")),
    dict(key="residence", icon="id_card",
         name=T("Uzturēšanās un dokumenti", "Residence and documents", "Проживание и документы",
                "Проживання та документи"),
         description=T("Uzturēšanās atļaujas, pilsonība, nodokļi un saziņa ar valsts iestādēm.",
                       "Residence permits, citizenship, taxes and dealing with state offices.",
                       "Виды на жительство, гражданство, налоги и общение с государственными учреждениями.")),
    dict(key="health", icon="heart",
         name=T("Veselība", "Health", "Здоровье", "Здоров’я"),
         description=T("Ģimenes ārsts, valsts apmaksāta veselības aprūpe un emocionāls atbalsts.",
                       "Family doctors, state-paid health care and emotional support.",
                       "Семейный врач, медицинская помощь за счёт государства и эмоциональная поддержка.")),
    dict(key="housing", icon="home",
         name=T("Mājoklis un komunālie maksājumi", "Housing and utilities", "Жильё и коммунальные платежи",
                "Житло та комунальні платежі"),
         description=T("Īres līgumi, rēķini par komunālajiem pakalpojumiem un mājokļa pabalsts.",
                       "Rental contracts, utility bills and housing benefit.",
                       "Договоры аренды, счета за коммунальные услуги и пособие на жильё.")),
    dict(key="family", icon="family",
         name=T("Bērni un ģimene", "Children and family", "Дети и семья", "Діти та сім’я"),
         description=T("Pasākumi vecākiem ar bērniem, ģimenes pabalsti, skola un palīdzība bērniem.",
                       "Events for parents with children, family benefits, school and help for children.",
                       "Мероприятия для родителей с детьми, семейные пособия, школа и помощь детям.")),
    dict(key="crisis", icon="alert",
         name=T("Krīze un drošība", "Crisis and safety", "Кризис и безопасность", "Криза та безпека"),
         description=T("Bezmaksas tālruņi un palīdzība, ja jums draud briesmas vai pret jums ir izdarīts noziegums.",
                       "Free helplines and help if you are in danger or a crime was committed against you.",
                       "Бесплатные телефоны доверия и помощь, если вам грозит опасность или против вас "
                       "совершено преступление.")),
    dict(key="community", icon="people",
         name=T("Kopiena un kultūra", "Community and culture", "Сообщество и культура", "Спільнота та культура"),
         description=T("Iepazīstiet Latviju, tās tradīcijas un citus cilvēkus.",
                       "Get to know Latvia, its traditions and other people.",
                       "Познакомьтесь с Латвией, её традициями и новыми людьми.")),
]

# ---------------------------------------------------------------------------------------------
# The National Integration Centre (x_kiosk_role "centre"). Address and numbers are demo values.
# ---------------------------------------------------------------------------------------------

CENTRE_PHONE = "+371 6000 0000"
HOTLINE_PHONE = "8000 0000"

CENTRE_HOURS = [
    dict(byday="MO,TU,WE,TH", opens="09:00", closes="18:00"),
    dict(byday="FR", opens="09:00", closes="16:00"),
]

CENTRE = dict(
    key="centre",
    role="centre",
    name=T("Nacionālais integrācijas centrs", "National Integration Centre",
           "Национальный интеграционный центр", "Національний інтеграційний центр"),
    alternate_name=T("NIC", "NIC", "NIC"),
    description=T(
        "Nacionālais integrācijas centrs palīdz cilvēkiem no valstīm ārpus Eiropas Savienības, kuri dzīvo "
        "Latvijā. Šeit var bez maksas saņemt juridisku un sociālu padomu, mācīties latviešu valodu un "
        "iepazīt citus cilvēkus. Mēs palīdzam atrast īsto valsts iestādi vai organizāciju jūsu jautājumam.",
        "The National Integration Centre helps people from countries outside the European Union who live "
        "in Latvia. Here you can get free legal and social advice, learn Latvian and meet other people. "
        "We help you find the right state office or organisation for your question.",
        "Национальный интеграционный центр помогает людям из стран за пределами Европейского союза, "
        "которые живут в Латвии. Здесь можно бесплатно получить юридическую и социальную консультацию, "
        "учить латышский язык и познакомиться с другими людьми. Мы поможем найти нужное государственное "
        "учреждение или организацию для вашего вопроса.",
        "Національний інтеграційний центр допомагає людям із країн поза Європейським Союзом, які живуть "
        "у Латвії. Тут можна безкоштовно отримати юридичну та соціальну консультацію, вивчати латиську "
        "мову та познайомитися з іншими людьми. Ми допоможемо знайти потрібну державну установу чи "
        "організацію для вашого питання.",
    ),
    website="https://www.integration.lv",
    phones=[
        dict(key="centre_reception", number=CENTRE_PHONE, type="voice",
             description=T("Reģistratūra", "Reception", "Регистратура")),
        dict(key="centre_hotline", number=HOTLINE_PHONE, type="voice",
             description=T("Bezmaksas krīzes tālrunis", "Free crisis hotline", "Бесплатная кризисная линия")),
    ],
    locations=[
        dict(
            key="centre",
            name=T("Nacionālais integrācijas centrs", "National Integration Centre",
                   "Национальный интеграционный центр"),
            description=T(
                "Ieeja no ielas, reģistratūra 1. stāvā. Ēkā ir lifts; bērnu ratiņiem un ratiņkrēsliem "
                "piemērota ieeja.",
                "Entrance from the street, reception on the ground floor. There is a lift, and the "
                "entrance is suitable for prams and wheelchairs.",
                "Вход с улицы, регистратура на первом этаже. Есть лифт, вход подходит для детских "
                "колясок и инвалидных кресел.",
            ),
            transportation=T(
                "Apmēram 15 minūšu gājiena attālumā no Rīgas Centrālās stacijas. Tuvumā ir tramvaju, trolejbusu un "
                "autobusu pieturas; maršruti: www.rigassatiksme.lv.",
                "About 15 minutes' walk from Riga Central Station. Trams, trolleybuses and buses stop "
                "nearby; routes: www.rigassatiksme.lv.",
                "Примерно 15 минут пешком от Центрального вокзала Риги. Рядом есть остановки трамваев, "
                "троллейбусов и автобусов; маршруты: www.rigassatiksme.lv.",
            ),
            address=dict(address_1="Elizabetes iela 65", postal_code="LV-1050"),
            latitude=56.9556,
            longitude=24.1219,
            hours=CENTRE_HOURS,
            phones=[dict(key="centre_location_reception", number=CENTRE_PHONE, type="voice",
                         description=T("Reģistratūra", "Reception", "Регистратура"))],
        ),
    ],
)

CENTRE_SERVICES = [
    # --- Consultations (seed activity 6) -------------------------------------------------------
    dict(
        key="legal_consult",
        name=T("Konsultācija ar juristu", "Consultation with a lawyer", "Консультация юриста",
               "Консультація юриста"),
        description=T(
            "Tiekieties ar juristu klātienē un jautājiet par uzturēšanās atļauju, darba līgumu, dzīvokļa īri, "
            "ģimenes jautājumiem vai vēstuli, ko nesaprotat. Jurists izskaidros jūsu tiesības un nākamos soļus.",
            "Meet a lawyer face to face and ask about residence permits, work contracts, renting a flat, "
            "family matters or a letter you do not understand. The lawyer explains your rights and the next steps.",
            "Встретьтесь с юристом лично и спросите о виде на жительство, трудовом договоре, аренде квартиры, "
            "семейных делах или письме, которое вам непонятно. Юрист объяснит ваши права и дальнейшие шаги.",
        ),
        apply=BOOK_CONSULTATION,
        fees=FREE,
        eligibility=ELIG_TCN,
        interpretation=T(
            "Konsultācijas latviešu, angļu un krievu valodā. Citām valodām varam pieaicināt tulku — "
            "pasakiet to, piesakoties.",
            "Consultations in Latvian, English and Russian. For other languages we can invite an "
            "interpreter — tell us when you book.",
            "Консультации на латышском, английском и русском языках. Для других языков мы можем "
            "пригласить переводчика — сообщите об этом при записи.",
        ),
        form="consultation",
        hours=[dict(byday="TU,TH", opens="10:00", closes="16:00"),
               dict(byday="WE", opens="15:00", closes="19:00",
                    description=T("Vakara konsultācijas strādājošajiem.", "Evening hours for people who work.",
                                  "Вечерние часы для тех, кто работает."))],
        phones=[dict(number=CENTRE_PHONE, type="voice",
                     description=T("Pieraksts", "Appointments", "Запись на приём"))],
        langs=["lv", "en", "ru"],
        cats=["legal", "residence", "housing"],
    ),
    dict(
        key="social_consult",
        name=T("Konsultācija ar sociālo darbinieku", "Consultation with a social worker",
               "Консультация социального работника", "Консультація соціального працівника"),
        description=T(
            "Sociālais darbinieks palīdz ar ikdienas jautājumiem: pabalstiem, skolas vai bērnudārza meklēšanu, "
            "ģimenes ārstu, mājokli vai naudas grūtībām. Kopā jūs izveidosiet plānu, un vajadzības gadījumā "
            "sociālais darbinieks kopā ar jums sazināsies ar vajadzīgo iestādi.",
            "A social worker helps you with everyday matters: benefits, finding a school or kindergarten, "
            "a family doctor, housing or money worries. Together you make a plan and, if needed, the social "
            "worker contacts the right office with you.",
            "Социальный работник поможет с повседневными вопросами: пособия, поиск школы или детского сада, "
            "семейный врач, жильё или денежные трудности. Вместе вы составите план, и при необходимости "
            "социальный работник вместе с вами свяжется с нужным учреждением.",
        ),
        apply=BOOK_CONSULTATION,
        fees=FREE,
        eligibility=ELIG_TCN,
        interpretation=T(
            "Konsultācijas latviešu, angļu, krievu un ukraiņu valodā. Citām valodām varam pieaicināt tulku.",
            "Consultations in Latvian, English, Russian and Ukrainian. For other languages we can invite "
            "an interpreter.",
            "Консультации на латышском, английском, русском и украинском языках. Для других языков мы можем "
            "пригласить переводчика.",
        ),
        form="consultation",
        hours=[dict(byday="MO,WE", opens="10:00", closes="17:00"),
               dict(byday="FR", opens="10:00", closes="14:00")],
        phones=[dict(number=CENTRE_PHONE, type="voice",
                     description=T("Pieraksts", "Appointments", "Запись на приём"))],
        langs=["lv", "en", "ru", "uk"],
        cats=["social", "family", "housing"],
    ),
    # --- The free crisis hotline (seed activity 3) ----------------------------------------------
    dict(
        key="hotline",
        role="hotline",
        name=T("Bezmaksas krīzes tālrunis", "Free crisis hotline", "Бесплатная кризисная линия",
               "Безкоштовна кризова лінія"),
        alternate_name=T("8000 0000", "8000 0000", "8000 0000"),
        description=T(
            "Zvaniet bez maksas no jebkuras vietas Latvijā, ja esat grūtā situācijā, ja ir pārkāptas jūsu "
            "tiesības vai ja nezināt, pie kā vērsties. Mēs uzklausīsim, paskaidrosim, ko varat darīt, un "
            "palīdzēsim sazināties ar īsto palīdzību. Jums nav jāsauc savs vārds.",
            "Call free of charge from anywhere in Latvia if you are in a difficult situation, if your rights "
            "have been violated or if you do not know where to turn. We listen, explain what you can do and "
            "connect you with the right help. You do not have to give your name.",
            "Звоните бесплатно из любой точки Латвии, если вы в трудной ситуации, если нарушены ваши права "
            "или вы не знаете, куда обратиться. Мы выслушаем, объясним, что можно сделать, и поможем "
            "связаться с нужной помощью. Называть своё имя не обязательно.",
            "Телефонуйте безкоштовно з будь-якого місця в Латвії, якщо ви у складній ситуації, якщо порушено "
            "ваші права або ви не знаєте, куди звернутися. Ми вислухаємо, пояснимо, що можна зробити, і "
            "допоможемо зв’язатися з потрібною допомогою. Називати своє ім’я не обов’язково.",
        ),
        apply=T(
            "Zvaniet uz 8000 0000. Zvans ir bez maksas no fiksētajiem un mobilajiem tālruņiem Latvijā. "
            "Ārpus darba laika atstājiet ziņu, un mēs atzvanīsim nākamajā darba dienā.",
            "Call 8000 0000. The call is free from landlines and mobile phones in Latvia. Outside opening "
            "hours, leave a message and we will call you back on the next working day.",
            "Звоните по номеру 8000 0000. Звонок бесплатный со стационарных и мобильных телефонов в Латвии. "
            "В нерабочее время оставьте сообщение, и мы перезвоним в следующий рабочий день.",
            "Телефонуйте за номером 8000 0000. Дзвінок безкоштовний зі стаціонарних і мобільних телефонів "
            "у Латвії. У неробочий час залиште повідомлення, і ми передзвонимо наступного робочого дня.",
        ),
        fees=T("Bez maksas — arī no mobilā tālruņa.", "Free — also from a mobile phone.",
               "Бесплатно — в том числе с мобильного телефона.",
               "Безкоштовно — також із мобільного телефону."),
        eligibility=T(
            "Ikviens no valsts ārpus ES, kurš atrodas Latvijā, — arī īslaicīgi un arī tad, ja dokumenti nav "
            "kārtībā.",
            "Anyone from a country outside the EU who is in Latvia — even for a short time, and even if their "
            "documents are not in order.",
            "Любой человек из страны вне ЕС, находящийся в Латвии, — даже ненадолго и даже если документы не "
            "в порядке.",
            "Будь-яка людина з країни поза ЄС, яка перебуває в Латвії, — навіть ненадовго і навіть якщо "
            "документи не в порядку.",
        ),
        interpretation=T(
            "Atbildam latviešu, angļu, krievu un ukraiņu valodā.",
            "We answer in Latvian, English, Russian and Ukrainian.",
            "Мы отвечаем на латышском, английском, русском и украинском языках.",
            "Ми відповідаємо латиською, англійською, російською та українською мовами.",
        ),
        alert=T(
            "Ja kāda dzīvība ir apdraudēta, nekavējoties zvaniet 112.",
            "If someone's life is in danger, call 112 now.",
            "Если чья-то жизнь в опасности, немедленно звоните 112.",
            "Якщо чиєсь життя в небезпеці, негайно телефонуйте 112.",
        ),
        hours=[dict(byday=WEEKDAYS, opens="09:00", closes="21:00"),
               dict(byday="SA,SU", opens="10:00", closes="16:00")],
        phones=[dict(number=HOTLINE_PHONE, type="voice",
                     description=T("Bez maksas no jebkura tālruņa Latvijā", "Free from any phone in Latvia",
                                   "Бесплатно с любого телефона в Латвии",
                                   "Безкоштовно з будь-якого телефону в Латвії"))],
        langs=["lv", "en", "ru", "uk"],
        cats=["crisis", "legal"],
    ),
    # --- Information resources (seed activity 2) ------------------------------------------------
    dict(
        key="info_desk",
        name=T("Informācijas punkts", "Information desk", "Информационная стойка", "Інформаційна стійка"),
        description=T(
            "Nezināt, kur vērsties? Mūsu darbinieki uzklausīs jūsu jautājumu, sameklēs atbildi imigrantiem "
            "sniegto pakalpojumu reģistrā un pateiks, kura organizācija var palīdzēt, — ar adresi, darba laiku "
            "un tālruni. Varam arī palīdzēt aizpildīt veidlapu.",
            "Not sure where to go? Our staff listen to your question, look it up in the register of services "
            "for immigrants and tell you which organisation can help — with the address, opening hours and "
            "phone number. We can also help you fill in a form.",
            "Не знаете, куда обратиться? Наши сотрудники выслушают ваш вопрос, найдут ответ в реестре услуг "
            "для иммигрантов и подскажут, какая организация может помочь, — с адресом, часами работы и "
            "телефоном. Мы также можем помочь заполнить бланк.",
        ),
        apply=T("Nāciet bez iepriekšēja pieraksta darba laikā.",
                "Come in during opening hours — no appointment needed.",
                "Приходите в часы работы — предварительная запись не нужна."),
        fees=FREE,
        eligibility=ELIG_TCN,
        hours=CENTRE_HOURS,
        phones=[dict(number=CENTRE_PHONE, type="voice",
                     description=T("Reģistratūra", "Reception", "Регистратура"))],
        langs=["lv", "en", "ru", "uk"],
        cats=["social", "residence"],
    ),
    dict(
        key="booklet",
        name=T("Brošūra „Pirmie soļi Latvijā”", "Booklet “First steps in Latvia”",
               "Брошюра «Первые шаги в Латвии»", "Брошура «Перші кроки в Латвії»"),
        description=T(
            "Īsa brošūra vienkāršā valodā: ko dara centrs, kuras iestādes jums būs vajadzīgas pirmajos "
            "mēnešos un kur meklēt palīdzību. Latviešu, angļu un krievu valodā.",
            "A short booklet in plain language: what the centre does, which offices you will need in your "
            "first months and where to find help. In Latvian, English and Russian.",
            "Короткая брошюра простым языком: чем занимается центр, какие учреждения понадобятся вам в "
            "первые месяцы и где искать помощь. На латышском, английском и русском языках.",
        ),
        apply=T("Paņemiet eksemplāru reģistratūrā.", "Take a copy at reception.",
                "Возьмите экземпляр в регистратуре."),
        fees=FREE,
        eligibility=ELIG_ANYONE,
        hours=CENTRE_HOURS,
        langs=["lv", "en", "ru"],
        cats=["residence", "community"],
    ),
]

# Latvian language (seed activity 4) ----------------------------------------------------------

CENTRE_SERVICES += [
    dict(
        key="latvian_a1",
        name=T("Latviešu valoda iesācējiem (A1)", "Latvian for beginners (A1)",
               "Латышский язык для начинающих (A1)", "Латиська мова для початківців (A1)"),
        description=T(
            "Tiem, kuri tikai sāk mācīties. Jūs iemācīsieties sasveicināties, iepazīstināt ar sevi, "
            "iepirkties, pajautāt ceļu un saprast vienkāršus uzrakstus. Nelielas grupas, daudz runāšanas.",
            "For people who are just starting. You learn to greet people, introduce yourself, go shopping, "
            "ask the way and understand simple signs. Small groups, lots of speaking.",
            "Для тех, кто только начинает. Вы научитесь здороваться, представляться, делать покупки, "
            "спрашивать дорогу и понимать простые надписи. Небольшие группы, много разговорной практики.",
        ),
        apply=T(
            "Izvēlieties grupu un piesakiet vietu šeit, kioskā, vai reģistratūrā. Uz pirmo nodarbību "
            "ierodieties 10 minūtes agrāk.",
            "Choose a group and book a seat here at the kiosk or at reception. Come 10 minutes early to "
            "the first lesson.",
            "Выберите группу и запишитесь здесь, в киоске, или в регистратуре. На первое занятие приходите "
            "на 10 минут раньше.",
        ),
        fees=T("Bez maksas. Mācību grāmatu un materiālus saņemsiet kursos.",
               "Free. You get the book and materials in class.",
               "Бесплатно. Учебник и материалы вы получите на занятиях."),
        eligibility=T(
            "Pieaugušie (no 18 gadiem) no valstīm ārpus ES, kuri dzīvo Latvijā. Latviešu valodas zināšanas "
            "nav vajadzīgas.",
            "Adults (18+) from countries outside the EU who live in Latvia. No Latvian needed.",
            "Взрослые (от 18 лет) из стран вне ЕС, которые живут в Латвии. Знание латышского языка "
            "не требуется.",
        ),
        interpretation=T(
            "Nodarbības notiek latviešu valodā. Vakara grupā skolotājs paskaidro angliski, rīta grupā — "
            "krieviski.",
            "Lessons are in Latvian. In the evening group the teacher explains in English, in the morning "
            "group in Russian.",
            "Занятия проходят на латышском языке. В вечерней группе преподаватель объясняет по-английски, "
            "в утренней — по-русски.",
        ),
        form="course",
        min_age=18,
        hours=[dict(byday="MO,WE", opens="18:00", closes="19:30",
                    description=T("Vakara grupa", "Evening group", "Вечерняя группа")),
               dict(byday="TU,TH", opens="10:00", closes="11:30",
                    description=T("Rīta grupa", "Morning group", "Утренняя группа"))],
        langs=["lv", "en", "ru"],
        cats=["language"],
    ),
    dict(
        key="latvian_a2",
        name=T("Latviešu valoda A2: ikdienas sarunas", "Latvian A2: everyday conversations",
               "Латышский язык A2: повседневное общение", "Латиська мова A2: повсякденне спілкування"),
        description=T(
            "Tiem, kuri zina pamatus. Jūs trenēsieties runāt ar ārstu, izīrētāju vai darba devēju, aizpildīt "
            "vienkāršas veidlapas un rakstīt īsas ziņas. A2 līmenis bieži ir vajadzīgs, piemēram, pastāvīgās "
            "uzturēšanās atļaujai.",
            "For people who know the basics. You practise talking to a doctor, a landlord or an employer, "
            "filling in simple forms and writing short messages. The A2 level is often required, for example "
            "for a permanent residence permit.",
            "Для тех, кто знает основы. Вы будете учиться разговаривать с врачом, арендодателем или "
            "работодателем, заполнять простые бланки и писать короткие сообщения. Уровень A2 часто нужен, "
            "например, для постоянного вида на жительство.",
        ),
        apply=T(
            "Piesakiet vietu kioskā vai reģistratūrā. Nezināt savu līmeni? Reģistratūrā varat bez maksas "
            "izpildīt īsu līmeņa testu.",
            "Book a seat at the kiosk or at reception. Not sure about your level? Take a short free level "
            "test at reception.",
            "Запишитесь в киоске или в регистратуре. Не знаете свой уровень? В регистратуре можно бесплатно "
            "пройти короткий тест.",
        ),
        fees=T("Bez maksas. Mācību grāmatu un materiālus saņemsiet kursos.",
               "Free. You get the book and materials in class.",
               "Бесплатно. Учебник и материалы вы получите на занятиях."),
        eligibility=T(
            "Pieaugušie, kuri ir pabeiguši A1 līmeni vai jau spēj uzturēt vienkāršu sarunu.",
            "Adults who have finished A1 or can already hold a simple conversation.",
            "Взрослые, которые закончили уровень A1 или уже могут вести простой разговор.",
        ),
        interpretation=T("Nodarbības notiek tikai latviešu valodā.", "Lessons are in Latvian only.",
                         "Занятия проходят только на латышском языке."),
        form="course",
        min_age=18,
        hours=[dict(byday="TU,TH", opens="18:00", closes="19:30")],
        langs=["lv"],
        cats=["language"],
    ),
    dict(
        key="latvian_b1",
        name=T("Latviešu valoda B1: darbs un sabiedriskā dzīve", "Latvian B1: work and public life",
               "Латышский язык B1: работа и общественная жизнь", "Латиська мова B1: робота та громадське життя"),
        description=T(
            "Tiem, kuri jau runā droši un vēlas lietot latviešu valodu darbā. Jūs apspriedīsiet jaunumus, "
            "rakstīsiet iesniegumus un e-pastus un gatavosieties valsts valodas prasmes pārbaudei.",
            "For confident speakers who want to use Latvian at work. You discuss the news, write "
            "applications and e-mails, and prepare for the state language proficiency test.",
            "Для тех, кто уже уверенно говорит и хочет использовать латышский на работе. Вы будете обсуждать "
            "новости, писать заявления и электронные письма и готовиться к проверке знания государственного языка.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=T("Pieaugušie ar A2 līmeņa zināšanām.", "Adults at A2 level.",
                      "Взрослые со знанием языка на уровне A2."),
        interpretation=T("Nodarbības notiek tikai latviešu valodā.", "Lessons are in Latvian only.",
                         "Занятия проходят только на латышском языке."),
        form="course",
        min_age=18,
        hours=[dict(byday="SA", opens="10:00", closes="13:00")],
        langs=["lv"],
        cats=["language", "work"],
    ),
    dict(
        key="conversation_club",
        name=T("Latviešu valodas sarunu klubs", "Latvian conversation club",
               "Разговорный клуб латышского языка", "Розмовний клуб латиської мови"),
        description=T(
            "Neformāls vakars pie tējas tases: runājiet latviešu valodā kopā ar brīvprātīgajiem un citiem, "
            "kuri mācās valodu. Laipni aicināti visu līmeņu dalībnieki; katru nedēļu — jauna tēma.",
            "An informal evening over a cup of tea: speak Latvian with volunteers and other learners. "
            "Every level is welcome; each week has a new topic.",
            "Неформальный вечер за чашкой чая: говорите по-латышски вместе с волонтёрами и другими "
            "учащимися. Приглашаем участников любого уровня; каждую неделю — новая тема.",
        ),
        apply=T(
            "Vienkārši nāciet vai piesakiet vietu, lai zinām, cik tasīšu sagatavot.",
            "Just come, or book a seat so we know how many cups to put out.",
            "Просто приходите или запишитесь, чтобы мы знали, сколько чашек приготовить.",
        ),
        fees=FREE,
        eligibility=T("Ikviens, kurš mācās latviešu valodu, no 16 gadu vecuma.",
                      "Anyone learning Latvian, from age 16.",
                      "Все, кто изучает латышский язык, с 16 лет."),
        form="course",
        min_age=16,
        hours=[dict(byday="TH", opens="18:30", closes="20:00")],
        langs=["lv"],
        cats=["language", "community"],
    ),
]

# Upskilling (seed activity 5) ------------------------------------------------------------------

CENTRE_SERVICES += [
    dict(
        key="computer_skills",
        name=T("Datorprasmes darbam un e-pakalpojumiem", "Computer skills for work and e-services",
               "Компьютерные навыки для работы и электронных услуг",
               "Комп’ютерні навички для роботи та електронних послуг"),
        description=T(
            "Praktisks kurss: e-pasts, dokumenti un izklājlapas, droša interneta lietošana un valsts "
            "pakalpojumu portāls ar tiem e-pakalpojumiem, kas jums noderēs visvairāk. Beigās saņemsiet apliecību.",
            "A practical course: e-mail, documents and spreadsheets, staying safe online, and the state "
            "services portal with the e-services you will need most. You receive a certificate at the end.",
            "Практический курс: электронная почта, документы и таблицы, безопасность в интернете и портал "
            "государственных услуг с самыми нужными электронными услугами. В конце вы получите свидетельство.",
        ),
        apply=BOOK_SEAT,
        fees=T("Bez maksas. Datori ir nodrošināti.", "Free. Computers are provided.",
               "Бесплатно. Компьютеры предоставляются."),
        eligibility=T(
            "Pieaugušie no valstīm ārpus ES, kuri dzīvo Latvijā. Pietiek ar pamatprasmēm (pele un tastatūra).",
            "Adults from countries outside the EU who live in Latvia. Basic mouse and keyboard skills are enough.",
            "Взрослые из стран вне ЕС, которые живут в Латвии. Достаточно базовых навыков (мышь и клавиатура).",
        ),
        interpretation=T("Nodarbības notiek krievu un angļu valodā.", "Lessons are in Russian and English.",
                         "Занятия проходят на русском и английском языках."),
        form="course",
        min_age=18,
        hours=[dict(byday="MO,WE", opens="10:00", closes="12:00")],
        langs=["ru", "en"],
        cats=["work"],
    ),
    dict(
        key="job_search",
        name=T("Darba meklēšanas darbnīca: CV un darba intervija", "Job search workshop: CV and interview",
               "Мастерская по поиску работы: резюме и собеседование",
               "Майстерня з пошуку роботи: резюме та співбесіда"),
        description=T(
            "Uzrakstiet CV tā, kā to sagaida Latvijas darba devēji, uzziniet, kur tiek publicētas vakances, un "
            "izmēģiniet darba interviju. Runāsim arī par darba līgumu, algas nodokļiem un jūsu tiesībām darbā.",
            "Write a CV the way Latvian employers expect, learn where vacancies are published and practise a "
            "job interview. We also talk about work contracts, tax on your salary and your rights at work.",
            "Составьте резюме так, как этого ждут латвийские работодатели, узнайте, где публикуют вакансии, и "
            "потренируйтесь проходить собеседование. Также поговорим о трудовом договоре, налогах с зарплаты "
            "и ваших правах на работе.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=ELIG_TCN_ADULT,
        interpretation=T("Nodarbības notiek angļu un krievu valodā.", "Sessions are in English and Russian.",
                         "Занятия проходят на английском и русском языках."),
        form="course",
        min_age=18,
        hours=[dict(byday="FR", opens="13:30", closes="15:30")],
        langs=["en", "ru"],
        cats=["work"],
    ),
    dict(
        key="small_business",
        name=T("Mazā uzņēmuma dibināšana Latvijā", "Starting a small business in Latvia",
               "Как открыть малый бизнес в Латвии", "Як відкрити малий бізнес у Латвії"),
        description=T(
            "Seminārs par pirmajiem soļiem: uzņēmējdarbības formas, reģistrācija, nodokļi pašnodarbinātajiem "
            "un kur meklēt padomu un atbalstu.",
            "A seminar on the first steps: forms of business, registration, taxes for the self-employed and "
            "where to find advice and support.",
            "Семинар о первых шагах: формы предпринимательства, регистрация, налоги для самозанятых и где "
            "найти консультации и поддержку.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=T(
            "Pieaugušie, kuri dzīvo Latvijā un domā par sava uzņēmuma dibināšanu. Vai jūsu uzturēšanās "
            "atļauja to pieļauj, varat noskaidrot konsultācijā pie mūsu jurista.",
            "Adults living in Latvia who are thinking of starting their own business. Whether your residence "
            "permit allows it, you can check at a consultation with our lawyer.",
            "Взрослые, которые живут в Латвии и думают о собственном бизнесе. Разрешает ли это ваш вид на "
            "жительство, можно выяснить на консультации у нашего юриста.",
        ),
        interpretation=T("Seminārs notiek angļu un krievu valodā.", "The seminar is in English and Russian.",
                         "Семинар проходит на английском и русском языках."),
        form="course",
        min_age=18,
        hours=[dict(byday="WE", opens="17:30", closes="19:30",
                    description=T("Reizi trijās nedēļās", "Every three weeks", "Раз в три недели"))],
        langs=["en", "ru"],
        cats=["work"],
    ),
]

# Practical sessions (seed activity 7) ----------------------------------------------------------

CENTRE_SERVICES += [
    dict(
        key="how_state_works",
        name=T("Kā darbojas valsts: iestādes un e-pakalpojumi", "How the state works: offices and e-services",
               "Как устроено государство: учреждения и электронные услуги",
               "Як працює держава: установи та електронні послуги"),
        description=T(
            "Kura iestāde par ko atbild: pašvaldība, PMLP, VID, VSAA un citas. Kā pieslēgties e-pakalpojumiem, "
            "uzrakstīt oficiālu iesniegumu un kad gaidīt atbildi.",
            "Which office does what: the municipality, the migration office (PMLP), the tax office (VID), the "
            "social insurance agency (VSAA) and others. How to log in to e-services, write an official "
            "application and when to expect an answer.",
            "Какое учреждение за что отвечает: самоуправление, миграционная служба (PMLP), налоговая служба "
            "(VID), агентство социального страхования (VSAA) и другие. Как войти в электронные услуги, "
            "написать официальное заявление и когда ждать ответа.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=ELIG_TCN,
        interpretation=T("Pārmaiņus krievu un angļu valodā. Ja jums vajadzīgs tulks citā valodā, pasakiet to, piesakoties.",
                         "Alternately in Russian and in English. If you need an interpreter for another language, tell us when you book.",
                         "Поочерёдно на русском и английском языках. Если вам нужен переводчик на другой язык, сообщите об этом при записи."),
        form="course",
        hours=[dict(byday="TU", opens="17:30", closes="19:00",
                    description=T("Katru nedēļu, pārmaiņus krievu un angļu valodā",
                                  "Every week, alternately in Russian and in English",
                                  "Каждую неделю, поочерёдно на русском и английском"))],
        langs=["ru", "en"],
        cats=["residence", "community"],
    ),
    dict(
        key="rights_duties",
        name=T("Iedzīvotāja tiesības un pienākumi", "Your rights and duties as a resident",
               "Права и обязанности жителя", "Права та обов’язки мешканця"),
        description=T(
            "Kas jādara katram iedzīvotājam: jādeklarē dzīvesvieta, jārūpējas, lai dokumenti būtu derīgi, "
            "jāmaksā nodokļi, bērniem jāmācās skolā. Un ko jums ir tiesības sagaidīt no valsts.",
            "What every resident must do: register your address, keep your documents valid, pay taxes, make "
            "sure your children go to school. And what you have the right to expect from the state.",
            "Что должен делать каждый житель: задекларировать место жительства, следить за сроком действия "
            "документов, платить налоги, отправлять детей в школу. И что вы вправе ожидать от государства.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=ELIG_TCN,
        interpretation=T("Pārmaiņus angļu un krievu valodā. Ja jums vajadzīgs tulks citā valodā, pasakiet to, piesakoties.",
                         "Alternately in English and in Russian. If you need an interpreter for another language, tell us when you book.",
                         "Поочерёдно на английском и русском языках. Если вам нужен переводчик на другой язык, сообщите об этом при записи."),
        form="course",
        hours=[dict(byday="MO", opens="17:30", closes="19:00",
                    description=T("Katru nedēļu, pārmaiņus angļu un krievu valodā",
                                  "Every week, alternately in English and in Russian",
                                  "Каждую неделю, поочерёдно на английском и русском"))],
        langs=["en", "ru"],
        cats=["residence", "legal"],
    ),
    dict(
        key="utility_bills",
        name=T("Kā maksāt par komunālajiem pakalpojumiem", "Paying utility bills",
               "Как оплачивать коммунальные услуги", "Як оплачувати комунальні послуги"),
        description=T(
            "Kā izlasīt rēķinu par apkuri, ūdeni, elektrību un atkritumu izvešanu, kā nodot skaitītāju "
            "rādījumus, kā samaksāt internetbankā vai pastā un ko darīt, ja rēķins šķiet nepareizs vai "
            "nevarat samaksāt.",
            "How to read a bill for heating, water, electricity and waste collection, send your meter "
            "readings, pay by internet bank or at the post office, and what to do if a bill looks wrong or "
            "you cannot pay.",
            "Как читать счёт за отопление, воду, электричество и вывоз мусора, как передавать показания "
            "счётчиков, как платить через интернет-банк или на почте и что делать, если счёт кажется "
            "неправильным или вы не можете заплатить.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=ELIG_TCN,
        interpretation=T("Krievu valodā. Ja jums vajadzīgs tulks citā valodā, pasakiet to, piesakoties.",
                         "In Russian. If you need an interpreter for another language, tell us when you book.",
                         "На русском языке. Если вам нужен переводчик на другой язык, сообщите об этом при записи."),
        form="course",
        hours=[dict(byday="WE", opens="11:00", closes="12:30",
                    description=T("Reizi divās nedēļās", "Every other week", "Раз в две недели"))],
        langs=["ru"],
        cats=["housing"],
    ),
    dict(
        key="health_system",
        name=T("Kā darbojas veselības aprūpe", "How the health system works",
               "Как работает система здравоохранения", "Як працює система охорони здоров’я"),
        description=T(
            "Kā reģistrēties pie ģimenes ārsta, saņemt nosūtījumu pie speciālista, kas ir pacienta iemaksa, "
            "kad jums vajadzīga veselības apdrošināšana un ko darīt ārkārtas gadījumā.",
            "How to register with a family doctor, get a referral to a specialist, what the patient fee is, "
            "when you need health insurance and what to do in an emergency.",
            "Как зарегистрироваться у семейного врача, получить направление к специалисту, что такое взнос "
            "пациента, когда нужна медицинская страховка и что делать в экстренном случае.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=ELIG_TCN,
        interpretation=T("Angļu valodā ar tulkojumu krievu valodā.", "In English with Russian interpreting.",
                         "На английском языке с переводом на русский."),
        form="course",
        hours=[dict(byday="TH", opens="11:00", closes="12:30",
                    description=T("Reizi divās nedēļās", "Every other week", "Раз в две недели"))],
        langs=["en", "ru"],
        cats=["health"],
    ),
    dict(
        key="school_guide",
        name=T("Skola un bērnudārzs: ceļvedis vecākiem", "School and kindergarten: a guide for parents",
               "Школа и детский сад: путеводитель для родителей", "Школа та дитячий садок: порадник для батьків"),
        description=T(
            "Kā saņemt vietu pašvaldības bērnudārzā, pieteikt bērnu skolā, kāds atbalsts pieejams bērniem, "
            "kuri mācās latviešu valodu, un kā sazināties ar skolotājiem.",
            "How to get a place in a municipal kindergarten, enrol your child in school, what support there "
            "is for children who are learning Latvian, and how to keep in touch with teachers.",
            "Как получить место в муниципальном детском саду, записать ребёнка в школу, какая поддержка есть "
            "для детей, которые учат латышский язык, и как общаться с учителями.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=T("Vecāki no valstīm ārpus ES, kuri dzīvo Latvijā.",
                      "Parents from countries outside the EU who live in Latvia.",
                      "Родители из стран вне ЕС, которые живут в Латвии."),
        interpretation=T("Krievu un angļu valodā. Ja jums vajadzīgs tulks citā valodā, pasakiet to, piesakoties.",
                         "In Russian and English. If you need an interpreter for another language, tell us when you book.",
                         "На русском и английском языках. Если вам нужен переводчик на другой язык, сообщите об этом при записи."),
        form="course",
        hours=[dict(byday="TH", opens="17:00", closes="18:30",
                    description=T("Reizi trijās nedēļās", "Every three weeks", "Раз в три недели"))],
        langs=["ru", "en"],
        cats=["family"],
    ),
]

# Events for parents with children, women, culture (seed activity 7) ----------------------------

CENTRE_SERVICES += [
    dict(
        key="family_saturdays",
        name=T("Sestdienas rīti vecākiem ar bērniem", "Saturday mornings for parents and children",
               "Субботнее утро для родителей с детьми", "Суботні ранки для батьків із дітьми"),
        description=T(
            "Spēles, dziesmas un rokdarbi bērniem no 2 līdz 10 gadiem, kamēr vecāki iepazīstas un pie kafijas "
            "tases aprunājas ar mūsu darbiniekiem. Labs veids, kā atrast draugus un kopā iemācīties latviešu "
            "vārdus.",
            "Games, songs and crafts for children aged 2 to 10, while parents meet each other and chat with "
            "our staff over coffee. A good way to make friends and learn Latvian words together.",
            "Игры, песни и поделки для детей от 2 до 10 лет, пока родители знакомятся друг с другом и беседуют "
            "с нашими сотрудниками за чашкой кофе. Хороший способ найти друзей и вместе выучить латышские слова.",
        ),
        apply=T(
            "Piesakiet vienu vietu katrai ģimenei. Bērni nāk kopā ar vecākiem.",
            "Book one seat per family. Children come together with a parent.",
            "Записывайтесь — одно место на семью. Дети приходят вместе с родителями.",
        ),
        fees=FREE,
        eligibility=T("Ģimenes ar bērniem no 2 līdz 10 gadiem.", "Families with children aged 2 to 10.",
                      "Семьи с детьми от 2 до 10 лет."),
        interpretation=T("Latviešu valodā, ar palīdzību krievu un angļu valodā.",
                         "In Latvian, with help in Russian and English.",
                         "На латышском языке, с помощью на русском и английском."),
        form="course",
        hours=[dict(byday="SA", opens="11:00", closes="13:00")],
        langs=["lv", "ru", "en"],
        cats=["family", "community"],
    ),
    dict(
        key="womens_circle",
        name=T("Sieviešu loks", "Women’s circle", "Женский круг", "Жіноче коло"),
        description=T(
            "Draudzīga grupa sievietēm: sarunas par dzīvi Latvijā, veselību, darbu un bērniem. Katru reizi "
            "pie mums viesojas kāds speciālists. Mazos bērnus blakus telpā pieskata aukle.",
            "A friendly group for women: conversations about life in Latvia, health, work and children. Each "
            "time a guest specialist joins us. A childminder looks after small children in the next room.",
            "Дружеская группа для женщин: разговоры о жизни в Латвии, здоровье, работе и детях. Каждый раз к "
            "нам приходит приглашённый специалист. За маленькими детьми в соседней комнате присматривает няня.",
        ),
        apply=T(
            "Piesakiet vietu kioskā vai reģistratūrā un pasakiet, ja līdzi ņemsiet bērnu.",
            "Book a seat at the kiosk or at reception, and tell us if you are bringing a child.",
            "Запишитесь в киоске или в регистратуре и сообщите, если придёте с ребёнком.",
        ),
        fees=FREE,
        eligibility=T("Sievietes no valstīm ārpus ES, kuras dzīvo Latvijā.",
                      "Women from countries outside the EU who live in Latvia.",
                      "Женщины из стран вне ЕС, которые живут в Латвии."),
        interpretation=T("Sarunas krievu un angļu valodā.", "Conversations in Russian and English.",
                         "Общение на русском и английском языках."),
        form="course",
        hours=[dict(byday="FR", opens="10:30", closes="12:00")],
        langs=["ru", "en"],
        cats=["family", "community"],
    ),
    dict(
        key="know_latvia",
        name=T("Iepazīsti Latviju: kultūra un tradīcijas", "Getting to know Latvia: culture and traditions",
               "Знакомство с Латвией: культура и традиции", "Знайомство з Латвією: культура та традиції"),
        description=T(
            "Sestdienas sarunas un pastaigas, kurās uzzināsiet par Latvijas vēsturi, svētkiem (piemēram, Jāņiem), "
            "ēdieniem, dziesmām un Dziesmu un deju svētkiem. Jautājiet visu, kas jūs interesē.",
            "Saturday talks and walks where you learn about Latvian history, holidays such as Jāņi (midsummer), "
            "food, songs and the Song and Dance Festival. Ask anything you are curious about.",
            "Субботние беседы и прогулки, на которых вы узнаете об истории Латвии, праздниках (например, Лиго), "
            "еде, песнях и Празднике песни и танца. Спрашивайте обо всём, что вас интересует.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=ELIG_ANYONE,
        interpretation=T("Angļu un krievu valodā.", "In English and Russian.", "На английском и русском языках."),
        form="course",
        hours=[dict(byday="SA", opens="14:00", closes="16:00",
                    description=T("Reizi divās nedēļās", "Every other week", "Раз в две недели"))],
        langs=["en", "ru"],
        cats=["community"],
    ),
    # --- Round tables (seed activity 8) ---------------------------------------------------------
    dict(
        key="round_tables",
        name=T("Apaļā galda diskusijas", "Round-table discussions", "Дискуссии за круглым столом",
               "Дискусії за круглим столом"),
        description=T(
            "Atklātas diskusijas, kurās valsts iestādes, nevalstiskās organizācijas un imigranti runā par to, "
            "kas integrācijā izdodas un kas jāmaina. Nāciet ar savu pieredzi — jūsu viedokli uzklausīs tie, "
            "kuri pieņem lēmumus.",
            "Open discussions where state institutions, NGOs and immigrants talk about what works in "
            "integration and what must change. Bring your experience — the people who make decisions will "
            "hear your voice.",
            "Открытые дискуссии, на которых государственные учреждения, общественные организации и иммигранты "
            "обсуждают, что в интеграции получается и что нужно изменить. Приходите со своим опытом — ваше "
            "мнение услышат те, кто принимает решения.",
        ),
        apply=BOOK_SEAT,
        fees=FREE,
        eligibility=T(
            "Ikviens interesents: imigranti, valsts iestāžu un nevalstisko organizāciju pārstāvji.",
            "Anyone interested: immigrants and people from state institutions and NGOs.",
            "Все желающие: иммигранты, представители государственных учреждений и общественных организаций.",
        ),
        interpretation=T("Sinhronā tulkošana latviešu, angļu un krievu valodā.",
                         "Simultaneous interpreting in Latvian, English and Russian.",
                         "Синхронный перевод на латышский, английский и русский языки."),
        form="course",
        hours=[dict(byday="WE", opens="15:00", closes="17:30",
                    description=T("Reizi četrās nedēļās", "Every four weeks", "Раз в четыре недели"))],
        langs=["lv", "en", "ru"],
        cats=["community"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Partner organisations: real state institutions and NGOs that serve third-country nationals.
# Addresses only where we are confident of them; otherwise the location says "see the website".
# No phone numbers except the short public ones (112, 110, 116 006, 116 111, 116 123).
# ---------------------------------------------------------------------------------------------


def office(key, name, address_1=None, postal_code=None, description=None, hours=None, phones=None):
    """A partner location. Without address_1 it is a city-only location pointing to the website."""
    if address_1:
        # The address already ends in "Rīga"; the name need not say it again.
        name = {lang: re.sub(r", (Rīga|Рига)$", "", text) for lang, text in name.items()}
    loc = dict(key=key, name=name, hours=hours or [], phones=phones or [])
    if address_1:
        loc["address"] = dict(address_1=address_1, postal_code=postal_code)
        loc["transportation"] = TRANSPORT_RIGA
        if description:
            loc["description"] = description
    else:
        loc["description"] = description or ADDRESS_ON_WEBSITE
    return loc


STATE_HOURS = [dict(byday=WEEKDAYS, description=HOURS_SEE_WEBSITE)]
LINE_HOURS = [dict(byday=ALL_DAYS, description=LINE_HOURS_SEE_WEBSITE)]
# Description only: "00:00–23:59" reads badly on screen, and the kiosk shows the text as is.
AROUND_THE_CLOCK = [dict(byday=ALL_DAYS,
                         description=T("Visu diennakti, katru dienu", "24 hours a day, every day",
                                       "Круглосуточно, каждый день"))]

PARTNERS = []

# PMLP ------------------------------------------------------------------------------------------
PARTNERS.append(dict(
    key="pmlp",
    name=T("Pilsonības un migrācijas lietu pārvalde", "Office of Citizenship and Migration Affairs",
           "Управление по делам гражданства и миграции"),
    alternate_name=T("PMLP", "PMLP", "PMLP"),
    description=T(
        "Valsts iestāde, kas atbild par uzturēšanās atļaujām, vīzām, pasēm, pilsonību un Iedzīvotāju reģistru.",
        "The state office for residence permits, visas, passports, citizenship and the population register.",
        "Государственное учреждение, которое отвечает за виды на жительство, визы, паспорта, гражданство и "
        "Регистр жителей.",
    ),
    website="https://www.pmlp.gov.lv",
    locations=[office("pmlp_hq", T("PMLP centrālā ēka, Rīga", "PMLP head office, Rīga", "Главное здание PMLP, Рига"),
                      "Čiekurkalna 1. līnija 1", "LV-1026", hours=STATE_HOURS)],
    services=[
        dict(
            key="pmlp_residence_permit",
            name=T("Uzturēšanās atļaujas", "Residence permits", "Виды на жительство"),
            description=T(
                "Šeit var pieteikties uzturēšanās atļaujai — pirmo reizi, atkārtoti vai pastāvīgajai. PMLP "
                "izskata pieteikumu, pieņem lēmumu un izsniedz uzturēšanās atļaujas karti.",
                "Apply here for a residence permit — your first one, a renewal or a permanent one. PMLP "
                "reviews your application, decides on it and issues the residence permit card.",
                "Здесь можно подать документы на вид на жительство — впервые, повторно или на постоянный. "
                "PMLP рассматривает заявление, принимает решение и выдаёт карту вида на жительство.",
            ),
            apply=T(
                "Iepriekš piesakiet vizīti PMLP tīmekļvietnē. Dažus pieteikumus var iesniegt tiešsaistē. "
                "Ņemiet līdzi tīmekļvietnē norādītos dokumentus — mūsu jurists var palīdzēt tos iepriekš pārbaudīt.",
                "Book an appointment in advance on the PMLP website. Some applications can be made online. "
                "Bring the documents listed on the website — our lawyer can help you check them first.",
                "Заранее запишитесь на приём на сайте PMLP. Некоторые заявления можно подать онлайн. "
                "Возьмите документы, перечисленные на сайте, — наш юрист поможет заранее их проверить.",
            ),
            fees=T(
                "Valsts nodeva. Tās apmērs atkarīgs no atļaujas veida un izskatīšanas termiņa; cenrādis ir PMLP "
                "tīmekļvietnē.",
                "A state fee. The amount depends on the type of permit and how fast you need it; the price "
                "list is on the PMLP website.",
                "Государственная пошлина. Её размер зависит от вида разрешения и срока рассмотрения; прейскурант "
                "есть на сайте PMLP.",
            ),
            free=False,
            eligibility=T(
                "Ārzemnieki, kuri vēlas dzīvot Latvijā ilgāk par 90 dienām, un viņu ģimenes locekļi.",
                "Foreign nationals who want to live in Latvia for more than 90 days, and their family members.",
                "Иностранцы, которые хотят жить в Латвии дольше 90 дней, и члены их семей.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.pmlp.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["residence"],
        ),
        dict(
            key="pmlp_naturalisation",
            name=T("Naturalizācija — Latvijas pilsonības iegūšana", "Naturalisation — becoming a Latvian citizen",
                   "Натурализация — получение гражданства Латвии"),
            description=T(
                "Uzziniet, vai varat pieteikties Latvijas pilsonībai, un kārtojiet pārbaudes latviešu valodā, "
                "kā arī Satversmes, valsts himnas teksta, Latvijas vēstures un kultūras pamatu zināšanās.",
                "Find out whether you can apply for Latvian citizenship, and take the tests of your Latvian and of "
                "your knowledge of the Constitution, the national anthem, and the basics of Latvian history and culture.",
                "Узнайте, можете ли вы подать заявление на гражданство Латвии, и сдайте проверки знания "
                "латышского языка, Сатверсме (конституции), текста гимна, основ истории и культуры Латвии.",
            ),
            apply=T(
                "Iesniedziet iesniegumu PMLP. Informāciju par pārbaudēm un mācību materiālus atradīsiet PMLP "
                "tīmekļvietnē.",
                "Submit an application to PMLP. Information about the tests and study materials is on the "
                "PMLP website.",
                "Подайте заявление в PMLP. Информация о проверках и учебные материалы есть на сайте PMLP.",
            ),
            fees=T(
                "Valsts nodeva; dažām iedzīvotāju grupām tā ir samazināta vai netiek piemērota.",
                "A state fee; it is reduced or waived for some groups.",
                "Государственная пошлина; для некоторых групп она снижена или не взимается.",
            ),
            free=False,
            eligibility=T(
                "Parasti cilvēki, kuri Latvijā pastāvīgi dzīvo vismaz piecus gadus. PMLP izvērtēs jūsu situāciju.",
                "Usually people who have lived in Latvia permanently for at least five years. PMLP will "
                "look at your case.",
                "Обычно люди, которые постоянно живут в Латвии не менее пяти лет. PMLP рассмотрит вашу ситуацию.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.pmlp.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["residence", "language"],
        ),
    ],
))

# NVA -------------------------------------------------------------------------------------------
PARTNERS.append(dict(
    key="nva",
    name=T("Nodarbinātības valsts aģentūra", "State Employment Agency", "Государственное агентство занятости"),
    alternate_name=T("NVA", "NVA", "NVA"),
    description=T(
        "Palīdz cilvēkiem atrast darbu: vakances, karjeras konsultācijas, mācības un atbalsts bezdarbniekiem.",
        "Helps people find work: vacancies, career advice, training and support for the unemployed.",
        "Помогает людям найти работу: вакансии, карьерные консультации, обучение и поддержка безработных.",
    ),
    website="https://www.nva.gov.lv",
    locations=[office(
        "nva_hq", T("NVA centrālais birojs, Rīga", "NVA head office, Rīga", "Центральный офис NVA, Рига"),
        "Krišjāņa Valdemāra iela 38 k-1", "LV-1010",
        description=T(
            "Klientus apkalpo NVA filiālēs; tuvāko filiāli atradīsiet NVA tīmekļvietnē.",
            "Jobseekers are served at NVA branch offices; find the nearest one on the NVA website.",
            "Клиентов обслуживают в филиалах NVA; ближайший филиал можно найти на сайте NVA.",
        ),
        hours=STATE_HOURS)],
    services=[
        dict(
            key="nva_unemployed",
            name=T("Bezdarbnieka statusa iegūšana", "Registering as unemployed",
                   "Регистрация в качестве безработного"),
            description=T(
                "Ja palikāt bez darba, reģistrējieties NVA, lai saņemtu darba piedāvājumus un bezmaksas "
                "mācības, arī latviešu valodas kursus. Ja jums pienākas, varat pieteikties bezdarbnieka "
                "pabalstam VSAA.",
                "If you have lost your job, register with NVA to get job offers and free training, including "
                "Latvian courses. If you qualify, you can then apply for unemployment benefit from VSAA.",
                "Если вы остались без работы, зарегистрируйтесь в NVA, чтобы получать предложения работы и "
                "бесплатное обучение, в том числе курсы латышского языка. Если вам положено, можно подать "
                "заявление на пособие по безработице в VSAA.",
            ),
            apply=T(
                "Piesakieties tiešsaistē NVA tīmekļvietnē vai NVA filiālē. Ņemiet līdzi personu apliecinošu "
                "dokumentu un uzturēšanās atļauju.",
                "Apply online on the NVA website or at an NVA branch office. Bring your ID and residence permit.",
                "Подайте заявление онлайн на сайте NVA или в филиале NVA. Возьмите документ, удостоверяющий "
                "личность, и вид на жительство.",
            ),
            fees=FREE,
            eligibility=T(
                "Var reģistrēties cilvēki ar pastāvīgās uzturēšanās atļauju un dažas citas grupas. Jautājiet "
                "NVA vai mūsu juristam, vai tas attiecas uz jums.",
                "People with a permanent residence permit and some other groups can register. Ask NVA or our "
                "lawyer whether this applies to you.",
                "Зарегистрироваться могут люди с постоянным видом на жительство и некоторые другие группы. "
                "Спросите в NVA или у нашего юриста, относится ли это к вам.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.nva.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["work", "social"],
        ),
        dict(
            key="nva_vacancies",
            name=T("Vakances un karjeras konsultācijas", "Job vacancies and career advice",
                   "Вакансии и карьерные консультации"),
            description=T(
                "Meklējiet darba piedāvājumus NVA CV un vakanču portālā un aprunājieties ar karjeras "
                "konsultantu par savām prasmēm, ārzemēs iegūto izglītību un jums piemērotu darbu.",
                "Search job offers in the NVA CV and Vacancy Portal, and talk to a career counsellor about "
                "your skills, your education from abroad and the jobs that suit you.",
                "Ищите предложения работы на портале CV и вакансий NVA и поговорите с карьерным консультантом "
                "о своих навыках, образовании, полученном за рубежом, и подходящей для вас работе.",
            ),
            apply=T(
                "Vakances skatiet cvvp.nva.gov.lv. Karjeras konsultācijai piesakieties NVA filiālē.",
                "See vacancies at cvvp.nva.gov.lv. For career advice, ask at an NVA branch office.",
                "Вакансии смотрите на cvvp.nva.gov.lv. На карьерную консультацию записывайтесь в филиале NVA.",
            ),
            fees=FREE,
            eligibility=T(
                "Vakances var skatīt ikviens. Par karjeras konsultāciju pieejamību jautājiet NVA.",
                "Anyone can search the vacancies. Ask NVA whether career advice is available to you.",
                "Смотреть вакансии может любой. О доступности карьерных консультаций спросите в NVA.",
            ),
            interpretation=INTERP_STATE,
            url="https://cvvp.nva.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["work"],
        ),
    ],
))

# State Language Centre (VVC) -------------------------------------------------------------------
PARTNERS.append(dict(
    key="vvc",
    name=T("Valsts valodas centrs", "State Language Centre", "Центр государственного языка"),
    alternate_name=T("VVC", "VVC", "VVC"),
    description=T(
        "Uzrauga valsts valodas lietošanu un skaidro valodas prasības darbā un sabiedriskajā dzīvē.",
        "Supervises the use of the state language and explains the language requirements for jobs and "
        "public life.",
        "Контролирует использование государственного языка и разъясняет языковые требования на работе и в "
        "общественной жизни.",
    ),
    website="https://www.vvc.gov.lv",
    locations=[office("vvc_riga", T("Valsts valodas centrs, Rīga", "State Language Centre, Rīga",
                                    "Центр государственного языка, Рига"), hours=STATE_HOURS)],
    services=[
        dict(
            key="vvc_language_requirements",
            name=T("Valsts valodas prasības darbā", "Latvian language requirements at work",
                   "Требования к государственному языку на работе"),
            description=T(
                "VVC skaidro, kāds latviešu valodas prasmes līmenis ir vajadzīgs dažādās profesijās un amatos, "
                "un atbild uz jautājumiem par valsts valodas lietošanu.",
                "VVC explains which level of Latvian is required in which jobs and answers questions about the "
                "use of the state language.",
                "VVC разъясняет, какой уровень владения латышским языком нужен для разных профессий и "
                "должностей, и отвечает на вопросы об использовании государственного языка.",
            ),
            apply=T(
                "Sūtiet jautājumu pa e-pastu vai ar VVC tīmekļvietnes starpniecību.",
                "Send your question by e-mail or through the VVC website.",
                "Отправьте вопрос по электронной почте или через сайт VVC.",
            ),
            fees=FREE,
            eligibility=ELIG_ANYONE,
            interpretation=INTERP_STATE,
            url="https://www.vvc.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["language", "work"],
        ),
    ],
))

# VISC: state language proficiency test ---------------------------------------------------------
PARTNERS.append(dict(
    key="visc",
    name=T("Valsts izglītības satura centrs", "National Centre for Education",
           "Государственный центр содержания образования"),
    alternate_name=T("VISC", "VISC", "VISC"),
    description=T(
        "Rīko valsts valodas prasmes pārbaudes un valsts eksāmenus.",
        "Organises the state language proficiency tests and state examinations.",
        "Проводит проверки знания государственного языка и государственные экзамены.",
    ),
    website="https://www.visc.gov.lv",
    locations=[office("visc_riga", T("VISC, Rīga", "VISC, Rīga", "VISC, Рига"), "Vaļņu iela 2", "LV-1050",
                      hours=STATE_HOURS)],
    services=[
        dict(
            key="visc_language_test",
            name=T("Valsts valodas prasmes pārbaude", "State language proficiency test",
                   "Проверка знания государственного языка"),
            description=T(
                "Oficiāla latviešu valodas prasmes pārbaude līmeņos no A1 līdz C2. Apliecība var būt vajadzīga "
                "pastāvīgās uzturēšanās atļaujai vai darbam.",
                "An official test of your Latvian, at levels A1 to C2. You may need the certificate for a "
                "permanent residence permit or for your job.",
                "Официальная проверка знания латышского языка на уровнях от A1 до C2. Удостоверение может "
                "понадобиться для постоянного вида на жительство или для работы.",
            ),
            apply=T(
                "Piesakieties pārbaudei VISC tīmekļvietnē. Pārbaudei ir četras daļas: klausīšanās, lasīšana, "
                "rakstīšana un runāšana.",
                "Register for a test date on the VISC website. The test has four parts: listening, reading, "
                "writing and speaking.",
                "Запишитесь на проверку на сайте VISC. Проверка состоит из четырёх частей: аудирование, "
                "чтение, письмо и говорение.",
            ),
            fees=T("Par pārbaudi jāmaksā; summa norādīta VISC tīmekļvietnē.",
                   "There is a fee; see the VISC website for the amount.",
                   "Проверка платная; сумма указана на сайте VISC."),
            free=False,
            eligibility=ELIG_ANYONE,
            interpretation=INTERP_STATE,
            url="https://www.visc.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["language", "residence"],
        ),
    ],
))

# Latvian Language Agency (LVA) -----------------------------------------------------------------
PARTNERS.append(dict(
    key="lva",
    name=T("Latviešu valodas aģentūra", "Latvian Language Agency", "Агентство латышского языка"),
    alternate_name=T("LVA", "LVA", "LVA"),
    description=T(
        "Atbalsta latviešu valodas apguvi: mācību materiāli, kursi pieaugušajiem un metodiskais atbalsts "
        "skolotājiem.",
        "Supports learning Latvian: study materials, courses for adults and support for teachers.",
        "Поддерживает изучение латышского языка: учебные материалы, курсы для взрослых и методическая "
        "помощь учителям.",
    ),
    website="https://valoda.lv",
    locations=[office("lva_riga", T("Latviešu valodas aģentūra, Rīga", "Latvian Language Agency, Rīga",
                                    "Агентство латышского языка, Рига"),
                      "Lāčplēša iela 35-5", "LV-1011", hours=STATE_HOURS)],
    services=[
        dict(
            key="lva_online",
            name=T("Mācies latviešu valodu tiešsaistē", "Learn Latvian online", "Учите латышский язык онлайн"),
            description=T(
                "Bezmaksas pašmācības materiāli, vingrinājumi, video un vārdnīcas vietnē valoda.lv — mācieties "
                "sev piemērotā tempā, sākot no iesācēju līmeņa.",
                "Free self-study materials, exercises, videos and dictionaries on valoda.lv — learn at your own "
                "pace, starting from beginner level.",
                "Бесплатные материалы для самостоятельного изучения, упражнения, видео и словари на сайте "
                "valoda.lv — учитесь в своём темпе, начиная с уровня для начинающих.",
            ),
            apply=T(
                "Atveriet valoda.lv telefonā vai datorā. Mūsu darbinieki var parādīt, kā sākt.",
                "Open valoda.lv on your phone or computer. Our staff can show you how to start.",
                "Откройте valoda.lv на телефоне или компьютере. Наши сотрудники покажут, с чего начать.",
            ),
            fees=FREE,
            eligibility=ELIG_ANYONE,
            url="https://valoda.lv",
            hours=[dict(byday=ALL_DAYS, description=T(
                "Tiešsaistē pieejams jebkurā laikā.", "Online at any time.", "Онлайн в любое время."))],
            langs=["lv", "en", "ru"],
            cats=["language"],
        ),
        dict(
            key="lva_courses",
            name=T("Latviešu valodas kursi pieaugušajiem", "Latvian courses for adults",
                   "Курсы латышского языка для взрослых"),
            description=T(
                "LVA rīko bezmaksas latviešu valodas kursus pieaugušajiem dažādās Latvijas pilsētās, arī "
                "ārzemniekiem. Vietu skaits ir ierobežots.",
                "LVA runs free Latvian courses for adults in towns across Latvia, including courses for "
                "foreigners. Places are limited.",
                "LVA проводит бесплатные курсы латышского языка для взрослых в разных городах Латвии, в том "
                "числе для иностранцев. Количество мест ограничено.",
            ),
            apply=T(
                "Sekojiet līdzi jaunu grupu izsludināšanai vietnē valoda.lv un piesakieties tur.",
                "Watch for new groups announced on valoda.lv and sign up there.",
                "Следите за объявлениями о новых группах на valoda.lv и записывайтесь там.",
            ),
            fees=FREE,
            eligibility=T("Pieaugušie, kuri dzīvo Latvijā.", "Adults who live in Latvia.",
                          "Взрослые, которые живут в Латвии."),
            url="https://valoda.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["language"],
        ),
    ],
))

# VSAA ------------------------------------------------------------------------------------------
PARTNERS.append(dict(
    key="vsaa",
    name=T("Valsts sociālās apdrošināšanas aģentūra", "State Social Insurance Agency",
           "Государственное агентство социального страхования"),
    alternate_name=T("VSAA", "VSAA", "VSAA"),
    description=T(
        "Piešķir un izmaksā pensijas, sociālās apdrošināšanas un ģimenes pabalstus.",
        "Grants and pays pensions, social insurance benefits and family benefits.",
        "Назначает и выплачивает пенсии, пособия социального страхования и семейные пособия.",
    ),
    website="https://www.vsaa.gov.lv",
    locations=[office("vsaa_riga", T("VSAA centrālais birojs, Rīga", "VSAA head office, Rīga",
                                     "Центральный офис VSAA, Рига"),
                      "Lāčplēša iela 70a", "LV-1011", hours=STATE_HOURS)],
    services=[
        dict(
            key="vsaa_insurance_benefits",
            name=T("Slimības, maternitātes un bezdarbnieka pabalsts", "Sickness, maternity and unemployment benefit",
                   "Пособия по болезни, материнству и безработице"),
            description=T(
                "Ja strādājat Latvijā un par jums tiek veiktas sociālās apdrošināšanas iemaksas, varat saņemt "
                "pabalstu, ja saslimstat, gaidāt bērnu vai zaudējat darbu.",
                "If you work in Latvia and social insurance contributions are paid for you, you can get money "
                "when you are ill, are having a baby or lose your job.",
                "Если вы работаете в Латвии и за вас платятся взносы социального страхования, вы можете "
                "получать пособие, если заболели, ждёте ребёнка или потеряли работу.",
            ),
            apply=T(
                "Piesakieties tiešsaistē valsts e-pakalpojumu portālā vai VSAA klientu apkalpošanas centrā.",
                "Apply online on the state e-services portal or at a VSAA client service centre.",
                "Подайте заявление онлайн на портале государственных электронных услуг или в центре "
                "обслуживания клиентов VSAA.",
            ),
            fees=FREE,
            eligibility=T(
                "Darba ņēmēji un pašnodarbinātie, par kuriem veiktas sociālās apdrošināšanas iemaksas.",
                "Employees and self-employed people for whom social insurance contributions have been paid.",
                "Работники и самозанятые, за которых уплачены взносы социального страхования.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.vsaa.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["social", "work"],
        ),
        dict(
            key="vsaa_family_benefits",
            name=T("Ģimenes valsts pabalsts un bērna kopšanas pabalsts", "Family benefit and childcare benefit",
                   "Государственное семейное пособие и пособие по уходу за ребёнком"),
            description=T(
                "Ikmēneša atbalsts ģimenēm ar bērniem un atbalsts laikā, kad vecāks paliek mājās kopā ar mazuli.",
                "Monthly money for families with children, and support while a parent stays at home with a baby.",
                "Ежемесячная поддержка семей с детьми и поддержка в период, когда родитель остаётся дома "
                "с малышом.",
            ),
            apply=T(
                "Piesakieties tiešsaistē valsts e-pakalpojumu portālā vai VSAA klientu apkalpošanas centrā. "
                "Mūsu sociālais darbinieks var palīdzēt aizpildīt iesniegumu.",
                "Apply online on the state e-services portal or at a VSAA client service centre. Our social "
                "worker can help you fill in the application.",
                "Подайте заявление онлайн на портале государственных электронных услуг или в центре "
                "обслуживания клиентов VSAA. Наш социальный работник поможет заполнить заявление.",
            ),
            fees=FREE,
            eligibility=T(
                "Tas, vai pabalsts jums pienākas, ir atkarīgs no jūsu uzturēšanās statusa. Jautājiet VSAA vai "
                "mūsu sociālajam darbiniekam.",
                "Whether you qualify depends on your residence status. Ask VSAA or our social worker.",
                "Положено ли вам пособие, зависит от вашего статуса проживания. Спросите в VSAA или у нашего "
                "социального работника.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.vsaa.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["family", "social"],
        ),
    ],
))

# Ombudsman's Office ----------------------------------------------------------------------------
PARTNERS.append(dict(
    key="ombudsman",
    name=T("Tiesībsarga birojs", "Ombudsman’s Office of the Republic of Latvia", "Бюро омбудсмена Латвии"),
    alternate_name=T("Tiesībsargs", "Ombudsman", "Омбудсмен"),
    description=T(
        "Neatkarīga iestāde, kas aizsargā cilvēktiesības un uzrauga, lai valsts un pašvaldību iestādes rīkotos "
        "taisnīgi.",
        "An independent institution that protects human rights and makes sure state and municipal offices "
        "act fairly.",
        "Независимое учреждение, которое защищает права человека и следит за тем, чтобы государственные и "
        "муниципальные учреждения действовали справедливо.",
    ),
    website="https://www.tiesibsargs.lv",
    locations=[office("ombudsman_riga", T("Tiesībsarga birojs, Rīga", "Ombudsman’s Office, Rīga",
                                          "Бюро омбудсмена, Рига"),
                      "Baznīcas iela 25", "LV-1010", hours=STATE_HOURS)],
    services=[
        dict(
            key="ombudsman_complaints",
            name=T("Sūdzības par diskrimināciju un tiesību pārkāpumiem",
                   "Complaints about discrimination and rights violations",
                   "Жалобы на дискриминацию и нарушение прав"),
            description=T(
                "Ja valsts vai pašvaldības iestāde pret jums izturējusies netaisnīgi vai jūs diskriminē "
                "izcelsmes, valodas, reliģijas vai cita iemesla dēļ, tiesībsargs var izskatīt jūsu gadījumu.",
                "If a state or municipal office has treated you unfairly, or you face discrimination because of "
                "your origin, language, religion or another reason, the Ombudsman can look into your case.",
                "Если государственное или муниципальное учреждение обошлось с вами несправедливо или вас "
                "дискриминируют из-за происхождения, языка, религии или по другой причине, омбудсмен может "
                "рассмотреть ваш случай.",
            ),
            apply=T(
                "Iesniedziet rakstisku iesniegumu pa pastu, pa e-pastu ar drošu elektronisko parakstu vai "
                "klātienē. Mūsu jurists var palīdzēt to uzrakstīt.",
                "Submit a written complaint by post, by e-mail with a secure electronic signature, or in "
                "person. Our lawyer can help you write it.",
                "Подайте письменное заявление по почте, по электронной почте с безопасной электронной подписью "
                "или лично. Наш юрист поможет его написать.",
            ),
            fees=FREE,
            eligibility=ELIG_ANYONE,
            interpretation=INTERP_STATE,
            url="https://www.tiesibsargs.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["legal"],
        ),
    ],
))

# Riga City Council Welfare Department ----------------------------------------------------------
PARTNERS.append(dict(
    key="riga_welfare",
    name=T("Rīgas valstspilsētas pašvaldības Labklājības departaments", "Riga City Council Welfare Department",
           "Департамент благосостояния Рижского самоуправления"),
    alternate_name=T("Rīgas Sociālais dienests", "Riga Social Service", "Рижская социальная служба"),
    description=T(
        "Rīgas pašvaldības sociālā palīdzība un pakalpojumi. Iedzīvotājus apkalpo Rīgas Sociālā dienesta "
        "centri apkaimēs.",
        "Social assistance and social services of the Riga municipality. Residents are served at Riga Social "
        "Service centres in the neighbourhoods.",
        "Социальная помощь и услуги Рижского самоуправления. Жителей обслуживают центры Рижской социальной "
        "службы в районах города.",
    ),
    website="https://www.riga.lv",
    locations=[office("riga_welfare_hq", T("Labklājības departaments, Rīga", "Welfare Department, Rīga",
                                           "Департамент благосостояния, Рига"),
                      "Baznīcas iela 19/23", "LV-1010", hours=STATE_HOURS)],
    services=[
        dict(
            key="riga_social_assistance",
            name=T("Sociālā palīdzība un trūcīgas mājsaimniecības statuss", "Social assistance and low-income status",
                   "Социальная помощь и статус малоимущего"),
            description=T(
                "Ja jūsu mājsaimniecības ienākumi ir ļoti zemi, Rīgas Sociālais dienests var izvērtēt jūsu "
                "situāciju, piešķirt trūcīgas vai maznodrošinātas mājsaimniecības statusu un palīdzēt ar "
                "pabalstiem un sociālā darbinieka atbalstu.",
                "If your household income is very low, the Riga Social Service can assess your situation, grant "
                "low-income status and help with benefits and a social worker.",
                "Если доход вашего домохозяйства очень низкий, Рижская социальная служба может оценить вашу "
                "ситуацию, присвоить статус малоимущего или малообеспеченного домохозяйства и помочь с "
                "пособиями и поддержкой социального работника.",
            ),
            apply=T(
                "Vērsieties savas apkaimes Rīgas Sociālā dienesta centrā. Ņemiet līdzi personu apliecinošu "
                "dokumentu un ienākumus apliecinošus dokumentus.",
                "Go to the Riga Social Service centre for your neighbourhood. Bring your ID and proof of income.",
                "Обратитесь в центр Рижской социальной службы в своём районе. Возьмите документ, "
                "удостоверяющий личность, и документы о доходах.",
            ),
            fees=FREE,
            eligibility=T(
                "Cilvēki, kuru deklarētā dzīvesvieta ir Rīgā. Ārzemniekiem parasti vajadzīga pastāvīgās "
                "uzturēšanās atļauja; jautājiet par savu situāciju.",
                "People whose registered address is in Riga. Foreign nationals usually need a permanent "
                "residence permit; ask about your case.",
                "Люди, чьё задекларированное место жительства находится в Риге. Иностранцам обычно нужен "
                "постоянный вид на жительство; уточните свою ситуацию.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.riga.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["social"],
        ),
        dict(
            key="riga_housing_benefit",
            name=T("Mājokļa pabalsts", "Housing benefit", "Пособие на жильё"),
            description=T(
                "Palīdzība īres un komunālo maksājumu segšanai Rīgas mājsaimniecībām ar zemiem ienākumiem.",
                "Help with paying rent and utility bills for low-income households in Riga.",
                "Помощь в оплате аренды и коммунальных услуг для рижских домохозяйств с низкими доходами.",
            ),
            apply=T(
                "Vērsieties savas apkaimes Rīgas Sociālā dienesta centrā. Ņemiet līdzi īres līgumu un "
                "pēdējos rēķinus.",
                "Go to the Riga Social Service centre for your neighbourhood. Bring your rental contract and "
                "recent bills.",
                "Обратитесь в центр Рижской социальной службы в своём районе. Возьмите договор аренды и "
                "последние счета.",
            ),
            fees=FREE,
            eligibility=T(
                "Rīgas mājsaimniecības ar zemiem ienākumiem. Ārzemniekiem parasti vajadzīga pastāvīgās "
                "uzturēšanās atļauja.",
                "Low-income households in Riga. Foreign nationals usually need a permanent residence permit.",
                "Рижские домохозяйства с низкими доходами. Иностранцам обычно нужен постоянный вид на жительство.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.riga.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["housing", "social"],
        ),
    ],
))

# National Health Service (NVD) -----------------------------------------------------------------
PARTNERS.append(dict(
    key="nvd",
    name=T("Nacionālais veselības dienests", "National Health Service", "Национальная служба здоровья"),
    alternate_name=T("NVD", "NVD", "NVD"),
    description=T(
        "Organizē valsts apmaksāto veselības aprūpi un sniedz informāciju par to, kas un kā to var saņemt.",
        "Organises state-paid health care and explains who can get it and how.",
        "Организует медицинскую помощь за счёт государства и объясняет, кто и как может её получить.",
    ),
    website="https://www.vmnvd.gov.lv",
    locations=[office("nvd_riga", T("Nacionālais veselības dienests, Rīga", "National Health Service, Rīga",
                                    "Национальная служба здоровья, Рига"),
                      "Cēsu iela 31 k-3", "LV-1012", hours=STATE_HOURS)],
    services=[
        dict(
            key="nvd_family_doctor",
            name=T("Ģimenes ārsta izvēle", "Finding a family doctor", "Выбор семейного врача"),
            description=T(
                "Ģimenes ārsts ir pirmais, pie kā vērsties veselības problēmu gadījumā, pēc nosūtījuma vai "
                "darbnespējas lapas. NVD tīmekļvietnē var atrast ģimenes ārstus un uzzināt, kam pienākas valsts "
                "apmaksāta veselības aprūpe.",
                "Your family doctor is your first stop for health problems, referrals and sick notes. On the NVD "
                "website you can find family doctors and learn who gets state-paid health care.",
                "Семейный врач — первый, к кому обращаются с проблемами со здоровьем, за направлением или "
                "больничным листом. На сайте NVD можно найти семейных врачей и узнать, кому положена "
                "медицинская помощь за счёт государства.",
            ),
            apply=T(
                "Izvēlieties ārstu, aizejiet uz praksi un reģistrējieties tur. Mūsu sociālais darbinieks "
                "var palīdzēt atrast praksi, kas pieņem jaunus pacientus.",
                "Choose a doctor, go to the practice and register there. Our social worker can help you find a "
                "practice that takes new patients.",
                "Выберите врача, придите в практику и зарегистрируйтесь там. Наш социальный работник поможет "
                "найти практику, которая принимает новых пациентов.",
            ),
            fees=T(
                "Valsts apmaksātā aprūpē maksājat tikai pacienta iemaksu. Tie, kam tā nepienākas, maksā par "
                "vizītēm paši vai izmanto veselības apdrošināšanu.",
                "With state-paid care you pay only the patient fee. People who do not qualify pay for visits "
                "themselves or use health insurance.",
                "При медицинской помощи за счёт государства вы платите только взнос пациента. Те, кому она не "
                "положена, оплачивают визиты сами или пользуются медицинской страховкой.",
            ),
            free=False,
            eligibility=T(
                "Valsts apmaksāta aprūpe pienākas pastāvīgajiem iedzīvotājiem un dažām citām grupām. Citi var "
                "reģistrēties pie ārsta par maksu vai ar apdrošināšanu.",
                "State-paid care is for permanent residents and some other groups. Others can register with a "
                "doctor and pay, or use insurance.",
                "Медицинская помощь за счёт государства положена постоянным жителям и некоторым другим группам. "
                "Остальные могут зарегистрироваться у врача платно или по страховке.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.vmnvd.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["health"],
        ),
    ],
))

# State Revenue Service (VID) -------------------------------------------------------------------
PARTNERS.append(dict(
    key="vid",
    name=T("Valsts ieņēmumu dienests", "State Revenue Service", "Служба государственных доходов"),
    alternate_name=T("VID", "VID", "VID"),
    description=T(
        "Valsts nodokļu un muitas iestāde.",
        "The state tax and customs authority.",
        "Государственное налоговое и таможенное ведомство.",
    ),
    website="https://www.vid.gov.lv",
    locations=[office("vid_riga", T("Valsts ieņēmumu dienests, Rīga", "State Revenue Service, Rīga",
                                    "Служба государственных доходов, Рига"),
                      "Talejas iela 1", "LV-1978", hours=STATE_HOURS)],
    services=[
        dict(
            key="vid_taxes",
            name=T("Nodokļi, ienākumu deklarācija un nodokļu atmaksa", "Taxes, income declaration and tax refunds",
                   "Налоги, декларация о доходах и возврат налога"),
            description=T(
                "Elektroniskās deklarēšanas sistēmā (EDS) jūs iesniedzat gada ienākumu deklarāciju, atgūstat "
                "daļu nodokļa par izglītības un ārstniecības izdevumiem un norādāt galveno darba devēju nodokļu "
                "atvieglojumiem.",
                "In the Electronic Declaration System (EDS) you submit your yearly income declaration, claim back "
                "part of your tax for education and medical costs, and choose your main employer for tax relief.",
                "В Электронной системе декларирования (EDS) вы подаёте годовую декларацию о доходах, "
                "возвращаете часть налога за расходы на образование и лечение и указываете основного "
                "работодателя для налоговых льгот.",
            ),
            apply=T(
                "Pieslēdzieties EDS vietnē eds.vid.gov.lv vai jautājiet VID konsultantiem. Mūsu praktiskajā "
                "nodarbībā „Kā darbojas valsts” izskaidrosim pamatus.",
                "Log in to EDS at eds.vid.gov.lv or ask VID's advisers. Our practical session “How the state "
                "works” explains the basics.",
                "Войдите в EDS на eds.vid.gov.lv или спросите консультантов VID. На нашем практическом "
                "занятии «Как устроено государство» мы объясним основы.",
            ),
            fees=FREE,
            eligibility=T("Ikviens, kurš strādā vai gūst ienākumus Latvijā.", "Anyone who works or earns income in Latvia.",
                          "Все, кто работает или получает доходы в Латвии."),
            interpretation=INTERP_STATE,
            url="https://www.vid.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["residence", "work"],
        ),
    ],
))

# Latvian Centre for Human Rights ---------------------------------------------------------------
PARTNERS.append(dict(
    key="lchr",
    name=T("Latvijas Cilvēktiesību centrs", "Latvian Centre for Human Rights", "Латвийский центр по правам человека"),
    alternate_name=T("LCC", "LCHR", "ЛЦПЧ"),
    description=T(
        "Nevalstiska organizācija, kas aizstāv cilvēktiesības, īpaši patvēruma meklētāju, migrantu un "
        "mazākumtautību tiesības.",
        "A non-governmental organisation that defends human rights, especially those of asylum seekers, "
        "migrants and minorities.",
        "Общественная организация, которая защищает права человека, особенно права лиц, ищущих убежища, "
        "мигрантов и меньшинств.",
    ),
    website="https://humanrights.org.lv",
    locations=[office("lchr_riga", T("Latvijas Cilvēktiesību centrs, Rīga", "Latvian Centre for Human Rights, Rīga",
                                     "Латвийский центр по правам человека, Рига"))],
    services=[
        dict(
            key="lchr_legal_aid",
            name=T("Juridiskā palīdzība patvēruma meklētājiem un migrantiem",
                   "Legal help for asylum seekers and migrants",
                   "Юридическая помощь лицам, ищущим убежища, и мигрантам"),
            description=T(
                "Juristi konsultē patvēruma meklētājus, bēgļus un aizturētos migrantus par patvēruma procedūru, "
                "aizturēšanu un izraidīšanu, kā arī palīdz cilvēkiem, kuri saskārušies ar diskrimināciju vai "
                "naida noziegumiem.",
                "Lawyers advise asylum seekers, refugees and detained migrants on asylum procedures, detention "
                "and removal, and help people who have faced discrimination or hate crime.",
                "Юристы консультируют лиц, ищущих убежища, беженцев и задержанных мигрантов по вопросам "
                "процедуры убежища, задержания и выдворения, а также помогают людям, столкнувшимся с "
                "дискриминацией или преступлениями на почве ненависти.",
            ),
            apply=T(
                "Sazinieties ar centru pa e-pastu vai tālruni; kontakti ir tā tīmekļvietnē. Mūsu informācijas "
                "punkts var palīdzēt sazināties.",
                "Contact the centre by e-mail or phone; the contacts are on its website. Our information desk "
                "can help you get in touch.",
                "Свяжитесь с центром по электронной почте или телефону; контакты есть на его сайте. Наша "
                "информационная стойка поможет связаться.",
            ),
            fees=FREE,
            eligibility=T(
                "Patvēruma meklētāji, bēgļi, migranti un diskriminācijā cietušie.",
                "Asylum seekers, refugees, migrants and people who have faced discrimination.",
                "Лица, ищущие убежища, беженцы, мигранты и люди, столкнувшиеся с дискриминацией.",
            ),
            url="https://humanrights.org.lv",
            hours=STATE_HOURS,
            langs=["lv", "en", "ru"],
            cats=["legal", "crisis"],
        ),
    ],
))

# Shelter "Safe House" --------------------------------------------------------------------------
PARTNERS.append(dict(
    key="safe_house",
    name=T("Patvērums „Drošā māja”", "Shelter “Safe House”", "Убежище «Безопасный дом»"),
    alternate_name=T("Drošā māja", "Safe House", "Drošā māja"),
    description=T(
        "Biedrība, kas palīdz cilvēku tirdzniecības upuriem un sniedz sociālu un juridisku atbalstu "
        "migrantiem no valstīm ārpus ES.",
        "An association that helps victims of human trafficking and gives social and legal support to "
        "migrants from outside the EU.",
        "Общество, которое помогает жертвам торговли людьми и оказывает социальную и юридическую поддержку "
        "мигрантам из стран вне ЕС.",
    ),
    website="https://www.patverums-dm.lv",
    locations=[office("safe_house_riga", T("Patvērums „Drošā māja”, Rīga", "Shelter “Safe House”, Rīga",
                                           "Убежище «Безопасный дом», Рига"))],
    services=[
        dict(
            key="safe_house_trafficking",
            name=T("Palīdzība cilvēku tirdzniecības upuriem", "Help for victims of human trafficking",
                   "Помощь жертвам торговли людьми"),
            description=T(
                "Ja kāds ir paņēmis jūsu dokumentus, liek strādāt bez samaksas vai tur jūs kaut kur pret jūsu "
                "gribu, „Drošā māja” sniedz konfidenciālu palīdzību: drošu vietu, sociālo darbinieku, juristu "
                "un psihologu.",
                "If someone has taken your documents, forces you to work without pay or keeps you somewhere "
                "against your will, Safe House gives confidential help: a safe place, a social worker, a lawyer "
                "and a psychologist.",
                "Если у вас забрали документы, заставляют работать без оплаты или удерживают против вашей "
                "воли, «Безопасный дом» окажет конфиденциальную помощь: безопасное место, социальный работник, "
                "юрист и психолог.",
            ),
            apply=T(
                "Zvaniet uz mūsu bezmaksas krīzes tālruni 8000 0000 — mēs palīdzēsim sazināties ar „Drošo māju”. "
                "Tās kontakti ir arī tīmekļvietnē. Ja esat tiešās briesmās, zvaniet 112.",
                "Call our free crisis hotline 8000 0000 — we will help you contact Safe House. Its contacts are "
                "also on its website. If you are in immediate danger, call 112.",
                "Позвоните на нашу бесплатную кризисную линию 8000 0000 — мы поможем связаться с «Безопасным "
                "домом». Его контакты есть и на сайте. Если вам грозит непосредственная опасность, звоните 112.",
            ),
            fees=FREE,
            eligibility=T(
                "Ikviens, kurš varētu būt cilvēku tirdzniecības upuris, neatkarīgi no pilsonības un dokumentiem.",
                "Anyone who may be a victim of trafficking, whatever their citizenship or documents.",
                "Любой человек, который может быть жертвой торговли людьми, независимо от гражданства и документов.",
            ),
            url="https://www.patverums-dm.lv",
            hours=STATE_HOURS,
            langs=["lv", "en", "ru"],
            cats=["crisis", "legal"],
        ),
        dict(
            key="safe_house_migrant_support",
            name=T("Sociālais un juridiskais atbalsts migrantiem", "Social and legal support for migrants",
                   "Социальная и юридическая поддержка мигрантов"),
            description=T(
                "Sociālie darbinieki un juristi palīdz migrantiem no valstīm ārpus ES ar dokumentiem, problēmām "
                "darbā, mājokli un saziņu ar valsts iestādēm.",
                "Social workers and lawyers help migrants from outside the EU with documents, problems at work, "
                "housing and dealing with state offices.",
                "Социальные работники и юристы помогают мигрантам из стран вне ЕС с документами, проблемами на "
                "работе, жильём и общением с государственными учреждениями.",
            ),
            apply=T(
                "Sazinieties ar „Drošo māju” pa tīmekļvietnē norādīto tālruni vai e-pastu.",
                "Contact Safe House by the phone number or e-mail on its website.",
                "Свяжитесь с «Безопасным домом» по телефону или электронной почте, указанным на сайте.",
            ),
            fees=FREE,
            eligibility=ELIG_TCN,
            url="https://www.patverums-dm.lv",
            hours=STATE_HOURS,
            langs=["lv", "en", "ru"],
            cats=["social", "legal"],
        ),
    ],
))

# Society Integration Foundation ----------------------------------------------------------------
PARTNERS.append(dict(
    key="sif",
    name=T("Sabiedrības integrācijas fonds", "Society Integration Foundation", "Фонд интеграции общества"),
    alternate_name=T("SIF", "SIF", "SIF"),
    description=T(
        "Valsts fonds, kas finansē sabiedrības integrācijas projektus, arī projektus imigrantiem.",
        "A state foundation that funds projects for an integrated society, including projects for immigrants.",
        "Государственный фонд, который финансирует проекты интеграции общества, в том числе проекты для "
        "иммигрантов.",
    ),
    website="https://www.sif.gov.lv",
    locations=[office("sif_riga", T("Sabiedrības integrācijas fonds, Rīga", "Society Integration Foundation, Rīga",
                                    "Фонд интеграции общества, Рига"),
                      "Raiņa bulvāris 15", "LV-1050", hours=STATE_HOURS)],
    services=[
        dict(
            key="sif_grants",
            name=T("Finansējums integrācijas projektiem", "Funding for integration projects",
                   "Финансирование проектов интеграции"),
            description=T(
                "SIF administrē grantu programmas nevalstiskajām organizācijām un kopienām — arī projektiem "
                "imigrantiem, piemēram, valodas klubiem, kultūras pasākumiem un atbalsta pakalpojumiem.",
                "SIF runs grant programmes for NGOs and communities — including projects for immigrants such as "
                "language clubs, cultural events and support services.",
                "SIF управляет грантовыми программами для общественных организаций и сообществ — в том числе "
                "для проектов для иммигрантов, например языковых клубов, культурных мероприятий и услуг поддержки.",
            ),
            apply=T(
                "Sekojiet līdzi atklātajiem projektu konkursiem SIF tīmekļvietnē.",
                "Watch for open calls for projects on the SIF website.",
                "Следите за открытыми конкурсами проектов на сайте SIF.",
            ),
            fees=FREE,
            eligibility=T(
                "Biedrības un nodibinājumi. Ikviens var piedalīties finansēto projektu pasākumos.",
                "Associations and foundations. Anyone can take part in the activities of funded projects.",
                "Общества и фонды. Участвовать в мероприятиях финансируемых проектов может любой.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.sif.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["community"],
        ),
    ],
))

# Latvian Red Cross -----------------------------------------------------------------------------
PARTNERS.append(dict(
    key="red_cross",
    name=T("Latvijas Sarkanais Krusts", "Latvian Red Cross", "Латвийский Красный Крест"),
    alternate_name=T("LSK", "LRC", "ЛКК"),
    description=T(
        "Humanitāra organizācija: palīdzība cilvēkiem grūtībās, bēgļiem un patvēruma meklētājiem, pirmās "
        "palīdzības apmācība.",
        "A humanitarian organisation: help for people in need, refugees and asylum seekers, and first aid "
        "training.",
        "Гуманитарная организация: помощь нуждающимся, беженцам и лицам, ищущим убежища, обучение первой помощи.",
    ),
    website="https://www.redcross.lv",
    locations=[office("red_cross_riga", T("Latvijas Sarkanais Krusts, Rīga", "Latvian Red Cross, Rīga",
                                          "Латвийский Красный Крест, Рига"),
                      "Skolas iela 1", "LV-1010", hours=STATE_HOURS)],
    services=[
        dict(
            key="red_cross_aid",
            name=T("Humānā palīdzība: pārtika un apģērbs", "Humanitarian aid: food and clothes",
                   "Гуманитарная помощь: продукты и одежда"),
            description=T(
                "Pārtikas pakas, apģērbs un pirmās nepieciešamības preces cilvēkiem grūtībās, arī bēgļiem un "
                "patvēruma meklētājiem.",
                "Food packages, clothes and basic items for people in need, including refugees and asylum seekers.",
                "Продуктовые наборы, одежда и предметы первой необходимости для нуждающихся, в том числе для "
                "беженцев и лиц, ищущих убежища.",
            ),
            apply=T(
                "Sazinieties ar tuvāko Sarkanā Krusta nodaļu; var būt vajadzīgs sociālā dienesta nosūtījums.",
                "Contact your nearest Red Cross branch; you may need a referral from the social service.",
                "Обратитесь в ближайшее отделение Красного Креста; может понадобиться направление социальной службы.",
            ),
            fees=FREE,
            eligibility=T("Cilvēki grūtībās, arī bēgļi un patvēruma meklētāji.",
                          "People in need, including refugees and asylum seekers.",
                          "Нуждающиеся, в том числе беженцы и лица, ищущие убежища."),
            url="https://www.redcross.lv",
            hours=STATE_HOURS,
            langs=["lv", "en", "ru"],
            cats=["social", "crisis"],
        ),
        dict(
            key="red_cross_family_links",
            name=T("Ģimenes saišu atjaunošana", "Restoring family links", "Восстановление семейных связей"),
            description=T(
                "Ja kara, katastrofas vai migrācijas dēļ ir zudusi saikne ar tuviniekiem, Sarkanais Krusts var "
                "tos meklēt ar sava pasaules tīkla palīdzību.",
                "If you have lost contact with relatives because of war, disaster or migration, the Red Cross can "
                "search for them through its worldwide network.",
                "Если из-за войны, стихийного бедствия или миграции вы потеряли связь с родственниками, Красный "
                "Крест может разыскать их через свою всемирную сеть.",
            ),
            apply=T(
                "Sazinieties ar Latvijas Sarkano Krustu; kontakti ir tā tīmekļvietnē.",
                "Contact the Latvian Red Cross; the contacts are on its website.",
                "Свяжитесь с Латвийским Красным Крестом; контакты есть на его сайте.",
            ),
            fees=FREE,
            eligibility=ELIG_ANYONE,
            url="https://www.redcross.lv",
            hours=STATE_HOURS,
            langs=["lv", "en", "ru"],
            cats=["family", "crisis"],
        ),
        dict(
            key="red_cross_first_aid",
            name=T("Pirmās palīdzības kursi", "First aid courses", "Курсы первой помощи"),
            description=T(
                "Uzziniet, kā rīkoties, līdz ierodas ātrā palīdzība. Pirmās palīdzības apliecība ir vajadzīga, "
                "lai iegūtu autovadītāja apliecību, un dažos darbos.",
                "Learn what to do until the ambulance arrives. A first aid certificate is needed for a driving "
                "licence and for some jobs.",
                "Узнайте, как действовать до приезда скорой помощи. Свидетельство о курсе первой помощи нужно "
                "для получения водительских прав и для некоторых работ.",
            ),
            apply=T(
                "Piesakieties kursiem Sarkanā Krusta tīmekļvietnē.",
                "Sign up for a course on the Red Cross website.",
                "Запишитесь на курс на сайте Красного Креста.",
            ),
            fees=T("Maksas kursi; cenas skatiet tīmekļvietnē.", "Paid course; see the website for prices.",
                   "Платный курс; цены смотрите на сайте."),
            free=False,
            eligibility=ELIG_ANYONE,
            url="https://www.redcross.lv",
            hours=STATE_HOURS,
            langs=["lv", "ru"],
            cats=["health", "work"],
        ),
    ],
))

# State Police ----------------------------------------------------------------------------------
PARTNERS.append(dict(
    key="police",
    name=T("Valsts policija", "State Police", "Государственная полиция"),
    description=T(
        "Aizsargā cilvēkus un sabiedrisko kārtību, pieņem ziņojumus par noziegumiem.",
        "Protects people and public order, and takes reports of crimes.",
        "Защищает людей и общественный порядок, принимает сообщения о преступлениях.",
    ),
    website="https://www.vp.gov.lv",
    phones=[
        dict(key="police_110", number="110", type="voice",
             description=T("Valsts policija, bez maksas", "State Police, free", "Государственная полиция, бесплатно")),
        dict(key="police_112", number="112", type="voice",
             description=T("Vienotais ārkārtas palīdzības numurs, bez maksas, visu diennakti",
                           "Single emergency number, free, 24 hours",
                           "Единый номер экстренной помощи, бесплатно, круглосуточно")),
    ],
    locations=[office("police_hq", T("Valsts policijas centrālā ēka, Rīga", "State Police headquarters, Rīga",
                                     "Главное здание Государственной полиции, Рига"),
                      "Čiekurkalna 1. līnija 1 k-4", "LV-1026",
                      description=T("Ziņot par noziegumu var jebkurā policijas iecirknī.",
                                    "You can report a crime at any police station.",
                                    "Сообщить о преступлении можно в любом участке полиции."),
                      hours=STATE_HOURS)],
    services=[
        dict(
            key="police_report_crime",
            name=T("Ziņot par noziegumu", "Report a crime", "Сообщить о преступлении"),
            description=T(
                "Ziņojiet par zādzību, vardarbību, draudiem, krāpšanu vai naida noziegumu. To var izdarīt "
                "jebkurā policijas iecirknī, tiešsaistē vai zvanot 110 vai 112.",
                "Report theft, violence, threats, fraud or a hate crime. You can do it at any police station, "
                "online, or by calling 110 or 112.",
                "Сообщите о краже, насилии, угрозах, мошенничестве или преступлении на почве ненависти. Это "
                "можно сделать в любом участке полиции, онлайн или по телефону 110 или 112.",
            ),
            apply=T(
                "Ārkārtas situācijā zvaniet 112. Citos gadījumos dodieties uz tuvāko policijas iecirkni vai "
                "iesniedziet ziņojumu Valsts policijas tīmekļvietnē.",
                "In an emergency call 112. Otherwise go to the nearest police station or report online on the "
                "State Police website.",
                "В экстренной ситуации звоните 112. В остальных случаях обратитесь в ближайший участок полиции "
                "или подайте сообщение на сайте Государственной полиции.",
            ),
            fees=FREE,
            eligibility=ELIG_ANYONE,
            interpretation=T(
                "Kriminālprocesā jums ir tiesības uz tulku bez maksas.",
                "In criminal proceedings you have the right to a free interpreter.",
                "В уголовном процессе вы имеете право на бесплатного переводчика.",
            ),
            alert=T("Ja kāda dzīvība ir apdraudēta, zvaniet 112.", "If someone's life is in danger, call 112.",
                    "Если чья-то жизнь в опасности, звоните 112."),
            url="https://www.vp.gov.lv",
            hours=AROUND_THE_CLOCK,
            phones=[
                dict(number="112", type="voice",
                     description=T("Ārkārtas palīdzība, bez maksas, visu diennakti", "Emergency, free, 24 hours",
                                   "Экстренная помощь, бесплатно, круглосуточно")),
                dict(number="110", type="voice",
                     description=T("Valsts policija, bez maksas", "State Police, free",
                                   "Государственная полиция, бесплатно")),
            ],
            langs=["lv"],
            cats=["crisis", "legal"],
        ),
    ],
))

# Legal Aid Administration ----------------------------------------------------------------------
PARTNERS.append(dict(
    key="jpa",
    name=T("Juridiskās palīdzības administrācija", "Legal Aid Administration", "Администрация юридической помощи"),
    alternate_name=T("JPA", "JPA", "JPA"),
    description=T(
        "Valsts iestāde, kas nodrošina valsts apmaksātu juridisko palīdzību cilvēkiem, kuri paši to nevar atļauties.",
        "The state office that provides state-paid legal aid to people who cannot afford a lawyer.",
        "Государственное учреждение, которое обеспечивает юридическую помощь за счёт государства тем, кто не "
        "может её оплатить.",
    ),
    website="https://www.jpa.gov.lv",
    locations=[office("jpa_riga", T("Juridiskās palīdzības administrācija, Rīga", "Legal Aid Administration, Rīga",
                                    "Администрация юридической помощи, Рига"), hours=STATE_HOURS)],
    services=[
        dict(
            key="jpa_legal_aid",
            name=T("Valsts nodrošinātā juridiskā palīdzība", "State-paid legal aid",
                   "Юридическая помощь за счёт государства"),
            description=T(
                "Ja nevarat atļauties advokātu, valsts var to apmaksāt civillietās un dažās citās lietās — "
                "piemēram, ģimenes vai darba strīdos vai patvēruma lietās.",
                "If you cannot afford a lawyer, the state may pay for one in civil cases and some other cases — "
                "for example, family or work disputes, or asylum cases.",
                "Если вы не можете оплатить адвоката, государство может оплатить его в гражданских и некоторых "
                "других делах — например, в семейных или трудовых спорах или по делам об убежище.",
            ),
            apply=T(
                "Aizpildiet iesniegumu (veidlapa ir JPA tīmekļvietnē) un iesniedziet to kopā ar ienākumus "
                "apliecinošiem dokumentiem. Mūsu sociālais darbinieks var palīdzēt to aizpildīt.",
                "Fill in the application form (on the JPA website) and send it with proof of your income. Our "
                "social worker can help you fill it in.",
                "Заполните заявление (бланк есть на сайте JPA) и подайте его вместе с документами о доходах. "
                "Наш социальный работник поможет его заполнить.",
            ),
            fees=FREE,
            eligibility=T(
                "Cilvēki ar zemiem ienākumiem vai grūtā situācijā, arī ārzemnieki, kuri likumīgi uzturas Latvijā, "
                "un patvēruma meklētāji.",
                "People with low income or in a difficult situation, including foreign nationals legally staying "
                "in Latvia, and asylum seekers.",
                "Люди с низкими доходами или в трудной ситуации, в том числе иностранцы, законно находящиеся в "
                "Латвии, и лица, ищущие убежища.",
            ),
            interpretation=INTERP_STATE,
            url="https://www.jpa.gov.lv",
            hours=STATE_HOURS,
            langs=["lv"],
            cats=["legal"],
        ),
    ],
))

# Crisis and Counselling Centre "Skalbes" -------------------------------------------------------
PARTNERS.append(dict(
    key="skalbes",
    name=T("Krīžu un konsultāciju centrs „Skalbes”", "Crisis and Counselling Centre “Skalbes”",
           "Кризисно-консультационный центр «Скалбес»"),
    alternate_name=T("Skalbes", "Skalbes", "Скалбес"),
    description=T(
        "Psiholoģiskā palīdzība krīzē: uzticības tālruņi, konsultācijas un atbalsts noziegumos cietušajiem.",
        "Psychological help in a crisis: helplines, counselling and support for victims of crime.",
        "Психологическая помощь в кризисе: телефоны доверия, консультации и поддержка пострадавших от "
        "преступлений.",
    ),
    website="https://www.skalbes.lv",
    locations=[office("skalbes_riga", T("Centrs „Skalbes”, Rīga", "Skalbes centre, Rīga", "Центр «Скалбес», Рига"))],
    services=[
        dict(
            key="skalbes_victim_line",
            name=T("Noziegumos cietušo atbalsta tālrunis 116006", "Crime victim helpline 116006",
                   "Телефон поддержки пострадавших от преступлений 116006"),
            description=T(
                "Bezmaksas un konfidenciāls atbalsts, ja pret jums ir izdarīts noziegums: emocionāls atbalsts, "
                "informācija par jūsu tiesībām un to, kur saņemt palīdzību.",
                "Free, confidential support if a crime has been committed against you: emotional support, "
                "information about your rights and where to get help.",
                "Бесплатная и конфиденциальная поддержка, если против вас совершено преступление: "
                "эмоциональная поддержка, информация о ваших правах и о том, где получить помощь.",
            ),
            apply=T("Zvaniet 116006.", "Call 116006.", "Звоните по номеру 116006."),
            fees=T("Zvans ir bez maksas.", "The call is free.", "Звонок бесплатный."),
            eligibility=ELIG_ANYONE,
            url="https://www.skalbes.lv",
            hours=LINE_HOURS,
            phones=[dict(number="116006", type="voice",
                         description=T("Bez maksas", "Free of charge", "Бесплатно"))],
            langs=["lv", "ru"],
            cats=["crisis"],
        ),
        dict(
            key="skalbes_emotional_line",
            name=T("Emocionālā atbalsta tālrunis 116123", "Emotional support line 116123",
                   "Телефон эмоциональной поддержки 116123"),
            description=T(
                "Parunājiet ar apmācītu konsultantu, ja jūtaties vientuļi, satraukti vai bezcerīgi. Bez maksas "
                "un anonīmi.",
                "Talk to a trained counsellor when you feel lonely, anxious or hopeless. Free and anonymous.",
                "Поговорите с подготовленным консультантом, если вам одиноко, тревожно или безнадёжно. "
                "Бесплатно и анонимно.",
            ),
            apply=T("Zvaniet 116123.", "Call 116123.", "Звоните по номеру 116123."),
            fees=T("Zvans ir bez maksas.", "The call is free.", "Звонок бесплатный."),
            eligibility=ELIG_ANYONE,
            url="https://www.skalbes.lv",
            hours=LINE_HOURS,
            phones=[dict(number="116123", type="voice",
                         description=T("Bez maksas", "Free of charge", "Бесплатно"))],
            langs=["lv", "ru"],
            cats=["health", "crisis"],
        ),
    ],
))

# State Inspectorate for Protection of Children's Rights ----------------------------------------
PARTNERS.append(dict(
    key="vbtai",
    name=T("Valsts bērnu tiesību aizsardzības inspekcija", "State Inspectorate for Protection of Children’s Rights",
           "Государственная инспекция по защите прав детей"),
    alternate_name=T("VBTAI", "VBTAI", "VBTAI"),
    description=T(
        "Aizsargā bērnu tiesības un uztur bērnu un pusaudžu uzticības tālruni 116111.",
        "Protects children's rights and runs the children and youth helpline 116111.",
        "Защищает права детей и обеспечивает работу телефона доверия для детей и подростков 116111.",
    ),
    website="https://www.bti.gov.lv",
    locations=[office("vbtai_riga", T("VBTAI, Rīga", "VBTAI, Rīga", "VBTAI, Рига"))],
    services=[
        dict(
            key="vbtai_child_helpline",
            name=T("Bērnu un pusaudžu uzticības tālrunis 116111", "Children and youth helpline 116111",
                   "Телефон доверия для детей и подростков 116111"),
            description=T(
                "Bērni un pusaudži var bez maksas un anonīmi zvanīt par problēmām mājās, skolā vai ar draugiem. "
                "Ja uztraucaties par kādu bērnu, varat vērsties inspekcijā.",
                "Children and teenagers can call free and anonymously about problems at home, at school or with "
                "friends. If you are worried about a child, you can contact the inspectorate.",
                "Дети и подростки могут бесплатно и анонимно звонить по поводу проблем дома, в школе или с "
                "друзьями. Если вы беспокоитесь о каком-то ребёнке, можно обратиться в инспекцию.",
            ),
            apply=T("Zvaniet 116111.", "Call 116111.", "Звоните по номеру 116111."),
            fees=T("Zvans ir bez maksas.", "The call is free.", "Звонок бесплатный."),
            eligibility=T("Bērni un pusaudži Latvijā.", "Children and teenagers in Latvia.",
                          "Дети и подростки в Латвии."),
            url="https://www.bti.gov.lv",
            hours=LINE_HOURS,
            phones=[dict(number="116111", type="voice",
                         description=T("Bez maksas", "Free of charge", "Бесплатно"))],
            langs=["lv", "ru"],
            cats=["family", "crisis"],
        ),
    ],
))

# Marta Centre ----------------------------------------------------------------------------------
PARTNERS.append(dict(
    key="marta",
    name=T("Resursu centrs sievietēm „Marta”", "Marta Centre (resource centre for women)",
           "Ресурсный центр для женщин «Марта»"),
    alternate_name=T("Centrs MARTA", "Marta Centre", "Центр MARTA"),
    description=T(
        "Nevalstiska organizācija, kas palīdz sievietēm, kuras cieš no vardarbības, un aizstāv sieviešu tiesības.",
        "A non-governmental organisation that helps women who experience violence and defends women's rights.",
        "Общественная организация, которая помогает женщинам, пострадавшим от насилия, и защищает права женщин.",
    ),
    website="https://www.marta.lv",
    locations=[office("marta_riga", T("Centrs MARTA, Rīga", "Marta Centre, Rīga", "Центр MARTA, Рига"))],
    services=[
        dict(
            key="marta_violence_support",
            name=T("Atbalsts sievietēm, kuras cieš no vardarbības", "Support for women who experience violence",
                   "Поддержка женщин, пострадавших от насилия"),
            description=T(
                "Bezmaksas konfidenciālas konsultācijas ar sociālo darbinieku, juristu un psihologu sievietēm, "
                "kuras cieš no vardarbības ģimenē vai kurām draud cilvēku tirdzniecība.",
                "Free, confidential consultations with a social worker, a lawyer and a psychologist for women who "
                "experience violence at home or are at risk of trafficking.",
                "Бесплатные конфиденциальные консультации социального работника, юриста и психолога для женщин, "
                "которые страдают от домашнего насилия или которым грозит торговля людьми.",
            ),
            apply=T(
                "Sazinieties ar centru pa tīmekļvietnē norādīto tālruni vai e-pastu. Ja esat tiešās briesmās, "
                "zvaniet 112.",
                "Contact the centre by the phone number or e-mail on its website. If you are in immediate "
                "danger, call 112.",
                "Свяжитесь с центром по телефону или электронной почте, указанным на сайте. Если вам грозит "
                "непосредственная опасность, звоните 112.",
            ),
            fees=FREE,
            eligibility=T("Sievietes Latvijā, neatkarīgi no pilsonības.", "Women in Latvia, whatever their citizenship.",
                          "Женщины в Латвии, независимо от гражданства."),
            url="https://www.marta.lv",
            hours=STATE_HOURS,
            langs=["lv", "en", "ru"],
            cats=["crisis", "family", "legal"],
        ),
    ],
))

# ---------------------------------------------------------------------------------------------
# Booking forms
# ---------------------------------------------------------------------------------------------

PHONE_PATTERN = r"\+?[0-9 ]{8,15}"

FIELD_NAME = dict(
    key="name", type="text", required=True, min_length=2, max_length=80,
    label=T("Jūsu vārds", "Your name", "Ваше имя"),
    help=T("Pietiek ar vārdu.", "Your first name is enough.", "Достаточно имени."),
    error=T("Lūdzu, ierakstiet savu vārdu (vismaz 2 burti).", "Please enter your name (at least 2 letters).",
            "Пожалуйста, введите имя (не менее 2 букв)."),
)
FIELD_PHONE = dict(
    key="phone", type="phone", required=True, pattern=PHONE_PATTERN,
    label=T("Tālruņa numurs", "Phone number", "Номер телефона"),
    help=T("Mēs jums zvanīsim uz šo numuru.", "We will call you on this number.", "Мы позвоним вам по этому номеру."),
    error=T("Lūdzu, ierakstiet tālruņa numuru (8–15 cipari).", "Please enter a phone number (8 to 15 digits).",
            "Пожалуйста, введите номер телефона (от 8 до 15 цифр)."),
)
FIELD_EMAIL = dict(
    key="email", type="email", required=False, max_length=120,
    label=T("E-pasts", "E-mail", "Электронная почта"),
    help=T("Uz šo adresi nosūtīsim atgādinājumu.", "We will send a reminder to this address.",
           "На этот адрес мы отправим напоминание."),
    error=T("Šī neizskatās pēc e-pasta adreses.", "This does not look like an e-mail address.",
            "Это не похоже на адрес электронной почты."),
)


def consent_field():
    return dict(
        key="consent", type="consent", required=True,
        label=T("Piekrītu savu datu apstrādei, kā aprakstīts iepriekš.",
                "I agree to the processing of my data as described above.",
                "Я даю согласие на обработку моих данных, как описано выше."),
        error=T("Lai mēs varētu ar jums sazināties, vajadzīga jūsu piekrišana.",
                "We need your consent so that we can contact you.",
                "Чтобы мы могли с вами связаться, нужно ваше согласие."),
    )


FORMS = [
    dict(
        key="consultation",
        kind="consultation",
        title=T("Pieteikties konsultācijai", "Book a consultation", "Записаться на консультацию"),
        intro=T(
            "Atstājiet savu kontaktinformāciju, un divu darba dienu laikā mēs jums piezvanīsim, lai vienotos par "
            "laiku. Konsultācijas ir bez maksas un konfidenciālas.",
            "Leave your contact details and we will call you within two working days to agree on a time. "
            "Consultations are free and confidential.",
            "Оставьте свои контактные данные, и в течение двух рабочих дней мы позвоним вам, чтобы договориться "
            "о времени. Консультации бесплатные и конфиденциальные.",
        ),
        consent=T(
            "Piekrītu, ka Nacionālais integrācijas centrs glabā manu vārdu un kontaktinformāciju, lai noorganizētu "
            "šo konsultāciju. Dati tiek dzēsti pēc konsultācijas, vēlākais pēc 3 mēnešiem.",
            "I agree that the National Integration Centre keeps my name and contact details to arrange this "
            "consultation. They are deleted after the consultation, at the latest after 3 months.",
            "Я даю согласие на то, что Национальный интеграционный центр хранит моё имя и контактные данные для "
            "организации этой консультации. Данные удаляются после консультации, но не позднее чем через 3 месяца.",
        ),
        confirmation=T(
            "Paldies! Jūsu pieteikums ir saņemts. Divu darba dienu laikā mēs jums piezvanīsim. Saglabājiet "
            "pieteikuma numuru.",
            "Thank you! We have received your request and will call you within two working days. Please keep "
            "your reference number.",
            "Спасибо! Ваша заявка получена. Мы позвоним вам в течение двух рабочих дней. Сохраните номер заявки.",
        ),
        fields=[
            FIELD_NAME,
            FIELD_PHONE,
            FIELD_EMAIL,
            dict(
                key="language", type="choice", required=True,
                label=T("Konsultācijas valoda", "Language of the consultation", "Язык консультации"),
                help=T("Citām valodām varam pieaicināt tulku.", "For other languages we can invite an interpreter.",
                       "Для других языков мы можем пригласить переводчика."),
                error=T("Lūdzu, izvēlieties valodu.", "Please choose a language.", "Пожалуйста, выберите язык."),
                # Each language is offered under its own name, as language pickers usually are.
                options=[
                    ("lv", T("Latviešu", "Latviešu", "Latviešu")),
                    ("en", T("English", "English", "English")),
                    ("ru", T("Русский", "Русский", "Русский")),
                    ("uk", T("Українська", "Українська", "Українська")),
                ],
            ),
            dict(
                key="topic", type="choice", required=True,
                label=T("Par ko ir jūsu jautājums?", "What is your question about?", "О чём ваш вопрос?"),
                error=T("Lūdzu, izvēlieties tēmu.", "Please choose a topic.", "Пожалуйста, выберите тему."),
                options=[
                    ("residence", T("Uzturēšanās atļauja un dokumenti", "Residence permit and documents",
                                    "Вид на жительство и документы")),
                    ("work", T("Darbs un darba devējs", "Work and employer", "Работа и работодатель")),
                    ("housing", T("Mājoklis un rēķini", "Housing and bills", "Жильё и счета")),
                    ("family", T("Ģimene un bērni", "Family and children", "Семья и дети")),
                    ("benefits", T("Pabalsti un nauda", "Benefits and money", "Пособия и деньги")),
                    ("health", T("Veselības aprūpe", "Health care", "Медицинская помощь")),
                    ("discrimination", T("Netaisnīga attieksme vai diskriminācija", "Unfair treatment or discrimination",
                                         "Несправедливое отношение или дискриминация")),
                    ("other", T("Cits jautājums", "Something else", "Другой вопрос")),
                ],
            ),
            dict(
                key="preferred_time", type="choice", required=True,
                label=T("Kurš laiks jums ir ērtākais?", "When suits you best?", "Какое время вам удобнее?"),
                error=T("Lūdzu, izvēlieties laiku.", "Please choose a time.", "Пожалуйста, выберите время."),
                options=[
                    ("morning", T("No rīta (9–12)", "Morning (9–12)", "Утром (9–12)")),
                    ("afternoon", T("Pēcpusdienā (12–16)", "Afternoon (12–16)", "Днём (12–16)")),
                    ("evening", T("Vakarā (16–19)", "Evening (16–19)", "Вечером (16–19)")),
                    ("any", T("Jebkurā laikā", "Any time", "В любое время")),
                ],
            ),
            consent_field(),
        ],
    ),
    dict(
        key="course",
        kind="course",
        title=T("Pieteikt vietu", "Book a place", "Забронировать место"),
        intro=T(
            "Izvēlieties datumu un atstājiet kontaktinformāciju. Mēs apstiprināsim jūsu vietu pa tālruni vai "
            "e-pastu. Ja nevarat ierasties, lūdzu, paziņojiet mums, lai vietu varētu izmantot kāds cits.",
            "Choose a date and leave your contact details. We will confirm your place by phone or e-mail. If you "
            "cannot come, please let us know so that someone else can take the place.",
            "Выберите дату и оставьте контактные данные. Мы подтвердим ваше место по телефону или электронной "
            "почте. Если вы не сможете прийти, пожалуйста, сообщите нам, чтобы место мог занять кто-то другой.",
        ),
        consent=T(
            "Piekrītu, ka Nacionālais integrācijas centrs glabā manu vārdu un kontaktinformāciju, lai pārvaldītu "
            "manu dalību šajā kursā vai pasākumā. Dati tiek dzēsti 3 mēnešus pēc tā beigām.",
            "I agree that the National Integration Centre keeps my name and contact details to manage my place on "
            "this course or event. They are deleted 3 months after it ends.",
            "Я даю согласие на то, что Национальный интеграционный центр хранит моё имя и контактные данные для "
            "учёта моего участия в этом курсе или мероприятии. Данные удаляются через 3 месяца после его окончания.",
        ),
        confirmation=T(
            "Paldies! Jūsu vieta ir rezervēta. Divu darba dienu laikā mēs to apstiprināsim. Saglabājiet "
            "pieteikuma numuru.",
            "Thank you! Your place is reserved. We will confirm it within two working days. Please keep your "
            "reference number.",
            "Спасибо! Ваше место забронировано. Мы подтвердим его в течение двух рабочих дней. Сохраните номер "
            "заявки.",
        ),
        fields=[
            FIELD_NAME,
            FIELD_PHONE,
            FIELD_EMAIL,
            dict(
                key="session", type="session", required=True,
                label=T("Datums un laiks", "Date and time", "Дата и время"),
                help=T("Kursam izvēlieties pirmo nodarbību, kuru apmeklēsiet.",
                       "For a course, choose the first lesson you will attend.",
                       "Для курса выберите первое занятие, которое вы посетите."),
                error=T("Lūdzu, izvēlieties datumu, kurā vēl ir brīvas vietas.",
                        "Please choose a date that still has free places.",
                        "Пожалуйста, выберите дату, на которую ещё есть свободные места."),
            ),
            consent_field(),
        ],
    ),
]

# ---------------------------------------------------------------------------------------------
# Course and event series. dtstart_relative: the importer adds `days` to the import day; with a
# BYDAY rule libical starts on the first matching weekday on or after that day, so the weekday
# names in the descriptions hold whatever day the demo is built. Every series ends within ~85 days.
# ---------------------------------------------------------------------------------------------

SERIES = [
    dict(key="a1_evening", service="latvian_a1", kind="language_course", langs=["lv", "en"], level="A1",
         capacity=12, days=3, time="18:00", duration=90, rrule="FREQ=WEEKLY;BYDAY=MO,WE;COUNT=20",
         name=T("Latviešu valoda A1 — vakara grupa (paskaidrojumi angliski)",
                "Latvian A1 — evening group (explanations in English)",
                "Латышский язык A1 — вечерняя группа (пояснения на английском)"),
         description=T(
             "Pirmdienās un trešdienās plkst. 18.00–19.30, 20 nodarbības 10 nedēļās. Ņemiet līdzi burtnīcu; "
             "mācību grāmatu saņemsiet bez maksas.",
             "Mondays and Wednesdays, 18:00–19:30, 20 lessons over 10 weeks. Bring a notebook; the book is free.",
             "По понедельникам и средам, 18:00–19:30, 20 занятий за 10 недель. Возьмите тетрадь; учебник "
             "выдаётся бесплатно.")),
    dict(key="a1_morning", service="latvian_a1", kind="language_course", langs=["lv", "ru"], level="A1",
         capacity=10, days=4, time="10:00", duration=90, rrule="FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20",
         name=T("Latviešu valoda A1 — rīta grupa (paskaidrojumi krieviski)",
                "Latvian A1 — morning group (explanations in Russian)",
                "Латышский язык A1 — утренняя группа (пояснения на русском)"),
         description=T(
             "Otrdienās un ceturtdienās plkst. 10.00–11.30, 20 nodarbības 10 nedēļās. Vecākiem ar maziem "
             "bērniem: piesakoties pajautājiet par aukli.",
             "Tuesdays and Thursdays, 10:00–11:30, 20 lessons over 10 weeks. Parents of small children: ask "
             "about childminding when you book.",
             "По вторникам и четвергам, 10:00–11:30, 20 занятий за 10 недель. Родителям маленьких детей: при "
             "записи спросите о няне.")),
    dict(key="a2_evening", service="latvian_a2", kind="language_course", langs=["lv"], level="A2",
         capacity=14, days=5, time="18:00", duration=90, rrule="FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20",
         name=T("Latviešu valoda A2 — vakara grupa", "Latvian A2 — evening group",
                "Латышский язык A2 — вечерняя группа"),
         description=T(
             "Otrdienās un ceturtdienās plkst. 18.00–19.30, 20 nodarbības. Nodarbības notiek tikai latviešu "
             "valodā — labs nākamais solis pēc A1.",
             "Tuesdays and Thursdays, 18:00–19:30, 20 lessons. Lessons are in Latvian only — a good next step "
             "after A1.",
             "По вторникам и четвергам, 18:00–19:30, 20 занятий. Занятия только на латышском языке — хороший "
             "следующий шаг после A1.")),
    dict(key="b1_saturday", service="latvian_b1", kind="language_course", langs=["lv"], level="B1",
         capacity=8, days=6, time="10:00", duration=180, rrule="FREQ=WEEKLY;BYDAY=SA;COUNT=10",
         name=T("Latviešu valoda B1 — sestdienas grupa", "Latvian B1 — Saturday group",
                "Латышский язык B1 — субботняя группа"),
         description=T(
             "Sestdienās plkst. 10.00–13.00, 10 nodarbības. Noslēgumā — izmēģinājuma tests valsts valodas "
             "prasmes pārbaudes formātā. Tikai 8 vietas.",
             "Saturdays, 10:00–13:00, 10 lessons. It ends with a practice test in the format of the state "
             "language proficiency test. Only 8 places.",
             "По субботам, 10:00–13:00, 10 занятий. В конце — пробный тест в формате проверки знания "
             "государственного языка. Всего 8 мест.")),
    dict(key="conversation_club", service="conversation_club", kind="event", langs=["lv"], level="A1–B2",
         capacity=20, days=2, time="18:30", duration=90, rrule="FREQ=WEEKLY;BYDAY=TH;COUNT=11",
         name=T("Sarunu klubs latviešu valodā", "Latvian conversation club", "Разговорный клуб на латышском"),
         description=T(
             "Ceturtdienās plkst. 18.30–20.00. Nāciet, kad varat, — katrs vakars ir patstāvīgs.",
             "Thursdays, 18:30–20:00. Come when you can — each evening stands on its own.",
             "По четвергам, 18:30–20:00. Приходите, когда можете, — каждая встреча самостоятельна.")),
    dict(key="computer_course", service="computer_skills", kind="upskilling_course", langs=["ru", "en"],
         capacity=8, days=7, time="10:00", duration=120, rrule="FREQ=WEEKLY;BYDAY=MO,WE;COUNT=12",
         name=T("Datorprasmes darbam — 6 nedēļu kurss", "Computer skills for work — 6-week course",
                "Компьютерные навыки для работы — курс на 6 недель"),
         description=T(
             "Pirmdienās un trešdienās plkst. 10.00–12.00, 12 nodarbības. Krievu un angļu valodā. Datori ir "
             "nodrošināti.",
             "Mondays and Wednesdays, 10:00–12:00, 12 lessons. In Russian and English. Computers are provided.",
             "По понедельникам и средам, 10:00–12:00, 12 занятий. На русском и английском языках. Компьютеры "
             "предоставляются.")),
    dict(key="job_search_workshop", service="job_search", kind="upskilling_course", langs=["en", "ru"],
         capacity=12, days=9, time="13:30", duration=120, rrule="FREQ=WEEKLY;BYDAY=FR;COUNT=4",
         name=T("Darba meklēšanas darbnīca", "Job search workshop", "Мастерская по поиску работы"),
         description=T(
             "Četras piektdienas plkst. 13.30–15.30. Ja jums ir CV, ņemiet to līdzi — jebkurā valodā.",
             "Four Fridays, 13:30–15:30. Bring your CV if you have one — in any language.",
             "Четыре пятницы, 13:30–15:30. Если у вас есть резюме, возьмите его с собой — на любом языке.")),
    dict(key="business_seminar", service="small_business", kind="seminar", langs=["en", "ru"],
         capacity=20, days=8, time="17:30", duration=120, rrule="FREQ=WEEKLY;INTERVAL=3;BYDAY=WE;COUNT=4",
         name=T("Seminārs: sava uzņēmuma dibināšana", "Seminar: starting your own business",
                "Семинар: как открыть свой бизнес"),
         description=T(
             "Viena vakara seminārs, kas atkārtojas reizi trijās nedēļās — izvēlieties sev ērtu datumu. "
             "Trešdienās plkst. 17.30–19.30.",
             "A one-evening seminar, repeated every three weeks — choose the date that suits you. Wednesdays, "
             "17:30–19:30.",
             "Семинар на один вечер, повторяется раз в три недели — выберите удобную дату. По средам, "
             "17:30–19:30.")),
    dict(key="state_ru", service="how_state_works", kind="practical_session", langs=["ru"],
         capacity=16, days=6, time="17:30", duration=90, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=5",
         name=T("Kā darbojas valsts — krievu valodā", "How the state works — in Russian",
                "Как устроено государство — на русском"),
         description=T(
             "Reizi divās nedēļās otrdienās plkst. 17.30–19.00. Katra nodarbība ir vienāda — izvēlieties vienu "
             "datumu.",
             "Every other Tuesday, 17:30–19:00. Each session is the same — choose one date.",
             "Раз в две недели по вторникам, 17:30–19:00. Все занятия одинаковые — выберите одну дату.")),
    dict(key="state_en", service="how_state_works", kind="practical_session", langs=["en"],
         capacity=16, days=13, time="17:30", duration=90, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=5",
         name=T("Kā darbojas valsts — angļu valodā", "How the state works — in English",
                "Как устроено государство — на английском"),
         description=T(
             "Reizi divās nedēļās otrdienās plkst. 17.30–19.00. Katra nodarbība ir vienāda — izvēlieties vienu "
             "datumu.",
             "Every other Tuesday, 17:30–19:00. Each session is the same — choose one date.",
             "Раз в две недели по вторникам, 17:30–19:00. Все занятия одинаковые — выберите одну дату.")),
    dict(key="duties_en", service="rights_duties", kind="practical_session", langs=["en"],
         capacity=16, days=5, time="17:30", duration=90, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=5",
         name=T("Tiesības un pienākumi — angļu valodā", "Rights and duties — in English",
                "Права и обязанности — на английском"),
         description=T(
             "Reizi divās nedēļās pirmdienās plkst. 17.30–19.00. Katra nodarbība ir vienāda — izvēlieties vienu "
             "datumu.",
             "Every other Monday, 17:30–19:00. Each session is the same — choose one date.",
             "Раз в две недели по понедельникам, 17:30–19:00. Все занятия одинаковые — выберите одну дату.")),
    dict(key="duties_ru", service="rights_duties", kind="practical_session", langs=["ru"],
         capacity=16, days=12, time="17:30", duration=90, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=5",
         name=T("Tiesības un pienākumi — krievu valodā", "Rights and duties — in Russian",
                "Права и обязанности — на русском"),
         description=T(
             "Reizi divās nedēļās pirmdienās plkst. 17.30–19.00. Katra nodarbība ir vienāda — izvēlieties vienu "
             "datumu.",
             "Every other Monday, 17:30–19:00. Each session is the same — choose one date.",
             "Раз в две недели по понедельникам, 17:30–19:00. Все занятия одинаковые — выберите одну дату.")),
    dict(key="bills_session", service="utility_bills", kind="practical_session", langs=["ru"],
         capacity=12, days=8, time="11:00", duration=90, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=5",
         name=T("Komunālie rēķini — praktiskā nodarbība", "Utility bills — practical session",
                "Коммунальные счета — практическое занятие"),
         description=T(
             "Reizi divās nedēļās trešdienās plkst. 11.00–12.30, krievu valodā. Ja vēlaties, ņemiet līdzi kādu "
             "savu rēķinu — izlasīsim to kopā.",
             "Every other Wednesday, 11:00–12:30, in Russian. Bring one of your own bills if you like — we will "
             "read it together.",
             "Раз в две недели по средам, 11:00–12:30, на русском языке. Если хотите, возьмите свой счёт — "
             "разберём его вместе.")),
    dict(key="health_session", service="health_system", kind="practical_session", langs=["en", "ru"],
         capacity=16, days=11, time="11:00", duration=90, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=5",
         name=T("Veselības aprūpe Latvijā — praktiskā nodarbība", "Health care in Latvia — practical session",
                "Здравоохранение в Латвии — практическое занятие"),
         description=T(
             "Reizi divās nedēļās ceturtdienās plkst. 11.00–12.30. Angļu valodā ar tulkojumu krievu valodā. "
             "Ņemiet līdzi savus jautājumus.",
             "Every other Thursday, 11:00–12:30. In English with Russian interpreting. Bring your questions.",
             "Раз в две недели по четвергам, 11:00–12:30. На английском языке с переводом на русский. "
             "Приходите со своими вопросами.")),
    dict(key="school_session", service="school_guide", kind="practical_session", langs=["ru", "en"],
         capacity=20, days=15, time="17:00", duration=90, rrule="FREQ=WEEKLY;INTERVAL=3;BYDAY=TH;COUNT=3",
         name=T("Skola un bērnudārzs — tikšanās vecākiem", "School and kindergarten — meeting for parents",
                "Школа и детский сад — встреча для родителей"),
         description=T(
             "Reizi trijās nedēļās ceturtdienās plkst. 17.00–18.30, krievu un angļu valodā. Bērnus varat ņemt "
             "līdzi — blakus telpā būs rotaļu stūrītis.",
             "Every three weeks on Thursdays, 17:00–18:30, in Russian and English. You can bring your children — "
             "there is a play corner next door.",
             "Раз в три недели по четвергам, 17:00–18:30, на русском и английском языках. Можно прийти с детьми "
             "— в соседней комнате будет игровой уголок.")),
    dict(key="family_saturdays", service="family_saturdays", kind="family_event", langs=["lv", "ru", "en"],
         capacity=12, days=2, time="11:00", duration=120, rrule="FREQ=WEEKLY;BYDAY=SA;COUNT=10",
         name=T("Sestdienas rīts vecākiem ar bērniem", "Saturday morning for parents and children",
                "Субботнее утро для родителей с детьми"),
         description=T(
             "Sestdienās plkst. 11.00–13.00. Viena vieta — viena ģimene. Katru reizi jauna tēma: krāsas un "
             "zīmēšana, dziesmas, pirmie latviešu vārdi, maizes cepšana.",
             "Saturdays, 11:00–13:00. One place is one family. A new theme each time: colours and drawing, "
             "songs, first Latvian words, baking bread.",
             "По субботам, 11:00–13:00. Одно место — одна семья. Каждый раз новая тема: краски и рисование, "
             "песни, первые латышские слова, выпечка хлеба.")),
    dict(key="womens_circle", service="womens_circle", kind="family_event", langs=["ru", "en"],
         capacity=15, days=4, time="10:30", duration=90, rrule="FREQ=WEEKLY;BYDAY=FR;COUNT=10",
         name=T("Sieviešu loks", "Women’s circle", "Женский круг"),
         description=T(
             "Piektdienās plkst. 10.30–12.00. Mazos bērnus blakus telpā pieskata aukle.",
             "Fridays, 10:30–12:00. A childminder looks after small children in the next room.",
             "По пятницам, 10:30–12:00. За маленькими детьми в соседней комнате присматривает няня.")),
    dict(key="round_tables", service="round_tables", kind="round_table", langs=["lv", "en", "ru"],
         capacity=30, days=8, time="15:00", duration=150, rrule="FREQ=WEEKLY;INTERVAL=4;BYDAY=WE;COUNT=3",
         name=T("Apaļā galda diskusija", "Round-table discussion", "Дискуссия за круглым столом"),
         description=T(
             "Trīs diskusijas reizi četrās nedēļās, trešdienās plkst. 15.00–17.30: darbs un kvalifikācijas "
             "atzīšana; latviešu valodas apguve pieaugušo vecumā; veselības aprūpe jaunpienācējiem. "
             "Sinhronā tulkošana latviešu, angļu un krievu valodā.",
             "Three discussions, every four weeks on Wednesdays, 15:00–17:30: work and the recognition of "
             "qualifications; learning Latvian as an adult; health care for newcomers. Simultaneous "
             "interpreting in Latvian, English and Russian.",
             "Три дискуссии раз в четыре недели, по средам, 15:00–17:30: работа и признание квалификации; "
             "изучение латышского языка во взрослом возрасте; медицинская помощь для недавно приехавших. "
             "Синхронный перевод на латышский, английский и русский языки.")),
    dict(key="know_latvia", service="know_latvia", kind="event", langs=["en", "ru"],
         capacity=25, days=12, time="14:00", duration=120, rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=5",
         name=T("Iepazīsti Latviju", "Getting to know Latvia", "Знакомство с Латвией"),
         description=T(
             "Reizi divās nedēļās sestdienās plkst. 14.00–16.00, angļu un krievu valodā. Dažreiz dosimies "
             "pastaigā pa Vecrīgu — uzvelciet ērtus apavus.",
             "Every other Saturday, 14:00–16:00, in English and Russian. Some meetings are walks in Old Riga — "
             "wear comfortable shoes.",
             "Раз в две недели по субботам, 14:00–16:00, на английском и русском языках. Иногда будем гулять "
             "по Старой Риге — наденьте удобную обувь.")),
]
