"""Classes of error in reading Russian news, each on sentences written for these tests."""

from ingest.extractor import extract


def people(text):
    result = extract(text)
    assert result.language == "ru"
    return {d.name: d for d in result.detainees}


def test_a_lawyer_before_a_man_s_surname_in_the_genitive_is_his_lawyer():
    # "Громова" would read as a woman's surname in the nominative; the man's full name
    # elsewhere shows it is his genitive, so the lawyer is not Gromov.
    text = (
        "Адвокат Громова подтвердил начало экстрадиции его подзащитного в США.\n"
        "Адвокат россиянина Алексея Громова подтвердил, что экстрадиция началась, "
        "приводит слова Михаила Ландау агентство.\n"
        "Алексей Громов был задержан в Израиле в декабре 2019 года по запросу США."
    )
    found = people(text)
    assert "Aleksei Gromov" in found
    assert "Mikhail Landau" not in found


def test_the_head_of_a_ministry_named_after_it_is_an_official():
    text = (
        "Ведомству Сергея Лаврова нет дела до россиян, отбывающих сроки в иностранных тюрьмах.\n"
        "Ещё около пяти тысяч граждан ждут суда, находясь под стражей.\n"
        "Россиянку Анну Котову приговорили в Китае к смертной казни за контрабанду наркотиков."
    )
    found = people(text)
    assert list(found) == ["Anna Kotova"]


def test_a_citizen_of_the_country_held_by_it_is_not_held_abroad():
    text = (
        "Власти Латвии на три месяца арестовали в Риге гражданина страны Андриса Озолса, "
        "которого прокуратура обвинила в шпионаже.\n"
        "По словам прокурора, Озолс признал вину."
    )
    assert people(text) == {}


def test_a_former_president_of_the_country_held_there_is_not_held_abroad():
    text = (
        "Суд Армении арестовал бизнесмена, у которого на даче прятался разыскиваемый "
        "полицией экс-президент страны Армен Саркисов.\n"
        "Саркисов был задержан 3 мая в Ереване. Сейчас он находится в тюрьме."
    )
    assert people(text) == {}


def test_a_charge_is_stated_once_without_the_person_or_a_dangling_word():
    text = (
        "Published: 2024-02-10\n"
        "Суд в Минске арестовал задержанного за шпионаж американского гражданина Джона Смита.\n"
        "Смита подозревают в ведении шпионской деятельности и других правонарушениях.\n"
        "Ему также вменяют мошенничество и отмывание денег и"
    )
    (smith,) = people(text).values()
    assert [c.phrase for c in smith.charges] == ["шпионаж", "мошенничество", "отмывание денег"]


def test_a_charge_read_into_a_word_cut_off_at_the_end_is_dropped():
    text = (
        "Published: 2024-02-10\n"
        "Россиянин Олег Рябов задержан в Казахстане 3 февраля по запросу США.\n"
        "Американские власти обвиняют Рябова в незак"
    )
    assert people(text)["Oleg Riabov"].charges == ()


def test_a_weekday_after_last_is_resolved_against_the_publication_date():
    text = (
        "Published: 2018-02-03\n"
        "В минувший вторник Испания выдала США россиянина Илью Носова, "
        "обвиняемого в киберпреступлениях."
    )
    nosov = people(text)["Ilia Nosov"]
    assert [(e.from_country, e.to_country, e.date) for e in nosov.extraditions] == [
        ("ES", "US", "2018-01-30")
    ]


def test_a_foreigner_sent_home_to_face_trial_was_held_by_the_state_that_sent_him():
    text = (
        "Published: 2019-07-26\n"
        "Россия экстрадировала в Турцию гражданина Турецкой Республики Мехмета Йылмаза, "
        "подозреваемого в убийстве.\n"
        "Йылмаз был задержан в Новороссийске в 2018 году."
    )
    yilmaz = next(iter(people(text).values()))
    assert [n.country for n in yilmaz.nationality] == ["TR"]
    assert yilmaz.detaining_country.country == "RU"
    assert yilmaz.status == "extradited"


def test_serving_a_term_is_a_conviction_and_being_accused_is_a_charge():
    text = (
        "Published: 2022-10-13\n"
        "Консул посетил отбывающего заключение в американской тюрьме россиянина Павла Орехова.\n"
        "Речь шла и о содержащемся в сизо журналисте Томе Хилле, который обвиняется в шпионаже."
    )
    found = people(text)
    assert found.pop("Pavel Orekhov").status == "convicted"
    assert [d.status for d in found.values()] == ["charged"]


def test_freed_in_an_exchange_told_before_by_the_state_that_held_them():
    text = (
        "Published: 2025-04-11\n"
        "Россия и США провели в Абу-Даби обмен заключенными.\n"
        "Россия освободила гражданку США и России Анну Белову, осужденную за госизмену.\n"
        "В ответ США освободили гражданина России Игоря Сомова, задержанного на Кипре "
        "в 2023 году по американскому запросу."
    )
    found = people(text)
    assert found["Anna Belova"].status == "exchanged"
    assert found["Anna Belova"].detaining_country.country == "RU"
    assert found["Igor Somov"].detaining_country.country == "US"


def test_arrested_on_a_request_the_arresting_state_holds_the_person():
    text = (
        "Россиянин Денис Орлов арестован в Амстердаме по запросу США.\n"
        "Орлову грозит до 20 лет тюрьмы, если в США докажут его вину.\n"
        "Греция уже начала подготовку выдачи в США россиянина Петра Лаптева, арестованного "
        "на курорте по запросу Вашингтона."
    )
    found = people(text)
    assert found["Denis Orlov"].detaining_country.country == "NL"
    assert found["Petr Laptev"].detaining_country.country == "GR"


def test_a_name_written_surname_first_is_given_in_the_usual_order():
    text = (
        "Published: 2024-03-01\n"
        "Суд в Варшаве арестовал гражданина России Смирнова Алексея по подозрению в шпионаже.\n"
        "Смирнов Алексей задержан 20 февраля. Адвокат Петрова заявила, что обжалует арест."
    )
    assert list(people(text)) == ["Aleksei Smirnov"]
    smirnov = people(text)["Aleksei Smirnov"]
    assert smirnov.name_original_script == "Алексей Смирнов"
    assert "Смирнов Алексей" in smirnov.name_variants


def test_the_handover_procedure_is_the_surrender_and_gives_its_date():
    text = (
        "Published: 2018-02-03\n"
        "Власти Испании выдали США программиста из России Игоря Белова.\n"
        "Полицейские в минувший вторник произвели в аэропорту Мадрида процедуру выдачи США "
        "россиянина Игоря Белова, обвиняемого в киберпреступлениях."
    )
    belov = people(text)["Igor Belov"]
    assert [(e.from_country, e.to_country, e.date) for e in belov.extraditions] == [
        ("ES", "US", "2018-01-30")
    ]


def test_a_consul_named_with_the_post_is_never_taken_for_a_detainee():
    # The consul is the only one named in two sentences about people held: a post of a
    # diplomatic mission still makes him no detainee.
    text = (
        "Published: 2025-05-12\n"
        "Точных данных о россиянах, содержащихся в местных тюрьмах, нет, сообщил "
        "генконсул РФ в Лиссабоне Олег Беляев.\n"
        "Генконсул в Лиссабоне рассказал о россиянах в тюрьмах\n"
        "По словам Беляева, власти не всегда сообщают о задержании россиян, "
        "содержащихся под стражей."
    )
    assert people(text) == {}


def test_staff_of_an_embassy_named_with_their_post_are_officials():
    text = (
        "Published: 2025-05-12\n"
        "Россиянина Игоря Соколова задержали в Польше 3 мая.\n"
        "Сотрудник посольства России Андрей Петров встретился с Соколовым в изоляторе.\n"
        "По словам Петрова, задержанному предъявлено обвинение в шпионаже.\n"
        "Олег Зайцев, сотрудник российского консульства, также навестил Соколова в тюрьме."
    )
    assert list(people(text)) == ["Igor Sokolov"]


