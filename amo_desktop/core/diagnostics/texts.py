"""The diagnostics' own words (check titles, findings, fixes) in English and Ukrainian.

Errors keep their text in the error catalogue; this table only holds what the checks say
when there is no error to quote (a passed check, a warning, a skipped check).
Templates use ``{placeholders}`` from :class:`~.results.Phrase` parameters.
"""

from __future__ import annotations

from collections.abc import Mapping

from amo_desktop.core.diagnostics.results import Phrase
from amo_desktop.core.error_catalogue import normalize_language, without_unknown_asides
from amo_desktop.core.errors import AmoError

TITLES: Mapping[str, tuple[str, str]] = {
    "configuration": ("Settings", "Налаштування"),
    "keyring": ("Password storage", "Сховище паролів"),
    "account_host": ("Connection to the account", "З'єднання з акаунтом"),
    "clock": ("Computer clock", "Годинник комп'ютера"),
    "token": ("Access token", "Токен доступу"),
    "refresh_token_age": ("Refresh token age", "Вік токена оновлення"),
    "refresh": ("Token refresh", "Оновлення токенів"),
    "api": ("amoCRM API", "API amoCRM"),
    "redirect_uri": ("Redirect URI", "Адреса перенаправлення (Redirect URI)"),
    "redirect_port": ("Port for browser sign-in", "Порт для входу через браузер"),
    "webhook_listener": ("Webhook listener", "Приймач вебхуків"),
    "forward_target": ("Forward target", "Адреса пересилання"),
    "webhook_subscription": ("Webhook subscription", "Підписка на вебхуки"),
}

