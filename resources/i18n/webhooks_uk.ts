<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>EventDetailPane</name>
    <message>
        <source>Replaying…</source>
        <translation>Надсилаємо повторно…</translation>
    </message>
    <message>
        <source>Replayed to %1: answer %2 in %3 ms</source>
        <translation>Повторно надіслано на %1: відповідь %2 за %3 мс</translation>
    </message>
    <message>
        <source>Replay to %1 failed: %2</source>
        <translation>Не вдалося повторно надіслати на %1: %2</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Enter the full address, starting with http:// or https://, for example http://localhost:3000/webhook</source>
        <translation>«%1» — це не вебадреса. Введіть повну адресу, що починається з http:// або https://, наприклад http://localhost:3000/webhook</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значення</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Розібрано</translation>
    </message>
    <message>
        <source>Raw body</source>
        <translation>Сире тіло</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Decoded event</source>
        <translation>Розібрана подія</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Заголовки запиту</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>Копіювати тіло</translation>
    </message>
    <message>
        <source>Copy headers</source>
        <translation>Копіювати заголовки</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Надіслати ще раз</translation>
    </message>
    <message>
        <source>Send this delivery to the forward target again, unchanged.</source>
        <translation>Надіслати цю доставку ще раз на адресу пересилання, без змін.</translation>
    </message>
    <message>
        <source>Replay to the forward target</source>
        <translation>Надіслати ще раз на адресу пересилання</translation>
    </message>
    <message>
        <source>another URL, e.g. http://localhost:3000/…</source>
        <translation>інша адреса, напр. http://localhost:3000/…</translation>
    </message>
    <message>
        <source>Replay URL</source>
        <translation>Адреса для повторного надсилання</translation>
    </message>
    <message>
        <source>Replay to this URL</source>
        <translation>Надіслати на цю адресу</translation>
    </message>
    <message>
        <source>Select an event to see what amoCRM sent.</source>
        <translation>Виберіть подію, щоб побачити, що надіслала amoCRM.</translation>
    </message>
</context>
<context>
    <name>ListenerPanel</name>
    <message>
        <source>Stop</source>
        <translation>Зупинити</translation>
    </message>
    <message>
        <source>Start listening</source>
        <translation>Почати прослуховування</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Слухаємо на %1</translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation>Не слухаємо: %1</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Не слухаємо</translation>
    </message>
    <message>
        <source>Forwarding is off: events are only shown here.</source>
        <translation>Пересилання вимкнено: події лише показуються тут.</translation>
    </message>
    <message>
        <source>Forwarding starts when the listener starts.</source>
        <translation>Пересилання почнеться, щойно запуститься приймач.</translation>
    </message>
    <message>
        <source>Forwarding: waiting for the first event</source>
        <translation>Пересилання: чекаємо на першу подію</translation>
    </message>
    <message>
        <source>Forwarding healthy: last answer %1 in %2 ms</source>
        <translation>Пересилання працює: остання відповідь %1 за %2 мс</translation>
    </message>
    <message>
        <source>answer %1</source>
        <translation>відповідь %1</translation>
    </message>
    <message>
        <source>Forwarding failing: %1. Events are still recorded here.</source>
        <translation>Пересилання не працює: %1. Події все одно записуються тут.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Сховати</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
    <message>
        <source>Local webhook listener</source>
        <translation>Локальний приймач вебхуків</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Хост</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>П&amp;орт</translation>
    </message>
    <message>
        <source>P&amp;ath</source>
        <translation>&amp;Шлях</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>будь-який вільний</translation>
    </message>
    <message>
        <source>Local URL</source>
        <translation>Локальна адреса</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Секрет</translation>
    </message>
    <message>
        <source>&amp;Forward to</source>
        <translation>&amp;Пересилати на</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Listener host</source>
        <translation>Хост приймача</translation>
    </message>
    <message>
        <source>Listener port</source>
        <translation>Порт приймача</translation>
    </message>
    <message>
        <source>Listener path</source>
        <translation>Шлях приймача</translation>
    </message>
    <message>
        <source>Local webhook URL</source>
        <translation>Локальна адреса вебхуків</translation>
    </message>
    <message>
        <source>The full address of the listener, secret included.</source>
        <translation>Повна адреса приймача разом із секретом.</translation>
    </message>
    <message>
        <source>The address appears here once the listener runs.</source>
        <translation>Адреса з’явиться тут, щойно приймач запуститься.</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Копіювати адресу</translation>
    </message>
    <message>
        <source>Copy the local webhook URL</source>
        <translation>Копіювати локальну адресу вебхуків</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Спільний секрет</translation>
    </message>
    <message>
        <source>Requests without this secret in the address are refused and counted.</source>
        <translation>Запити без цього секрету в адресі відхиляються й підраховуються.</translation>
    </message>
    <message>
        <source>Show the shared secret</source>
        <translation>Показати спільний секрет</translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation>Копіювати секрет</translation>
    </message>
    <message>
        <source>Copy the shared secret</source>
        <translation>Копіювати спільний секрет</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Новий секрет</translation>
    </message>
    <message>
        <source>Generate a new shared secret</source>
        <translation>Створити новий спільний секрет</translation>
    </message>
    <message>
        <source>Optional: your backend&apos;s webhook URL</source>
        <translation>Необов’язково: адреса вебхуків вашого бекенду</translation>
    </message>
    <message>
        <source>Forward target</source>
        <translation>Адреса пересилання</translation>
    </message>
    <message>
        <source>Every event is re-sent to this address unchanged, as amoCRM sent it.</source>
        <translation>Кожна подія пересилається на цю адресу без змін, так, як її надіслала amoCRM.</translation>
    </message>
    <message>
        <source>Listener state</source>
        <translation>Стан приймача</translation>
    </message>
    <message>
        <source>Forwarding state</source>
        <translation>Стан пересилання</translation>
    </message>
