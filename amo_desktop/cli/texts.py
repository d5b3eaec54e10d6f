"""The command line's own sentences in English and Ukrainian (errors live in the core catalogue).

``text(key, language, **params)`` formats one sentence. ``cli_hint`` replaces catalogue hints that
point at the window ("open Settings") with the command that does the same thing; ``cli_fix`` does
the same for the troubleshooting checks' own fixes.
"""

from __future__ import annotations

from amo_desktop.core.errors import ErrorCode

_EN: dict[str, str] = {
    "hint_prefix": "What to do",
    "platform_amocrm.ru": "amoCRM (amocrm.ru)",
    "platform_amocrm.com": "amoCRM (amocrm.com)",
    "platform_kommo.com": "Kommo (kommo.com)",
    "platform_custom": "custom server (such as the sandbox)",
    "cancelled": "Cancelled.",
    "no_command": "no command given",
    # configure
    "secret_prompt": "Secret key of the integration (input hidden): ",
    "configured": "Saved the profile “{profile}”.",
    "configured_account": "  Account:        {account} ({platform})",
    "configured_client": "  Integration ID: {client_id}",
    "configured_redirect": "  Redirect URI:   {redirect_uri}",
    "configured_backend": "  Backend:        {backend}",
    "configured_secret": "  Secret key:     in the system keyring",
    "configured_next": "Next: amo-desktop{profile_option} login --browser   "
    "(or --code - and paste the code from the integration's Keys and access tab)",
    # login
    "login_opened": "Opened the browser: click Allow on the amoCRM page. If it did not appear, "
    "open this address in a browser where you are signed in to amoCRM:",
    "login_open_yourself": "Open this address in a browser where you are signed in to amoCRM, "
    "and click Allow:",
    "login_not_opened": "Couldn't open a browser by itself. Open this address yourself and "
    "click Allow:",
    "login_waiting": "Waiting for the browser… (Ctrl-C to cancel; gives up in {duration})",
    "login_done": "Connected: the profile “{profile}” has access to amoCRM.",
    "login_token": "  Token: {kind}, valid until {expires} (in {expires_in})",
    "login_next": "Next: amo-desktop{profile_option} test",
    "login_browser_only": "--no-open and --timeout only go with --browser",
    "login_timeout_positive": "--timeout must be a positive number",
    "login_paste_code": "Paste the code or the address the browser ended on, then press Enter:",
    "login_code_in_argv": "Note: the code was on the command line, where other programs on this "
    "computer could see it; next time use --code - and paste it.",
    "token_kind_oauth": "OAuth (refreshed automatically)",
    "token_kind_long_lived": "long-lived (never refreshed)",
    # status
    "status_title": "Profile “{profile}”",
    "status_not_configured": "  Not set up yet. Run: amo-desktop{profile_option} configure "
    "--domain … --client-id … --redirect-uri …",
    "status_platform": "  Platform:       {platform}",
    "status_account": "  Account:        {account}",
    "status_client": "  Integration ID: {client_id}",
    "status_redirect": "  Redirect URI:   {redirect_uri}",
    "status_backend": "  Backend:        {backend}",
    "status_secret": "  Secret key:     {secret}",
    "status_secret_saved": "saved in the keyring",
    "status_secret_missing": "missing",
    "status_token": "  Token:          {token}",
    "status_token_none": "none (not connected). Run: amo-desktop{profile_option} login --browser",
    "status_token_value": "{kind}, owned by {owner}, valid until {expires} ({when})",
    "status_expires_in": "expires in {duration}",
    "status_expired": "expired {duration} ago",
    "owner_desktop": "this app",
    "owner_backend": "your backend",
    "status_keyring": "  Keyring:        {backend}",
    "status_unknown_no_keyring": "unknown: the keyring is unavailable",
    # test
    "test_ready": "AMO CRM integration is ready",
    "test_account": "  Account: {name} (id {id}, {host}), answered in {ms} ms",
    # pipelines
    "pipelines_none": "The account has no pipelines.",
    "pipeline_line": "Pipeline {id} “{name}”{main}",
    "pipeline_main": " (main)",
    "status_line": "  {id:>10}  {name}",
    # test-lead
    "lead_created": "Lead created in AMO CRM: #{id} “{name}”",
    "lead_url": "  Open it: {url}",
    "lead_price_negative": "--price can't be negative (got {price})",
    "lead_name_empty": "--name can't be empty",
    # input checks
    "limit_positive": "--limit must be 1 or more (got {limit})",
    "unknown_events": "amoCRM has no webhook event {names}; known names: {known}",
    # export-env
    "exported": "Wrote the AMO_* settings to {path} (readable only by you).",
    "export_to_folder": "--output {path} is a folder: give the file, such as {path}/.env",
    "exported_warning": "It contains the secret key: keep this file out of version control.",
    # push-tokens
    "pushed": "Sent the tokens to {backend} (answer {status}).",
    "pushed_owner": "Your backend owns them now: this app will no longer refresh them.",
    # logout
    "logged_out": "Signed out of “{profile}”: the tokens are removed from the keyring.",
    "logged_out_nothing": "“{profile}” had no tokens in the keyring: there was nothing to remove.",
    "logged_out_kept": "The settings and the secret key stay; to remove everything run: "
    "amo-desktop profiles delete {profile}",
    # profiles
    "profiles_none": "No profiles yet. Create one with: amo-desktop configure …",
    "profiles_line": "{marker} {name}{account}",
    "profiles_used": "The current profile is now “{profile}”.",
    "profiles_renamed": "Renamed the profile “{old}” to “{new}”.",
    "profiles_deleted": "Deleted the profile “{profile}” and its keyring entries.",
    # durations
    "duration_days": "{n} d",
    "duration_hours": "{n} h",
    "duration_minutes": "{n} min",
    "duration_seconds": "{n} s",
}

