"""The language switch: saved per user, carried to new sessions, kept for signed-out pages."""

import pytest
from django.conf import settings
from django.urls import reverse

from cases.constants import DetaineeStatus
from cases.tests.factories import DetaineeFactory
from languages.models import LanguagePreference

PASSWORD = "correct-horse-battery"  # the user factory's password


def _switch(client, language, next_url="/detainees/"):
    return client.post(reverse("languages:switch"), {"language": language, "next": next_url})


@pytest.mark.django_db
def test_signed_out_pages_follow_the_cookie_the_switch_sets(client):
    assert "Sign in" in client.get(reverse("login")).content.decode()
    response = _switch(client, "ru", reverse("login"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="ru">' in page
    assert "Войти" in page and "Sign in" not in page


@pytest.mark.django_db
def test_a_signed_in_choice_is_saved_and_follows_the_user_to_a_new_browser(
    client, django_user_model, caseworker
):
    DetaineeFactory(status=DetaineeStatus.CONVICTED)
    client.force_login(caseworker)
    _switch(client, "ru")
    assert LanguagePreference.objects.get(user=caseworker).language == "ru"

    fresh = client.__class__()  # another browser: no cookie, English by default
    assert (
        fresh.post(
            reverse("login"), {"username": caseworker.username, "password": PASSWORD}
        ).status_code
        == 302
    )
    page = fresh.get(reverse("ui:detainee_list")).content.decode()
    assert "Задержанные" in page and "Осуждён" in page  # a status label translates
    assert ">Detainees<" not in page
    # Signing out keeps Russian for the signed-out pages of that browser.
    assert fresh.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    fresh.post(reverse("logout"))
    assert "Войти" in fresh.get(reverse("login")).content.decode()


@pytest.mark.django_db
def test_the_saved_choice_wins_over_the_browser_language(client, caseworker):
    LanguagePreference.objects.create(user=caseworker, language="en")
    client.post(reverse("login"), {"username": caseworker.username, "password": PASSWORD})
    page = client.get(reverse("ui:detainee_list"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert ">Detainees<" in page


@pytest.mark.django_db
def test_an_unknown_language_is_refused_and_nothing_is_saved(client, caseworker):
    client.force_login(caseworker)
    response = _switch(client, "xx")
    assert response.status_code == 302
    assert not LanguagePreference.objects.exists()
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_switching_back_to_english_is_saved(client, caseworker):
    client.force_login(caseworker)
    _switch(client, "ru")
    _switch(client, "en")
    assert LanguagePreference.objects.get(user=caseworker).language == "en"
    assert ">Detainees<" in client.get(reverse("ui:detainee_list")).content.decode()


@pytest.mark.django_db
def test_the_switch_takes_only_posts(client):
    assert client.get(reverse("languages:switch")).status_code == 405