</context>
<context>
    <name>RejectedRequestModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запит</translation>
    </message>
</context>
<context>
    <name>SubscriptionsModel</name>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Змінено</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <source>DISABLED by amoCRM</source>
        <translation>ВИМКНЕНО amoCRM</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message>
        <source>Lead created</source>
        <translation>Угоду створено</translation>
    </message>
    <message>
        <source>Lead changed</source>
        <translation>Угоду змінено</translation>
    </message>
    <message>
        <source>Lead moved to another stage</source>
        <translation>Угоду переміщено на інший етап</translation>
    </message>
    <message>
        <source>Contact created</source>
        <translation>Контакт створено</translation>
    </message>
    <message>
        <source>Contact changed</source>
        <translation>Контакт змінено</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s) DISABLED by amoCRM: </source>
        <translation>
            <numerusform>%n вебхук ВИМКНЕНО amoCRM: </numerusform>
            <numerusform>%n вебхуки ВИМКНЕНО amoCRM: </numerusform>
            <numerusform>%n вебхуків ВИМКНЕНО amoCRM: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s) in the account.</source>
        <translation>
            <numerusform>%n вебхук в акаунті.</numerusform>
            <numerusform>%n вебхуки в акаунті.</numerusform>
            <numerusform>%n вебхуків в акаунті.</numerusform>
        </translation>
    </message>
    <message>
        <source>The account has no webhooks yet.</source>
        <translation>В акаунті ще немає вебхуків.</translation>
    </message>
    <message>
        <source>Subscribed %1.</source>
        <translation>Підписано %1.</translation>
    </message>
    <message>
        <source>Unsubscribed %1.</source>
        <translation>Підписку на %1 скасовано.</translation>
    </message>
    <message>
        <source>Asking amoCRM…</source>
        <translation>Запитуємо amoCRM…</translation>
    </message>
    <message>
        <source>Enter the address amoCRM should send events to.</source>
        <translation>Введіть адресу, на яку amoCRM має надсилати події.</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Enter the full address, starting with https:// (or http://), for example https://your-company.example/…</source>
        <translation>«%1» — це не вебадреса. Введіть повну адресу, що починається з https:// (або http://), наприклад https://your-company.example/…</translation>
    </message>
    <message>
        <source>Tick at least one event.</source>
        <translation>Позначте хоча б одну подію.</translation>
    </message>
    <message>
        <source>Subscribe an address</source>
        <translation>Підписати адресу</translation>
    </message>
    <message>
        <source>amoCRM sends webhooks from its servers on the internet, so it cannot reach 127.0.0.1 on this computer. Enter an address amoCRM can reach:&lt;br&gt;• your backend&apos;s public webhook address, for example &lt;b&gt;https://your-company.example/api/v1/integrations/amo-crm/webhook&lt;/b&gt;, or&lt;br&gt;• a tunnel (ngrok, cloudflared) that forwards to the local URL above; add its &lt;b&gt;?secret=…&lt;/b&gt; part so that the listener accepts the events.</source>
        <translation>amoCRM надсилає вебхуки зі своїх серверів в інтернеті, тому не може дістатися до 127.0.0.1 на цьому комп’ютері. Введіть адресу, яку amoCRM може досягти:&lt;br&gt;• публічну адресу вебхуків вашого бекенду, наприклад &lt;b&gt;https://your-company.example/api/v1/integrations/amo-crm/webhook&lt;/b&gt;, або&lt;br&gt;• тунель (ngrok, cloudflared), що пересилає на локальну адресу вище; додайте її частину &lt;b&gt;?secret=…&lt;/b&gt;, щоб приймач приймав події.</translation>
    </message>
    <message>
        <source>https://…/api/v1/integrations/amo-crm/webhook</source>
        <translation>https://…/api/v1/integrations/amo-crm/webhook</translation>
    </message>
    <message>
        <source>Address to subscribe</source>
        <translation>Адреса для підписки</translation>
    </message>
    <message>
        <source>Use the local URL</source>
        <translation>Взяти локальну адресу</translation>
    </message>
    <message>
        <source>Only works when amoCRM can reach this computer, for example the sandbox.</source>
        <translation>Працює лише тоді, коли amoCRM може дістатися до цього комп’ютера, наприклад пісочниця.</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Підписати</translation>
    </message>
    <message>
        <source>Subscribe this address</source>
        <translation>Підписати цю адресу</translation>
    </message>
    <message>
        <source>Webhooks of the account</source>
        <translation>Вебхуки акаунта</translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation>Оновити список</translation>
    </message>
    <message>
        <source>Unsubscribe selected</source>
        <translation>Скасувати вибрану підписку</translation>
    </message>
    <message>
        <source>Unsubscribe the selected webhook</source>
        <translation>Скасувати підписку вибраного вебхука</translation>
    </message>