def test_a_coach_speaking_of_a_player_is_not_the_one_held_nor_a_lower_case_word_a_name():
    text = (
        "Published: 2025-05-12\n"
        "Главный тренер сборной Сербии Милан Петрович высказался о перспективах Ивана Орлова "
        "в команде.\n"
        "«Мы рады, что увидели Ивана дома», — приводит слова Петровича агентство.\n"
        "Российского хоккеиста задержали в Италии по запросу США 3 марта 2025 года."
    )
    assert list(people(text)) == ["Ivan Orlov"]


def test_a_name_does_not_run_over_a_line_break_or_into_brackets():
    text = (
        "Published: 2025-05-12\n"
        "Консул посетила в СИЗО россиянина Морелли\n\n"
        "Консул посольства в Чехии посетила в СИЗО россиянина Морелли\n\n"
        "Читать на сайте\n"
        "В аэропорту Брно задержан гражданин РФ Александр Морелли.\n"
        "Бизнесмен Михаил Блок (Горвиц) задержан в Израиле по запросу США."
    )
    assert sorted(people(text)) == ["Aleksandr Morelli", "Mikhail Blok"]


def test_coordinated_given_names_share_a_surname_in_the_plural():
    text = (
        "Published: 2025-05-12\n"
        "Суд в Варшаве приговорил супругов Игоря и Марину Ковалевых к двум годам тюрьмы "
        "за шпионаж.\n"
        "Позднее Ковалевых включили в обмен заключенными."
    )
    found = people(text)
    assert sorted(found) == ["Igor Kovalev", "Marina Kovaleva"]
    assert all(d.sentence.years == 2 for d in found.values())


def test_a_foreign_name_with_several_given_names_is_one_person_in_the_nominative():
    text = (
        "Published: 2025-05-12\n"
        "Лоран Дюбуа останется под стражей\n"
        "Суд оставил под стражей гражданина Франции Лорана Клода Жан-Луи Дюбуа.\n"
        "Позже Тревора Рида обменяли на гражданина Франции Лорана Клода Жан-Луи Дюбуа."
    )
    found = people(text)
    dubois = found["Laurent Klod Zhan-lui Dubua"]
    assert dubois.name_original_script == "Лоран Клод Жан-Луи Дюбуа"
    assert "Лоран Дюбуа" in dubois.name_variants
    assert found["Trevor Rid"].name_original_script == "Тревор Рид"
    assert len(found) == 2


def test_charges_after_vo_a_case_and_in_a_comma_list_are_all_read():
    text = (
        "Published: 2025-05-12\n"
        "Россиянин Олег Рябов, экстрадированный из Грузии, обвиняется во взломе "
        "банковских систем.\n"
        "Американские власти подозревают Рябова в отмывании денег, торговле оружием и "
        "незаконной передаче технологий."
    )
    phrases = [c.phrase for c in people(text)["Oleg Riabov"].charges]
    assert phrases == [
        "взлом банковских систем",
        "отмывание денег",
        "торговля оружием",
        "незаконная передача технологий",
    ]


def test_a_criminal_case_names_its_charge_and_opens_a_case_against_the_person():
    text = (
        "Published: 2025-05-12\n"
        "В августе американца Джона Смита задержали в Москве.\n"
        "Следственный комитет возбудил против Смита уголовное дело за нападение на "
        "полицейского (ст. 318 УК РФ).\n"
        "В марте Смита освободили из изолятора под подписку о невыезде."
    )
    smith = people(text)["John Smit"]
    assert [c.phrase for c in smith.charges] == ["нападение на полицейского"]
    assert smith.status == "charged"


def test_an_offence_in_brackets_after_an_article_and_one_of_many_frauds_are_charges():
    text = (
        "Published: 2025-05-12\n"
        "Суд арестовал гражданина Франции Пьера Дюбуа по делу, возбужденному по ч. 2 "
        "ст. 275 УК РФ (государственная измена).\n"
        "Россиянина Петра Орлова задержали в Израиле по запросу США, где его подозревают в "
        "одном из крупнейших криптовалютных мошенничеств, следует из документов суда."
    )
    found = people(text)
    assert [c.phrase for c in found["Per Diubua"].charges] == ["государственная измена"]
    assert [c.phrase for c in found["Petr Orlov"].charges] == ["криптовалютное мошенничество"]


def test_a_charge_stops_before_the_people_accused():
    text = (
        "Published: 2025-05-12\n"
        "Суд в Любляне приговорил Ивана Кольцова к трем годам тюрьмы по делу о шпионаже "
        "супругов Кольцовых."
    )
    assert [c.phrase for c in people(text)["Ivan Koltsov"].charges] == ["шпионаж"]


def test_time_held_a_threat_and_a_term_asked_for_are_not_the_term_imposed():
    text = (
        "Published: 2025-05-12\n"
        "Суд приговорил американца Пола Грина к 13 годам колонии по обвинению в шпионаже; "
        "до суда он провел под стражей полтора года.\n"
        "Прокурор просил приговорить Грина к 18 годам заключения.\n"
        "Грину грозило до 20 лет, из которых 15 лет грозят за сговор."
    )
    green = people(text)["Paul Grin"]
    assert (green.sentence.years, green.sentence.months) == (13, 0)


def test_a_person_described_by_nationality_is_the_one_of_that_nationality():
    # The last one named is the American exchanged for him; "the Russian pilot" is not him.
    text = (
        "Published: 2022-07-06\n"
        "Лётчик Константин Мирошниченко вернулся домой.\n"
        "27 апреля Мирошниченко обменяли на американского студента Тревора Рида.\n"
        "Напомним, российского лётчика задержали в Либерии в мае 2010 года по обвинению в "
        "контрабанде наркотиков. Его доставили в США, где приговорили к 20 годам лишения "
        "свободы."
    )
    found = people(text)
    pilot = found["Konstantin Miroshnichenko"]
    assert [c.phrase for c in pilot.charges] == ["контрабанда наркотиков"]
    assert pilot.sentence.years == 20
    assert found["Trevor Rid"].charges == ()
    assert found["Trevor Rid"].sentence is None


def test_the_one_freed_in_exchange_for_a_named_foreigner_is_exchanged_too():
    text = (
        "Published: 2026-02-27\n"
        "Тренер высказался о возвращении Даниила Касаткина.\n"
        "Российского баскетболиста арестовали в Париже по запросу США в июне 2025 года. "
        "Он вышел на свободу в результате обмена гражданина Франции Лорана Дюбуа."
    )
    found = people(text)
    assert found["Daniil Kasatkin"].status == "exchanged"
    assert found["Laurent Dubua"].status == "exchanged"


def test_a_name_someone_went_by_is_the_real_person_s():
    text = (
        "Published: 2022-10-29\n"
        "Арестованный осенью научный сотрудник, называвший себя исследователем из "
        "Бразилии Жозе Ассиса Сантоса, в действительности является гражданином России "
        "Михаилом Микушевым. Ему предъявлены обвинения в шпионаже."
    )
    found = people(text)
    assert list(found) == ["Mikhail Mikushev"]
    assert "Жозе Ассиса Сантоса" in found["Mikhail Mikushev"].name_variants


def test_an_extradited_person_is_sent_to_the_state_that_holds_them():
    text = (
        "Published: 2025-05-12\n"
        "Суд в Нью-Йорке оставил под стражей экстрадированного из Грузии "
        "гражданина России Андрея Тюлина, которого обвиняют во взломе компьютерных систем."
    )
    (tiulin,) = people(text).values()
    assert tiulin.detaining_country.country == "US"
    assert [(e.from_country, e.to_country) for e in tiulin.extraditions] == [("GE", "US")]


