"""Choosing "Try the sandbox" starts one sandbox, and only the asking wizard is filled in."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from amo_desktop.core.ports import port_is_free
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.controllers.sandbox_controller import SandboxDemo
from amo_desktop.gui.controllers.setup_controller import SetupController
from amo_desktop.gui.wizard.setup_wizard import SetupWizard
from tests.gui.conftest import run
from tests.gui.driving import choose_sandbox, click, sandbox_server, wait_for

TYPED_CLIENT_ID = "11111111-2222-3333-4444-555555555555"


def test_one_click_on_the_sandbox_choice_asks_for_one_sandbox(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    wizard = desktop.start()
    assert isinstance(wizard, SetupWizard)
    requests: list[int] = []
    wizard.welcome_page.sandboxRequested.connect(lambda: requests.append(1))
    qtbot.waitExposed(wizard)
    click(qtbot, wizard, "trySandboxChoice")
    assert requests == [1]
    wait_for(qtbot, wizard, wizard.welcome_page.isComplete)
    click(qtbot, wizard, "connectAccountChoice")
    assert requests == [1]


def test_a_start_while_the_sandbox_starts_or_runs_only_announces_it(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    announced: list[SandboxDemo] = []
    desktop.sandbox.started.connect(announced.append)
    desktop.sandbox.start()
    desktop.sandbox.start()
    qtbot.waitUntil(lambda: bool(announced) and desktop.runner.pending == 0)
    server = sandbox_server(desktop)
    ours = [i for i in server.state.integrations.values() if i.name == "amo-desktop"]
    assert len(ours) == 1
    assert announced == [desktop.sandbox.demo]

    desktop.sandbox.start()
    assert announced == [desktop.sandbox.demo] * 2
    assert len(server.state.integrations) == len(ours) + 1  # and the sandbox's own demo
    port = server.port
    run(qtbot, desktop.sandbox.aclose())
    assert port_is_free("127.0.0.1", port)


def test_only_the_wizard_that_asked_receives_the_sandbox_keys(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    wizards = {}
    for name in ("asking", "other"):
        wizard = SetupWizard("en")
        qtbot.addWidget(wizard)
        setup = SetupController(desktop.runner, desktop.core, name, parent=desktop)
        wizard.add_steps(setup, desktop.sandbox, desktop.stored_settings)
        wizard.show()
        wizards[name] = wizard
    other = wizards["other"]
    other.keys_page.client_id_input.setText(TYPED_CLIENT_ID)

    choose_sandbox(qtbot, wizards["asking"])

    assert other.keys_page.client_id == TYPED_CLIENT_ID
    assert other.account_page.address_input.text() == ""
    assert other.welcome_page.connect_choice.isChecked()