</context>
<context>
    <name>SyncCheckPanel</name>
    <message>
        <source>Creating a test lead and waiting for its webhooks to come back…</source>
        <translation>Створюємо тестову угоду й чекаємо, поки повернуться її вебхуки…</translation>
    </message>
    <message>
        <source>Both directions work.</source>
        <translation>Обидва напрямки працюють.</translation>
    </message>
    <message>
        <source>The check failed. The red step says where and why.</source>
        <translation>Перевірка не пройшла. Червоний крок показує, де і чому.</translation>
    </message>
    <message>
        <source>Start the listener first.</source>
        <translation>Спершу запустіть приймач.</translation>
    </message>
    <message>
        <source>The two-way check creates a tagged test lead through the API, moves it to another stage, and waits until both webhooks come back through the listener. It needs a running listener that amoCRM can reach and a subscription for lead events.</source>
        <translation>Двостороння перевірка створює позначену тестову угоду через API, переміщує її на інший етап і чекає, доки обидва вебхуки повернуться через приймач. Для неї потрібен запущений приймач, до якого може дістатися amoCRM, і підписка на події угод.</translation>
    </message>
    <message>
        <source>Run the two-way check</source>
        <translation>Запустити двосторонню перевірку</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Крок</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>Steps of the two-way check</source>
        <translation>Кроки двосторонньої перевірки</translation>
    </message>
</context>
<context>
    <name>WebhookEventModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Акаунт</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Сутність</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Пересилання</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Затримка</translation>
    </message>
    <message>
        <source>not forwarded</source>
        <translation>не пересилалося</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>надсилаємо…</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>помилка</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>This event came from another account than the connected one.</source>
        <translation>Ця подія прийшла з іншого акаунта, ніж підключений.</translation>
    </message>
</context>
<context>
    <name>WebhookForwardProblem</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>немає відповіді протягом %1 с</translation>
    </message>
    <message>
        <source>cannot connect to the address</source>
        <translation>не вдається з’єднатися з адресою</translation>
    </message>
    <message>
        <source>the target is too slow, deliveries are piling up</source>
        <translation>адресат надто повільний, доставки накопичуються</translation>
    </message>
    <message>
        <source>could not send it: %1</source>
        <translation>не вдалося надіслати: %1</translation>
    </message>
    <message>
        <source>sending failed: %1</source>
        <translation>помилка надсилання: %1</translation>
    </message>
