import pytest

from cases.names import fold, query_terms, search_key, word_skeleton


@pytest.mark.parametrize(
    "spelling", ["Seleznyov", "Seleznev", "Seleznyouv", "Селезнёв", "SELEZNEV"]
)
def test_transliterations_of_one_surname_share_a_skeleton(spelling):
    assert word_skeleton(fold(spelling)) == "slsnv"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Vasilyev", "Васильев"),
        ("Vasiliev", "Vasilyev"),
        ("Khabarov", "Habarov"),
        ("Smirnoff", "Smirnov"),
        ("Yevgeny", "Evgeny"),
        ("Shcherbakov", "Щербаков"),
        ("Mohammed", "Muhammad"),
        ("Alvarez", "Альварес"),
    ],
)
def test_spelling_pairs_match(a, b):
    assert search_key(a) == search_key(b)


@pytest.mark.parametrize(("a", "b"), [("Ivanov", "Petrov"), ("Klyushin", "Kalashnikov")])
def test_different_names_differ(a, b):
    assert search_key(a) != search_key(b)


def test_key_is_word_delimited_so_prefix_search_works():
    key = search_key("Roman Seleznyov")
    assert key == " rmn slsnv "
    assert all(term in key for term in query_terms("Seleznev"))
    assert all(term in key for term in query_terms("roman SELEZNEV"))
    assert not all(term in key for term in query_terms("Ivan"))


def test_short_skeletons_must_match_a_whole_word():
    assert query_terms("Li") == [" l "]
    assert " l " not in search_key("Lavrov")


def test_empty_names_give_empty_keys():
    assert search_key("") == ""
    assert query_terms("  ,, ") == []
