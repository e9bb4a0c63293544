"""The main pages in Russian, in a real browser: the switch in the top bar turns the whole
interface into Russian, with Russian plurals and no English left in the navigation, and the
admin follows."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import Detainee
from demo.reported_cases import load_reported_cases

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the navigation says in English; none of it may be left once Russian is chosen.
ENGLISH_NAVIGATION = re.compile(
    r"\b(Detainees|Visits|Dashboard|Review queue|Admin|Sign out|Case tracker|drafts?)\b"
)


def _navigation_is_russian(page):
    nav = page.get_by_role("navigation", name="Основная навигация")
    for link in ("Задержанные", "Посещения", "Сводка", "Очередь проверки"):
        expect(nav.get_by_role("link", name=re.compile(link))).to_be_visible()
    # The pages used less often sit under "More", which opens in place.
    more = nav.get_by_test_id("nav-more").locator("summary")
    expect(more).to_have_text(re.compile("Ещё"))
    more.click()
    expect(nav.get_by_role("link", name=re.compile("Администрирование"))).to_be_visible()
    more.click()
    expect(nav.get_by_role("button", name="Выйти")).to_be_visible()
    text = page.locator("header").inner_text()
    assert not ENGLISH_NAVIGATION.search(text), text
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def test_a_reviewer_switches_to_russian_and_walks_the_main_pages(
    page, live_server, sign_in, reviewer, screenshot
):
    load_reported_cases()
    seleznyov = Detainee.objects.get(full_name="Roman Seleznyov")
    sign_in(reviewer)
    expect(page.get_by_role("heading", name="Detainees", exact=True)).to_be_visible()

    page.get_by_test_id("language-ru").click()
    expect(page.get_by_role("heading", name="Задержанные", exact=True)).to_be_visible()
    _navigation_is_russian(page)
    expect(page.get_by_test_id("current-role")).to_have_text("проверяющий")
    # Counts take the Russian plural; statuses are translated, codes stay as they are.
    expect(page.get_by_test_id("result-count")).to_have_text(re.compile(r"\d+ задержанн(ый|ых)"))
    expect(page.locator("table.list")).to_contain_text("Обменян")
    screenshot("detainee-list")

    page.get_by_role("link", name="Roman Seleznyov").click()
    expect(page.get_by_role("heading", name="Roman Seleznyov")).to_be_visible()
    # Both scripts of the name, the term with its Russian plural, a Russian date.
    expect(page.locator(".original-name")).to_have_text("Роман Селезнёв")
    expect(page.get_by_test_id("sentence")).to_contain_text("27 лет")
    expect(page.get_by_role("heading", name="Хронология")).to_be_visible()
    expect(page.get_by_test_id("timeline")).to_contain_text(
        re.compile(
            r"\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
            r"октября|ноября|декабря) \d{4}"
        )
    )
    _navigation_is_russian(page)
    screenshot("detainee-detail")
    assert page.url.endswith(f"/detainees/{seleznyov.pk}/")

    page.get_by_role("link", name="Посещения").click()
    expect(page.get_by_role("heading", name="Консульские посещения")).to_be_visible()
    expect(page.get_by_role("heading", name="Журнал посещений")).to_be_visible()
    _navigation_is_russian(page)
    screenshot("visits")

    page.get_by_role("link", name="Сводка").click()
    expect(page.get_by_role("heading", name="Сводка", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Задержанные по статусу")).to_be_visible()
    expect(page.locator("#dash-status")).to_have_text(re.compile(r"^Показано: все гражданства"))
    _navigation_is_russian(page)
    screenshot("dashboard")

    page.get_by_role("link", name=re.compile("Очередь проверки")).click()
    expect(page.get_by_role("heading", name="Очередь проверки", exact=True)).to_be_visible()
    expect(page.get_by_test_id("pending-count")).to_contain_text("проверки")
    _navigation_is_russian(page)
    screenshot("review-queue")

    page.get_by_test_id("nav-more").locator("summary").click()
    page.get_by_role("link", name="Администрирование").click()
    expect(page.get_by_role("link", name="Учёт дел задержанных")).to_be_visible()
    screenshot("admin")

    # Signed out, the pages keep the language; the admin's sign-in page is Russian too.
    page.goto(f"{live_server.url}/detainees/")
    page.get_by_role("button", name="Выйти").click()
    expect(page.get_by_role("heading", name="Войти")).to_be_visible()
    page.goto(f"{live_server.url}/admin/login/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_label("Имя пользователя")).to_be_visible()
    expect(page.get_by_role("button", name="Войти")).to_be_visible()
    screenshot("admin-login")


def test_the_choice_follows_the_user_to_the_next_sign_in(page, live_server, sign_in, caseworker):
    sign_in(caseworker)
    page.get_by_test_id("language-ru").click()
    expect(page.get_by_role("heading", name="Задержанные", exact=True)).to_be_visible()
    page.context.clear_cookies()  # another browser, as it were

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(caseworker.username)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Задержанные", exact=True)).to_be_visible()
    page.get_by_test_id("language-en").click()
    expect(page.get_by_role("heading", name="Detainees", exact=True)).to_be_visible()
