"""Browser tests: the real app served by waitress on a free port, driven in Debian's chromium.

`launch_browser(fake_video=PATH)` starts chromium with its fake camera fed from a .y4m file (see
`tests/e2e/video.py`); `shot(page, name)` saves a PNG under test-artifacts/screenshots/ to look at.
"""
from __future__ import annotations

import threading

import pytest

from ..support import chromium_path

BASE_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
             "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def live_server(app):
    """The test app served by waitress, as `make run` serves it; yields its base URL."""
    from waitress import create_server

    from lpsedesk.live import FEED

    server = create_server(app, host="127.0.0.1", port=0, threads=16, ident="lpsedesk-test")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    # End open live streams first, then close every socket from inside waitress's own loop
    # thread (closing them from here races its select() and raises EBADF there); the loop ends
    # when nothing is left to watch.
    FEED.stop_streams()
    try:
        try:
            server.trigger.pull_trigger(lambda: [obj.close() for obj in list(server._map.values())])
        except OSError:
            # The trigger's pipe is already gone (seen now and then after a test with many page
            # loads): the loop cannot be woken, so close what it watches from here and let it end.
            for obj in list(server._map.values()):
                try:
                    obj.close()
                except OSError:
                    pass
        thread.join(10)
        server.task_dispatcher.shutdown(timeout=5)
    finally:
        FEED.allow_streams()


@pytest.fixture(scope="session")
def playwright_instance():
    if chromium_path() is None:
        pytest.skip("chromium is not installed: sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture
def launch_browser(playwright_instance):
    """Start chromium; pass fake_video=Path to a .y4m file to give it a camera that shows it."""
    browsers = []

    def launch(fake_video=None, extra_args=()):
        args = list(BASE_ARGS) + list(extra_args)
        if fake_video is not None:
            args += ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                     f"--use-file-for-fake-video-capture={fake_video}"]
        browser = playwright_instance.chromium.launch(executable_path=chromium_path(), headless=True, args=args)
        browsers.append(browser)
        return browser

    yield launch
    for browser in browsers:
        browser.close()


class _SharedChromium:
    """One plain chromium per pytest worker, started again only if it went away."""

    def __init__(self, playwright):
        self.playwright, self.browser = playwright, None

    def get(self):
        if self.browser is None or not self.browser.is_connected():
            self.browser = self.playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                                           args=BASE_ARGS)
        return self.browser


@pytest.fixture(scope="session")
def shared_chromium(playwright_instance):
    shared = _SharedChromium(playwright_instance)
    yield shared
    if shared.browser is not None and shared.browser.is_connected():
        shared.browser.close()


@pytest.fixture
def browser(shared_chromium):
    """A plain chromium for the test. Started once per worker, not per test (a launch took 1-4 s on
    a busy CI machine, against well under one for a new context, times some 500 tests a pass); each
    page lives in a context of its own (cookies, storage, cache), and every context the test made is
    closed after it, so nothing carries from one test to the next. Cameras and extra flags still get
    a chromium of their own through `launch_browser`."""
    chromium = shared_chromium.get()
    yield chromium
    for context in list(chromium.contexts):
        context.close()


@pytest.fixture
def shot(artifacts_dir):
    folder = artifacts_dir / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = True):
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
