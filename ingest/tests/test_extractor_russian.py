"""The Russian reading of the extractor, on short articles written for these tests."""

import pytest

from ingest.extractor import extract
from ingest.extractor.ru import looks_russian
from ingest.extractor.ru.translit import (
    foreign_alternatives,
    foreign_spelling,
    passport,
    press_spellings,
)

SELEZNYOV = """Published: 2023-05-10
Суд в Сиэтле приговорил россиянина Романа Селезнёва к 27 годам лишения свободы.
Адвокат Селезнёва Игорь Литвак заявил, что подаст апелляцию. По словам прокурора, \
Селезнёв был задержан в июле 2014 года на Мальдивах.
"""


def people(text):
    result = extract(text)
    assert result.language == "ru"
    return {d.name: d for d in result.detainees}


def test_a_russian_article_is_read_and_names_come_in_the_nominative():
    found = people(SELEZNYOV)
    assert list(found) == ["Roman Seleznev"]
    person = found["Roman Seleznev"]
    assert person.name_original_script == "Роман Селезнёв"
    assert {"Roman Seleznyov", "Роман Селезнёв", "Роман Селезнев"} <= set(person.name_variants)
    assert [n.country for n in person.nationality] == ["RU"]
    assert person.detaining_country.country == "US"
    assert (person.sentence.years, person.sentence.months) == (27, 0)
    assert person.status == "convicted"
    for mention in person.mentions:
        assert SELEZNYOV[mention.span.start : mention.span.end] == mention.text


def test_the_lawyer_and_the_envoy_are_not_detainees_and_the_envoy_visits():
    text = (
        "Published: 2024-03-15\n"
        "Посол России в США Анатолий Антонов посетил в тюрьме россиянина Дмитрия Орлова, "
        "осуждённого за мошенничество. Адвокат Ольга Зуева сообщила, что её подзащитный "
        "задержан в штате Нью-Йорк в августе 2022 года. Пресс-секретарь министра Павел Лосев "
        "отказался от комментариев."
    )
    found = people(text)
    assert list(found) == ["Dmitrii Orlov"]
    orlov = found["Dmitrii Orlov"]
    assert [(v.visitor, v.denied) for v in orlov.consular_visits] == [("Anatolii Antonov", False)]
    assert [c.phrase for c in orlov.charges] == ["мошенничество"]


def test_an_extradition_with_its_route_and_month():
    text = (
        "Published: 2023-02-01\n"
        "Россиянин Олег Чернов экстрадирован из Таиланда в США в июне 2022 года. "
        "Его обвиняют в отмывании денег и мошенничестве с банковскими картами."
    )
    chernov = people(text)["Oleg Chernov"]
    extradition = chernov.completed_extradition
    assert (extradition.from_country, extradition.to_country, extradition.date) == (
        "TH",
        "US",
        "2022-06",
    )
    assert chernov.status == "extradited"
    assert chernov.detaining_country.country == "US"
    assert {c.phrase for c in chernov.charges} == {
        "отмывание денег",
        "мошенничество с банковскими картами",
    }


def test_a_fine_in_dollars_and_a_date_relative_to_publication():
    text = (
        "Published: 2021-09-20\n"
        "В прошлом месяце суд в Тбилиси приговорил гражданина России Виктора Малова к штрафу "
        "в размере 1,5 тысячи долларов за незаконное пересечение границы."
    )
    malov = people(text)["Viktor Malov"]
    assert (malov.sentence.fine_amount, malov.sentence.fine_currency) == (1500, "USD")
    assert malov.sentence.date == "2021-08"
    assert malov.detaining_country.country == "GE"
    assert [n.country for n in malov.nationality] == ["RU"]


def test_a_foreigner_named_in_cyrillic_gets_the_usual_latin_spelling():
    text = (
        "Published: 2022-03-05\n"
        "Американку Бриттни Грайнер задержали в аэропорту Шереметьево 17 февраля. "
        "Ей предъявили обвинение в контрабанде наркотиков, ей грозит до десяти лет."
    )
    griner = people(text)["Brittney Griner"]
    assert "Brittni Grainer" in griner.name_variants
    assert griner.detaining_country.country == "RU"
    assert griner.arrest.place == "аэропорт Шереметьево"
    assert griner.arrest.date == "2022-02-17"
    assert griner.max_penalty.years == 10
    assert griner.status == "charged"


