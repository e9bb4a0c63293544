"""How the extractor reads the end of a detention: releases told as a homecoming or a handover,
as a return one "was able" to make, as a flight back to one's country or as a release that "was
agreed", people named in a list after a swap, a release that was a stage of a hostage exchange,
pending extraditions, and nationals held by an occupying force inside their own country."""

import datetime as dt

from ingest.extractor import extract, to_record

MONDAY = dt.date(2024, 5, 20)


def records(text: str) -> dict[str, dict]:
    return {d.name: to_record(d) for d in extract(text, MONDAY).detainees}


def test_handover_to_own_country_is_a_release_not_an_extradition():
    text = (
        "Authorities in Laos have freed two Vietnamese loggers who had been held in Attapeu "
        "since January on charges of illegal logging.\n\n"
        "Tran Van Hieu and Le Minh Quang were handed over to Vietnamese officials at the Bo Y "
        "border gate on Saturday, the foreign ministry in Hanoi said."
    )
    found = records(text)
    assert set(found) == {"Tran Van Hieu", "Le Minh Quang"}
    for record in found.values():
        assert record["status"] == "released"
        assert record["detaining_country"] == "LA"
        assert record["extradition"] is None


def test_flown_home_after_detention_is_a_release():
    text = (
        "A Canadian engineer who spent three months in a jail in Tbilisi over a road accident "
        "has been flown home, his family said.\n\n"
        "Martin Delacroix was arrested in February after a crash that injured a pedestrian. "
        "He was flown home to Montreal on Sunday after prosecutors dropped the case."
    )
    (record,) = records(text).values()
    assert record["name"] == "Martin Delacroix"
    assert record["status"] == "released"
    assert record["detaining_country"] == "GE"


def test_returning_home_is_no_detention_in_a_story_without_one():
    text = (
        "The Irish cyclist Aoife Brennan returned home to Galway on Sunday after winning the "
        "stage race in Slovenia, where she finished ahead of two Italian riders."
    )
    assert records(text) == {}


def test_people_named_in_a_list_after_a_swap_were_exchanged():
    text = (
        "Armenia and Azerbaijan exchanged prisoners at the border on Friday in a deal brokered "
        "by the European Union.\n\n"
        "Among those freed were Armen Petrosyan, a shepherd detained in 2021 after he strayed "
        "across the line, and Gagik Sargsyan, who had been sentenced to 15 years in Baku.\n\n"
        "Also freed was Vardan Hakobyan, a soldier captured in 2020."
    )
    found = records(text)
    assert {"Armen Petrosyan", "Gagik Sargsyan", "Vardan Hakobyan"} <= set(found)
    for name in ("Armen Petrosyan", "Gagik Sargsyan", "Vardan Hakobyan"):
        assert found[name]["status"] == "exchanged"


def test_list_far_from_any_swap_ties_nobody():
    text = (
        "Police in Lagos arrested several foreign nationals on Tuesday.\n\n"
        "They included a Ghanaian trader, Kwame Boateng, who is accused of fraud.\n\n"
        "The city has seen a rise in online scams, officials said."
    )
    found = records(text)
    assert found.get("Kwame Boateng", {}).get("status") != "exchanged"


def test_national_held_by_an_occupying_force_in_their_own_country():
    text = (
        "Georgian farmer Davit Beridze was detained by Russian forces near the village of "
        "Khurvaleti in occupied South Ossetia on Thursday, Georgia's security service said.\n\n"
        "Beridze was accused of illegally crossing the border and is being held in Tskhinvali."
    )
    (record,) = records(text).values()
    assert record["nationality"] == ["GE"]
    assert record["detaining_country"] == "RU"


def test_national_held_at_home_without_occupation_is_not_a_detainee_abroad():
    text = (
        "Georgian police detained a Georgian farmer, Davit Beridze, in Gori on Thursday on "
        "suspicion of fraud, the interior ministry said."
    )
    assert records(text) == {}


def test_approved_extradition_is_no_extradition_in_the_record():
    text = (
        "A court in Warsaw on Monday approved a German request to extradite Ukrainian citizen "
        "Oleh Savchuk, who is accused of fraud.\n\n"
        "Savchuk was arrested in Poland in March and remains in custody in Warsaw. His lawyer "
        "said he would appeal."
    )
    (record,) = records(text).values()
    assert record["extradition"] is None
    assert [e["status"] for e in record["extraditions"]] == ["approved"]
    assert record["extraditions"][0]["to"] == "DE"
    assert record["detaining_country"] == "PL"
    assert record["status"] != "extradited"


def test_completed_extradition_stays_in_the_record():
    text = (
        "Estonian national Rein Saar was extradited from Finland to the United States on "
        "Tuesday to face charges of money laundering, the Justice Department said. He is held "
        "in a federal jail in Virginia."
    )
    (record,) = records(text).values()
    assert record["extradition"]["from"] == "FI"
    assert record["extradition"]["to"] == "US"
    assert record["status"] == "extradited"


def test_a_return_made_possible_a_flight_back_and_an_agreed_release_are_releases():
    able = records(
        "Dutch scholar Anna de Wit, who was held in Iran for two years, was able to return to "
        "the Netherlands in October."
    )
    flown = records(
        "Dutch aid worker Anna de Wit, held in Cairo for three years, was flown back to the "
        "Netherlands on Thursday night."
    )
    agreed = records(
        "Dutch aid worker Anna de Wit was detained in Cairo in 2021. Her release was agreed "
        "last month."
    )
    for found in (able, flown, agreed):
        assert found["Anna de Wit"]["status"] == "released"


def test_a_flight_back_to_face_charges_is_no_release():
    found = records(
        "Dutch trader Jan Smit, arrested in Cairo in 2021, was flown back to the Netherlands to "
        "face fraud charges."
    )
    assert found["Jan Smit"]["status"] != "released"


def test_a_release_that_was_a_stage_of_a_hostage_exchange_is_an_exchange():
    found = records(
        "Three Thai farm workers, Somchai Wong, Niran Sukjai and Anan Boonmee, were handed over "
        "on Sunday. Their release was the first step of a hostage exchange the two sides agreed "
        "in May."
    )
    assert {name: r["status"] for name, r in found.items()} == {
        "Somchai Wong": "exchanged",
        "Niran Sukjai": "exchanged",
        "Anan Boonmee": "exchanged",
    }


def test_what_the_new_release_forms_leave_alone():
    unable = records(
        "Dutch activist Anna de Wit was detained in Tehran in 2022. She has been unable to "
        "return to the Netherlands since her arrest."
    )
    back_to_arrest = records(
        "Dutch activist Anna de Wit was flown back to Tehran, where she was arrested on arrival."
    )
    not_hers = records(
        "Dutch activist Anna de Wit was detained in Tehran in 2022. This release was agreed by "
        "other prisoners."
    )
    for found in (unable, back_to_arrest, not_hers):
        assert found["Anna de Wit"]["status"] == "detained"