def test_a_relative_the_clause_reports_held_is_the_one_held():
    text = (
        "Published: 2025-05-12\n"
        "В аэропорту Хельсинки задержали россиянку, сообщила её мать Светлана Рогова.\n"
        "Она рассказала, что её дочь Анну Рогову задержали 15 декабря по запросу США."
    )
    assert list(people(text)) == ["Anna Rogova"]


def test_a_given_name_the_dictionary_reads_as_a_common_word_stays_in_the_name():
    # "Миру" reads as a form of "мир"; inside a sentence and before a surname it is a name.
    text = (
        "Published: 2025-05-12\n"
        "Мать рассказала, что её дочь Миру Сато задержали в Хельсинки 15 декабря по "
        "запросу США."
    )
    (mira,) = people(text).values()
    assert mira.name_original_script.endswith("Сато")
    assert len(mira.name_original_script.split()) == 2


def test_co_accused_only_reported_charged_were_never_held():
    text = (
        "Published: 2025-03-04\n"
        "Гражданин России Олег Тарасов, обвиняемый в Канаде в контрабанде, арестован в "
        "Монреале.\n"
        "Обвинения в контрабанде оружия предъявлены также его знакомым Павлу Гуляеву и "
        "Семёну Котову."
    )
    assert list(people(text)) == ["Oleg Tarasov"]


def test_a_surname_that_is_a_common_word_is_a_mention_once_the_full_name_is_found():
    # "Буря" alone reads as a noun; after "Олег Буря" it is his name, and the arrest is his.
    text = (
        "Published: 2025-03-04\n"
        "Программисты Олег Буря и Павел Гуляев обвиняются в США в отмывании денег.\n"
        "Буря был арестован в Нью-Йорке в прошлом году."
    )
    assert list(people(text)) == ["Oleg Buria"]


def test_a_second_surname_used_alone_is_the_same_person():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Москве арестовал гражданина Канады Джона Митчелла Орлова.\n"
        "Митчелл арестован на два месяца. Митчелла обвиняют в контрабанде."
    )
    (john,) = people(text).values()
    assert len(john.name_original_script.split()) == 3


def test_a_relative_named_after_the_one_held_in_the_genitive_is_not_held():
    text = (
        "Published: 2025-03-04\n"
        "Освобождённый из плена моряк Иван Ткачук вернулся в Киев.\n"
        "В аэропорту его встретила дочь бывшего узника Анна Ткачук.\n"
        "Все двенадцать моряков были освобождены и вернулись домой."
    )
    assert list(people(text)) == ["Ivan Tkachuk"]


def test_a_name_alone_on_its_line_is_a_byline_not_one_held():
    text = (
        "В Риге арестован подозреваемый в контрабанде россиянин\n"
        "Ирина Белова\n"
        "Фото: агентство\n"
        "Гражданин России Олег Тарасов арестован в Риге по подозрению в контрабанде."
    )
    assert list(people(text)) == ["Oleg Tarasov"]


def test_the_second_of_two_people_held_together_is_held_whatever_describes_her():
    text = (
        "Published: 2025-03-04\n"
        "В тюрьме с весны находятся двое: фотограф Олег Тарасов и бывшая "
        "сотрудница фонда Смирнова Ирина Белова."
    )
    assert sorted(people(text)) == ["Irina Belova", "Oleg Tarasov"]


def test_held_in_captivity_is_held():
    text = (
        "Published: 2025-03-04\nОлег Тарасов, фотограф из Киева, три года провёл в плену в России."
    )
    (tarasov,) = people(text).values()
    assert tarasov.detaining_country.country == "RU"


def test_a_surrender_with_no_destination_hands_a_person_to_their_only_nationality():
    text = (
        "Published: 2025-03-04\n"
        "В марте Сербия выдала гражданина России Олега Тарасова, которого дома обвиняют в "
        "растрате."
    )
    (tarasov,) = people(text).values()
    assert [(e.from_country, e.to_country) for e in tarasov.extraditions] == [("RS", "RU")]


def test_a_surrender_with_a_requesting_state_is_not_sent_home():
    text = (
        "Published: 2025-03-04\n"
        "Сербия выдала гражданина России Олега Тарасова, задержанного по запросу США."
    )
    (tarasov,) = people(text).values()
    assert [e.to_country for e in tarasov.extraditions] != ["RU"]


def test_a_surname_declined_like_a_noun_is_given_in_its_nominative():
    # The dictionary reads "Сапеги" as a plural noun; the text also writes "Сапега".
    text = (
        "Published: 2025-03-04\n"
        "Суд в Минске приговорил гражданку России Анну Сапегу к шести годам колонии.\n"
        "Адвокат сообщил, что дело Анны Сапеги передано в Верховный суд. Сапега "
        "находится в СИЗО."
    )
    (anna,) = people(text).values()
    assert anna.name_original_script == "Анна Сапега"


def test_a_foreign_name_declined_like_a_noun_is_one_man_in_the_nominative():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Пскове приговорил латвийского таможенника Эрлона Кохмера к десяти годам "
        "колонии.\n"
        "Адвокат намерен обжаловать приговор Эрлону Кохмеру."
    )
    (erlon,) = people(text).values()
    assert erlon.name_original_script == "Эрлон Кохмер"


def charges_of(person):
    return [c.phrase for c in person.charges]


def test_charges_imputed_after_a_name_or_incriminated_are_read():
    text = (
        "Published: 2025-03-04\n"
        "Полиция Австрии задержала гражданина России Олега Тарасова. Тарасову вменяют "
        "уклонение от налогов. Кроме того, ему инкриминируют подделку документов."
    )
    (tarasov,) = people(text).values()
    assert charges_of(tarasov) == ["уклонение от налогов", "подделка документов"]
    assert tarasov.status == "charged"


def test_how_grave_a_crime_is_and_a_frame_restating_a_charge_are_no_new_charges():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Вене приговорил гражданина России Олега Тарасова к пяти годам за отмывание "
        "денег. Суд признал его виновным в участии в отмывании средств. Тарасов обвинялся в "
        "особо тяжком преступлении."
    )
    (tarasov,) = people(text).values()
    assert charges_of(tarasov) == ["отмывание денег"]


def test_articles_named_in_quotes_and_a_charge_after_a_possessive_are_read():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Вене арестовал гражданина России Олега Тарасова. Дело возбуждено по статьям "
        "«Подделка документов» и «Уклонение от налогов». Его также обвиняют в хранении "
        "оружия и его сбыте."
    )
    (tarasov,) = people(text).values()
    assert charges_of(tarasov) == [
        "подделка документов",
        "уклонение от налогов",
        "хранение оружия",
        "сбыт",
    ]


def test_freed_from_custody_to_house_arrest_is_not_released():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Вене перевёл гражданина России Олега Тарасова под домашний арест.\n"
        "В пятницу Олег Тарасов был освобождён из-под стражи; ему предъявлено обвинение в "
        "подделке документов."
    )
    (tarasov,) = people(text).values()
    assert tarasov.status == "charged"


def test_a_term_proposed_and_a_verdict_to_come_are_no_sentence():
    text = (
        "В мае суд Варшавы вынесет приговор гражданину России Олегу Тарасову.\n"
        "Обвинение предлагает суду приговорить Тарасова к восьми годам заключения.\n"
        "Обвиняемый в контрабанде Тарасов с осени содержится под арестом."
    )
    (tarasov,) = people(text).values()
    assert tarasov.sentence is None
    assert tarasov.status == "charged"


def test_the_state_that_insists_on_an_extradition_is_where_it_would_send_them():
    text = (
        "Published: 2025-03-04\n"
        "Гражданка Белоруссии Ирина Белова с января содержится в тюрьме Бишкека. "
        "Минск настаивает на её выдаче."
    )
    (belova,) = people(text).values()
    assert belova.status == "detained"
    assert [(e.status, e.to_country) for e in belova.extraditions] == [("requested", "BY")]