def test_held_by_their_own_state_is_not_a_detainee_abroad():
    text = (
        "Published: 2024-01-10\n"
        "Суд в Москве приговорил российского политика Петра Сомова к восьми годам колонии. "
        "Сомов задержан в Москве в марте прошлого года."
    )
    assert people(text) == {}


def test_an_exchange_and_a_denied_visit():
    text = (
        "Published: 2024-08-02\n"
        "Российским дипломатам отказали в консульском доступе к задержанному в Польше "
        "россиянину Ивану Лебедеву. Позже Лебедев был обменян в рамках обмена заключёнными."
    )
    lebedev = people(text)["Ivan Lebedev"]
    assert lebedev.status == "exchanged"
    assert [v.denied for v in lebedev.consular_visits] == [True]
    assert lebedev.detaining_country.country == "PL"


def test_sentence_in_words_and_a_regime_that_is_no_facility():
    text = (
        "Суд приговорил гражданина Украины Остапа Гончаренко к шести годам и десяти месяцам "
        "колонии строгого режима. Гончаренко содержится в СИЗО № 2 города Ростова-на-Дону."
    )
    person = people(text)["Ostap Goncharenko"]
    assert (person.sentence.years, person.sentence.months) == (6, 10)
    assert person.facility.name.startswith("СИЗО № 2")
    assert person.sentence.date is None


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Роман Селезнёв", "Roman Seleznev"),
        ("Мария Бутина", "Mariia Butina"),
        ("Юрий Щукин", "Iurii Shchukin"),
        ("Дмитрий Украинский", "Dmitrii Ukrainskii"),
    ],
)
def test_passport_transliteration(cyrillic, latin):
    assert passport(cyrillic) == latin


def test_press_spellings_and_foreign_names():
    assert "Roman Seleznyov" in press_spellings("Роман Селезнёв")
    assert "Dmitry Ukrainsky" in press_spellings("Дмитрий Украинский")
    assert foreign_spelling("Гордон Блэк") == "Gordon Black"
    assert foreign_spelling("Роман Селезнёв") is None
    assert "Trevor Reed" in foreign_alternatives("Тревор Рид")


def test_language_detection_tells_russian_from_ukrainian_and_english():
    assert looks_russian("Суд приговорил его к шести годам лишения свободы.")
    assert not looks_russian("Суд засудив його до шести років позбавлення волі, і це все.")
    assert not looks_russian("The court sentenced him to six years in prison.")


_SYLLABLES = ["ка", "ло", "ми", "ра", "тен", "во", "ши", "дан", "ел", "бор", "ни", "тас"]


def _russian_story(paragraphs: int) -> str:
    import random

    rng = random.Random(7)

    def surname() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() + "ов"

    parts = ["Published: 2024-05-10\n"]
    for _ in range(paragraphs):
        held, envoy = surname(), surname()
        parts.append(
            f"Суд в Бангкоке приговорил россиянина Ивана {held}а к {rng.randint(2, 12)} годам "
            f"лишения свободы за мошенничество. {held} был задержан в марте. Посол России "
            f"Пётр {envoy} посетил его в тюрьме, сообщил он.\n\n"
        )
    return "".join(parts)


def test_work_grows_linearly_with_the_length_of_a_russian_text():
    from .test_extractor_bounds import _work

    short, long = _russian_story(10), _russian_story(40)
    ratio = _work(long) / _work(short)
    # Linear work is about four times as much; work that grows with the square, 16 times.
    assert ratio < 5.5, ratio