_UK: dict[str, str] = {
    "hint_prefix": "Що зробити",
    "platform_amocrm.ru": "amoCRM (amocrm.ru)",
    "platform_amocrm.com": "amoCRM (amocrm.com)",
    "platform_kommo.com": "Kommo (kommo.com)",
    "platform_custom": "власний сервер (наприклад, пісочниця)",
    "cancelled": "Скасовано.",
    "no_command": "не вказано команду",
    "secret_prompt": "Секретний ключ інтеграції (введення приховано): ",
    "configured": "Профіль «{profile}» збережено.",
    "configured_account": "  Акаунт:          {account} ({platform})",
    "configured_client": "  ID інтеграції:   {client_id}",
    "configured_redirect": "  Redirect URI:    {redirect_uri}",
    "configured_backend": "  Бекенд:          {backend}",
    "configured_secret": "  Секретний ключ:  у системному сховищі паролів",
    "configured_next": "Далі: amo-desktop{profile_option} login --browser   "
    "(або --code - і вставте код із вкладки «Ключі та доступи» інтеграції)",
    "login_opened": "Браузер відкрито: натисніть «Дозволити» на сторінці amoCRM. Якщо сторінка "
    "не з'явилася, відкрийте цю адресу в браузері, де ви увійшли в amoCRM:",
    "login_open_yourself": "Відкрийте цю адресу в браузері, де ви увійшли в amoCRM, "
    "і натисніть «Дозволити»:",
    "login_not_opened": "Не вдалося самостійно відкрити браузер. Відкрийте цю адресу вручну "
    "і натисніть «Дозволити»:",
    "login_waiting": "Чекаю на браузер… (Ctrl-C — скасувати; чекатиму до {duration})",
    "login_done": "Підключено: профіль «{profile}» має доступ до amoCRM.",
    "login_token": "  Токен: {kind}, дійсний до {expires} (ще {expires_in})",
    "login_next": "Далі: amo-desktop{profile_option} test",
    "login_browser_only": "--no-open і --timeout працюють лише разом із --browser",
    "login_timeout_positive": "--timeout має бути додатним числом",
    "login_paste_code": "Вставте код або адресу, на якій зупинився браузер, і натисніть Enter:",
    "login_code_in_argv": "Зауважте: код був у командному рядку, де його могли бачити інші "
    "програми на цьому комп'ютері; наступного разу вкажіть --code - і вставте його.",
    "token_kind_oauth": "OAuth (оновлюється автоматично)",
    "token_kind_long_lived": "довгостроковий (не оновлюється)",
    "status_title": "Профіль «{profile}»",
    "status_not_configured": "  Ще не налаштовано. Виконайте: amo-desktop{profile_option} "
    "configure --domain … --client-id … --redirect-uri …",
    "status_platform": "  Платформа:       {platform}",
    "status_account": "  Акаунт:          {account}",
    "status_client": "  ID інтеграції:   {client_id}",
    "status_redirect": "  Redirect URI:    {redirect_uri}",
    "status_backend": "  Бекенд:          {backend}",
    "status_secret": "  Секретний ключ:  {secret}",
    "status_secret_saved": "збережено у сховищі паролів",
    "status_secret_missing": "відсутній",
    "status_token": "  Токен:           {token}",
    "status_token_none": "немає (не підключено). Виконайте: amo-desktop{profile_option} "
    "login --browser",
    "status_token_value": "{kind}, власник — {owner}, дійсний до {expires} ({when})",
    "status_expires_in": "спливає через {duration}",
    "status_expired": "сплив {duration} тому",
    "owner_desktop": "ця програма",
    "owner_backend": "ваш бекенд",
    "status_keyring": "  Сховище паролів: {backend}",
    "status_unknown_no_keyring": "невідомо: сховище паролів недоступне",
    "test_ready": "Інтеграція з AMO CRM готова до роботи",
    "test_account": "  Акаунт: {name} (id {id}, {host}), відповідь за {ms} мс",
    "pipelines_none": "В акаунті немає воронок.",
    "pipeline_line": "Воронка {id} «{name}»{main}",
    "pipeline_main": " (головна)",
    "status_line": "  {id:>10}  {name}",
    "lead_created": "Lead успішно створено в AMO CRM: #{id} «{name}»",
    "lead_url": "  Відкрити: {url}",
    "lead_price_negative": "--price не може бути від'ємним (вказано {price})",
    "lead_name_empty": "--name не може бути порожнім",
    "limit_positive": "--limit має бути не менше 1 (вказано {limit})",
    "unknown_events": "В amoCRM немає події вебхука {names}; відомі назви: {known}",
    "exported": "Налаштування AMO_* записано у {path} (читати може лише ваш користувач).",
    "export_to_folder": "--output {path} — це папка: вкажіть файл, наприклад {path}/.env",
    "exported_warning": "Файл містить секретний ключ: не додавайте його в систему контролю версій.",
    "pushed": "Токени надіслано на {backend} (відповідь {status}).",
    "pushed_owner": "Тепер ними керує ваш бекенд: ця програма більше їх не оновлюватиме.",
    "logged_out": "Вихід із профілю «{profile}»: токени видалено зі сховища паролів.",
    "logged_out_nothing": "У профілю «{profile}» не було токенів у сховищі паролів: видаляти "
    "не було чого.",
    "logged_out_kept": "Налаштування і секретний ключ залишилися; щоб видалити все, виконайте: "
    "amo-desktop profiles delete {profile}",
    "profiles_none": "Профілів ще немає. Створіть профіль: amo-desktop configure …",
    "profiles_line": "{marker} {name}{account}",
    "profiles_used": "Поточний профіль тепер «{profile}».",
    "profiles_renamed": "Профіль «{old}» перейменовано на «{new}».",
    "profiles_deleted": "Профіль «{profile}» і його записи у сховищі паролів видалено.",
    "duration_days": "{n} дн.",
    "duration_hours": "{n} год",
    "duration_minutes": "{n} хв",
    "duration_seconds": "{n} с",
}