def test_a_person_freed_in_a_story_of_an_exchange_that_took_place_was_exchanged():
    text = (
        "Published: 2025-03-04\n"
        "В субботу состоялся обмен пленными между двумя странами.\n"
        "Моряк Иван Ткачук первым вышел из самолёта.\n"
        "Среди вернувшихся был и писатель Андрей Гончар, освобождённый после пяти лет в "
        "колонии."
    )
    found = people(text)
    assert {p.status for p in found.values()} == {"exchanged"}
    assert "Andrei Gonchar" in found


def test_a_nationality_beside_an_official_s_name_is_the_official_s():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Пскове приговорил гражданина Латвии Яниса Берзиньша к десяти годам колонии.\n"
        "Известный российский журналист Пётр Орлов назвал это решение суровым."
    )
    (janis,) = people(text).values()
    assert [n.country for n in janis.nationality] == ["LV"]


def test_a_colony_on_a_country_s_territory_is_in_that_country():
    text = (
        "Published: 2025-03-04\n"
        "Латвийского таможенника Яниса Берзиньша приговорили к десяти годам; наказание он "
        "отбудет в колонии на территории России. Его семья живёт в Риге."
    )
    (janis,) = people(text).values()
    assert janis.detaining_country.country == "RU"


def test_found_guilty_with_the_person_between_dates_the_sentence():
    text = (
        "Published: 2025-03-06\n"
        "Суд в среду признал латвийского таможенника Яниса Берзиньша по прозвищу Лис виновным "
        "в получении взяток, подделке печатей и вымогательстве и назначил ему десять лет "
        "колонии.\n"
        "Андрея Гончара в конце 2021 года приговорили к четырём годам колонии в Белоруссии."
    )
    dates = {name.split()[0]: p.sentence.date for name, p in people(text).items()}
    assert dates == {"Ianis": "2025-03-05", "Andrei": "2021"}


def test_a_country_adjective_before_a_word_for_one_person_is_a_nationality():
    text = (
        "Published: 2025-03-04\n"
        "Украинская фотографка Анна Ткачук два года провела в плену в России."
    )
    (anna,) = people(text).values()
    assert [n.country for n in anna.nationality] == ["UA"]


def test_a_fine_told_before_the_word_and_a_term_received_are_the_sentence():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Бостоне назначил Олегу Тарасову, гражданину России, 3 года тюрьмы и $20 тыс. "
        "штрафа.\n"
        "Вместе с ним вернулся писатель Андрей Гончар, получивший в Белоруссии 9 лет колонии."
    )
    found = {name.split()[0]: p.sentence for name, p in people(text).items()}
    assert (found["Oleg"].fine_amount, found["Oleg"].fine_currency) == (20000, "USD")
    assert found["Andrei"].years == 9


def test_a_prison_named_by_a_town_or_its_outskirts_is_a_facility():
    text = (
        "Published: 2025-03-04\n"
        "Норвежская прокуратура в понедельник предъявила обвинение в шпионаже Олегу Тарасову "
        "из Мурманска. Его содержат в тюрьме Тромсе.\n"
        "Андрей Гончар уже год находится в следственном изоляторе на окраине Бишкека."
    )
    found = {name.split()[0]: p for name, p in people(text).items()}
    assert found["Oleg"].facility.name == "тюрьма Тромсе"
    assert found["Oleg"].detaining_country.country == "NO"
    assert found["Andrei"].facility.name == "следственный изолятор на окраине Бишкека"


def test_a_nationality_in_quotes_is_one_claimed_not_held():
    text = (
        "Published: 2025-03-04\n"
        "Задержанный в Норвегии «бразилец» оказался россиянином.\n"
        "Гражданин России Олег Тарасов задержан в Тромсе по подозрению в шпионаже."
    )
    (tarasov,) = people(text).values()
    assert [n.country for n in tarasov.nationality] == ["RU"]


def test_one_exchanged_for_a_foreigner_was_held_by_the_foreigner_s_state():
    text = (
        "Published: 2025-03-04\n"
        "Осуждённый в Канаде российский моряк Олег Тарасов вернулся домой.\n"
        "В мае Тарасова обменяли на гражданина Канады Джона Грина в аэропорту Анкары."
    )
    found = people(text)
    assert found["John Grin"].detaining_country.country == "RU"


def test_charges_in_quotes_after_za_are_read_without_the_quotes():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Минске за “оскорбление власти” и “незаконное хранение” боеприпасов приговорил "
        "гражданку России Анну Белову к пяти годам колонии."
    )
    (belova,) = people(text).values()
    assert charges_of(belova) == ["оскорбление власти", "незаконное хранение боеприпасов"]


def test_a_country_adjective_before_an_official_s_title_is_not_the_held_person_s():
    text = (
        "Published: 2025-03-04\n"
        "Гражданин России Олег Тарасов задержан в Майами по подозрению в мошенничестве.\n"
        "Американский адвокат подал апелляцию на его арест."
    )
    (tarasov,) = people(text).values()
    assert [n.country for n in tarasov.nationality] == ["RU"]


def test_a_court_or_a_colony_in_a_russian_region_is_in_russia():
    text = (
        "Published: 2025-03-04\n"
        "Суд в Адыгее приговорил гражданина Франции Жана Дюпона к трём годам колонии.\n"
        "Гражданин Германии Ханс Мюллер содержится в СИЗО-2 Воронежа."
    )
    found = people(text).values()
    assert sorted(p.name_original_script for p in found) == ["Жан Дюпон", "Ханс Мюллер"]
    assert {p.detaining_country.country for p in found} == {"RU"}


def test_a_people_in_the_plural_genitive_after_a_noun_is_not_the_held_person_s_nationality():
    text = (
        "Published: 2025-03-04\n"
        "Полиция Таиланда арестовала гражданина России Олега Тарасова по запросу США.\n"
        "Его подозревают в краже денег с банковских счетов канадцев."
    )
    (tarasov,) = people(text).values()
    assert [n.country for n in tarasov.nationality] == ["RU"]


def test_the_people_named_on_a_photo_credit_line_are_not_held():
    text = (
        "В Таиланде по запросу США задержан россиянин\n\n"
        "Фото © ТАСС/Сергей Белов\n\n"
        "Россиянина Дмитрия Орлова задержали в аэропорту Бангкока, сообщило посольство."
    )
    found = people(text)
    assert list(found) == ["Dmitrii Orlov"]


def test_a_counted_group_in_the_lead_is_the_list_of_names_that_follows():
    # Rare given names that are also words ("Бисер", "Орлин") are read as names in a list of
    # names; the five counted in the lead are the five named after, each of them held.
    text = (
        "В Германии полиция задержала пятерых граждан Сербии по подозрению в шпионаже.\n"
        "Суд в пятницу продлил арест: Орлин Маринов, Бисер Петков, Елена Иванова, Иван "
        "Георгиев и Ваня Стоилова останутся под стражей до лета."
    )
    found = people(text)
    assert sorted(found) == [
        "Biser Petkov",
        "Elena Ivanova",
        "Ivan Georgiev",
        "Orlin Marinov",
        "Vania Stoilova",
    ]
    assert all(d.detaining_country.country == "DE" for d in found.values())
    assert all([n.country for n in d.nationality] == ["RS"] for d in found.values())


def test_a_name_after_a_title_and_a_preposition_is_the_one_met_not_the_official():
    # "Бойко" does not decline, so only the preposition tells the journalist from the consul.
    text = (
        "В Минске задержан украинский журналист Олег Бойко, его обвиняют в шпионаже.\n"
        "Встречался наш консул с Бойко, чтобы узнать условия содержания, сообщил посол "
        "Украины Андрей Мельник."
    )
    assert list(people(text)) == ["Oleg Boiko"]


