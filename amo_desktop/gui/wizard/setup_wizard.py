"""The first-run wizard: wires the step pages to the setup and sandbox controllers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QWidget, QWizard

from amo_desktop.gui.language import fill
from amo_desktop.gui.wizard.page_ids import PageId, page_that_fixes
from amo_desktop.gui.wizard.welcome_page import WelcomePage

if TYPE_CHECKING:  # the controllers, models, platforms and step pages load after the first paint
    from amo_desktop.core.errors import AmoError
    from amo_desktop.core.models import ConnectionStatus, ConnectionTest
    from amo_desktop.gui.controllers.sandbox_controller import SandboxController, SandboxDemo
    from amo_desktop.gui.controllers.setup_controller import SetupController
    from amo_desktop.gui.controllers.wizard_stored_settings import (
        StoredSettings,
        StoredSettingsReader,
    )
    from amo_desktop.gui.wizard.account_page import AccountPage
    from amo_desktop.gui.wizard.authorize_page import AuthorizePage
    from amo_desktop.gui.wizard.check_page import CheckPage
    from amo_desktop.gui.wizard.done_page import DonePage
    from amo_desktop.gui.wizard.keys_page import KeysPage


class SetupWizard(QWizard):
    """Welcome → Account → Keys → Authorize → Check → Done.

    Built in two steps so that the first start paints quickly: the constructor makes the
    welcome page alone (its Next button stays disabled), :meth:`add_steps` adds the other
    pages and connects the controllers. The app calls both before it handles any input.

    Signals:
        languageRequested(str): forwarded from the welcome page's language picker.
        dashboardRequested(str): the wizard finished for this profile name.
    """

    languageRequested = Signal(str)
    dashboardRequested = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self._account_name = ""
        self._title_profile = ""  # known once the controllers are added
        self._fix_target: PageId | None = None
        # The sandbox controller is shared: its answers count only after this wizard asked.
        self._awaiting_sandbox = False
        self.welcome_page = WelcomePage(language)
        self.welcome_page.languageRequested.connect(self.languageRequested)
        self.setPage(PageId.WELCOME, self.welcome_page)
        self.retranslate_ui()

    def add_steps(
        self, setup: SetupController, sandbox: SandboxController, stored: StoredSettingsReader
    ) -> None:
        """Add the pages after the welcome page and connect them to the controllers.

        A profile that is configured already is filled in from ``stored`` as soon as it
        answers.
        """
        # Imported here: the welcome page paints before these modules load.
        from amo_desktop.gui.wizard.account_page import AccountPage
        from amo_desktop.gui.wizard.authorize_page import AuthorizePage
        from amo_desktop.gui.wizard.check_page import CheckPage
        from amo_desktop.gui.wizard.done_page import DonePage
        from amo_desktop.gui.wizard.keys_page import KeysPage

        self._setup = setup
        self._sandbox = sandbox
        self._stored = stored
        self._title_profile = setup.profile_name
        self.account_page: AccountPage = AccountPage()
        self.keys_page: KeysPage = KeysPage()
        self.authorize_page: AuthorizePage = AuthorizePage()
        self.check_page: CheckPage = CheckPage()
        self.done_page: DonePage = DonePage()
        for page_id, page in (
            (PageId.ACCOUNT, self.account_page),
            (PageId.KEYS, self.keys_page),
            (PageId.AUTHORIZE, self.authorize_page),
            (PageId.CHECK, self.check_page),
            (PageId.DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        self._connect_pages()
        self._connect_controllers()
        self.retranslate_ui()
        self.welcome_page.steps_added()
        stored.load(setup.profile_name)

    @property
    def profile_name(self) -> str:
        """The profile this wizard sets up."""
        return self._setup.profile_name

    def sizeHint(self) -> QSize:
        return QSize(800, 600)

    def _connect_pages(self) -> None:
        self.welcome_page.sandboxRequested.connect(self._request_sandbox)
        self.keys_page.importRequested.connect(self._import_env)
        self.authorize_page.entered.connect(self._save_settings)
        self.authorize_page.browserLoginRequested.connect(self._setup.start_browser_login)
        self.authorize_page.browserCancelRequested.connect(self._setup.cancel_browser_login)
        self.authorize_page.codeSubmitted.connect(self._login_with_code)
        self.authorize_page.tokenSubmitted.connect(self._login_with_token)
        self.authorize_page.fixRequested.connect(self._go_to_fix)
        self.check_page.testRequested.connect(self._setup.test_connection)
        self.check_page.fixRequested.connect(self._go_to_fix)
        self.done_page.entered.connect(self._setup.load_status)
        self.done_page.exportRequested.connect(self._export_env)
        self.done_page.pushRequested.connect(self._push_tokens)

    def _connect_controllers(self) -> None:
        setup = self._setup
        setup.failed.connect(self._setup_failed)
        setup.envImported.connect(self._env_imported)
        setup.configured.connect(self._configured)
        setup.browserLoginStarted.connect(self._browser_login_started)
        setup.browserOpened.connect(self.authorize_page.browser_opened)
        setup.loginCancelled.connect(self.authorize_page.browser_stopped)
        setup.authorized.connect(self.authorize_page.authorized)
        setup.connectionTested.connect(self._tested)
        setup.statusReady.connect(self._status_ready)
        setup.envExported.connect(self._exported)
        setup.exportNeedsConfirmation.connect(self.done_page.ask_to_replace)
        setup.tokensPushed.connect(self._pushed)
        # Bound methods, not lambdas: Qt drops these connections when the wizard is deleted.
        self._sandbox.started.connect(self._sandbox_started)
        self._sandbox.failed.connect(self._sandbox_failed)
        self._stored.loaded.connect(self._stored_settings_loaded)
        self._stored.failed.connect(self._stored_settings_failed)

    # Intents from the pages.
    def _request_sandbox(self) -> None:
        self._awaiting_sandbox = True
        self._sandbox.start()

    def _import_env(self, path: str) -> None:
        self.keys_page.import_started()
        self._setup.import_env(path)

    def _save_settings(self) -> None:
        self._setup.configure(
            self.account_page.address_input.text().strip(),
            self.keys_page.client_id,
            self.keys_page.client_secret,
            self.keys_page.redirect_uri,
            self.account_page.platform,
        )

    def _login_with_code(self, text: str) -> None:
        self.authorize_page.set_waiting("code")
        self._setup.login_with_code(text)

    def _login_with_token(self, token: str) -> None:
        self.authorize_page.set_waiting("token")
        self._setup.login_with_long_lived_token(token)

    def _export_env(self, path: str, force: bool) -> None:
        self.done_page.set_busy(self.tr("Writing the .env file…"))
        self._setup.export_env(path, force)

    def _push_tokens(self, backend_url: str) -> None:
        self.done_page.set_busy(self.tr("Sending the tokens to the backend…"))
        self._setup.push_tokens(backend_url)

    def _go_to_fix(self) -> None:
        target = self._fix_target
        while target is not None and self.currentId() > target:
            self.back()

    # Results from the controllers.
    def _sandbox_started(self, demo: SandboxDemo) -> None:
        from amo_desktop.core.platforms import Platform  # loaded with the core by now

        if not self._awaiting_sandbox:
            return
        self._awaiting_sandbox = False
        self.account_page.prefill(Platform.CUSTOM, demo.base_url)
        self.keys_page.prefill(
            demo.client_id, demo.redirect_uri, demo.client_secret, in_keyring=False
        )
        self.welcome_page.sandbox_started()

    def _sandbox_failed(self, _action: str, error: AmoError) -> None:
        if self._awaiting_sandbox:
            self._awaiting_sandbox = False
            self.welcome_page.sandbox_failed(error)

    def _stored_settings_loaded(self, stored: StoredSettings) -> None:
        if stored.profile != self.profile_name or self._filled_in_already():
            return
        self.account_page.prefill(stored.platform, stored.account)
        # The secret stays in the keyring: the field only says that one is kept.
        self.keys_page.prefill(
            stored.client_id, stored.redirect_uri, in_keyring=stored.has_client_secret
        )

    def _filled_in_already(self) -> bool:
        # The keyring may take its time (an unlock prompt): what the person chose or typed
        # meanwhile wins over the stored settings.
        typed = (self.account_page.address_input, self.keys_page.client_id_input)
        chose_sandbox = self._awaiting_sandbox or self.welcome_page.uses_sandbox
        return chose_sandbox or any(field.isModified() for field in typed)

    def _stored_settings_failed(self, _action: str, error: AmoError) -> None:
        self.welcome_page.error.show_error(error)

    def _browser_login_started(self, url: str) -> None:
        login = self._setup.browser_login
        self.authorize_page.time_left = (lambda: login.seconds_left) if login else (lambda: 0.0)
        self.authorize_page.browser_started(url)

    def _env_imported(self, profile: object) -> None:
        from amo_desktop.core.platforms import Platform  # loaded with the core by now

        self.keys_page.import_finished()
        platform = Platform(profile.platform) if profile.platform else None  # type: ignore[attr-defined]
        self.account_page.prefill(platform, profile.account)  # type: ignore[attr-defined]
        self.keys_page.prefill(
            profile.client_id,  # type: ignore[attr-defined]
            profile.redirect_uri,  # type: ignore[attr-defined]
            in_keyring=True,
        )

    def _configured(self, _profile: object) -> None:
        self.authorize_page.settings_saved(
            self._setup.browser_path_problem(self.keys_page.redirect_uri)
        )

    def _tested(self, test: ConnectionTest) -> None:
        self._account_name = test.account.name
        self.check_page.passed(test)

    def _status_ready(self, status: ConnectionStatus) -> None:
        self.done_page.show_summary(status, self._account_name)

    def _exported(self, path: str) -> None:
        self.done_page.set_busy(None)
        self.done_page.exported(path)

    def _pushed(self, result: object) -> None:
        self.done_page.set_busy(None)
        self.done_page.pushed(result)  # type: ignore[arg-type]

    def _setup_failed(self, action: str, error: AmoError) -> None:
        fix_page = page_that_fixes(error)
        self._fix_target = fix_page
        if action == "import_env":
            self.keys_page.import_failed(error)
        elif action in {"configure", "browser_login", "code_login", "token_login"}:
            self.authorize_page.show_error(error, self._fix_text_on(PageId.AUTHORIZE))
            if fix_page == PageId.AUTHORIZE and action in {"code_login", "token_login"}:
                # The fix is on this very page: a new code or token in the field just used.
                self.authorize_page.select_pasted("code" if action == "code_login" else "token")
        elif action == "test":
            self.check_page.failed(error, self._fix_text_on(PageId.CHECK))
        elif action in {"export_env", "push_tokens", "status"}:
            self.done_page.show_error(error)

    def _fix_text_on(self, shown_on: PageId) -> str | None:
        """The fix button's text for an error shown on ``shown_on``, or ``None``.

        The button goes back; when the fixing page is the one showing the error (or none
        fixes it) a button would do nothing, so there is none.
        """
        target = self._fix_target
        if target is None or target >= shown_on:
            return None
        return self.fix_button_text(target)

    def fix_button_text(self, page: PageId) -> str:
        names = {
            PageId.ACCOUNT: self.tr("Back to the account address"),
            PageId.KEYS: self.tr("Back to the integration keys"),
            PageId.AUTHORIZE: self.tr("Back to authorization"),
        }
        return names.get(page, "")

    def accept(self) -> None:
        # Before the wizard hides, so that the dashboard is up and the app never sees its
        # last window close.
        self.dashboardRequested.emit(self._setup.profile_name)
        super().accept()

    def retranslate_ui(self) -> None:
        profile = self._title_profile
        if profile and profile != "default":
            # Named, so that a request for another profile that brings this wizard to the
            # front (one wizard at a time) shows which profile it is setting up.
            self.setWindowTitle(fill(self.tr("amo-desktop — setup of “%1”"), profile))
        else:
            self.setWindowTitle(self.tr("amo-desktop — setup"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open the dashboard"))
        if self._fix_target is not None:
            for shown_on, panel in (
                (PageId.AUTHORIZE, self.authorize_page.error),
                (PageId.CHECK, self.check_page.error),
            ):
                if panel.error is not None:
                    panel.set_action(self._fix_text_on(shown_on))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