def test_a_phrase_after_a_list_of_names_belongs_to_all_of_them():
    text = (
        "Published: 2023-06-01\n"
        "Власти Сербии выдали граждан России Алексея Воронова и Бориса Крюкова, обвиняемых в "
        "даче взятки чиновнику, за посредничество в сделках."
    )
    found = people(text)
    assert set(found) == {"Aleksei Voronov", "Boris Kriukov"}
    for person in found.values():
        assert [c.phrase for c in person.charges] == ["дача взятки чиновнику"]
        assert person.extraditions[0].from_country == "RS"
        assert person.status == "extradited"


def test_a_prison_named_after_its_inmate_is_no_facility_and_an_apposition_gives_nationality():
    text = (
        "Дипломатам не разрешают навестить в тюрьме Уолтера Грина, бывшего моряка и "
        "гражданина Канады, задержанного в Москве."
    )
    green = people(text)["Walter Grin"]
    assert green.facility is None
    assert [n.country for n in green.nationality] == ["CA"]
    assert [v.denied for v in green.consular_visits] == [True]


def test_a_charge_ends_before_the_next_person_and_keeps_a_decimal_comma():
    text = (
        "Осуждённый в Италии за кибермошенничество россиянин Игорь Лапин заявил о невиновности. "
        "Его подозревают в хищении 12,5 миллиона евро с банковских счетов."
    )
    lapin = people(text)["Igor Lapin"]
    assert [c.phrase for c in lapin.charges] == [
        "кибермошенничество",
        "хищение 12,5 миллиона евро с банковских счетов",
    ]


def test_a_fine_someone_must_pay_is_a_sentence_and_the_court_s_country_holds_them():
    text = (
        "Подполковника Андрея Сизова приговорил латвийский суд: теперь он должен заплатить "
        "штраф в 3 тысячи евро. Сизов служил в интересах России, утверждает обвинение."
    )
    sizov = people(text)["Andrei Sizov"]
    assert (sizov.sentence.fine_amount, sizov.sentence.fine_currency) == (3000, "EUR")
    assert sizov.detaining_country.country == "LV"
    assert sizov.status == "convicted"


def test_an_official_whose_given_name_the_dictionary_misreads_is_still_an_official():
    text = (
        "Россиянин Олег Тарасов осуждён в США, заявила прокурор штата Вашингтон Аннетт Хейс. "
        "Тарасов задержан в Нью-Йорке."
    )
    assert list(people(text)) == ["Oleg Tarasov"]


def test_handed_over_by_one_state_to_another_named_in_the_dative():
    text = (
        "Published: 2022-10-01\n"
        "Россиянин Владислав Клюквин выдан Швейцарией США в декабре 2021 года."
    )
    person = people(text)["Vladislav Kliukvin"]
    extradition = person.completed_extradition
    assert (extradition.from_country, extradition.to_country, extradition.date) == (
        "CH",
        "US",
        "2021-12",
    )
    assert person.detaining_country.country == "US"


def test_both_sides_of_a_swap_are_exchanged_and_a_weekday_resolves():
    text = (
        "Published: 2024-08-02\n"
        "Во вторник американец Джеймс Уотсон обменян на россиянина Игоря Белова. "
        "Уотсон был осуждён в России на 12 лет за шпионаж."
    )
    found = people(text)
    assert {name: p.status for name, p in found.items()} == {
        "James Wotson": "exchanged",
        "Igor Belov": "exchanged",
    }
    assert found["James Wotson"].detaining_country.country == "RU"
    # In a swap each side holds the other's national: the Russian was held by the US.
    assert found["Igor Belov"].detaining_country.country == "US"


def test_a_suspended_term_and_a_given_name_in_the_dative():
    text = (
        "Published: 2024-08-02\n"
        "Гражданке России Анне Зайцевой суд в Риге назначил условный срок в два года. "
        "Генконсул России Павел Смирнов встретился с ней в СИЗО."
    )
    zaitseva = people(text)["Anna Zaitseva"]
    assert zaitseva.name_original_script == "Анна Зайцева"
    assert (zaitseva.sentence.years, zaitseva.sentence.months) == (2, 0)
    assert zaitseva.detaining_country.country == "LV"
    assert [v.visitor for v in zaitseva.consular_visits] == ["Pavel Smirnov"]


