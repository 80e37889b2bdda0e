"""ux9: the kiosks page is one of the settings pages: it sits in the Settings sub-menu (marked as the
page one is on), and the main menu lights "Settings" there instead of carrying a "Kiosk" item of its own."""
from __future__ import annotations

import re


def _nav(page: str, cls: str) -> str:
    found = re.search(rf'<nav class="{cls}"[^>]*>(.*?)</nav>', page, re.S)
    assert found, cls
    return found.group(1)


def test_the_kiosks_page_sits_in_the_settings_sub_menu(client, make_user, login):
    make_user("siti", "admin")
    login("siti")
    page = client.get("/admin/kiosks").get_data(as_text=True)
    sub_menu = _nav(page, "settings-nav")
    assert re.search(r'href="/admin/kiosks"\s+aria-current="page">Kios<', sub_menu), sub_menu
    assert 'href="/admin/settings/office"' in sub_menu and "Pengaturan" in page
    office = _nav(client.get("/admin/settings/office").get_data(as_text=True), "settings-nav")
    assert 'href="/admin/kiosks"' in office and 'href="/admin/kiosks" aria-current' not in office


def test_the_main_menu_lights_settings_on_the_kiosks_page_and_has_no_kiosk_item(client, make_user, login):
    make_user("siti", "admin")
    login("siti")
    page = client.get("/admin/kiosks").get_data(as_text=True)
    current = re.findall(r'<a[^>]*href="(/admin/[^"]*)"[^>]*aria-current="page"', page)
    assert "/admin/settings/" in current, current
    top = page.split('<nav class="settings-nav"')[0]
    assert 'href="/admin/kiosks"' not in top, "one place for the kiosks: Settings → Kiosks"
