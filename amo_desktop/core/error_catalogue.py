"""The bilingual (English, Ukrainian) text for every :class:`ErrorCode`.

Each entry has a title, a message (what happened) and a hint (what to do, for a person who is
not a developer), plus aliases: the raw strings people meet in the wild (amoCRM's own ``hint``
values, library messages, the backend's troubleshooting section), so that a pasted error can be
found in the searchable catalogue.

Messages may use ``{placeholders}`` filled from ``AmoError.details``. The names in use are
``profile``, ``text``, ``host``, ``url``, ``uri``, ``path``, ``port``, ``backend``, ``status``,
``value``, ``event_id``, and ``wait``: amo's ``retry_after`` (seconds) in words, in the
entry's language. A missing placeholder renders as "…" instead of failing.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from amo_desktop.core.errors import ErrorCode, LocalizedError
from amo_desktop.core.wait_words import wait_in_words

LANGUAGES = ("en", "uk")
_MISSING = "…"


@dataclass(frozen=True)
class Texts:
    """Title, message and hint in one language (unformatted templates)."""

    title: str
    message: str
    hint: str


@dataclass(frozen=True)
class CatalogueEntry:
    """Everything the catalogue knows about one error code."""

    code: ErrorCode
    texts: Mapping[str, Texts]
    aliases: tuple[str, ...]

    def localized(
        self, language: str = "en", details: Mapping[str, object] | None = None
    ) -> LocalizedError:
        language = normalize_language(language)
        texts = self.texts[language]
        values = {key: str(value) for key, value in (details or {}).items()}
        values.setdefault("wait", wait_in_words(values.get("retry_after", ""), language))
        return LocalizedError(
            code=self.code.value,
            title=_render(without_unknown_asides(texts.title, values), values),
            message=_render(without_unknown_asides(texts.message, values), values),
            hint=_render(without_unknown_asides(texts.hint, values), values),
        )


def without_unknown_asides(template: str, values: Mapping[str, str]) -> str:
    """``template`` without each `` ({name})`` aside whose value is empty.

    An empty detail is one that is not known yet (a password storage that has not been found
    yet); the sentence reads whole without it, in any language, where a stand-in name would
    be in one language only.
    """
    for name, value in values.items():
        if not value:
            template = template.replace(f" ({{{name}}})", "")
    return template


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return _MISSING


def _render(template: str, values: Mapping[str, str]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Lenient(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        # A malformed template must never hide the error itself.
        return template


def normalize_language(language: str | None) -> str:
    """``"uk"``, ``"uk_UA.UTF-8"`` -> ``"uk"``; anything unknown -> ``"en"``."""
    lowered = (language or "").strip().lower()
    return "uk" if lowered.startswith("uk") else "en"


def _entry(
    code: ErrorCode,
    en: tuple[str, str, str],
    uk: tuple[str, str, str],
    aliases: Iterable[str] = (),
) -> CatalogueEntry:
    return CatalogueEntry(code, {"en": Texts(*en), "uk": Texts(*uk)}, tuple(aliases))


_ENTRIES: tuple[CatalogueEntry, ...] = (
    # Configuration and input
    _entry(
        ErrorCode.NOT_CONFIGURED,
        (
            "Not set up yet",
            "The profile “{profile}” has no amoCRM connection settings yet.",
            "Open Settings and enter your account address, integration ID and secret key, "
            "or import them from your backend's .env file.",
        ),
        (
            "Ще не налаштовано",
            "Профіль «{profile}» ще не має налаштувань підключення до amoCRM.",
            "Відкрийте Налаштування і введіть адресу акаунта, ID інтеграції та секретний ключ "
            "або імпортуйте їх із файлу .env вашого бекенда.",
        ),
        ("not configured", "no settings"),
    ),
    _entry(
        ErrorCode.INVALID_DOMAIN,
        (
            "Account address not recognised",
            "“{text}” does not look like the address of an amoCRM or Kommo account.",
            "Copy the address from your browser while you are in amoCRM, for example "
            "mycompany.amocrm.ru or mycompany.kommo.com, and check that the right platform "
            "is selected.",
        ),
        (
            "Адресу акаунта не розпізнано",
            "«{text}» не схожа на адресу акаунта amoCRM чи Kommo.",
            "Скопіюйте адресу з браузера, коли ви в amoCRM, наприклад mycompany.amocrm.ru "
            "або mycompany.kommo.com, і перевірте, що вибрано правильну платформу.",
        ),
        ("invalid domain", "invalid subdomain", "AMO_DOMAIN"),
    ),
    _entry(
        ErrorCode.API_DOMAIN_GIVEN,
        (
            "That is not your account address",
            "“{host}” is a shared amoCRM address, not the address of your account.",
            "Use your own subdomain, like mycompany.amocrm.ru, not the API domain "
            "(api-b.amocrm.ru) or www.amocrm.ru. You see it in the browser's address bar "
            "when you are logged in to amoCRM.",
        ),
        (
            "Це не адреса вашого акаунта",
            "«{host}» — це спільна адреса amoCRM, а не адреса вашого акаунта.",
            "Вкажіть свій піддомен, наприклад mycompany.amocrm.ru, а не API-домен "
            "(api-b.amocrm.ru) чи www.amocrm.ru. Його видно в адресному рядку браузера, "
            "коли ви увійшли в amoCRM.",
        ),
        ("api domain", "api-b.amocrm.ru", "api-g.kommo.com", "www.amocrm.ru", "AMO_API_DOMAIN"),
    ),
    _entry(
        ErrorCode.INVALID_BASE_URL,
        (
            "Server address not allowed",
            "“{url}” can't be used as a custom amoCRM server address.",
            "A custom address must start with https://, or be http:// on this computer "
            "(127.0.0.1 or localhost), for example the built-in sandbox.",
        ),
        (
            "Таку адресу сервера не можна використати",
            "«{url}» не підходить як власна адреса сервера amoCRM.",
            "Власна адреса має починатися з https:// або бути http:// на цьому комп'ютері "
            "(127.0.0.1 чи localhost), як-от вбудована пісочниця.",
        ),
        ("base url", "custom server"),
    ),
    _entry(
        ErrorCode.INVALID_CLIENT_ID,
        (
            "Integration ID looks wrong",
            "“{value}” is not an integration ID. It should look like "
            "1a2b3c4d-1234-5678-9abc-0123456789ab.",
            "In amoCRM open Settings → Integrations → your integration → Keys and access, "
            "and copy the “Integration ID” field.",
        ),
        (
            "ID інтеграції виглядає неправильно",
            "«{value}» — не ID інтеграції. Він має виглядати так: "
            "1a2b3c4d-1234-5678-9abc-0123456789ab.",
            "В amoCRM відкрийте Налаштування → Інтеграції → ваша інтеграція → Ключі та доступи "
            "і скопіюйте поле «ID інтеграції».",
        ),
        ("client_id", "AMO_CLIENT_ID", "integration id", "uuid"),
    ),
    _entry(
        ErrorCode.INVALID_REDIRECT_URI,
        (
            "Redirect address looks wrong",
            "“{uri}” can't be used as a redirect address.",
            "Paste the full address from the integration's settings, starting with http:// "
            "or https://, without a # part. It must be exactly the same, character for "
            "character, including a trailing slash.",
        ),
        (
            "Адреса перенаправлення виглядає неправильно",
            "«{uri}» не можна використати як адресу перенаправлення.",
            "Вставте повну адресу з налаштувань інтеграції, що починається з http:// або "
            "https://, без частини після #. Вона має збігатися до символу, включно з "
            "кінцевою косою рискою.",
        ),
        ("redirect_uri", "AMO_REDIRECT_URI"),
    ),
    _entry(
        ErrorCode.MISSING_CLIENT_SECRET,
        (
            "Secret key is missing",
            "The secret key of the integration is not saved for the profile “{profile}”.",
            "In amoCRM open your integration → Keys and access, copy the “Secret key” and "
            "paste it in Settings. It is kept in your system's password storage.",
        ),
        (
            "Немає секретного ключа",
            "Секретний ключ інтеграції не збережено для профілю «{profile}».",
            "В amoCRM відкрийте інтеграцію → Ключі та доступи, скопіюйте «Секретний ключ» і "
            "вставте його в Налаштуваннях. Він зберігається у системному сховищі паролів.",
        ),
        ("client_secret", "AMO_CLIENT_SECRET", "secret key"),
    ),
    _entry(
        ErrorCode.PROFILE_NOT_FOUND,
        (
            "No such profile",
            "There is no profile named “{profile}”.",
            "Check the name in the profile list, or create the profile in Settings first.",
        ),
        (
            "Такого профілю немає",
            "Профілю з назвою «{profile}» не існує.",
            "Перевірте назву у списку профілів або спершу створіть профіль у Налаштуваннях.",
        ),
        ("profile not found", "unknown profile"),
    ),
    _entry(
        ErrorCode.PROFILE_EXISTS,
        (
            "Profile already exists",
            "A profile named “{profile}” already exists.",
            "Choose another name, or delete or rename the existing profile first.",
        ),
        (
            "Профіль уже існує",
            "Профіль з назвою «{profile}» уже існує.",
            "Виберіть іншу назву або спершу видаліть чи перейменуйте наявний профіль.",
        ),
        ("profile exists",),
    ),
    _entry(
        ErrorCode.INVALID_PROFILE_NAME,
        (
            "Profile name not allowed",
            "“{profile}” can't be used as a profile name.",
            "Use 1 to 40 Latin letters, digits, dots, dashes or underscores, starting with a "
            "letter or digit, for example “shop” or “test-1”.",
        ),
        (
            "Таку назву профілю не можна використати",
            "«{profile}» не підходить як назва профілю.",
            "Використайте від 1 до 40 латинських літер, цифр, крапок, дефісів або підкреслень, "
            "починаючи з літери чи цифри, наприклад «shop» або «test-1».",
        ),
        ("profile name",),
    ),
    _entry(
        ErrorCode.CONFIG_UNREADABLE,
        (
            "Settings file is damaged",
            "The settings file {path} could not be read.",
            "A copy was kept next to it with the ending .bak. Fix or delete the file and set "
            "up the profile again; your secrets in the system password storage are not "
            "affected.",
        ),
        (
            "Файл налаштувань пошкоджено",
            "Не вдалося прочитати файл налаштувань {path}.",
            "Поруч збережено копію із закінченням .bak. Виправте або видаліть файл і знову "
            "налаштуйте профіль; ваші секрети в системному сховищі паролів не постраждали.",
        ),
        ("config.json", "JSONDecodeError"),
    ),
    _entry(
        ErrorCode.ENV_FILE_NOT_FOUND,
        (
            ".env file not found",
            "There is no file at {path}.",
            "Choose the .env file in your backend's folder (the one with AMO_CLIENT_ID and "
            "the other AMO_ settings).",
        ),
        (
            "Файл .env не знайдено",
            "За адресою {path} файлу немає.",
            "Виберіть файл .env у папці вашого бекенда (той, де є AMO_CLIENT_ID та інші "
            "налаштування AMO_).",
        ),
        (".env", "No such file or directory"),
    ),
    _entry(
        ErrorCode.ENV_FILE_EXISTS,
        (
            ".env file already has other settings",
            "{path} already contains different amoCRM settings ({keys}).",
            "Check that you picked the right file. To replace the amoCRM settings in it, "
            "confirm the overwrite (on the command line add --force). Other lines stay as "
            "they are.",
        ),
        (
            "Файл .env уже містить інші налаштування",
            "{path} уже містить інші налаштування amoCRM ({keys}).",
            "Перевірте, що вибрали потрібний файл. Щоб замінити в ньому налаштування amoCRM, "
            "підтвердьте перезапис (у командному рядку додайте --force). Інші рядки "
            "залишаться без змін.",
        ),
        ("file exists", "--force"),
    ),
    _entry(
        ErrorCode.ENV_FILE_INVALID,
        (
            ".env file can't be used",
            "{path} does not contain usable amoCRM settings.",
            "The file needs at least AMO_DOMAIN, AMO_CLIENT_ID and AMO_REDIRECT_URI lines, "
            "like AMO_CLIENT_ID=1a2b3c4d-…. Check the file or enter the values by hand.",
        ),
        (
            "Файл .env не підходить",
            "{path} не містить придатних налаштувань amoCRM.",
            "У файлі мають бути принаймні рядки AMO_DOMAIN, AMO_CLIENT_ID і AMO_REDIRECT_URI, "
            "наприклад AMO_CLIENT_ID=1a2b3c4d-…. Перевірте файл або введіть значення вручну.",
        ),
        ("AMO_DOMAIN", "AMO_CLIENT_ID"),
    ),
    _entry(
        ErrorCode.INVALID_URL,
        (
            "Address looks wrong",
            "“{url}” is not a web address that can be used here.",
            "Enter a full address starting with http:// or https://, for example "
            "http://127.0.0.1:8000.",
        ),
        (
            "Адреса виглядає неправильно",
            "«{url}» — не веб-адреса, яку тут можна використати.",
            "Введіть повну адресу, що починається з http:// або https://, наприклад "
            "http://127.0.0.1:8000.",
        ),
        ("invalid url",),
    ),
    _entry(
        ErrorCode.FILE_NOT_SAVED,
        (
            "File not saved",
            "{path} could not be written.",
            "Choose a folder you can write to (for example Documents) and save again.",
        ),
        (
            "Файл не збережено",
            "Не вдалося записати {path}.",
            "Виберіть папку, у яку можна записувати (наприклад, «Документи»), і збережіть ще раз.",
        ),
    ),
    _entry(
        ErrorCode.CONFIG_NOT_WRITABLE,
        (
            "Settings not saved",
            "The settings file {path} could not be written, so your change was not kept.",
            "Make sure the disk is not full and that you are allowed to change files in that "
            "folder, then try again.",
        ),
        (
            "Налаштування не збережено",
            "Не вдалося записати файл налаштувань {path}, тому зміну не збережено.",
            "Перевірте, чи є вільне місце на диску і чи можна змінювати файли в цій папці, "
            "а потім спробуйте ще раз.",
        ),
        ("Permission denied", "No space left on device"),
    ),
    _entry(
        ErrorCode.CONFIG_LOCKED,
        (
            "Settings are busy",
            "Another amo-desktop window or command is changing the settings ({path}) right now.",
            "Wait a few seconds and try again. If this keeps happening, close the other "
            "amo-desktop windows and commands.",
        ),
        (
            "Налаштування зараз зайняті",
            "Інше вікно чи команда amo-desktop саме змінює налаштування ({path}).",
            "Зачекайте кілька секунд і спробуйте ще раз. Якщо це повторюється, закрийте інші "
            "вікна й команди amo-desktop.",
        ),
        ("config.json.lock",),
    ),
    _entry(
        ErrorCode.ENV_FILE_NOT_WRITABLE,
        (
            ".env file not saved",
            "{path} could not be written.",
            "Check that the folder exists and that you are allowed to change files in it (it "
            "is not read-only), or choose another folder, then try again.",
        ),
        (
            "Файл .env не збережено",
            "Не вдалося записати {path}.",
            "Перевірте, що папка існує і в ній можна змінювати файли (вона не лише для "
            "читання), або виберіть іншу папку, а потім спробуйте ще раз.",
        ),
        ("Read-only file system",),
    ),
    # Keyring
    _entry(
        ErrorCode.KEYRING_UNAVAILABLE,
        (
            "No password storage",
            "The system password storage ({backend}) is not available, so secrets can't be "
            "kept safely. They are never saved in plain files.",
            "On Linux install and start GNOME Keyring or KWallet and log in again. On a "
            "server run the app inside “dbus-run-session” after starting "
            "“gnome-keyring-daemon --unlock”.",
        ),
        (
            "Немає сховища паролів",
            "Системне сховище паролів ({backend}) недоступне, тому секрети не можна зберегти "
            "безпечно. У звичайні файли вони ніколи не записуються.",
            "У Linux встановіть і запустіть GNOME Keyring або KWallet та увійдіть у систему "
            "знову. На сервері запускайте програму через «dbus-run-session», попередньо "
            "запустивши «gnome-keyring-daemon --unlock».",
        ),
        (
            "No recommended backend was available",
            "NoKeyringError",
            "keyring",
            "org.freedesktop.secrets",
        ),
    ),
    _entry(
        ErrorCode.KEYRING_LOCKED,
        (
            "Password storage is locked",
            "The system password storage ({backend}) is locked or the unlock prompt was closed.",
            "Unlock it (usually with your login password) and try again.",
        ),
        (
            "Сховище паролів заблоковано",
            "Системне сховище паролів ({backend}) заблоковане, або вікно розблокування закрили.",
            "Розблокуйте його (зазвичай паролем входу в систему) і спробуйте ще раз.",
        ),
        ("locked", "prompt dismissed", "KeyringLocked"),
    ),
    _entry(
        ErrorCode.KEYRING_TIMEOUT,
        (
            "Password storage does not answer",
            "The system password storage ({backend}) did not answer in time.",
            "It may be waiting for you to unlock it in another window. Unlock it, or restart "
            "the keyring service, and try again.",
        ),
        (
            "Сховище паролів не відповідає",
            "Системне сховище паролів ({backend}) не відповіло вчасно.",
            "Можливо, воно чекає на розблокування в іншому вікні. Розблокуйте його або "
            "перезапустіть службу сховища і спробуйте ще раз.",
        ),
        ("timeout", "keyring hangs"),
    ),
    _entry(
        ErrorCode.KEYRING_WRITE_FAILED,
        (
            "Could not save to the password storage",
            "The system password storage ({backend}) refused to save a secret. What it held "
            "before is kept: if new sign-in tokens could not be saved, the previous ones stay "
            "stored, but amoCRM may no longer accept them.",
            "Unlock the password storage (and make sure it is not full), then try again; "
            "after a failed sign-in, sign in once more. Nothing was saved in plain files.",
        ),
        (
            "Не вдалося зберегти у сховище паролів",
            "Системне сховище паролів ({backend}) відмовилося зберегти секрет. Те, що в ньому "
            "було, залишилося: якщо не вдалося зберегти нові токени входу, попередні лишаються "
            "збереженими, але amoCRM може їх уже не прийняти.",
            "Розблокуйте сховище паролів (і перевірте, що воно не переповнене), а тоді "
            "спробуйте ще раз; якщо не вдався вхід, увійдіть ще раз. У звичайні файли нічого не "
            "записано.",
        ),
        ("PasswordSetError", "CredWrite"),
    ),
    _entry(
        ErrorCode.KEYRING_ERROR,
        (
            "Password storage error",
            "The system password storage ({backend}) reported an error.",
            "Try again. If it keeps happening, restart the computer or the keyring service "
            "and include the support report when asking for help.",
        ),
        (
            "Помилка сховища паролів",
            "Системне сховище паролів ({backend}) повідомило про помилку.",
            "Спробуйте ще раз. Якщо помилка повторюється, перезапустіть комп'ютер або службу "
            "сховища і додайте звіт для підтримки, коли звертатиметеся по допомогу.",
        ),
        ("KeyringError",),
    ),
    _entry(
        ErrorCode.TOKENS_NOT_SAVED,
        (
            "New sign-in tokens not saved yet",
            "amoCRM gave the profile “{profile}” new tokens, but the system password storage "
            "({backend}) did not save them. amoCRM may already have cancelled the previous "
            "tokens, so this program holds on to the new ones while it is open and tries "
            "again to save them each time it needs them.",
            "Unlock the password storage (and make sure it is not full), then try again. Keep "
            "this program open until that works: if it closes first, you may have to connect "
            "to amoCRM again. Nothing was saved in plain files.",
        ),
        (
            "Нові токени входу ще не збережено",
            "amoCRM видала профілю «{profile}» нові токени, але системне сховище паролів "
            "({backend}) їх не зберегло. amoCRM могла вже скасувати попередні токени, тому "
            "ця програма тримає нові, доки вона відкрита, і пробує зберегти їх щоразу, коли "
            "вони потрібні.",
            "Розблокуйте сховище паролів (і перевірте, що воно не переповнене), а тоді "
            "спробуйте ще раз. Не закривайте програму, доки це не вдасться: якщо закрити її "
            "раніше, можливо, доведеться знову підключитися до amoCRM. У звичайні файли "
            "нічого не записано.",
        ),
        ("tokens not saved",),
    ),
    # Authorization
    _entry(
        ErrorCode.NOT_LOGGED_IN,
        (
            "Not connected to amoCRM",
            "The profile “{profile}” has no access to amoCRM yet.",
            "Click “Connect” (or run “amo-desktop login”) and allow access in the browser, "
            "or paste the authorization code or a long-lived token.",
        ),
        (
            "Немає підключення до amoCRM",
            "Профіль «{profile}» ще не має доступу до amoCRM.",
            "Натисніть «Підключити» (або виконайте «amo-desktop login») і дозвольте доступ "
            "у браузері чи вставте код авторизації або довгостроковий токен.",
        ),
        ("no tokens", "not logged in"),
    ),
    _entry(
        ErrorCode.STATE_MISMATCH,
        (
            "Answer from another sign-in",
            "The browser returned an answer that does not belong to this sign-in attempt.",
            "Close old amoCRM tabs and start the connection again from this app.",
        ),
        (
            "Відповідь від іншої спроби входу",
            "Браузер повернув відповідь, що не належить до цієї спроби входу.",
            "Закрийте старі вкладки amoCRM і почніть підключення знову з цієї програми.",
        ),
        ("state mismatch", "invalid state"),
    ),
    _entry(
        ErrorCode.ACCESS_DENIED,
        (
            "Access was not allowed",
            "The access request was declined on the amoCRM page.",
            "Start the connection again and click “Allow”. You need to be an administrator "
            "of the account to grant access.",
        ),
        (
            "Доступ не надано",
            "На сторінці amoCRM запит на доступ відхилили.",
            "Почніть підключення знову й натисніть «Дозволити». Щоб надати доступ, треба "
            "бути адміністратором акаунта.",
        ),
        ("access_denied", "error=access_denied"),
    ),
    _entry(
        ErrorCode.AUTHORIZATION_ERROR,
        (
            "amoCRM did not finish the sign-in",
            "amoCRM sent the sign-in back with the error “{error}” ({description}).",
            "Start the connection again in a minute. If the same error comes back, run "
            "amo-desktop doctor --report and send the report to support.",
        ),
        (
            "amoCRM не завершила вхід",
            "amoCRM повернула вхід із помилкою «{error}» ({description}).",
            "Почніть підключення знову за хвилину. Якщо помилка повториться, запустіть "
            "amo-desktop doctor --report і надішліть звіт у підтримку.",
        ),
        ("error=server_error", "temporarily_unavailable"),
    ),
    _entry(
        ErrorCode.AUTH_TIMEOUT,
        (
            "Sign-in took too long",
            "No answer came back from the browser in time.",
            "Start the connection again and finish it in the browser. If the browser did "
            "not open, copy the link shown here, or use “Paste code” instead.",
        ),
        (
            "Вхід тривав задовго",
            "Браузер не повернув відповідь вчасно.",
            "Почніть підключення знову й завершіть його в браузері. Якщо браузер не "
            "відкрився, скопіюйте показане тут посилання або скористайтеся «Вставити код».",
        ),
        ("timed out waiting",),
    ),
    _entry(
        ErrorCode.AUTH_CANCELLED,
        (
            "Sign-in cancelled",
            "The connection to amoCRM was cancelled.",
            "Start it again whenever you are ready.",
        ),
        (
            "Вхід скасовано",
            "Підключення до amoCRM скасовано.",
            "Почніть його знову, коли будете готові.",
        ),
        ("cancelled",),
    ),
    _entry(
        ErrorCode.PORT_IN_USE,
        (
            "Port is busy",
            "Another program already uses port {port} on this computer, so the sign-in "
            "answer can't be received.",
            "Close the other program (often a second copy of this app or your backend), or "
            "use “Paste code” instead.",
        ),
        (
            "Порт зайнятий",
            "Інша програма вже використовує порт {port} на цьому комп'ютері, тому відповідь "
            "після входу не можна прийняти.",
            "Закрийте іншу програму (часто це друга копія цієї програми або ваш бекенд) або "
            "скористайтеся «Вставити код».",
        ),
        ("Address already in use", "EADDRINUSE", "Errno 98"),
    ),
    _entry(
        ErrorCode.REDIRECT_NOT_LOOPBACK,
        (
            "Browser answer goes elsewhere",
            "The redirect address {uri} points to another computer, so this app can't "
            "receive the answer itself.",
            "Use “Paste code”: after allowing access, copy the code (or the whole address "
            "from the browser) and paste it here. Or set the integration's redirect address "
            "to http://127.0.0.1 with a free port.",
        ),
        (
            "Відповідь браузера йде деінде",
            "Адреса перенаправлення {uri} вказує на інший комп'ютер, тому ця програма не "
            "може сама отримати відповідь.",
            "Скористайтеся «Вставити код»: після надання доступу скопіюйте код (або всю "
            "адресу з браузера) і вставте сюди. Або вкажіть в інтеграції адресу "
            "перенаправлення http://127.0.0.1 з вільним портом.",
        ),
        ("loopback", "127.0.0.1"),
    ),
    _entry(
        ErrorCode.INVALID_CODE_INPUT,
        (
            "No code found",
            "What was pasted does not contain an authorization code.",
            "Paste the code from the integration's Keys and access tab, or the whole address "
            "from the browser after you allowed access (it contains “code=”).",
        ),
        (
            "Код не знайдено",
            "У вставленому тексті немає коду авторизації.",
            "Вставте код із вкладки «Ключі та доступи» інтеграції або всю адресу з браузера "
            "після надання доступу (вона містить «code=»).",
        ),
        ("code=", "missing code"),
    ),
    _entry(
        ErrorCode.CODE_EXPIRED,
        (
            "Authorization code has expired",
            "The authorization code is valid for 20 minutes only, and this one is older.",
            "Get a fresh code (in the integration's Keys and access tab, or by connecting "
            "again in the browser) and use it right away.",
        ),
        (
            "Термін дії коду авторизації минув",
            "Код авторизації дійсний лише 20 хвилин, а цей старіший.",
            "Отримайте новий код (на вкладці «Ключі та доступи» інтеграції або підключившись "
            "знову через браузер) і одразу його використайте.",
        ),
        ("Authorization code has expired",),
    ),
    _entry(
        ErrorCode.CODE_REVOKED,
        (
            "Authorization code already used",
            "This authorization code was already used once; a code works only one time.",
            "Get a fresh code and use it once. If your backend also uses codes, make sure "
            "it did not take this one first.",
        ),
        (
            "Код авторизації вже використано",
            "Цей код авторизації вже використали; код працює лише один раз.",
            "Отримайте новий код і використайте його один раз. Якщо ваш бекенд теж "
            "використовує коди, переконайтеся, що він не забрав цей код раніше.",
        ),
        ("Authorization code has been revoked",),
    ),
    _entry(
        ErrorCode.CODE_INVALID,
        (
            "Authorization code not accepted",
            "amoCRM could not read this authorization code. It may be cut off or mistyped.",
            "Copy the whole code again, without spaces, or connect through the browser.",
        ),
        (
            "Код авторизації не прийнято",
            "amoCRM не змогла прочитати цей код авторизації. Можливо, його обрізано або "
            "введено з помилкою.",
            "Скопіюйте весь код ще раз, без пробілів, або підключіться через браузер.",
        ),
        ("Cannot decrypt the authorization code", "invalid_grant"),
    ),
    _entry(
        ErrorCode.INVALID_CLIENT_ID_REJECTED,
        (
            "amoCRM does not know this integration",
            "amoCRM rejected the integration ID.",
            "Copy the “Integration ID” again from the integration's Keys and access tab, in "
            "the same account you are connecting to.",
        ),
        (
            "amoCRM не знає цієї інтеграції",
            "amoCRM відхилила ID інтеграції.",
            "Скопіюйте «ID інтеграції» ще раз із вкладки «Ключі та доступи» інтеграції в тому "
            "самому акаунті, до якого підключаєтеся.",
        ),
        ("Check the `client_id` parameter", "Check the client_id parameter", "invalid_client"),
    ),
    _entry(
        ErrorCode.INVALID_CLIENT_SECRET,
        (
            "Secret key not accepted",
            "amoCRM rejected the integration's secret key.",
            "Copy the “Secret key” again from the integration's Keys and access tab. If it "
            "was regenerated, the old key and all tokens stop working: save the new key "
            "here and in your backend, then connect again.",
        ),
        (
            "Секретний ключ не прийнято",
            "amoCRM відхилила секретний ключ інтеграції.",
            "Скопіюйте «Секретний ключ» ще раз із вкладки «Ключі та доступи» інтеграції. "
            "Якщо ключ згенерували заново, старий ключ і всі токени більше не працюють: "
            "збережіть новий ключ тут і у бекенді, потім підключіться знову.",
        ),
        (
            "Check the `client_secret` parameter",
            "Check the client_secret parameter",
            "invalid_client",
        ),
    ),
    _entry(
        ErrorCode.REDIRECT_URI_MISMATCH,
        (
            "Redirect address does not match",
            "amoCRM says the redirect address {uri} is not the one registered for this "
            "integration.",
            "The address must match the integration's setting exactly, character for "
            "character, including http/https, the port and a trailing slash "
            "(…/callback and …/callback/ are different). Copy it from the integration's "
            "settings.",
        ),
        (
            "Адреса перенаправлення не збігається",
            "amoCRM повідомляє, що адреса перенаправлення {uri} не та, що зареєстрована для "
            "цієї інтеграції.",
            "Адреса має збігатися з налаштуванням інтеграції до символу, включно з "
            "http/https, портом і кінцевою косою рискою (…/callback і …/callback/ — різні "
            "адреси). Скопіюйте її з налаштувань інтеграції.",
        ),
        ("Redirect URI is not associated with client", "redirect_uri"),
    ),
    _entry(
        ErrorCode.CLIENT_REJECTED,
        (
            "Secret key or redirect address not accepted",
            "amoCRM did not accept the integration's keys, and its answer does not say which "
            "one is wrong. Usually it is the secret key, or the redirect address {uri} does "
            "not match the integration's settings.",
            "Check both. 1) Copy the “Secret key” again from the integration's Keys and "
            "access tab, the whole of it. 2) Compare the redirect address with the one in the "
            "integration's settings: it must be exactly the same, with the same http or "
            "https, host, port and path, and a trailing slash on both or on neither "
            "(…/callback and …/callback/ are different). Fix what differs, then connect again.",
        ),
        (
            "Секретний ключ або адресу перенаправлення не прийнято",
            "amoCRM не прийняла ключі інтеграції, і з її відповіді не видно, що саме не так. "
            "Зазвичай це секретний ключ або адреса перенаправлення {uri}, яка не збігається з "
            "налаштуваннями інтеграції.",
            "Перевірте обидва. 1) Скопіюйте «Секретний ключ» ще раз із вкладки «Ключі та "
            "доступи» інтеграції, повністю. 2) Порівняйте адресу перенаправлення з тією, що в "
            "налаштуваннях інтеграції: вона має бути точно такою самою — той самий http чи "
            "https, хост, порт і шлях, а коса риска в кінці або в обох, або в жодній "
            "(…/callback і …/callback/ — різні адреси). Виправте те, що відрізняється, і "
            "підключіться знову.",
        ),
        (
            "Некорректный клиент",
            "Авторизация клиента не прошла",
            "Client authentication failed",
            "invalid_client",
        ),
    ),
    _entry(
        ErrorCode.ACCOUNT_NOT_FOUND,
        (
            "Account not found",
            "amoCRM did not find the account {host}, or the code was issued for another account.",
            "Check the account address (the subdomain you see in the browser, like "
            "mycompany.amocrm.ru) and the platform (amoCRM or Kommo), then connect again.",
        ),
        (
            "Акаунт не знайдено",
            "amoCRM не знайшла акаунт {host}, або код видано для іншого акаунта.",
            "Перевірте адресу акаунта (піддомен, який видно в браузері, наприклад "
            "mycompany.amocrm.ru) і платформу (amoCRM чи Kommo), потім підключіться знову.",
        ),
        ("Account not found", "Invalid account", "account_not_found"),
    ),
    _entry(
        ErrorCode.UNTRUSTED_REFERER,
        (
            "Unexpected account address",
            "The sign-in answer named the account {host}, which is not an amoCRM or Kommo "
            "address. The secret key was not sent there.",
            "Connect again from this app. If it happens again, someone may be tampering "
            "with the sign-in; contact your administrator.",
        ),
        (
            "Неочікувана адреса акаунта",
            "Відповідь після входу вказала акаунт {host}, що не є адресою amoCRM чи Kommo. "
            "Секретний ключ туди не надсилався.",
            "Підключіться знову з цієї програми. Якщо це повториться, можливо, хтось втручається "
            "у вхід; зверніться до адміністратора.",
        ),
        ("referer",),
    ),
    _entry(
        ErrorCode.REFRESH_FAILED,
        (
            "Failed to refresh token",
            "The access to amoCRM could not be renewed.",
            "Connect again (“Connect” or “amo-desktop login”). If your backend also "
            "refreshes tokens for this integration, let only one of them do it.",
        ),
        (
            "Не вдалося оновити токен",
            "Не вдалося продовжити доступ до amoCRM.",
            "Підключіться знову («Підключити» або «amo-desktop login»). Якщо ваш бекенд теж "
            "оновлює токени цієї інтеграції, залиште це лише комусь одному.",
        ),
        ("Failed to refresh token", "Cannot decrypt the refresh token", "refresh_token"),
    ),
    _entry(
        ErrorCode.REFRESH_TOKEN_REVOKED,
        (
            "Access was withdrawn",
            "The saved refresh token was already used or revoked, so access can't be renewed.",
            "Connect again. This happens when another program (often your backend) refreshed "
            "the same tokens, or the secret key was regenerated.",
        ),
        (
            "Доступ відкликано",
            "Збережений токен оновлення вже використано або відкликано, тому доступ не можна "
            "продовжити.",
            "Підключіться знову. Так буває, коли інша програма (часто ваш бекенд) оновила ті "
            "самі токени або секретний ключ згенерували заново.",
        ),
        ("Token has been revoked",),
    ),
    _entry(
        ErrorCode.REFRESH_TOKEN_EXPIRED,
        (
            "Access has run out",
            "The saved refresh token has expired. It lasts 3 months if it is not used.",
            "Connect again. To avoid this, use the connection at least once a month.",
        ),
        (
            "Термін доступу минув",
            "Термін дії збереженого токена оновлення минув. Без використання він діє 3 місяці.",
            "Підключіться знову. Щоб цього уникнути, користуйтеся підключенням хоча б раз "
            "на місяць.",
        ),
        ("Token has expired",),
    ),
    _entry(
        ErrorCode.REFRESH_TOKEN_FOREIGN,
        (
            "Token belongs to another integration",
            "The saved refresh token was issued for a different integration.",
            "Check that the integration ID matches the one the tokens came from, then "
            "connect again.",
        ),
        (
            "Токен належить іншій інтеграції",
            "Збережений токен оновлення видано для іншої інтеграції.",
            "Перевірте, що ID інтеграції збігається з тим, від якого отримано токени, і "
            "підключіться знову.",
        ),
        ("Token is not linked to client",),
    ),
    _entry(
        ErrorCode.UNAUTHORIZED,
        (
            "amoCRM refused access",
            "amoCRM did not accept the saved access (HTTP 401).",
            "Connect again. If you use a long-lived token, check that it was not revoked or "
            "expired in the integration's settings.",
        ),
        (
            "amoCRM відмовила в доступі",
            "amoCRM не прийняла збережений доступ (HTTP 401).",
            "Підключіться знову. Якщо ви використовуєте довгостроковий токен, перевірте в "
            "налаштуваннях інтеграції, що його не відкликано і термін не минув.",
        ),
        ("401", "Unauthorized", "Неверный логин или пароль", "Invalid user name or password"),
    ),
    _entry(
        ErrorCode.LONG_LIVED_TOKEN_INVALID,
        (
            "Long-lived token not recognised",
            "What was pasted is not a long-lived amoCRM token.",
            "In the private integration's Keys and access tab create a long-lived token and "
            "copy it whole (it starts with “eyJ”). It is shown only once.",
        ),
        (
            "Довгостроковий токен не розпізнано",
            "Вставлений текст не є довгостроковим токеном amoCRM.",
            "На вкладці «Ключі та доступи» приватної інтеграції створіть довгостроковий токен "
            "і скопіюйте його повністю (він починається з «eyJ»). Його показують лише раз.",
        ),
        ("long-lived token", "JWT", "DecodeError"),
    ),
    _entry(
        ErrorCode.TOKEN_EXPIRED,
        (
            "Token has expired",
            "The token has expired and can't be renewed automatically.",
            "Create a new long-lived token in the integration's settings and paste it, or "
            "connect through the browser.",
        ),
        (
            "Термін дії токена минув",
            "Термін дії токена минув, і його не можна оновити автоматично.",
            "Створіть новий довгостроковий токен у налаштуваннях інтеграції та вставте його "
            "або підключіться через браузер.",
        ),
        ("expired token",),
    ),
    _entry(
        ErrorCode.TOKENS_OWNED_BY_BACKEND,
        (
            "Your backend manages these tokens",
            "This profile is set so that your backend keeps and refreshes the tokens; this "
            "app does not refresh them, to avoid breaking the backend's access.",
            "Renew access in your backend, or switch the profile's token owner to this app "
            "in Settings.",
        ),
        (
            "Цими токенами керує ваш бекенд",
            "Профіль налаштовано так, що токени зберігає й оновлює ваш бекенд; ця програма їх "
            "не оновлює, щоб не зламати доступ бекенда.",
            "Продовжте доступ у бекенді або в Налаштуваннях зробіть власником токенів цю програму.",
        ),
        ("token owner", "backend owns tokens"),
    ),
    _entry(
        ErrorCode.TOKENS_BUSY,
        (
            "The tokens are busy",
            "Another amo-desktop window or command has been changing the tokens of the "
            "profile “{profile}” for over a minute.",
            "Wait until it finishes, or close it, and try again.",
        ),
        (
            "Токени зараз зайняті",
            "Інша програма amo-desktop (вікно чи команда) уже понад хвилину змінює токени "
            "профілю «{profile}».",
            "Дочекайтеся, поки вона завершить роботу, або закрийте її, і спробуйте ще раз.",
        ),
        ("token lock", "tokens.lock"),
    ),
    # amoCRM API
    _entry(
        ErrorCode.PAYMENT_REQUIRED,
        (
            "Account subscription has ended",
            "amoCRM answered that the account needs to be paid for (HTTP 402).",
            "Ask the account owner to renew the subscription or the trial, then try again.",
        ),
        (
            "Підписка акаунта закінчилася",
            "amoCRM відповіла, що акаунт потрібно оплатити (HTTP 402).",
            "Попросіть власника акаунта продовжити підписку або пробний період і спробуйте ще раз.",
        ),
        ("402", "Payment Required"),
    ),
    _entry(
        ErrorCode.ACCOUNT_BLOCKED,
        (
            "Access is blocked",
            "amoCRM blocked the request (HTTP 403). The account or this computer's address may "
            "be blocked, often after too many requests.",
            "Stop other programs that send many requests to amoCRM, wait a while and try "
            "again. If it persists, contact amoCRM support.",
        ),
        (
            "Доступ заблоковано",
            "amoCRM заблокувала запит (HTTP 403). Можливо, заблоковано акаунт або адресу "
            "цього комп'ютера, часто після надто великої кількості запитів.",
            "Зупиніть інші програми, які надсилають багато запитів до amoCRM, зачекайте "
            "трохи і спробуйте ще раз. Якщо не минає, зверніться до підтримки amoCRM.",
        ),
        ("403 Forbidden", "blocked"),
    ),
    _entry(
        ErrorCode.INSUFFICIENT_RIGHTS,
        (
            "Not enough rights",
            "The user who granted access has no right to do this in amoCRM.",
            "Ask an account administrator to connect, or to give that user the needed rights.",
        ),
        (
            "Недостатньо прав",
            "Користувач, який надав доступ, не має права робити це в amoCRM.",
            "Попросіть адміністратора акаунта підключитися або надати цьому користувачеві "
            "потрібні права.",
        ),
        ("Код ошибки 244", "244", "Forbidden", "insufficient rights"),
    ),
    _entry(
        ErrorCode.WRONG_HOST,
        (
            "Wrong amoCRM address",
            "The request went to {host}, which is not the account's own address.",
            "Use your account's subdomain, like mycompany.amocrm.ru, not www.amocrm.ru or the "
            "API domain. If the account was renamed, update the address in Settings.",
        ),
        (
            "Неправильна адреса amoCRM",
            "Запит пішов на {host}, а це не власна адреса акаунта.",
            "Вкажіть піддомен свого акаунта, наприклад mycompany.amocrm.ru, а не www.amocrm.ru "
            "чи API-домен. Якщо акаунт перейменували, оновіть адресу в Налаштуваннях.",
        ),
        ("301", "Moved Permanently"),
    ),
    _entry(
        ErrorCode.NOT_FOUND,
        (
            "Not found in amoCRM",
            "amoCRM has nothing at {path}.",
            "Check that the item still exists in amoCRM (it may have been deleted) and that "
            "you are connected to the right account.",
        ),
        (
            "Не знайдено в amoCRM",
            "В amoCRM нічого немає за адресою {path}.",
            "Перевірте, що об'єкт досі існує в amoCRM (його могли видалити) і що ви "
            "підключені до потрібного акаунта.",
        ),
        ("404", "Not Found"),
    ),
    _entry(
        ErrorCode.RATE_LIMITED,
        (
            "Too many requests",
            "amoCRM asked to slow down (HTTP 429) and to wait {wait} before the next request. "
            "It allows about 7 requests per second.",
            "Wait {wait}, then try again. Asking sooner counts as another violation, and "
            "repeated violations make amoCRM block the account's API for every program, your "
            "backend too. Make sure your backend does not send many requests at the same time.",
        ),
        (
            "Забагато запитів",
            "amoCRM попросила сповільнитися (HTTP 429) і зачекати {wait} до наступного "
            "запиту. Вона дозволяє близько 7 запитів на секунду.",
            "Зачекайте {wait} і тоді спробуйте ще раз. Раніший запит вважається новим "
            "порушенням, а після кількох порушень amoCRM блокує API акаунта для всіх програм, "
            "зокрема й вашого бекенда. Переконайтеся, що ваш бекенд не надсилає багато "
            "запитів одночасно.",
        ),
        ("429", "Too Many Requests", "retry_after"),
    ),
    _entry(
        ErrorCode.RATE_LIMIT_BLOCKED,
        (
            "API blocked for too many requests",
            "amoCRM has blocked this account's API access for too many requests (HTTP 403 "
            "after HTTP 429). While the block lasts, every API request is refused, from every "
            "program, your backend included.",
            "The block lifts by itself after a while. Stop other programs that send many "
            "requests to amoCRM (scripts, a backend in a retry loop), wait, then try once. "
            "Every refused request can keep the block going. If it is still there after a few "
            "hours, contact amoCRM support.",
        ),
        (
            "API заблоковано через надто часті запити",
            "amoCRM заблокувала доступ цього акаунта до API через надто велику кількість "
            "запитів (HTTP 403 після HTTP 429). Поки діє блокування, amoCRM відхиляє кожен "
            "запит до API від будь-якої програми, зокрема й від вашого бекенда.",
            "Блокування зніметься саме через деякий час. Зупиніть інші програми, які "
            "надсилають багато запитів до amoCRM (скрипти, бекенд, що повторює запити в "
            "циклі), зачекайте і тоді спробуйте один раз. Кожен відхилений запит може "
            "продовжити блокування. Якщо воно не зникне за кілька годин, зверніться до "
            "підтримки amoCRM.",
        ),
        ("403 after 429", "API blocked", "too many requests"),
    ),
    _entry(
        ErrorCode.SERVER_ERROR,
        (
            "amoCRM is having trouble",
            "amoCRM answered with a server error (HTTP {status}).",
            "This is on amoCRM's side. Wait a few minutes and try again.",
        ),
        (
            "В amoCRM проблеми",
            "amoCRM відповіла помилкою сервера (HTTP {status}).",
            "Це проблема на боці amoCRM. Зачекайте кілька хвилин і спробуйте ще раз.",
        ),
        ("500", "502", "503", "504", "Internal Server Error", "Bad Gateway"),
    ),
    _entry(
        ErrorCode.VALIDATION_FAILED,
        (
            "amoCRM did not accept the data",
            "amoCRM rejected the values that were sent.",
            "Check the entered values (for example the pipeline and stage still exist and "
            "the price is a whole number) and try again.",
        ),
        (
            "amoCRM не прийняла дані",
            "amoCRM відхилила надіслані значення.",
            "Перевірте введені значення (наприклад, що воронка й етап досі існують, а ціна — "
            "ціле число) і спробуйте ще раз.",
        ),
        ("Request validation failed", "validation-errors", "400", "Bad Request"),
    ),
    _entry(
        ErrorCode.BAD_RESPONSE,
        (
            "Unexpected answer",
            "The server answered something this app does not understand (HTTP {status}).",
            "Check that the account address points to amoCRM or Kommo. If you use a proxy, "
            "check it too. Try again later.",
        ),
        (
            "Неочікувана відповідь",
            "Сервер відповів тим, чого ця програма не розуміє (HTTP {status}).",
            "Перевірте, що адреса акаунта веде на amoCRM чи Kommo. Якщо ви користуєтеся "
            "проксі, перевірте і його. Спробуйте пізніше.",
        ),
        ("JSONDecodeError", "text/html"),
    ),
    # Network
    _entry(
        ErrorCode.NETWORK_TIMEOUT,
        (
            "The connection is too slow",
            "{host} did not answer in time.",
            "Check your internet connection and try again.",
        ),
        (
            "Надто повільне з'єднання",
            "{host} не відповів вчасно.",
            "Перевірте підключення до інтернету і спробуйте ще раз.",
        ),
        ("ReadTimeout", "ConnectTimeout", "timed out"),
    ),
    _entry(
        ErrorCode.DNS_FAILED,
        (
            "Address not found",
            "The name {host} could not be found on the internet.",
            "Check the spelling of the account address and your internet connection.",
        ),
        (
            "Адресу не знайдено",
            "Ім'я {host} не вдалося знайти в інтернеті.",
            "Перевірте написання адреси акаунта та підключення до інтернету.",
        ),
        ("Name or service not known", "getaddrinfo failed", "nodename nor servname"),
    ),
    _entry(
        ErrorCode.TLS_FAILED,
        (
            "Secure connection failed",
            "The secure (HTTPS) connection to {host} could not be checked.",
            "Check the computer's date and time. On a company network an antivirus or proxy "
            "may be intercepting the connection; ask your administrator.",
        ),
        (
            "Не вдалося встановити захищене з'єднання",
            "Не вдалося перевірити захищене (HTTPS) з'єднання з {host}.",
            "Перевірте дату й час на комп'ютері. У корпоративній мережі з'єднання може "
            "перехоплювати антивірус або проксі; зверніться до адміністратора.",
        ),
        ("CERTIFICATE_VERIFY_FAILED", "SSL", "certificate"),
    ),
    _entry(
        ErrorCode.CONNECTION_REFUSED,
        (
            "Nobody answers there",
            "Nothing accepted the connection at {host}.",
            "Check the address and port, and that the program you want to reach is running.",
        ),
        (
            "Там ніхто не відповідає",
            "За адресою {host} ніщо не прийняло з'єднання.",
            "Перевірте адресу й порт і те, що програма, до якої ви звертаєтеся, запущена.",
        ),
        ("Connection refused", "ECONNREFUSED", "Errno 111"),
    ),
    _entry(
        ErrorCode.PROXY_FAILED,
        (
            "Proxy problem",
            "The proxy server did not let the connection to {host} through.",
            "Check the proxy settings (HTTPS_PROXY) or ask your network administrator.",
        ),
        (
            "Проблема з проксі",
            "Проксі-сервер не пропустив з'єднання з {host}.",
            "Перевірте налаштування проксі (HTTPS_PROXY) або зверніться до мережевого "
            "адміністратора.",
        ),
        ("ProxyError", "HTTPS_PROXY", "407"),
    ),
    _entry(
        ErrorCode.NETWORK_ERROR,
        (
            "Network problem",
            "The connection to {host} failed.",
            "Check your internet connection and try again.",
        ),
        (
            "Проблема з мережею",
            "Не вдалося з'єднатися з {host}.",
            "Перевірте підключення до інтернету і спробуйте ще раз.",
        ),
        ("ConnectError", "network"),
    ),
    # The company's backend
    _entry(
        ErrorCode.BACKEND_NOT_CONFIGURED,
        (
            "Backend address not set",
            "The profile “{profile}” does not know your backend's address.",
            "Enter your backend's address in Settings, for example http://127.0.0.1:8000.",
        ),
        (
            "Адресу бекенда не вказано",
            "Профіль «{profile}» не знає адреси вашого бекенда.",
            "Вкажіть адресу бекенда в Налаштуваннях, наприклад http://127.0.0.1:8000.",
        ),
        ("backend_url",),
    ),
    _entry(
        ErrorCode.BACKEND_UNREACHABLE,
        (
            "Backend does not answer",
            "Your backend at {url} could not be reached.",
            "Check that the backend is running and that the address and port are right.",
        ),
        (
            "Бекенд не відповідає",
            "Не вдалося зв'язатися з вашим бекендом за адресою {url}.",
            "Перевірте, що бекенд запущений і адреса та порт правильні.",
        ),
        ("backend unreachable",),
    ),
    _entry(
        ErrorCode.BACKEND_REJECTED,
        (
            "Backend refused the request",
            "Your backend at {url} answered with an error (HTTP {status}).",
            "Look at the backend's log for the reason. Check that its address is right and "
            "that it expects this request.",
        ),
        (
            "Бекенд відхилив запит",
            "Ваш бекенд за адресою {url} відповів помилкою (HTTP {status}).",
            "Причину шукайте в журналі бекенда. Перевірте, що адреса правильна і бекенд "
            "очікує такий запит.",
        ),
        ("backend rejected",),
    ),
    _entry(
        ErrorCode.BACKEND_NOT_API,
        (
            "That address is not the backend's API",
            "{url} answered with a web page (HTTP {status}), not as the backend does, so the "
            "tokens were not handed over.",
            "Another program, such as a website or a frontend, may be using that address or "
            "port. Give the address of the backend itself.",
        ),
        (
            "Це не адреса API бекенда",
            "{url} відповіла вебсторінкою (HTTP {status}), а не так, як відповідає бекенд, тож "
            "токени не передано.",
            "Можливо, цю адресу чи порт займає інша програма, наприклад сайт або фронтенд. "
            "Вкажіть адресу самого бекенда.",
        ),
        ("backend not api",),
    ),
    _entry(
        ErrorCode.BACKEND_NO_ANSWER,
        (
            "Backend took the tokens but did not answer",
            "Your backend at {url} received the request but did not answer within {seconds} s, "
            "so it is not known whether it kept the tokens. This app keeps refreshing them.",
            "Make sure the backend answers the set-tokens request quickly (look at its log), "
            "then push the tokens again: the backend then gets the pair that is current.",
        ),
        (
            "Бекенд отримав токени, але не відповів",
            "Ваш бекенд за адресою {url} отримав запит, але не відповів за {seconds} с, тож "
            "невідомо, чи зберіг він токени. Ця програма й далі їх оновлює.",
            "Переконайтеся, що бекенд швидко відповідає на запит set-tokens (див. його журнал), "
            "і передайте токени ще раз: тоді бекенд отримає чинну пару.",
        ),
        ("backend no answer",),
    ),
    _entry(
        ErrorCode.TOKENS_ALREADY_HANDED_OVER,
        (
            "Your backend already has the tokens",
            "The tokens were handed to your backend before, and it refreshes them itself, so "
            "the pair stored here may already be spent.",
            "To hand over a fresh pair, sign in again in this app first, then push the tokens.",
        ),
        (
            "Ваш бекенд уже має токени",
            "Токени вже передано вашому бекенду, і він оновлює їх сам, тож пара, збережена тут, "
            "може бути вже використана.",
            "Щоб передати свіжу пару, спершу знову увійдіть у цій програмі, а тоді передайте "
            "токени.",
        ),
        ("already handed over",),
    ),
    _entry(
        ErrorCode.BACKEND_URL_NOT_PLAIN,
        (
            "Backend address can't hold a login or key",
            "“{url}” carries a user name, password, query (?…) or #part. amo-desktop would "
            "have to keep them in its settings file, and secrets belong only in the system's "
            "password storage.",
            "Enter the plain address, for example http://127.0.0.1:8000. A backend that needs "
            "a login or key for the token hand-over is not supported yet.",
        ),
        (
            "Адреса бекенда не може містити логін чи ключ",
            "«{url}» містить ім'я користувача, пароль, параметри запиту (?…) або частину після #. "
            "amo-desktop довелося б зберігати їх у файлі налаштувань, а секрети мають бути лише "
            "в системному сховищі паролів.",
            "Введіть просту адресу, наприклад http://127.0.0.1:8000. Передавання токенів "
            "бекенду, який вимагає логін чи ключ, поки що не підтримується.",
        ),
        ("backend url credentials",),
    ),
    # Webhooks
    _entry(
        ErrorCode.LISTENER_PORT_IN_USE,
        (
            "Port is busy",
            "Port {port} is already used by another program, so webhooks can't be received on it.",
            "Choose another port in the webhook settings, or stop the program that uses it "
            "(often your backend).",
        ),
        (
            "Порт зайнятий",
            "Порт {port} уже використовує інша програма, тому вебхуки на ньому отримати не можна.",
            "Виберіть інший порт у налаштуваннях вебхуків або зупиніть програму, яка його "
            "використовує (часто це ваш бекенд).",
        ),
        ("Address already in use", "EADDRINUSE", "Errno 98"),
    ),
    _entry(
        ErrorCode.LISTENER_BIND_FAILED,
        (
            "Can't listen for webhooks",
            "Could not start listening on {host}:{port}.",
            "Use 127.0.0.1 as the host and a port above 1024 that nothing else uses.",
        ),
        (
            "Не вдалося слухати вебхуки",
            "Не вдалося почати прослуховування на {host}:{port}.",
            "Вкажіть хост 127.0.0.1 і порт понад 1024, який ніхто інший не використовує.",
        ),
        ("Cannot assign requested address", "Permission denied"),
    ),
    _entry(
        ErrorCode.EVENT_NOT_FOUND,
        (
            "Event not found",
            "There is no received event with the number {event_id}.",
            "Pick an event from the live list or the journal; old events may have been "
            "removed when the journal was rotated.",
        ),
        (
            "Подію не знайдено",
            "Отриманої події з номером {event_id} немає.",
            "Виберіть подію зі списку або журналу; старі події могли видалитися під час "
            "ротації журналу.",
        ),
        ("event not found",),
    ),
    _entry(
        ErrorCode.REPLAY_FAILED,
        (
            "Could not resend the event",
            "Resending the event to {url} failed.",
            "Check that your backend is running and its webhook address is right, then try again.",
        ),
        (
            "Не вдалося повторно надіслати подію",
            "Не вдалося повторно надіслати подію на {url}.",
            "Перевірте, що бекенд запущений і адреса вебхука правильна, і спробуйте ще раз.",
        ),
        ("replay",),
    ),
    _entry(
        ErrorCode.SYNC_CHECK_FAILED,
        (
            "Sync check did not pass",
            "The test change in amoCRM did not arrive as a webhook in time.",
            "Check that the webhook subscription points to an address amoCRM can reach and "
            "that the listener is running.",
        ),
        (
            "Перевірка синхронізації не пройшла",
            "Тестова зміна в amoCRM не надійшла вчасно як вебхук.",
            "Перевірте, що підписка на вебхуки вказує на адресу, доступну для amoCRM, і що "
            "прослуховування запущене.",
        ),
        ("sync check", "webhook"),
    ),
    _entry(
        ErrorCode.WEBHOOKS_NOT_ALLOWED,
        (
            "Webhooks can't be managed for this account",
            "amoCRM refused to change the webhook subscriptions (HTTP {status}).",
            "Webhooks through the API need an administrator's access and, on some plans, a "
            "higher tariff (amoCRM: Extended or Professional; Kommo: Advanced or higher). Ask "
            "an administrator to connect, or add the webhook by hand in amoCRM: Settings → "
            "Integrations → Web hooks.",
        ),
        (
            "Керувати вебхуками для цього акаунта не можна",
            "amoCRM відмовила змінити підписки на вебхуки (HTTP {status}).",
            "Для вебхуків через API потрібен доступ адміністратора, а на деяких тарифах — "
            "вищий тарифний план (amoCRM: «Розширений» або «Професійний»; Kommo: Advanced "
            "або вищий). Попросіть адміністратора підключитися або додайте вебхук вручну в "
            "amoCRM: Налаштування → Інтеграції → Web hooks.",
        ),
        ("webhooks not allowed",),
    ),
    _entry(
        ErrorCode.NOT_SUBSCRIBED,
        (
            "No such webhook subscription",
            "The account has no webhook that sends events to {url}.",
            "Compare the address with the account's list (amo-desktop webhooks list, or the "
            "Subscriptions tab): it must match exactly, including http/https, the path and "
            "?secret=.",
        ),
        (
            "Такої підписки на вебхуки немає",
            "В акаунті немає вебхука, що надсилає події на {url}.",
            "Порівняйте адресу зі списком акаунта (amo-desktop webhooks list або вкладка "
            "«Підписки»): вона має збігатися повністю, разом із http/https, шляхом і ?secret=.",
        ),
        ("not subscribed", "no such webhook"),
    ),
    # Command line
    _entry(
        ErrorCode.USAGE,
        (
            "Check the command",
            "{problem}.",
            "See the options with: {command} --help",
        ),
        (
            "Перевірте команду",
            "{problem}.",
            "Перегляньте параметри: {command} --help",
        ),
        ("usage", "unrecognized arguments", "the following arguments are required"),
    ),
    _entry(
        ErrorCode.SECRET_IN_ARGUMENT,
        (
            "Secrets are not accepted as arguments",
            "{option} would leave the secret in your shell history and in the list of running "
            "programs, so amo-desktop has no such option.",
            "Pipe it in instead: amo-desktop configure … --client-secret-stdin < secret.txt, "
            "or set AMO_CLIENT_SECRET, or leave it out and type it when asked. If you already "
            "typed it in a command, remove that line from your shell history.",
        ),
        (
            "Секрети не приймаються як аргументи",
            "{option} залишив би секрет в історії командного рядка та у списку запущених "
            "програм, тому amo-desktop не має такого параметра.",
            "Передайте його через стандартний ввід: amo-desktop configure … "
            "--client-secret-stdin < secret.txt, або задайте змінну AMO_CLIENT_SECRET, або "
            "не вказуйте його — програма сама попросить ввести. Якщо ви вже ввели його в "
            "команді, видаліть цей рядок з історії командного рядка.",
        ),
        ("--client-secret", "secret in argument"),
    ),
    # Anything else
    _entry(
        ErrorCode.UNEXPECTED,
        (
            "Something went wrong",
            "An unexpected problem happened.",
            "Try again. If it keeps happening, save the support report (it hides your secrets) "
            "and send it to whoever helps you with the integration.",
        ),
        (
            "Щось пішло не так",
            "Сталася неочікувана проблема.",
            "Спробуйте ще раз. Якщо повторюється, збережіть звіт для підтримки (секрети в ньому "
            "приховано) і надішліть його тому, хто допомагає вам з інтеграцією.",
        ),
        ("Traceback", "Exception"),
    ),
)

_BY_CODE: Mapping[ErrorCode, CatalogueEntry] = {entry.code: entry for entry in _ENTRIES}


def entry_for(code: ErrorCode) -> CatalogueEntry:
    """The entry of ``code``; every code has one (a test enforces it)."""
    return _BY_CODE.get(code) or _BY_CODE[ErrorCode.UNEXPECTED]


def all_entries() -> tuple[CatalogueEntry, ...]:
    """Every entry, in the order of :class:`ErrorCode`, for a searchable catalogue view."""
    return tuple(entry_for(code) for code in ErrorCode)


def localize(
    code: ErrorCode, details: Mapping[str, object] | None = None, language: str = "en"
) -> LocalizedError:
    """Title, message and hint of ``code`` in ``language`` with ``details`` filled in."""
    return entry_for(code).localized(language, details)


def _fold(text: str) -> str:
    return " ".join(text.replace("`", "").casefold().split())


def search(text: str, language: str = "en", *, all_languages: bool = False) -> list[CatalogueEntry]:
    """Entries matching ``text``, best first.

    A pasted raw error (``{"hint": "Token has been revoked", ...}``) matches the entries
    whose alias it contains; a typed word matches aliases, codes and texts in ``language``,
    or with ``all_languages`` in every language (a person may paste the other language's text).
    """
    query = _fold(text)
    if not query:
        return list(all_entries())
    languages = LANGUAGES if all_languages else (normalize_language(language),)
    scored: list[tuple[int, int, int, CatalogueEntry]] = []
    for position, entry in enumerate(all_entries()):
        aliases = [_fold(alias) for alias in entry.aliases]
        texts = [entry.texts[lang] for lang in languages]
        titles = [_fold(t.title) for t in texts]
        haystack = _fold(
            " ".join([entry.code.value] + [f"{t.title} {t.message} {t.hint}" for t in texts])
        )
        contained = [len(alias) for alias in aliases if len(alias) >= 6 and alias in query]
        score, weight = 0, 0
        if query in aliases or query == entry.code.value:
            score = 4
        elif contained:
            # The longest raw string found wins: "redirect uri is not associated with client"
            # says more than a bare "redirect_uri" in the same pasted body.
            score, weight = 3, max(contained)
        elif any(query in alias for alias in aliases) or any(query in t for t in titles):
            score = 2
        elif query in haystack:
            score = 1
        if score:
            scored.append((-score, -weight, position, entry))
    return [entry for *_, entry in sorted(scored, key=lambda item: item[:3])]