def test_a_fine_in_words_and_a_court_named_by_its_town():
    text = (
        "Published: 2022-08-04\n"
        "Химкинский городской суд приговорил американскую баскетболистку Бриттни Грант к "
        "девяти годам лишения свободы и штрафу в миллион рублей по делу о контрабанде."
    )
    person = people(text)["Brittney Grant"]
    sentence = person.sentence
    assert (sentence.years, sentence.fine_amount, sentence.fine_currency) == (9, 1e6, "RUB")
    assert person.detaining_country.country == "RU"
    assert [c.phrase for c in person.charges] == ["контрабанда"]


def test_what_a_person_is_held_for_in_the_nominative_and_a_bare_jail_is_no_facility():
    text = (
        "Published: 2024-02-20\n"
        "В Польше задержан гражданин России Максим Лебедь. Ему вменяется шпионаж в пользу "
        "иностранной разведки. Лебедь находится в следственном изоляторе."
    )
    lebed = people(text)["Maksim Lebed"]
    assert [c.phrase for c in lebed.charges] == ["шпионаж в пользу иностранной разведки"]
    assert lebed.facility is None
    assert lebed.detaining_country.country == "PL"


def test_a_warrant_issued_or_a_case_sent_to_court_is_no_extradition():
    text = (
        "Published: 2024-02-20\n"
        "Суд выдал ордер на арест россиянина Артёма Лукина, задержанного в Испании. "
        "Дело Лукина передано в суд."
    )
    lukin = people(text)["Artem Lukin"]
    assert lukin.extraditions == ()
    assert lukin.detaining_country.country == "ES"


def test_a_mother_who_speaks_for_her_son_is_not_a_detainee():
    text = (
        "Published: 2024-03-01\n"
        "Россиянин Денис Соколов задержан в Турции. «Мой сын задержан незаконно», — сказала "
        "его мать Ольга Соколова. Соколов содержится в тюрьме Силиври."
    )
    found = people(text)
    assert list(found) == ["Denis Sokolov"]
    assert found["Denis Sokolov"].facility.name == "тюрьма Силиври"


def test_a_sentencing_still_to_come_is_no_conviction():
    text = (
        "Published: 2019-03-10\n"
        "Россиянин Пётр Левашов, экстрадированный из Испании в США в феврале 2018 года, "
        "признал себя виновным. Ему грозит до 10 лет тюрьмы. Вынесение приговора назначено "
        "на сентябрь."
    )
    levashov = people(text)["Petr Levashov"]
    assert levashov.status == "extradited"
    assert levashov.sentence is None
    assert levashov.max_penalty.years == 10


def test_one_meeting_told_twice_is_one_visit_by_the_named_envoy():
    text = """Published: 2023-03-14
Посол России в Аргентине Олег Кравцов посетил в тюрьме россиянина Павла Орехова, \
осуждённого за контрабанду. Посол Кравцов сообщил, что встреча длилась час и что \
Орехов чувствует себя хорошо. Ранее дипломаты посетили Орехова в тюрьме Маркос-Пас.
"""
    person = people(text)["Pavel Orekhov"]
    assert [v.visitor for v in person.consular_visits] == ["Oleg Kravtsov"]


def test_a_plural_title_before_a_name_belongs_to_that_person_s_people():
    text = """Published: 2022-02-03
Суд Мадрида отклонил жалобу адвокатов Семёна Долгова на решение о его выдаче США. \
Российского предпринимателя Семёна Долгова экстрадировали из Испании в США.
"""
    person = people(text)["Semen Dolgov"]
    assert (person.extraditions[0].from_country, person.extraditions[0].to_country) == (
        "ES",
        "US",
    )


def test_a_reporter_held_in_custody_is_a_detainee_and_a_foreign_president_is_not():
    text = """Published: 2023-07-12
Президент США заявил об этом на встрече с президентом Исландии Гудни Йоуханнессоном. \
Речь шла о содержащемся в московском СИЗО «Лефортово» журналисте Джеймсе Доннелли, \
которого обвиняют в шпионаже.
"""
    assert list(people(text)) == ["James Donnelli"]