def test_an_initial_written_against_a_surname_is_no_part_of_the_name():
    from ingest.extractor.ru.nlp import analyse

    text = (
        "Как рассказал генконсул Польши в Бресте Андрей Мельник, задержанных двое.\n"
        "Консул посетил задержанного в СИЗО, - сказал А.Мельник."
    )
    assert [p.text for p in analyse(text).people] == ["Андрей Мельник", "Мельник"]


def test_a_former_name_is_the_same_person():
    text = (
        "В Швеции гражданину России Игорю Сомову, ранее известному как Глеб Лапин, вынесли "
        "приговор в виде шести лет заключения.\n"
        "Под именем Лапина он был внесён в санкционный список."
    )
    found = people(text)
    assert list(found) == ["Igor Somov"]


def test_a_person_named_only_through_a_monument_is_no_one_in_the_story():
    text = (
        "Суд Казани постановил оштрафовать уроженца Молдавии Петра Лунгу, который разбил "
        "бюст Ивану Крылову.\n"
        "Лунгу был признан виновным в мелком хулиганстве."
    )
    found = people(text)
    assert list(found) == ["Petr Lungu"]
    assert found["Petr Lungu"].status == "convicted"


def test_a_person_named_by_a_street_or_a_hospital_is_no_one_in_the_story():
    text = (
        "Гражданина Литвы Йонаса Валайтиса задержали на улице Николая Гоголя.\n"
        "Его доставили в больницу имени Сергея Боткина под охраной."
    )
    assert list(people(text)) == ["Ionas Valaitis"]


def test_a_name_given_by_the_words_by_the_name_of_is_the_person():
    text = "В аэропорту задержана гражданка Японии по имени Сато Юки 1990 года рождения."
    assert len(people(text)) == 1


def test_the_reporter_of_an_agency_dateline_is_not_held():
    text = (
        "ХАНОЙ, 3 марта. /Корр. ТАСС Олег Сидоренко/. Более 40 россиян в этом году были "
        "депортированы из Вьетнама за нарушение визового режима."
    )
    assert people(text) == {}


def test_a_reporter_freed_in_a_prisoner_exchange_is_the_one_held():
    text = (
        "Published: 2024-05-02\n"
        "В рамках обмена пленными домой вернулся украинский журналист Тарас Мельничук.\n"
        "Россияне задержали его под Херсоном осенью 2022 года."
    )
    found = people(text)
    assert list(found) == ["Taras Melnichuk"]
    assert found["Taras Melnichuk"].status == "exchanged"
    assert [n.country for n in found["Taras Melnichuk"].nationality] == ["UA"]


def test_demonyms_of_either_sex_and_of_central_asia_and_the_middle_east_give_nationality():
    cases = {
        "В Стамбуле задержали кыргызстанку Айгуль Токтогулову.": "KG",
        "В Ереване задержан таджикистанец Рустам Назаров.": "TJ",
        "Полиция Дубая арестовала сирийца Самира Хаддада.": "SY",
        "В Бангкоке задержана японка Юми Сато.": "JP",
        "Суд Варшавы арестовал пакистанского бизнесмена Имрана Каюма.": "PK",
    }
    for sentence, code in cases.items():
        (detainee,) = people(sentence).values()
        assert [n.country for n in detainee.nationality] == [code], sentence


def test_a_chechen_is_a_russian_national():
    text = "В Алматы задержан чеченский блогер Ислам Давлетов, Москва требует его выдачи."
    (detainee,) = people(text).values()
    assert [n.country for n in detainee.nationality] == ["RU"]
    assert detainee.detaining_country.country == "KZ"


def test_words_before_one_name_do_not_describe_the_next_one_named():
    text = (
        "В изоляторе Бишкека находятся двое: казахстанский активист Ерлан Сейтов и "
        "бывшая сотрудница фонда Каверина Ольга Дёмина."
    )
    found = people(text)
    assert [n.country for n in found["Erlan Seitov"].nationality] == ["KZ"]
    assert not found["Olga Demina"].nationality


def test_a_country_s_adjective_before_a_plural_noun_describes_the_names_joined_after_it():
    text = (
        "Суд в Варшаве приговорил российских альпинистов Игоря и Марину Белкиных к трём "
        "годам тюрьмы."
    )
    found = people(text)
    assert sorted(found) == ["Igor Belkin", "Marina Belkina"]
    for detainee in found.values():
        assert [n.country for n in detainee.nationality] == ["RU"]


def test_a_date_before_a_participle_describing_the_person_dates_the_sentence_s_verb():
    text = (
        "Published: 2024-04-20\n"
        "3 марта задержанного в Праге украинца Олега Коваля экстрадировали в США, где его "
        "обвиняют в мошенничестве."
    )
    (detainee,) = people(text).values()
    (extradition,) = detainee.extraditions
    assert extradition.to_country == "US"
    assert extradition.date == "2024-03-03"


def test_a_prison_named_by_its_town_a_latin_name_or_a_body_is_a_facility():
    cases = {
        "Консул посетил гражданина России Павла Орлова в тюрьме Тампере.": "Тампере",
        "Россиянин Павел Орлов содержится в тюрьме Eastern Valley Detention Center.": (
            "Eastern Valley Detention Center"
        ),
        "Гражданин Латвии Павел Орлов задержан и находится в следственном изоляторе КГБ "
        "Белоруссии.": "КГБ Белоруссии",
        "Гражданин Казахстана Павел Орлов задержан и помещён в центр временного содержания "
        "Иммиграционного бюро.": "центр временного содержания",
    }
    for sentence, part in cases.items():
        (detainee,) = people(sentence).values()
        assert detainee.facility is not None and part in detainee.facility.name, sentence


def test_a_country_s_prison_is_no_named_facility():
    text = "Россиянин Павел Орлов арестован и отбывает срок в тюрьме США за мошенничество."
    (detainee,) = people(text).values()
    assert detainee.facility is None


def test_a_foreigner_executed_abroad_was_sentenced_to_death():
    text = (
        "Published: 2024-05-02\n"
        "На прошлой неделе в Ираке казнён за контрабанду оружия гражданин Финляндии "
        "Юсси Лааксонен."
    )
    (detainee,) = people(text).values()
    assert detainee.status == "convicted"
    assert detainee.sentence is not None and detainee.sentence.death
    assert detainee.charges and "контрабанда" in detainee.charges[0].phrase


def test_every_name_of_a_list_joined_by_a_tak_zhe_or_with_an_age_shares_the_verb():
    before = (
        "Published: 2024-05-02\n"
        "Граждане Финляндии Пекка Виртанен и Матти Корхонен, а также 45-летний Юхани Лехтонен "
        "были арестованы в Ираке по обвинению в шпионаже."
    )
    assert set(people(before)) == {"Pekka Virtanen", "Matti Korkhonen", "Iukhani Lekhtonen"}
    after = (
        "Published: 2024-05-02\n"
        "В ходе обмена были освобождены двое граждан Финляндии — 30-летний Пекка Виртанен "
        "и 28-летний Матти Корхонен."
    )
    assert set(people(after)) == {"Pekka Virtanen", "Matti Korkhonen"}


def test_servicemen_of_a_country_before_a_dash_and_a_list_are_its_nationals():
    text = (
        "Published: 2024-05-02\n"
        "Вчера в результате обмена были освобождены двое военнослужащих Эстонии — 30-летний "
        "Пеэтер Тамм и 28-летний Андрус Саар."
    )
    found = people(text)
    assert set(found) == {"Peeter Tamm", "Andrus Saar"}
    for detainee in found.values():
        assert [n.country for n in detainee.nationality] == ["EE"]


def test_servicemen_of_a_country_who_hold_someone_give_him_no_nationality():
    text = "Published: 2024-05-02\nВоенные Эстонии задержали на границе туриста Ивана Лосева."
    (detainee,) = people(text).values()
    assert detainee.nationality == ()