</context>
<context>
    <name>WebhookVocabulary</name>
    <message>
        <source>lead</source>
        <translation>угода</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компанія</translation>
    </message>
    <message>
        <source>task</source>
        <translation>завдання</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>покупець</translation>
    </message>
    <message>
        <source>incoming lead</source>
        <translation>заявка (нерозібране)</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>бесіда</translation>
    </message>
    <message>
        <source>message</source>
        <translation>повідомлення</translation>
    </message>
    <message>
        <source>catalog item</source>
        <translation>елемент каталогу</translation>
    </message>
    <message>
        <source>created</source>
        <translation>створено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>змінено</translation>
    </message>
    <message>
        <source>stage changed</source>
        <translation>змінено етап</translation>
    </message>
    <message>
        <source>owner changed</source>
        <translation>змінено відповідального</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>видалено</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>відновлено</translation>
    </message>
    <message>
        <source>note added</source>
        <translation>додано примітку</translation>
    </message>
    <message>
        <source>Lead created</source>
        <translation>Угоду створено</translation>
    </message>
    <message>
        <source>Lead changed</source>
        <translation>Угоду змінено</translation>
    </message>
    <message>
        <source>Lead moved to another stage</source>
        <translation>Угоду переміщено на інший етап</translation>
    </message>
    <message>
        <source>Lead owner changed</source>
        <translation>Змінено відповідального за угоду</translation>
    </message>
    <message>
        <source>Note added to a lead</source>
        <translation>До угоди додано примітку</translation>
    </message>
    <message>
        <source>Lead deleted</source>
        <translation>Угоду видалено</translation>
    </message>
    <message>
        <source>Lead restored</source>
        <translation>Угоду відновлено</translation>
    </message>
    <message>
        <source>Contact created</source>
        <translation>Контакт створено</translation>
    </message>
    <message>
        <source>Contact changed</source>
        <translation>Контакт змінено</translation>
    </message>
    <message>
        <source>Contact owner changed</source>
        <translation>Змінено відповідального за контакт</translation>
    </message>
    <message>
        <source>Note added to a contact</source>
        <translation>До контакту додано примітку</translation>
    </message>
    <message>
        <source>Contact deleted</source>
        <translation>Контакт видалено</translation>
    </message>
    <message>
        <source>Contact restored</source>
        <translation>Контакт відновлено</translation>
    </message>
    <message>
        <source>Company created</source>
        <translation>Компанію створено</translation>
    </message>
    <message>
        <source>Company changed</source>
        <translation>Компанію змінено</translation>
    </message>
    <message>
        <source>Company owner changed</source>
        <translation>Змінено відповідального за компанію</translation>
    </message>
    <message>
        <source>Note added to a company</source>
        <translation>До компанії додано примітку</translation>
    </message>
    <message>
        <source>Company deleted</source>
        <translation>Компанію видалено</translation>
    </message>
    <message>
        <source>Company restored</source>
        <translation>Компанію відновлено</translation>
    </message>
    <message>
        <source>Task created</source>
        <translation>Завдання створено</translation>
    </message>
    <message>
        <source>Task changed</source>
        <translation>Завдання змінено</translation>
    </message>
    <message>
        <source>Task deleted</source>
        <translation>Завдання видалено</translation>
    </message>
    <message>
        <source>wrong or missing secret</source>
        <translation>неправильний або відсутній секрет</translation>
    </message>
    <message>
        <source>not a POST request</source>
        <translation>не POST-запит</translation>
    </message>
    <message>
        <source>not a form body (wrong content type)</source>
        <translation>тіло не є формою (неправильний тип вмісту)</translation>
    </message>
    <message>
        <source>empty body</source>
        <translation>порожнє тіло</translation>
    </message>
    <message>
        <source>body is not a webhook form</source>
        <translation>тіло не є формою вебхука</translation>
    </message>
    <message>
        <source>body too large</source>
        <translation>завелике тіло</translation>
    </message>
    <message>
        <source>the sender was too slow</source>
        <translation>відправник надсилав надто повільно</translation>
    </message>
    <message>
        <source>the sender hung up before the whole body came</source>
        <translation>відправник розірвав з&apos;єднання, не надіславши тіло повністю</translation>
    </message>
    <message>
        <source>wrong path</source>
        <translation>неправильний шлях</translation>
    </message>
    <message>
        <source>could not be saved to the journal</source>
        <translation>не вдалося записати в журнал</translation>
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <source>Shown: %1 · in memory: %2 · received: %3 · rejected: %4</source>
        <translation>Показано: %1 · у пам’яті: %2 · отримано: %3 · відхилено: %4</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Відхилені (%1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <source>All entities</source>
        <translation>Усі сутності</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Усі дії</translation>
    </message>
    <message>
        <source>Any forward result</source>
        <translation>Будь-який результат пересилання</translation>
    </message>
    <message>
        <source>Filter by entity</source>
        <translation>Фільтр за сутністю</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Фільтр за дією</translation>
    </message>
    <message>
        <source>Filter by forward result</source>
        <translation>Фільтр за результатом пересилання</translation>
    </message>
    <message>
        <source>Search in summary, id, account…</source>
        <translation>Пошук в описі, ID, акаунті…</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Пошук подій</translation>
    </message>
    <message>
        <source>Webhook events</source>
        <translation>Події вебхуків</translation>
    </message>
    <message>
        <source>Rejected requests</source>
        <translation>Відхилені запити</translation>
    </message>
    <message>
        <source>Requests the listener refused: a wrong or missing secret, something that is not an amoCRM webhook, a wrong address. They are counted here and not treated as events.</source>
        <translation>Запити, які приймач відхилив: неправильний або відсутній секрет, щось, що не є вебхуком amoCRM, неправильна адреса. Вони підраховуються тут і не вважаються подіями.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Підписки</translation>
    </message>
    <message>
        <source>Two-way check</source>
        <translation>Двостороння перевірка</translation>
    </message>
</context>
</TS>
