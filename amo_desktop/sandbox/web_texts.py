"""The words of the sandbox's web pages (board and lead card) in English and Ukrainian,
and which of the two a request gets."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class PageTexts:
    """Every fixed phrase of the board, the lead card and the "no such lead" page."""

    language: str
    other_language: str
    other_language_name: str
    ribbon: str
    title_suffix: str
    account_id: str
    sandbox_note: str
    integration_heading: str
    client_id: str
    redirect_uri: str
    hidden_key_note: str
    main_pipeline: str
    leads_count: str
    no_leads_in_status: str
    no_leads_at_all: str
    lead: str
    price: str
    pipeline: str
    status: str
    responsible: str
    created: str
    updated: str
    closed: str
    back_to_board: str
    not_found_title: str
    not_found_message: str


ENGLISH = PageTexts(
    language="en",
    other_language="uk",
    other_language_name="Українська",
    ribbon="amo-desktop sandbox · not a real amoCRM account",
    title_suffix="amo-desktop sandbox",
    account_id="Account ID",
    sandbox_note=(
        "This is the amo-desktop sandbox: an amoCRM emulator for trying the app safely. "
        "It is not a real amoCRM account. Everything here lives in memory and is gone "
        "when the sandbox stops."
    ),
    integration_heading="Demo integration",
    client_id="Integration ID (client_id)",
    redirect_uri="Redirect URI",
    hidden_key_note="The secret key is deliberately not shown on this page.",
    main_pipeline="main",
    leads_count="Leads: {count}",
    no_leads_in_status="No leads",
    no_leads_at_all=(
        "No leads yet. Create a test lead in amo-desktop (the Connection page or "
        "“amo-desktop test-lead”), then reload this page."
    ),
    lead="Lead",
    price="Price",
    pipeline="Pipeline",
    status="Status",
    responsible="Responsible",
    created="Created",
    updated="Updated",
    closed="Closed",
    back_to_board="← Back to the board",
    not_found_title="Lead not found",
    not_found_message=(
        "The sandbox has no lead with ID {lead_id}. Leads live in memory only, "
        "so they are gone after the sandbox restarts."
    ),
)

UKRAINIAN = PageTexts(
    language="uk",
    other_language="en",
    other_language_name="English",
    ribbon="Пісочниця amo-desktop · це не справжній обліковий запис amoCRM",
    title_suffix="пісочниця amo-desktop",
    account_id="ID облікового запису",
    sandbox_note=(
        "Це пісочниця amo-desktop — емулятор amoCRM, щоб безпечно спробувати застосунок. "
        "Це не справжній обліковий запис amoCRM. Усі дані зберігаються в пам’яті "
        "й зникають, щойно пісочницю зупинено."
    ),
    integration_heading="Демо-інтеграція",
    client_id="ID інтеграції (client_id)",
    redirect_uri="Адреса перенаправлення (redirect URI)",
    hidden_key_note="Секретний ключ на цій сторінці навмисно не показано.",
    main_pipeline="основна",
    leads_count="Угод: {count}",
    no_leads_in_status="Немає угод",
    no_leads_at_all=(
        "Угод поки немає. Створіть тестову угоду в amo-desktop (сторінка «Підключення» "
        "або «amo-desktop test-lead») і оновіть цю сторінку."
    ),
    lead="Угода",
    price="Бюджет",
    pipeline="Воронка",
    status="Етап",
    responsible="Відповідальний",
    created="Створено",
    updated="Оновлено",
    closed="Закрито",
    back_to_board="← До дошки угод",
    not_found_title="Угоду не знайдено",
    not_found_message=(
        "У пісочниці немає угоди з ID {lead_id}. Угоди зберігаються лише в пам’яті, "
        "тож після перезапуску пісочниці їх уже немає."
    ),
)

TEXTS = {texts.language: texts for texts in (ENGLISH, UKRAINIAN)}


def _preferred(accept_language: str) -> str | None:
    """The first language we speak in the header's order of preference (q-values honoured)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary and quality > 0:
            ranked.append((-quality, position, primary))
    for _, _, primary in sorted(ranked):
        if primary in TEXTS:
            return primary
    return None


def page_texts(request: web.Request) -> PageTexts:
    """``?lang=uk|en`` wins; otherwise the browser's ``Accept-Language``; otherwise English."""
    chosen = request.query.get("lang", "").strip().lower()
    if chosen not in TEXTS:
        chosen = _preferred(request.headers.get("Accept-Language", "")) or DEFAULT_LANGUAGE
    return TEXTS[chosen]