_TEXTS = {"en": _EN, "uk": _UK}

# Catalogue hints that send a person to the window, said the command-line way.
_CLI_HINTS: dict[ErrorCode, tuple[str, str]] = {
    ErrorCode.NOT_CONFIGURED: (
        "Run: amo-desktop{profile_option} configure --domain mycompany.amocrm.ru "
        "--client-id <integration ID> --redirect-uri <redirect URI> (the secret key is asked "
        "for), or import a backend's settings with --from-env-file backend/.env",
        "Виконайте: amo-desktop{profile_option} configure --domain mycompany.amocrm.ru "
        "--client-id <ID інтеграції> --redirect-uri <redirect URI> (секретний ключ програма "
        "попросить ввести) або імпортуйте налаштування бекенда: --from-env-file backend/.env",
    ),
    ErrorCode.MISSING_CLIENT_SECRET: (
        "Copy the “Secret key” from the integration's Keys and access tab and run "
        "amo-desktop{profile_option} configure … again: type it when asked, pipe it with "
        "--client-secret-stdin, or set AMO_CLIENT_SECRET.",
        "Скопіюйте «Секретний ключ» із вкладки «Ключі та доступи» інтеграції і знову виконайте "
        "amo-desktop{profile_option} configure …: введіть його, коли програма попросить, "
        "передайте через --client-secret-stdin або задайте AMO_CLIENT_SECRET.",
    ),
    ErrorCode.PROFILE_NOT_FOUND: (
        "See the profiles with: amo-desktop profiles list",
        "Перегляньте профілі: amo-desktop profiles list",
    ),
    ErrorCode.NOT_LOGGED_IN: (
        "Run: amo-desktop{profile_option} login --browser (or --code - and paste the "
        "authorization code, or --long-lived-token-stdin).",
        "Виконайте: amo-desktop{profile_option} login --browser (або --code - і вставте код "
        "авторизації, або --long-lived-token-stdin).",
    ),
    ErrorCode.BACKEND_NOT_CONFIGURED: (
        "Give the address: amo-desktop{profile_option} push-tokens --backend http://127.0.0.1:8000",
        "Вкажіть адресу: amo-desktop{profile_option} push-tokens --backend http://127.0.0.1:8000",
    ),
    ErrorCode.PORT_IN_USE: (
        "Close the program that uses the port (often your backend), or paste the code "
        "instead: run amo-desktop{profile_option} login --code - and paste the address the "
        "browser ended on.",
        "Закрийте програму, що займає порт (часто це ваш бекенд), або вставте код: виконайте "
        "amo-desktop{profile_option} login --code - і вставте адресу, на якій зупинився браузер.",
    ),
    ErrorCode.AUTH_TIMEOUT: (
        "Run amo-desktop{profile_option} login --browser again and finish it in the browser "
        "(a longer wait: --timeout SECONDS), or paste the code instead: run "
        "amo-desktop{profile_option} login --code - and paste the address the browser ended on.",
        "Знову виконайте amo-desktop{profile_option} login --browser і завершіть вхід у браузері "
        "(довше чекати: --timeout СЕКУНДИ) або вставте код: виконайте "
        "amo-desktop{profile_option} login --code - і вставте адресу, на якій зупинився браузер.",
    ),
    ErrorCode.LISTENER_PORT_IN_USE: (
        "Choose another port with --port (0 picks a free one), or stop the program that uses "
        "it (often your backend).",
        "Виберіть інший порт через --port (0 — будь-який вільний) або зупиніть програму, яка "
        "його використовує (часто це ваш бекенд).",
    ),
    ErrorCode.EVENT_NOT_FOUND: (
        "See the recorded deliveries with: amo-desktop{profile_option} events list (old ones may "
        "have been removed when the journal was rotated).",
        "Перегляньте записані доставки: amo-desktop{profile_option} events list (старі могли "
        "видалитися під час ротації журналу).",
    ),
    ErrorCode.REDIRECT_NOT_LOOPBACK: (
        "Open the integration's consent page yourself, then run amo-desktop{profile_option} "
        "login --code - and paste the address the browser ends on (or the code from the Keys "
        "and access tab).",
        "Самостійно відкрийте сторінку дозволу інтеграції, потім виконайте "
        "amo-desktop{profile_option} login --code - і вставте адресу, на якій зупиниться браузер "
        "(або код із вкладки «Ключі та доступи»).",
    ),
    ErrorCode.TOKENS_OWNED_BY_BACKEND: (
        "Renew access in your backend, or take the tokens back with: "
        "amo-desktop{profile_option} login --browser",
        "Оновіть доступ у бекенді або поверніть токени цій програмі: "
        "amo-desktop{profile_option} login --browser",
    ),
    ErrorCode.WRONG_HOST: (
        "Use your account's subdomain, like mycompany.amocrm.ru, not www.amocrm.ru or the API "
        "domain. If the account was renamed: amo-desktop{profile_option} configure --domain "
        "<the new address> …",
        "Вкажіть піддомен свого акаунта, наприклад mycompany.amocrm.ru, а не www.amocrm.ru чи "
        "API-домен. Якщо акаунт перейменували: amo-desktop{profile_option} configure --domain "
        "<нова адреса> …",
    ),
}