def test_a_foreign_surname_in_an_oblique_case_is_the_same_person():
    # "Кельта", "Кельту": a soft-stem surname the dictionary does not know, declined.
    text = (
        "Published: 2023-04-02\n"
        "Консул навестил в тюрьме Таллина Бориса Кельта, задержанного в прошлом году.\n"
        "Консул передал Борису Кельту письма от семьи.\n"
        "Россиянин Борис Кельт обвиняется в контрабанде."
    )
    found = people(text)
    assert list(found) == ["Boris Kelt"]


def test_a_foreign_given_name_the_dictionary_only_guesses_is_read_in_the_surname_s_case():
    from ingest.extractor.ru.nlp import analyse
    from ingest.extractor.ru.people import nominative_name

    analysis = analyse("Суд приговорил Дерека Хогана вместе с Уэйлоном Гринвудом.")
    names = [nominative_name(span) for span in analysis.people]
    assert "Уэйлон Гринвуд" in names


def test_a_middle_name_he_goes_by_is_the_same_person():
    text = (
        "Published: 2023-05-11\n"
        "Гражданин США Дэниел Харпер задержан в КНДР за нарушение правил въезда.\n"
        "Ранее сообщалось о задержании 30-летнего Стивена Дэниела Харпера на границе."
    )
    found = people(text)
    assert len(found) == 1


def test_who_signs_a_pardon_is_no_detainee():
    text = (
        "Published: 2023-06-01\n"
        "Гражданка Латвии Илзе Озола, осуждённая в Москве на восемь лет, освобождена.\n"
        "Указ о её помиловании подписал Олег Тарасов, сообщили в Кремле."
    )
    found = people(text)
    assert list(found) == ["Ilze Ozola"]


def test_the_head_of_a_regime_and_a_politician_are_officials():
    text = (
        "Published: 2023-06-02\n"
        "Американец Брент Коллинз освобождён из тюрьмы после встречи с Хуаном Ламберто.\n"
        "Режим Ламберто обвинял Коллинза в шпионаже.\n"
        "В обменный список вошёл также политик Богдан Мельничук."
    )
    found = people(text)
    assert list(found) == ["Brent Kollinz"]


def test_the_victim_of_the_attempt_is_not_held():
    text = (
        "Published: 2023-06-03\n"
        "В Стамбуле задержан гражданин России Пётр Глушков.\n"
        "Его подозревают в организации покушения на полковника Игоря Дронова, задержанного "
        "ранее."
    )
    found = people(text)
    assert list(found) == ["Petr Glushkov"]


def test_a_correspondent_marked_by_the_newspaper_s_sign_is_not_held():
    text = (
        "Published: 2023-06-04\n"
        "Освобождённых из-под ареста в Ливии моряков в аэропорту встречал ОЛЕГ Ъ-ГРОМОВ.\n"
        "Капитан Андрей Лыков провёл под арестом в Ливии три месяца."
    )
    found = people(text)
    assert list(found) == ["Andrei Lykov"]


def test_a_name_set_off_by_commas_after_a_title_holds_the_title():
    text = (
        "Published: 2023-06-05\n"
        "Суд в Бостоне приговорил россиянина Павла Сомова к двум годам заключения.\n"
        "Адвокат подсудимого, Джейсон Уорд, сообщил, что осуждённый не будет обжаловать "
        "приговор."
    )
    found = people(text)
    assert list(found) == ["Pavel Somov"]


def test_a_short_given_name_and_a_latin_spelling_are_the_same_official():
    text = (
        "Published: 2023-06-06\n"
        "Четверо американцев, задержанных в Никарагуа, освобождены.\n"
        "«Спасибо Майку Доусону за работу», — написал президент.\n"
        "Спецпосланник Майкл Доусон прилетел в Манагуа.\n"
        "— Michael Dawson (@envoy) June 1, 2023"
    )
    found = people(text)
    assert found == {}


def test_given_names_listed_after_a_family_s_plural_surname_are_one_person_each():
    text = (
        "Published: 2023-07-01\n"
        "Члены семьи Сорокиных — Глеб, его жена Вера и дочь Полина — задержаны в Перу.\n"
        "Сорокины были приговорены к пяти годам заключения."
    )
    found = people(text)
    assert set(found) == {"Gleb Sorokin", "Vera Sorokina", "Polina Sorokina"}
    assert {d.status for d in found.values()} == {"convicted"}


def test_one_named_only_as_the_speaker_of_a_quote_is_a_source():
    text = (
        "Published: 2023-07-02\n"
        "«Вся семья теперь находится под стражей», — сказал Карпенко.\n"
        "Россиянин Василий Рощин задержан в Боливии."
    )
    found = people(text)
    assert list(found) == ["Vasilii Roshchin"]


def test_an_exchange_told_by_its_noun_is_the_status_of_every_name_after_it():
    text = (
        "Published: 2023-07-03\n"
        "Обмен Олега Дронова и Семёна Лапина на Андрея Гусака состоялся в среду.\n"
        "Дронов и Лапин были осуждены в Киеве, Гусак был осуждён в Москве."
    )
    found = people(text)
    assert {name: d.status for name, d in found.items()} == {
        "Oleg Dronov": "exchanged",
        "Semen Lapin": "exchanged",
        "Andrei Gusak": "exchanged",
    }


def test_a_hand_over_in_an_exchange_of_prisoners_is_no_extradition():
    text = (
        "Published: 2023-08-01\n"
        "Две страны провели обмен пленными при посредничестве Катара.\n"
        "Первой стороне выдали 40 человек, среди которых офицеры Роман Глотов («Гром»), "
        "Илья Сазонов («Сокол») и Тарас Климчук («Вихрь»)."
    )
    found = people(text)
    assert set(found) == {"Roman Glotov", "Ilia Sazonov", "Taras Klimchuk"}
    assert {d.status for d in found.values()} == {"exchanged"}
    assert all(not d.extraditions for d in found.values())


def test_a_pardon_asked_for_is_no_release():
    text = (
        "Published: 2023-08-02\n"
        "Гражданин Малайзии Рамеш Кумар был приговорён к смертной казни в Сингапуре.\n"
        "Правозащитники не раз обращались с просьбами о помиловании осуждённого."
    )
    found = people(text)
    assert found["Ramesh Kumar"].status == "convicted"


def test_a_fine_the_accused_faces_is_no_sentence():
    text = (
        "Published: 2023-09-01\n"
        "Экстрадированный в США гражданин Эстонии Марек Тамм не признал вину в суде.\n"
        "Ему грозит до 15 лет заключения, а также штраф в размере 500 тысяч долларов."
    )
    found = people(text)
    marek = found["Marek Tamm"]
    assert marek.status == "extradited"
    assert marek.sentence is None


def test_a_country_handing_a_man_to_another_s_side_extradites_him():
    text = (
        "Published: 2023-09-02\n"
        "В Стамбуле задержан и передан американской стороне гражданин Грузии Леван Беридзе."
    )
    found = people(text)
    assert found["Levan Beridze"].status == "extradited"


def test_a_convict_handed_over_to_serve_at_home_is_not_extradited():
    text = (
        "Published: 2023-09-03\n"
        "Осуждённую в Китае за контрабанду Ольгу Зотову передали властям России для "
        "отбывания срока на родине."
    )
    found = people(text)
    zotova = found["Olga Zotova"]
    assert zotova.status == "convicted"
    assert not zotova.extraditions


def test_a_national_expelled_and_handed_to_his_own_state_was_deported():
    text = (
        "Published: 2023-09-04\n"
        "Власти Венесуэлы передали американского моряка Джона Беннета представителям США.\n"
        "Венесуэльские власти приняли решение выдворить Беннета из страны за незаконный "
        "въезд."
    )
    found = people(text)
    kyle = found["John Bennet"]
    assert kyle.status == "deported"
    assert kyle.detaining_country.country == "VE"


