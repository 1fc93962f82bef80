// fonts/tools/sample_text.h: sample paragraphs in lv, en, ru, uk and ar, shared by the
// text-sample program, the golden-image tests and the benchmark.
#pragma once

namespace fonts::samples {

struct Sample {
    const char* language;
    const char* heading;
    const char* body;
};

inline constexpr Sample kParagraphs[] = {
    {"lv", "Latviešu valoda",
     "Integrācijas centrs palīdz jaunajiem iedzīvotājiem: latviešu valodas kursi, konsultācijas par "
     "uzturēšanās atļaujām, darba meklēšanu un ģimenes ārsta izvēli. Pieteikšanās līdz 12:30, maksa 3,50 €. "
     "Ķekavā, Ļaudonā un Ņūkaslē — visur ērti pieejams."},
    {"en", "English",
     "The integration centre helps newcomers with language courses, residence permits, job search and "
     "finding a family doctor. AVAVA WAVE To Tyre: kerning matters. Registration closes at 12:30; the fee "
     "is 3,50 EUR per well-known session."},
    {"ru", "Русский язык",
     "Центр интеграции помогает новым жителям: курсы латышского языка, консультации о виде на жительство, "
     "поиске работы и выборе семейного врача. Тут и Там — «Ту» без лишних пробелов. Запись до 12:30."},
    {"uk", "Українська мова",
     "Центр інтеграції допомагає новим мешканцям: курси латиської мови, консультації щодо посвідки на "
     "проживання, пошуку роботи та вибору сімейного лікаря. Ґанок, їжак, єнот і пісня — усе поруч."},
    {"ar", "اللغة العربية",
     "يساعد مركز الاندماج القادمين الجدد في دورات اللغة اللاتفية وتصاريح الإقامة والبحث عن عمل. "
     "اتصل بنا على الرقم +371 6721 0000 من الساعة 9 إلى 17، أو زر موقع kiosk.lv للمزيد."},
};

// Arabic lines with a phone number, times, an e-mail address and URLs (text-sample page).
inline constexpr const char* kRtlNumbers[] = {
    "اتصل بنا على الرقم +371 6721 0000 من الساعة 9 إلى 17",
    "ساعات العمل 9:00–17:00، الجمعة 9:00–14:00",
    "راسلنا على info@example.lv أو زر www.integration.lv",
    "الموقع https://www.integration.lv/ar/ باللغة العربية",
};

}  // namespace fonts::samples
