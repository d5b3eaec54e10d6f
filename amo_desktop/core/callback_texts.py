"""What the browser page after an authorization says, in English and Ukrainian.

The layout and colours are in ``resources/pages/callback.html``; this module holds only the
words (and the one-character mark) for each outcome the loopback listener can answer with.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CallbackText:
    """One page's words: the title (also the heading), what happened, what to do next."""

    title: str
    message: str
    hint: str


# The mark is shown above the heading; the page's accent colour follows its kind.
CALLBACK_MARKS = {"success": "✓", "denied": "✕", "state_mismatch": "!", "error": "!"}

CALLBACK_TEXTS: dict[str, dict[str, CallbackText]] = {
    "success": {
        "en": CallbackText(
            "Authorization received",
            "amo-desktop received the permission from amoCRM.",
            "You can close this tab and return to amo-desktop: it finishes the connection on "
            "its own.",
        ),
        "uk": CallbackText(
            "Дозвіл отримано",
            "amo-desktop отримав дозвіл від amoCRM.",
            "Цю вкладку можна закрити й повернутися до amo-desktop: програма сама завершить "
            "підключення.",
        ),
    },
    "denied": {
        "en": CallbackText(
            "Access was not granted",
            "You chose not to allow the integration access to your account.",
            "Nothing was changed. To try again, start the authorization in amo-desktop once "
            "more and press “Allow”.",
        ),
        "uk": CallbackText(
            "Доступ не надано",
            "Ви відмовилися надати інтеграції доступ до вашого акаунта.",
            "Нічого не змінено. Щоб спробувати ще раз, знову почніть авторизацію в amo-desktop "
            "і натисніть «Дозволити».",
        ),
    },
    "state_mismatch": {
        "en": CallbackText(
            "This link does not belong to the current authorization",
            "amo-desktop did not start this request, so it ignored it for your safety.",
            "If you are authorizing right now, finish it in the browser tab that amo-desktop "
            "opened. If you did not expect this page, close it.",
        ),
        "uk": CallbackText(
            "Це посилання не належить до поточної авторизації",
            "amo-desktop не надсилав цей запит, тож з міркувань безпеки проігнорував його.",
            "Якщо ви саме зараз проходите авторизацію, завершіть її у вкладці, яку відкрив "
            "amo-desktop. Якщо ви не очікували цієї сторінки, просто закрийте її.",
        ),
    },
    "error": {
        "en": CallbackText(
            "Authorization did not finish",
            "amoCRM sent back an answer amo-desktop could not use.",
            "Return to amo-desktop: it shows what happened and what to do next.",
        ),
        "uk": CallbackText(
            "Авторизацію не завершено",
            "amoCRM повернув відповідь, якою amo-desktop не зміг скористатися.",
            "Поверніться до amo-desktop: там буде пояснено, що сталося і що робити далі.",
        ),
    },
}