def test_a_surname_in_a_soft_sign_alone_in_an_oblique_case_is_a_mention_of_him():
    text = (
        "Published: 2023-09-05\n"
        "Власти Эстонии задержали Бориса Кельта на границе.\n"
        "Адвокаты Кельта обжаловали арест."
    )
    found = people(text)
    assert list(found) == ["Boris Kelt"]
    assert [m.text for m in found["Boris Kelt"].mentions] == ["Бориса Кельта", "Кельта"]


def test_one_accused_abroad_whose_extradition_is_fought_is_detained():
    text = (
        "Published: 2023-10-01\n"
        "В Вене арестован россиянин Игнат Блинов, обвиняемый в США в мошенничестве.\n"
        "Защита пытается предотвратить его экстрадицию."
    )
    found = people(text)
    assert found["Ignat Blinov"].status == "detained"


def test_an_acquittal_is_a_release():
    text = (
        "Published: 2023-10-02\n"
        "Гражданину России Тимуру Карпову предъявили обвинение в шпионаже в Норвегии.\n"
        "Суд Осло оправдал Карпова по всем пунктам."
    )
    found = people(text)
    assert found["Timur Karpov"].status == "released"


def test_a_fine_after_a_turn_from_the_threat_is_the_sentence():
    """The threat's fine is no sentence; a fine the court chose after "но" is."""
    threatened = (
        "Published: 2024-02-01\n"
        "Гражданину Литвы Йонасу Пятрайтису, задержанному в Минске, грозит до 10 лет лишения "
        "свободы, а также штраф в размере 5 тысяч долларов."
    )
    assert people(threatened)["Ionas Piatraitis"].sentence is None
    fined = (
        "Published: 2024-02-01\n"
        "Гражданину Литвы Йонасу Пятрайтису грозило до 10 лет лишения свободы, но суд в Минске "
        "ограничился штрафом в размере 5 тысяч долларов."
    )
    record = people(fined)["Ionas Piatraitis"]
    assert (record.sentence.fine_amount, record.sentence.fine_currency) == (5000.0, "USD")
    assert record.status == "convicted"


def _codes(record):
    return [n.country for n in record.nationality]


def test_a_description_quoted_just_before_a_name_gives_the_nationality():
    text = (
        "Власти Чили отказались выдать Перу «русского шпиона-нелегала» Аркадия Мельникова.\n"
        "Мельников задержан в Сантьяго в прошлом году."
    )
    assert _codes(people(text)["Arkadii Melnikov"]) == ["RU"]


def test_a_demonym_set_off_by_a_comma_before_a_name_gives_the_nationality():
    text = (
        "Суд в Лиме приговорил двоих иностранцев к восьми годам тюрьмы за контрабанду.\n"
        "Второй осуждённый канадец, Мартин Фэйрчайлд, работал в порту гидом."
    )
    assert _codes(people(text)["Martin Feirchaild"]) == ["CA"]


def test_a_demonym_after_a_dash_behind_a_name_gives_the_nationality():
    text = (
        "В Ташкенте задержан Бекжан Турсунов. Бекжан Турсунов — казахстанец, который "
        "три года работал на стройке в пригороде."
    )
    assert _codes(people(text)["Bekzhan Tursunov"]) == ["KZ"]


def test_a_demonym_before_another_name_in_a_list_is_not_the_first_one_s():
    text = "В Стамбуле задержаны Ахмет Дуран, британец Оливер Гримшоу и Кемаль Акын."
    found = people(text)
    assert _codes(found["Akhmet Duran"]) != ["GB"]


def test_the_people_s_adjective_russian_reads_as_the_state_s():
    text = "Русский путешественник Игнат Полозов задержан в Гаване за просроченную визу."
    assert _codes(people(text)["Ignat Polozov"]) == ["RU"]


def test_a_state_s_own_citizen_is_of_the_state_that_acts():
    text = (
        "Латвия экстрадировала в Канаду своего гражданина Игоря Смолина, обвиняемого в "
        "отмывании денег. Канадские власти предъявили Смолину обвинение."
    )
    assert _codes(people(text)["Igor Smolin"]) == ["LV"]


def test_a_nickname_is_the_same_person():
    text = (
        "Русский путешественник Игнат Полозов по прозвищу Сыч задержан на Кубе.\n"
        "По словам полиции, Сыча задержали в отеле."
    )
    assert list(people(text)) == ["Ignat Polozov"]


def test_an_arrest_in_absentia_at_home_is_no_custody_status():
    text = (
        "Русский путешественник Игнат Полозов задержан на Кубе из-за просроченной визы.\n"
        "Ранее Полозов был заочно арестован в России по обвинению в мошенничестве."
    )
    assert people(text)["Ignat Polozov"].status == "detained"


def test_a_prison_named_after_a_town_with_its_state_after_it_is_the_facility():
    text = (
        "Консул посетил отбывающего срок в тюрьме Ортона в штате Огайо российского "
        "инженера Фёдора Ладыгина."
    )
    assert "Ортона" in people(text)["Fedor Ladygin"].facility.name


def test_a_prison_named_before_the_end_of_its_clause_is_the_facility():
    text = (
        "Гражданин Латвии Эдгар Калниньш, находящийся в тюрьме Бельтрана, выступал перед "
        "судом Мадрида по видеосвязи."
    )
    assert "Бельтрана" in people(text)["Edgar Kalninsh"].facility.name


def test_a_town_s_prison_after_the_abbreviation_for_town_is_the_facility():
    text = "Россиянин Павел Ерохин содержится в тюрьме г.Ларедо, шт.Техас, сообщило посольство."
    assert "Ларедо" in people(text)["Pavel Erokhin"].facility.name


def _phrases(record):
    return [c.phrase for c in record.charges]


def test_a_word_of_doubt_before_a_charge_is_not_part_of_it():
    text = (
        "Гражданина Эстонии Тыниса Ээка задержали в Баку. Его обвиняют в якобы "
        "незаконном вывозе редких монет из страны."
    )
    assert _phrases(people(text)["Tynis Eek"]) == ["незаконный вывоз редких монет из страны"]


def test_people_in_the_dative_after_a_charge_lead_are_not_the_charge():
    text = (
        "Гражданин Эстонии Тынис Ээк задержан в Баку по обвинению в контрабанде монет.\n"
        "Обвинение, которое вменяют эстонским нумизматам, адвокаты считают надуманным."
    )
    assert _phrases(people(text)["Tynis Eek"]) == ["контрабанда монет"]


def test_committing_a_crime_defined_by_an_article_is_no_charge_but_its_name_is():
    text = (
        "Суд в Ереване признал гражданина Грузии Зураба Кикнадзе виновным в совершении "
        "преступления, предусмотренного статьей 305 УК РА (контрабанда оружия), и приговорил "
        "его к шести годам колонии."
    )
    assert _phrases(people(text)["Zurab Kiknadze"]) == ["контрабанда оружия"]


def test_a_life_term_in_prison_words_is_a_life_sentence_dated_with_its_verb():
    text = (
        "Published: 2021-03-12\n"
        "Двое граждан Казахстана Ерлан Сабитов и Нурлан Жаксылыков были приговорены "
        "накануне в Дубае к пожизненному тюремному заключению за торговлю оружием."
    )
    record = people(text)["Erlan Sabitov"]
    assert record.sentence.life
    assert record.sentence.date == "2021-03-11"


def test_citizens_in_the_plural_of_a_later_clause_are_others():
    text = (
        "Кроме штурмана Олега Рябова, на борту были граждане Армении и Грузии.\n"
        "Рябов, гражданин России, задержан в Дакаре."
    )
    assert _codes(people(text)["Oleg Riabov"]) == ["RU"]


def test_a_name_ending_a_line_and_a_name_opening_the_next_are_not_one_name():
    # A photo caption ends on the name in the genitive; the next paragraph opens on it in
    # the nominative. Read as one, the person came out with the name twice.
    text = (
        "Суд в Вильнюсе продлил арест гражданину Казахстана Тимуру Касыму.\n"
        "© Страница Тимура Касыма\n"
        "Тимур Касым был задержан в Литве в январе по подозрению в контрабанде."
    )
    found = people(text)
    assert list(found) == ["Timur Kasym"]
    assert all("Касым Тимур" not in v for v in found["Timur Kasym"].name_variants)