PHRASES: Mapping[str, tuple[str, str]] = {
    # Shared
    "timed_out": (
        "The check did not finish within {seconds} s.",
        "Перевірка не завершилася за {seconds} с.",
    ),
    "timed_out_fix": (
        "Run the checks again. If this repeats, something on this computer or the network "
        "is stalling; the support report shows which step.",
        "Запустіть перевірки ще раз. Якщо це повторюється, щось на цьому комп'ютері чи в "
        "мережі зависає; звіт для підтримки покаже, на якому кроці.",
    ),
    "check_crashed": (
        "The check stopped on an unexpected problem.",
        "Перевірка зупинилася через несподівану проблему.",
    ),
    "not_configured": (
        "There are no connection settings yet.",
        "Налаштувань підключення ще немає.",
    ),
    "needs_settings": (
        "Skipped: the settings are missing or invalid.",
        "Пропущено: налаштування відсутні або некоректні.",
    ),
    "needs_keyring": (
        "Skipped: the password storage could not be read.",
        "Пропущено: не вдалося прочитати сховище паролів.",
    ),
    "needs_login": ("Skipped: not signed in yet.", "Пропущено: вхід ще не виконано."),
    "not_signed_in": ("Not signed in yet.", "Вхід ще не виконано."),
    "needs_host": (
        "Skipped: the account could not be reached.",
        "Пропущено: акаунт недоступний.",
    ),
    "needs_api": (
        "Skipped: the amoCRM API check did not pass.",
        "Пропущено: перевірка API amoCRM не пройшла.",
    ),
    # Configuration
    "config_ok": (
        "Account {host}, integration ID {client_id}, redirect URI {redirect_uri}.",
        "Акаунт {host}, ID інтеграції {client_id}, redirect URI {redirect_uri}.",
    ),
    "config_problem": ("A setting is wrong: {problem}", "Налаштування некоректне: {problem}"),
    "settings_file_problem": ("{error}", "{error}"),
    "config_secret_unknown": (
        "The settings are valid, but the secret key could not be checked because the "
        "password storage is not usable.",
        "Налаштування коректні, але секретний ключ перевірити не вдалося: сховище паролів "
        "недоступне.",
    ),
    # Keyring
    "keyring_ok": (
        "{backend} stored, read back and removed a {size}-character test value.",
        "Сховище «{backend}» зберегло, повернуло й видалило тестове значення на {size} символів.",
    ),
    # The name is an aside: a storage that was never found has none (see phrase()).
    "keyring_broken": (
        "The password storage ({backend}) cannot be used.",
        "Сховищем паролів ({backend}) не можна скористатися.",
    ),
    "keyring_mismatch": (
        "{backend} returned a different value than was stored.",
        "Сховище «{backend}» повернуло інше значення, ніж було збережено.",
    ),
    # Account host
    "host_ok": (
        "{host} answered (HTTP {status}) in {ms} ms.",
        "{host} відповів (HTTP {status}) за {ms} мс.",
    ),
    "host_failed": ("{host} could not be reached.", "Не вдалося з'єднатися з {host}."),
    # Clock
    "clock_ok": (
        "The clock differs from the amoCRM server's by {seconds} s.",
        "Годинник відрізняється від годинника сервера amoCRM на {seconds} с.",
    ),
    "clock_off": (
        "The clock is {seconds} s {direction} the amoCRM server's.",
        "Годинник {direction} на {seconds} с порівняно з годинником сервера amoCRM.",
    ),
    "clock_ahead": ("ahead of", "поспішає"),
    "clock_behind": ("behind", "відстає"),
    "clock_no_date": (
        "Skipped: the server did not send its time (no Date header).",
        "Пропущено: сервер не надіслав свого часу (немає заголовка Date).",
    ),
    "clock_fix": (
        "Turn on automatic date and time in your system settings (time synchronisation), "
        "then run the checks again. Token expiry times depend on a correct clock.",
        "Увімкніть автоматичне встановлення дати й часу в налаштуваннях системи "
        "(синхронізацію часу) і запустіть перевірки ще раз. Від правильного часу залежить "
        "строк дії токенів.",
    ),
    # Access token
    "token_ok": (
        "{kind} token, valid until {until} ({left} left).",
        "Токен ({kind}) дійсний до {until} (лишилося {left}).",
    ),
    "token_renewed_soon": (
        "OAuth token, valid until {until} ({left} left); it is renewed on the next call to "
        "amoCRM. These checks use it as it is.",
        "Токен OAuth дійсний до {until} (лишилося {left}); його буде оновлено під час "
        "наступного звернення до amoCRM. Ці перевірки використовують його як є.",
    ),
    "token_expired_renewable": (
        "The access token expired at {until}; it is renewed automatically on next use.",
        "Токен доступу сплив {until}; його буде оновлено автоматично під час наступного звернення.",
    ),
    "token_expired_renewable_fix": (
        "Nothing to do. To renew it now, run the checks again with the real token refresh "
        "turned on (on the command line: {command}).",
        "Нічого робити не треба. Щоб оновити його зараз, запустіть перевірки ще раз з "
        "увімкненим справжнім оновленням токенів (у командному рядку: {command}).",
    ),
    "token_expired": ("The token expired at {until}.", "Токен сплив {until}."),
    "token_expires_soon": (
        "The long-lived token expires at {until} ({left} left).",
        "Довгостроковий токен спливає {until} (лишилося {left}).",
    ),
    "token_expires_soon_fix": (
        "Create a new long-lived token in the integration's Keys and access tab and enter it "
        "in amo-desktop before this date.",
        "Створіть новий довгостроковий токен на вкладці «Ключі та доступи» інтеграції й "
        "введіть його в amo-desktop до цієї дати.",
    ),
    "token_backend_expired": (
        "The tokens belong to the backend and expired at {until}; only the backend can renew them.",
        "Токени належать бекенду і спливли {until}; оновити їх може лише бекенд.",
    ),
    "token_backend_fix": (
        "Check that the backend refreshes its tokens, or sign in again here and send the new "
        "tokens to the backend.",
        "Перевірте, чи бекенд оновлює свої токени, або увійдіть тут знову й передайте нові "
        "токени бекенду.",
    ),
    "kind_oauth": ("OAuth", "OAuth"),
    "duration_days": ("{days} d", "{days} дн."),
    "duration_hours": ("{hours} h {minutes} min", "{hours} год {minutes} хв"),
    "duration_minutes": ("{minutes} min", "{minutes} хв"),
    "kind_long_lived": ("long-lived", "довгостроковий"),
    # Refresh token age
    "age_ok": (
        "Last renewed {days} days ago; it lapses if unused until {until}.",
        "Востаннє оновлено {days} дн. тому; він згорить, якщо не використовувати його до {until}.",
    ),
    "age_old": (
        "Last renewed {days} days ago; amoCRM cancels it if unused for 3 months, on {until}.",
        "Востаннє оновлено {days} дн. тому; amoCRM скасовує його, якщо він не "
        "використовується 3 місяці, тобто {until}.",
    ),
    "age_old_fix": (
        "Renew the tokens now: test the connection, or run the checks again with the real "
        "token refresh turned on (on the command line: {command}). Then use the connection "
        "at least once a month.",
        "Оновіть токени зараз: перевірте з'єднання або запустіть перевірки ще раз з "
        "увімкненим справжнім оновленням токенів (у командному рядку: {command}). Далі "
        "користуйтеся з'єднанням хоча б раз на місяць.",
    ),
    "age_not_applicable": (
        "Skipped: {reason}.",
        "Пропущено: {reason}.",
    ),
    "reason_long_lived": (
        "a long-lived token has no refresh token",
        "довгостроковий токен не має токена оновлення",
    ),
    "reason_backend": (
        "the backend owns and renews these tokens",
        "цими токенами володіє й оновлює їх бекенд",
    ),
    "reason_no_refresh": ("no refresh token is stored", "токен оновлення не збережено"),
    # Refresh
    "refresh_ready": (
        "Not tried, because a refresh replaces the token pair; everything a refresh needs is "
        "in place.",
        "Не перевірялося, бо оновлення замінює пару токенів; усе потрібне для оновлення є.",
    ),
    "refresh_ready_fix": (
        "To try a real refresh, run the checks again with the real token refresh turned on "
        "(on the command line: {command}).",
        "Щоб перевірити справжнє оновлення, запустіть перевірки ще раз з увімкненим "
        "справжнім оновленням токенів (у командному рядку: {command}).",
    ),
    "refresh_ok": (
        "Renewed; the new access token is valid until {until}.",
        "Оновлено; новий токен доступу дійсний до {until}.",
    ),
    "refresh_failed": ("The refresh was refused.", "В оновленні відмовлено."),
    "refresh_no_secret": (
        "The secret key is not stored, so tokens cannot be renewed.",
        "Секретний ключ не збережено, тому токени не можна оновити.",
    ),
    # API
    "api_ok": (
        "Account “{name}” (ID {id}) answered in {ms} ms.",
        "Акаунт «{name}» (ID {id}) відповів за {ms} мс.",
    ),
    "api_failed": ("The API refused the request.", "API відхилив запит."),
    "api_token_expired": (
        "Skipped: the access token has expired and this run does not renew it.",
        "Пропущено: токен доступу сплив, а ця перевірка його не оновлює.",
    ),
    # Redirect URI
    "redirect_ok": (
        "amoCRM raised no objection to {uri} (a deliberately invalid test code was refused, "
        "as expected).",
        "amoCRM не заперечує проти {uri} (навмисно неправильний тестовий код відхилено, як і "
        "очікувалося).",
    ),
    "redirect_rejected": (
        "amoCRM rejected {uri} for this integration.",
        "amoCRM відхилив {uri} для цієї інтеграції.",
    ),
    "redirect_keys_rejected": (
        "amoCRM rejected the integration keys before the redirect URI could be compared.",
        "amoCRM відхилив ключі інтеграції ще до порівняння redirect URI.",
    ),
    "redirect_or_keys_rejected": (
        "amoCRM rejected the secret key or the redirect URI {uri}; its answer does not say which.",
        "amoCRM відхилив секретний ключ або redirect URI {uri}; з його відповіді не видно, "
        "що саме.",
    ),
    "redirect_unclear": (
        "The redirect URI could not be confirmed: the account gave an unexpected answer.",
        "Не вдалося підтвердити redirect URI: акаунт відповів несподівано.",
    ),
    "redirect_structure": (
        "{uri} is not a usable address: {problem}",
        "{uri} — непридатна адреса: {problem}",
    ),
    "redirect_structure_fix": (
        "Copy the Redirect URI exactly as it is shown in the integration's settings in "
        "amoCRM, including any trailing slash, and save it in Settings.",
        "Скопіюйте Redirect URI точно так, як його показано в налаштуваннях інтеграції в "
        "amoCRM, разом із кінцевою скісною рискою, якщо вона є, і збережіть у Налаштуваннях.",
    ),
    "redirect_not_probed": (
        "{uri} is well formed; it was not compared with the integration because the secret "
        "key is not stored here.",
        "{uri} має правильний вигляд; з інтеграцією його не порівнювали, бо секретного "
        "ключа тут немає.",
    ),
    "problem_scheme": (
        "it must start with http:// or https://",
        "вона має починатися з http:// або https://",
    ),
    "problem_host": ("it has no host name", "у ній немає імені хоста"),
    "problem_fragment": ("it must not contain a # part", "вона не може містити частину після #"),
    "problem_spaces": ("it contains spaces", "вона містить пробіли"),
    # Redirect port
    "port_free": (
        "Port {port} on {host} is free for the browser sign-in.",
        "Порт {port} на {host} вільний для входу через браузер.",
    ),
    "port_taken": (
        "Port {port} on {host} is taken by {owner}.",
        "Порт {port} на {host} зайнятий: {owner}.",
    ),
    "port_owner_process": ("{name} (process {pid})", "{name} (процес {pid})"),
    "port_owner_server": (
        "a web server that calls itself “{server}”",
        "вебсервер, що називає себе «{server}»",
    ),
    "port_owner_unknown": ("another program", "інша програма"),
    "port_not_loopback": (
        "The redirect URI points to {host}, not to this computer: sign in by pasting the "
        "code or the final address instead of the browser listener.",
        "Redirect URI веде на {host}, а не на цей комп'ютер: увійдіть, вставивши код або "
        "кінцеву адресу, а не через прослуховування браузера.",
    ),
    # Webhook listener
    "listener_not_set": (
        "Skipped: no webhook listener is set up.",
        "Пропущено: приймач вебхуків не налаштовано.",
    ),
    "listener_not_running": (
        "Skipped: no listener runs at {url}, and none is set up.",
        "Пропущено: за адресою {url} приймач не працює, і його не налаштовано.",
    ),
    "listener_ok": (
        "The listener at {url} answered as expected.",
        "Приймач за адресою {url} відповів, як очікувалося.",
    ),
    "listener_down": ("Nothing answers at {url}.", "За адресою {url} ніхто не відповідає."),
    "listener_saved_down": (
        "Nothing answers at {url}, the listener address saved for this profile.",
        "За адресою {url}, збереженою для приймача цього профілю, ніхто не відповідає.",
    ),
    "listener_down_fix": (
        "Start this profile's listener on port {port} with the path {path} and keep it "
        "running while you expect events: {command} uses the saved port and path; in the "
        "window, enter them on the Webhooks page before “Start listening”.",
        "Запустіть приймач цього профілю на порту {port} зі шляхом {path} і тримайте його "
        "запущеним, поки чекаєте на події: {command} бере збережені порт і шлях; у вікні "
        "введіть їх на сторінці «Вебхуки», перш ніж натиснути «Почати прослуховування».",
    ),
    "listener_wrong_path": (
        "The listener runs, but not on the path {path}.",
        "Приймач працює, але не за шляхом {path}.",
    ),
    "listener_wrong_path_fix": (
        "Restart the listener on port {port} with the saved path {path}: {command} uses it; "
        "in the window, enter it on the Webhooks page before “Start listening”.",
        "Перезапустіть приймач на порту {port} зі збереженим шляхом {path}: {command} бере "
        "саме його; у вікні введіть його на сторінці «Вебхуки», перш ніж натиснути «Почати "
        "прослуховування».",
    ),
    "listener_other_path": (
        "Skipped: no webhook listener is set up for this profile. An amo-desktop listener "
        "answers on port {port}, with a path other than {path}.",
        "Пропущено: приймач вебхуків для цього профілю не налаштовано. На порту {port} "
        "відповідає приймач amo-desktop з іншим шляхом, ніж {path}.",
    ),
    "listener_foreign": (
        "Another program answers at {url} (HTTP {status}{server}).",
        "За адресою {url} відповідає інша програма (HTTP {status}{server}).",
    ),
    "listener_foreign_fix": (
        "Port {port} is saved for this profile's listener, and the checks look there: stop "
        "the other program, then start the listener on port {port} with the path {path} "
        "({command} uses them; in the window, enter them on the Webhooks page).",
        "Порт {port} збережено для приймача цього профілю, і перевірки шукають його саме там: "
        "зупиніть іншу програму, а тоді запустіть приймач на порту {port} зі шляхом {path} "
        "({command} бере саме їх; у вікні введіть їх на сторінці «Вебхуки»).",
    ),
    "listener_port_taken": (
        "Skipped: no webhook listener is set up for this profile. Another program answers "
        "on port {port}, the listener's default on the command line (HTTP {status}{server}).",
        "Пропущено: приймач вебхуків для цього профілю не налаштовано. На порту {port}, "
        "який командний рядок типово бере для приймача, відповідає інша програма "
        "(HTTP {status}{server}).",
    ),
    "listener_port_taken_fix": (
        "If you start the listener on the command line, give it a free port: {command} "
        "picks one. The listener in the window picks a free port by itself.",
        "Якщо запускатимете приймач у командному рядку, дайте йому вільний порт: {command} "
        "вибере його сам. Приймач у вікні сам вибирає вільний порт.",
    ),
    # Forward target
    "forward_not_set": (
        "Skipped: events are not forwarded anywhere.",
        "Пропущено: події нікуди не пересилаються.",
    ),
    "forward_ok": (
        "{url} answered (HTTP {status}) in {ms} ms.",
        "{url} відповів (HTTP {status}) за {ms} мс.",
    ),
    "forward_server_error": (
        "{url} answers with a server error (HTTP {status}).",
        "{url} відповідає помилкою сервера (HTTP {status}).",
    ),
    "forward_server_error_fix": (
        "Look at your backend's own log: it is running but failing.",
        "Перегляньте журнал свого бекенда: він працює, але з помилками.",
    ),
    # Subscription
    "subscription_ok": (
        "amoCRM sends {events} to {url}.",
        "amoCRM надсилає {events} на {url}.",
    ),
    "subscription_missing": (
        "amoCRM has no webhook for {url}.",
        "В amoCRM немає вебхука для {url}.",
    ),
    "subscription_missing_fix": (
        "Subscribe this address in Webhooks → Subscriptions (amo-desktop webhooks subscribe).",
        "Підпишіть цю адресу у Вебхуки → Підписки (amo-desktop webhooks subscribe).",
    ),
    "subscription_none": (
        "Skipped: the account has no webhooks at all.",
        "Пропущено: в акаунті взагалі немає вебхуків.",
    ),
    "subscription_any_ok": (
        "{count} webhook(s) active: {urls}.",
        "Активних вебхуків: {count} ({urls}).",
    ),
    "subscription_disabled": (
        "amoCRM switched off the webhook for {url}.",
        "amoCRM вимкнув вебхук для {url}.",
    ),
    "subscription_disabled_fix": (
        "amoCRM switches a webhook off after more than 100 failed deliveries in 2 hours. "
        "Make sure the address answers (listener or backend running, tunnel up), then switch "
        "it back on in amoCRM: Settings → Integrations → Web hooks. Or subscribe it again.",
        "amoCRM вимикає вебхук після понад 100 невдалих доставок за 2 години. Переконайтеся, "
        "що адреса відповідає (приймач чи бекенд запущено, тунель працює), а тоді знову "
        "ввімкніть його в amoCRM: Налаштування → Інтеграції → Web hooks. Або підпишіть його "
        "ще раз.",
    ),
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if normalize_language(language) == "uk" else pair[0]


def title(check_id: str, language: str) -> str:
    """The check's title in ``language`` (its id when the table has none)."""
    pair = TITLES.get(check_id)
    return _pick(pair, language) if pair else check_id


def phrase(key: str, language: str, params: Mapping[str, object] | None = None) -> str:
    """The phrase ``key`` in ``language`` with ``params`` filled in.

    A parameter that is itself a :class:`Phrase` (a direction, a token kind, an owner) is
    worded in the same language, and an :class:`AmoError` becomes its catalogue message, so
    checks never handle words themselves. An empty parameter
    (a name not known yet) leaves its `` ({name})`` aside out, as in the error catalogue.
    """
    values = worded_params(params or {}, language)
    template = without_unknown_asides(_pick(PHRASES[key], language), values)
    return template.format_map(_Lenient(values))


def worded_params(params: Mapping[str, object], language: str) -> dict[str, str]:
    """A phrase's parameters as text in ``language`` (phrases worded, errors as messages)."""
    return {name: _worded(value, language) for name, value in params.items()}


def _worded(value: object, language: str) -> str:
    if isinstance(value, Phrase):
        return word(value, language)
    if isinstance(value, AmoError):
        return value.localized(language).message
    return str(value)


def word(item: Phrase, language: str) -> str:
    """A :class:`Phrase` in ``language``."""
    return phrase(item.key, language, item.params)


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"
