<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>ActivityLogModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Що відбулося</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <source>request</source>
        <translation>запит</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>токени</translation>
    </message>
    <message>
        <source>listener</source>
        <translation>приймач</translation>
    </message>
    <message>
        <source>note</source>
        <translation>примітка</translation>
    </message>
    <message>
        <source>error</source>
        <translation>помилка</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
    <message>
        <source>%1 known errors</source>
        <translation>Відомих помилок: %1</translation>
    </message>
    <message>
        <source>%1 of %2 known errors match</source>
        <translation>Знайдено %1 з %2 відомих помилок</translation>
    </message>
    <message>
        <source>Search: paste an error message or type a word</source>
        <translation>Пошук: вставте текст помилки або введіть слово</translation>
    </message>
    <message>
        <source>Search the error catalogue</source>
        <translation>Пошук у довіднику помилок</translation>
    </message>
    <message>
        <source>Known errors</source>
        <translation>Відомі помилки</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Що сталося</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Що робити</translation>
    </message>
    <message>
        <source>How it may appear elsewhere</source>
        <translation>Як вона може виглядати деінде</translation>
    </message>
    <message>
        <source>No known error matches. Try fewer or other words.</source>
        <translation>Жодна відома помилка не підходить. Спробуйте менше слів або інші слова.</translation>
    </message>
</context>
<context>
    <name>CheckAction</name>
    <message>
        <source>Open setup</source>
        <translation>Відкрити майстер налаштування</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Увійти знову</translation>
    </message>
    <message>
        <source>Open Connection</source>
        <translation>Відкрити «Підключення»</translation>
    </message>
    <message>
        <source>Open Webhooks</source>
        <translation>Відкрити «Вебхуки»</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Відкрити налаштування</translation>
    </message>
</context>
<context>
    <name>CheckCard</name>
    <message>
        <source>What to do: %1</source>
        <translation>Що зробити: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CheckOutcome</name>
    <message>
        <source>Passed</source>
        <translation>Пройдено</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Попередження</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не пройдено</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Перевіряємо…</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 з %2</translation>
    </message>
    <message>
        <source>Press “Run all checks” to look for problems.</source>
        <translation>Натисніть «Запустити всі перевірки», щоб пошукати проблеми.</translation>
    </message>
    <message>
        <source>Checking… %1 of %2 done.</source>
        <translation>Перевіряємо… Готово %1 з %2.</translation>
    </message>
    <message>
        <source>%1 passed, %2 warnings, %3 failed, %4 skipped.</source>
        <translation>Пройдено: %1, попереджень: %2, не пройдено: %3, пропущено: %4.</translation>
    </message>
    <message>
        <source>Problems found.</source>
        <translation>Знайдено проблеми.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Проблем не знайдено.</translation>
    </message>
    <message>
        <source>Run all checks</source>
        <translation>Запустити всі перевірки</translation>
    </message>
    <message>
        <source>Also try a real token refresh</source>
        <translation>Також справді оновити токени</translation>
    </message>
    <message>
        <source>A real refresh replaces both tokens with a new pair, as amoCRM does on every refresh; the old pair stops working. Leave it off if your backend keeps its own copy of these tokens.</source>
        <translation>Справжнє оновлення замінює обидва токени новою парою, як amoCRM робить під час кожного оновлення; стара пара перестає працювати. Не вмикайте цю опцію, якщо ваш бекенд зберігає власну копію цих токенів.</translation>
    </message>
    <message>
        <source>These results are in the language of the last run. Run the checks again to read them in this language.</source>
        <translation>Ці результати записано мовою попереднього запуску. Запустіть перевірки ще раз, щоб прочитати їх цією мовою.</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Результати перевірок</translation>
    </message>
</context>
<context>
    <name>ErrorCatalogueModel</name>
    <message>
        <source>backend address</source>
        <translation>адреса бекенду</translation>
    </message>
    <message>
        <source>command</source>
        <translation>команда</translation>
    </message>
    <message>
        <source>number</source>
        <translation>номер</translation>
    </message>
    <message>
        <source>account address</source>
        <translation>адреса акаунта</translation>
    </message>
    <message>
        <source>option</source>
        <translation>параметр</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>проблема</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>профіль</translation>
    </message>
    <message>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <source>entered text</source>
        <translation>введений текст</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адреса</translation>
    </message>
    <message>
        <source>entered value</source>
        <translation>введене значення</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>%1 entries</source>
        <translation>Записів: %1</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>Показано %1 з %2 записів</translation>
    </message>
    <message>
        <source>Everything the app did with amoCRM and your backend: requests with their answer and time, token refreshes and listener events. Secrets and tokens are always hidden.</source>
        <translation>Усе, що застосунок робив з amoCRM і вашим бекендом: запити з відповіддю та часом, оновлення токенів і події приймача. Секрети й токени завжди приховано.</translation>
    </message>
    <message>
        <source>Filter: a path, a status, a word</source>
        <translation>Фільтр: шлях, статус або слово</translation>
    </message>
    <message>
        <source>Filter the activity log</source>
        <translation>Фільтр журналу дій</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Журнал дій</translation>
    </message>
</context>
<context>
    <name>TroubleshootingPage</name>
    <message>
        <source>✓ The support report is on the clipboard. Paste it into your message to support.</source>
        <translation>✓ Звіт для підтримки скопійовано в буфер обміну. Вставте його у своє повідомлення до підтримки.</translation>
    </message>
    <message>
        <source>✓ The support report was saved to %1</source>
        <translation>✓ Звіт для підтримки збережено у %1</translation>
    </message>
    <message>
        <source>Preparing the support report…</source>
        <translation>Готуємо звіт для підтримки…</translation>
    </message>
    <message>
        <source>Save the support report</source>
        <translation>Збереження звіту для підтримки</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Текстові файли (*.txt)</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>Усунення проблем</translation>
    </message>
    <message>
        <source>Find out what stops the connection and what to do about it. If you need help, send the support report: it never contains your secrets or tokens.</source>
        <translation>З&apos;ясуйте, що заважає підключенню і що з цим робити. Якщо потрібна допомога, надішліть звіт для підтримки: у ньому ніколи немає ваших секретів і токенів.</translation>
    </message>
    <message>
        <source>Copy support report</source>
        <translation>Копіювати звіт для підтримки</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Зберегти у файл…</translation>
    </message>
    <message>
        <source>Save the support report to a file</source>
        <translation>Зберегти звіт для підтримки у файл</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Перевірки</translation>
    </message>
    <message>
        <source>Error catalogue</source>
        <translation>Довідник помилок</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Журнал дій</translation>
    </message>
    <message>
        <source>Troubleshooting sections</source>
        <translation>Розділи усунення проблем</translation>
    </message>
</context>
</TS>