# Troubleshooting fixes (phrases of ``core.diagnostics.texts``) that name the window's places.
_CLI_FIXES: dict[str, tuple[str, str]] = {
    "redirect_structure_fix": (
        "Copy the Redirect URI exactly as it is shown in the integration's settings in amoCRM, "
        "including any trailing slash, and save it: amo-desktop{profile_option} configure "
        "--redirect-uri '<that address>' …",
        "Скопіюйте Redirect URI точно так, як його показано в налаштуваннях інтеграції в "
        "amoCRM, разом із кінцевою скісною рискою, якщо вона є, і збережіть: "
        "amo-desktop{profile_option} configure --redirect-uri '<ця адреса>' …",
    ),
    # The listener's fixes as the core says them, without the window's way: the saved port
    # and path are where the next run looks, and the command (which names the diagnosed
    # profile) uses them.
    "listener_down_fix": (
        "Start this profile's listener on port {port} with the path {path} and keep it "
        "running while you expect events: {command} uses the saved port and path.",
        "Запустіть приймач цього профілю на порту {port} зі шляхом {path} і тримайте його "
        "запущеним, поки чекаєте на події: {command} бере збережені порт і шлях.",
    ),
    "listener_wrong_path_fix": (
        "Restart the listener on port {port} with the saved path {path}: {command} uses it.",
        "Перезапустіть приймач на порту {port} зі збереженим шляхом {path}: {command} бере "
        "саме його.",
    ),
    "listener_foreign_fix": (
        "Port {port} is saved for this profile's listener, and the checks look there: stop "
        "the other program, then start the listener on port {port} with the path {path}: "
        "{command} uses them.",
        "Порт {port} збережено для приймача цього профілю, і перевірки шукають його саме там: "
        "зупиніть іншу програму, а тоді запустіть приймач на порту {port} зі шляхом {path}: "
        "{command} бере саме їх.",
    ),
    "subscription_missing_fix": (
        "Subscribe this address: run amo-desktop{profile_option} webhooks subscribe "
        "--destination - and paste it (it may contain the listener's secret).",
        "Підпишіть цю адресу: виконайте amo-desktop{profile_option} webhooks subscribe "
        "--destination - і вставте її (вона може містити секрет приймача).",
    ),
    "token_expires_soon_fix": (
        "Create a new long-lived token in the integration's Keys and access tab before this "
        "date and give it to amo-desktop{profile_option} login --long-lived-token-stdin.",
        "До цієї дати створіть новий довгостроковий токен на вкладці «Ключі та доступи» "
        "інтеграції й передайте його в amo-desktop{profile_option} login "
        "--long-lived-token-stdin.",
    ),
}


def text(key: str, language: str, **params: object) -> str:
    """The sentence ``key`` in ``language`` (English when unknown), formatted with ``params``."""
    template = _TEXTS.get(language, _EN).get(key) or _EN[key]
    return template.format(**params)


def bilingual(pair: tuple[str, str], language: str, **params: object) -> str:
    """The (English, Ukrainian) ``pair`` in ``language`` (English unless Ukrainian), formatted."""
    english, ukrainian = pair
    return (ukrainian if language == "uk" else english).format(**params)


def cli_hint(code: ErrorCode, language: str, profile_option: str) -> str | None:
    """The command-line wording of the hint for ``code``, or None to keep the catalogue's."""
    hints = _CLI_HINTS.get(code)
    if hints is None:
        return None
    return bilingual(hints, language, profile_option=profile_option)


def cli_fix(phrase_key: str, language: str, profile_option: str, **params: object) -> str | None:
    """The command-line wording of the troubleshooting fix ``phrase_key``, or None to keep it.

    ``params`` are the fix's own parameters, already worded (a port, a path, a command).
    """
    fixes = _CLI_FIXES.get(phrase_key)
    if fixes is None:
        return None
    return bilingual(fixes, language, profile_option=profile_option, **params)
