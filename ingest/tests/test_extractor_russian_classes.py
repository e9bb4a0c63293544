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
        "Ведомству Сергея Лаврова безразлична судьба россиян, сидящих в тюрьмах за рубежом.\n"
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
        "Суд Армении арестовал предпринимателя, в доме которого скрывался находившийся в "
        "розыске экс-президент страны Армен Саркисов.\n"
        "Саркисов был задержан 3 мая в Ереване. Сейчас он находится в тюрьме."
    )
    assert people(text) == {}
