"""Builds the Webhooks page and its controller for the running app (the composition root's
``ExtraPages.webhooks`` factory)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from amo_desktop.core.paths import profile_dir
from amo_desktop.gui.controllers.webhooks import WebhooksController
from amo_desktop.gui.webhooks.page import WebhooksPage
from amo_desktop.gui.webhooks.wiring import connect_page

if TYPE_CHECKING:
    from amo_desktop.gui.app import DesktopApp


def build_webhooks_page(
    desktop: DesktopApp, *, on_controller: Callable[[WebhooksController], None] | None = None
) -> WebhooksPage:
    """The page, wired to a controller that follows profile switches and closes with the app.

    ``on_controller`` is given the controller (other pages ask it about the running receiver).
    """
    home = desktop.core.config.home
    controller = WebhooksController(
        desktop.runner,
        desktop.core,
        desktop.settings.current_profile(),
        parent=desktop,
        journal_root=lambda name: profile_dir(home, name),
    )
    page = WebhooksPage()
    connect_page(page, controller)
    desktop.settings.profileSwitched.connect(controller.set_profile)
    desktop.add_closer(controller.aclose)
    controller.load_defaults()
    if on_controller is not None:
        on_controller(controller)
    return page