def test_a_governments_decision_to_extradite_names_the_surrendering_state():
    # "правительства Чехии" reads as genitive, dative or locative alike; the organ decides.
    text = (
        "Посольство узнало о решении правительства Чехии выдать Америке инженера Ивана "
        "Лосева из Томска.\n"
        "Лосев был выдан США 30 марта 2018 года."
    )
    (done,) = people(text)["Ivan Losev"].extraditions
    assert (done.from_country, done.to_country, done.date) == ("CZ", "US", "2018-03-30")


def test_the_one_people_a_story_names_in_the_plural_is_its_unplaced_peoples_nationality():
    text = (
        "В Пекине казнены трое словаков.\n"
        "Суд в Пекине приговорил трех словаков к смерти за контрабанду героина. "
        "Иван Лосев и Петр Гусев, а также Олег Сомов были казнены в среду."
    )
    found = people(text)
    assert {name: [n.country for n in d.nationality] for name, d in found.items()} == {
        "Ivan Losev": ["SK"],
        "Petr Gusev": ["SK"],
        "Oleg Somov": ["SK"],
    }


def test_the_people_a_story_names_is_never_the_holders_own():
    own = (
        "Китайцы протестуют против казней.\n"
        "Китайцы вышли на улицы после того, как власти Китая казнили Ивана Лосева в Пекине."
    )
    assert people(own)["Ivan Losev"].nationality == ()


def test_a_governments_decision_not_to_extradite_is_no_extradition():
    text = (
        "Правительство Чехии приняло решение не экстрадировать в США инженера Ивана Лосева, "
        "задержанного в Праге."
    )
    assert people(text)["Ivan Losev"].extraditions == ()


def test_a_compound_post_before_a_name_marks_an_official():
    text = (
        "Накануне арестованных литовцев посетил министр-советник посольства Литвы Йонас "
        "Петраускас.\n"
        "Литовец Витаутас Казлаускас задержан в Минске по подозрению в контрабанде."
    )
    found = people(text)
    assert "Vitautas Kazlauskas" in found
    assert not any("Petrauskas" in name for name in found)


def test_a_prison_named_by_its_country_alone_is_custody_but_no_facility():
    text = (
        "Россиянку Ольгу Жукову год держали во вьетнамской тюрьме, теперь она дома.\n"
        "Гражданин Армении Фёдор Гаврилов отбывает срок в краснодарском СИЗО."
    )
    found = people(text)
    assert found["Olga Zhukova"].facility is None
    assert found["Fedor Gavrilov"].facility.name == "краснодарский СИЗО"


def test_a_regime_between_a_prison_and_its_name_keeps_the_name():
    text = (
        "Гражданин России Денис Осипов отбывает наказание в тюрьме особого режима "
        "Кленовая в Канаде.\n"
        "Россиянин Роман Титов отбывает срок в колонии строгого режима в Казахстане."
    )
    found = people(text)
    assert found["Denis Osipov"].facility.name == "тюрьма особого режима Кленовая"
    assert found["Roman Titov"].facility is None


def test_a_country_adjective_before_plural_people_names_the_story_s_people():
    # Said once with a demonym and once with an adjective: enough to tell who the people
    # listed later are, when nothing about them says it.
    text = (
        "Глава МИД Эстонии Пеэтер Варес назвал арест провокацией.\n"
        "В изоляторе в Ереване находятся трое эстонских туристов.\n"
        "Задержанных эстонцев навестил консул Эстонии Калев Пыльд.\n"
        "Он сообщил, что в СИЗО находятся Тоомас Каск, Юри Тамм и Андрес Саар."
    )
    found = people(text)
    assert {n.country for n in found["Andres Saar"].nationality} == {"EE"}
    assert {n.country for n in found["Iuri Tamm"].nationality} == {"EE"}


def test_a_bare_remand_prison_is_the_one_named_just_before():
    text = (
        "Консул Молдавии Павел Чобану навестил в следственном изоляторе Управления полиции "
        "Тбилиси двоих задержанных граждан Молдавии.\n"
        "Он сообщил, что в СИЗО находятся Сергей Лунгу и Вадим Чебан."
    )
    found = people(text)
    for name in ("Vadim Cheban", "Sergei Lungu"):
        assert found[name].facility.name.startswith("следственный изолятор Управления")


def test_a_bare_remand_prison_far_from_any_named_one_stays_unnamed():
    text = (
        "Консул Молдавии Павел Чобану навестил в следственном изоляторе Управления полиции "
        "Тбилиси двоих задержанных граждан Молдавии.\n"
        "Суд продлил им арест.\n"
        "Адвокаты подали жалобу.\n"
        "Прокуратура ответила через месяц.\n"
        "Консул сообщил, что в СИЗО находятся Сергей Лунгу и Вадим Чебан."
    )
    assert people(text)["Vadim Cheban"].facility is None


def test_freedom_given_in_exchange_is_an_exchange_and_the_others_are_not_his_people():
    text = (
        "Гражданин Египта Карим Хассан, осуждённый в Дании за поджог, получил свободу "
        "в обмен на трёх датских граждан, которых держали в Каире."
    )
    hassan = people(text)["Karim Khassan"]
    assert hassan.status == "exchanged"
    assert [n.country for n in hassan.nationality] == ["EG"]


def test_what_the_regime_and_people_rules_leave_alone():
    # After a regime, a country in the genitive or a person's name is no prison's name.
    text = (
        "Гражданин Литвы Йонас Каспарас отбывает срок в колонии строгого режима Белоруссии.\n"
        "В колонии строгого режима Пятрас Вайткус провёл три года."
    )
    found = people(text)
    assert found["Ionas Kasparas"].facility is None
    # Servicemen of a country who detain people are its captors, not the people held.
    text = (
        "Иранские военные задержали троих иностранцев.\n"
        "Иранские военные передали их суду.\n"
        "Сейчас в СИЗО находятся Тоомас Каск и Андрес Саар."
    )
    assert all(not d.nationality for d in people(text).values())


def test_all_of_them_are_those_just_named_and_a_name_in_brackets_is_the_same_person():
    text = (
        "Published: 2024-05-02\n"
        "Самолёт с четырьмя осуждёнными в Канаде прибыл в Минск. Этим рейсом прибыли Олег "
        "Карпенко, Йозеф Новак (Иван Лукашов) и Дарья Кравец. Ранее все они признали вину в "
        "суде Торонто и были высланы из Канады для обмена."
    )
    found = people(text)
    assert sorted(found) == ["Daria Kravets", "Ivan Lukashov", "Oleg Karpenko"]
    assert {d.status for d in found.values()} == {"exchanged"}
    assert "Йозеф Новак" in found["Ivan Lukashov"].name_variants


def test_what_the_all_of_them_rule_leaves_alone():
    # "все они" with one person named before is that person's sentence as it was.
    text = (
        "Published: 2024-05-02\n"
        "В Минске задержан гражданин Литвы Йонас Каспарас. Все они, по словам МИД, будут "
        "освобождены через неделю."
    )
    assert [d.status for d in people(text).values()] == ["detained"]


def test_what_the_bracket_and_exchange_rules_leave_alone():
    # The name the story repeats is the person's, whichever is in brackets.
    text = (
        "В Риге задержан гражданин России Вадим Красиков (Вадим Соколов). Красикову предъявлено "
        "обвинение в шпионаже. Красиков отрицает вину."
    )
    assert list(people(text)) == ["Vadim Krasikov"]
    # An exchange of experience is no trade of people.
    text = "Олег Карпенко, приехавший в Минск для обмена опытом, был выслан из Беларуси."
    assert [d.status for d in people(text).values()] == ["deported"]
