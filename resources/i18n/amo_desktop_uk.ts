<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AccountCard</name>
    <message>
        <source>amoCRM (amocrm.ru)</source>
        <translation>amoCRM (amocrm.ru)</translation>
    </message>
    <message>
        <source>Kommo (kommo.com)</source>
        <translation>Kommo (kommo.com)</translation>
    </message>
    <message>
        <source>amoCRM (amocrm.com)</source>
        <translation>amoCRM (amocrm.com)</translation>
    </message>
    <message>
        <source>Other server (sandbox or test)</source>
        <translation>Інший сервер (пісочниця або тестовий)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Акаунт</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Платформа:</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Відкрити в браузері</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>✓ Account address: %1</source>
        <translation>✓ Адреса акаунта: %1</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Ваш акаунт</translation>
    </message>
    <message>
        <source>Where does your amoCRM account live?</source>
        <translation>Де розміщено ваш акаунт amoCRM?</translation>
    </message>
    <message>
        <source>Paste the address of your account as your browser shows it — for example mycompany.amocrm.ru, a full link, or just mycompany.</source>
        <translation>Вставте адресу свого акаунта так, як її показує браузер, — наприклад, mycompany.amocrm.ru, повне посилання або просто mycompany.</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Платформа:</translation>
    </message>
    <message>
        <source>Detect from the address</source>
        <translation>Визначити за адресою</translation>
    </message>
    <message>
        <source>amoCRM (amocrm.ru)</source>
        <translation>amoCRM (amocrm.ru)</translation>
    </message>
    <message>
        <source>Kommo (kommo.com)</source>
        <translation>Kommo (kommo.com)</translation>
    </message>
    <message>
        <source>amoCRM (amocrm.com)</source>
        <translation>amoCRM (amocrm.com)</translation>
    </message>
    <message>
        <source>Other server (sandbox or test)</source>
        <translation>Інший сервер (пісочниця або тестовий)</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <source>Account address:</source>
        <translation>Адреса акаунта:</translation>
    </message>
    <message>
        <source>mycompany.amocrm.ru</source>
        <translation>mycompany.amocrm.ru</translation>
    </message>
    <message>
        <source>Account address</source>
        <translation>Адреса акаунта</translation>
    </message>
</context>
<context>
    <name>AuthorizePage</name>
    <message>
        <source>Saving the settings…</source>
        <translation>Зберігаємо налаштування…</translation>
    </message>
    <message>
        <source>Exchanging the code for tokens…</source>
        <translation>Обмінюємо код на токени…</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>Перевіряємо токен…</translation>
    </message>
    <message>
        <source>Paste the code or the address first.</source>
        <translation>Спершу вставте код або адресу.</translation>
    </message>
    <message>
        <source>Paste the token first.</source>
        <translation>Спершу вставте токен.</translation>
    </message>
    <message>
        <source>Waiting for your answer in the browser… %1:%2 left</source>
        <translation>Чекаємо на вашу відповідь у браузері… лишилося %1:%2</translation>
    </message>
    <message>
        <source>Not available: %1 %2</source>
        <translation>Недоступно: %1 %2</translation>
    </message>
    <message>
        <source>Opening your browser…</source>
        <translation>Відкриваємо браузер…</translation>
    </message>
    <message>
        <source>The browser is open. If you don&apos;t see it, open this address yourself:</source>
        <translation>Браузер відкрито. Якщо ви його не бачите, відкрийте цю адресу самостійно:</translation>
    </message>
    <message>
        <source>No browser could be opened. Open this address in your browser:</source>
        <translation>Не вдалося відкрити браузер. Відкрийте цю адресу у своєму браузері:</translation>
    </message>
    <message>
        <source>✓ Authorized with the long-lived token.</source>
        <translation>✓ Доступ надано за довгостроковим токеном.</translation>
    </message>
    <message>
        <source>✓ Authorized. The tokens are saved in the keyring.</source>
        <translation>✓ Доступ надано. Токени збережено у сховищі паролів.</translation>
    </message>
    <message>
        <source>Authorize</source>
        <translation>Надання доступу</translation>
    </message>
    <message>
        <source>Let amoCRM give this app access. Choose one way.</source>
        <translation>Дозвольте amoCRM надати цій програмі доступ. Виберіть один спосіб.</translation>
    </message>
    <message>
        <source>In the browser (recommended)</source>
        <translation>У браузері (рекомендовано)</translation>
    </message>
    <message>
        <source>Opens amoCRM in your browser; after you press Allow, the answer comes back to this app by itself.</source>
        <translation>Відкриває amoCRM у браузері; щойно ви натиснете «Дозволити», відповідь сама повернеться до цієї програми.</translation>
    </message>
    <message>
        <source>Open the browser and allow access</source>
        <translation>Відкрити браузер і дозволити доступ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Paste code</source>
        <translation>Вставити код</translation>
    </message>
    <message>
        <source>Paste the authorization code from the integration&apos;s Keys tab, or the whole address the browser ended on. A code is valid for 20 minutes only.</source>
        <translation>Вставте код авторизації з вкладки «Ключі та доступи» інтеграції або всю адресу, на якій зупинився браузер. Код дійсний лише 20 хвилин.</translation>
    </message>
    <message>
        <source>Authorization code or final address</source>
        <translation>Код авторизації або кінцева адреса</translation>
    </message>
    <message>
        <source>Code or address</source>
        <translation>Код або адреса</translation>
    </message>
    <message>
        <source>Use this code</source>
        <translation>Використати код</translation>
    </message>
    <message>
        <source>Long-lived token</source>
        <translation>Довгостроковий токен</translation>
    </message>
    <message>
        <source>If your integration gives a long-lived token, paste it here; it needs no refreshing until it expires.</source>
        <translation>Якщо ваша інтеграція видає довгостроковий токен, вставте його сюди; його не треба оновлювати, доки не мине строк дії.</translation>
    </message>
    <message>
        <source>Use this token</source>
        <translation>Використати токен</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Asking amoCRM about your account…</source>
        <translation>Запитуємо amoCRM про ваш акаунт…</translation>
    </message>
    <message>
        <source>✓ Connected. amoCRM answered in %1 ms.</source>
        <translation>✓ Підключено. amoCRM відповів за %1 мс.</translation>
    </message>
    <message>
        <source>Check the connection</source>
        <translation>Перевірка підключення</translation>
    </message>
    <message>
        <source>The assistant asks amoCRM who you are.</source>
        <translation>Помічник запитує amoCRM, хто ви.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Акаунт:</translation>
    </message>
    <message>
        <source>Account ID:</source>
        <translation>ID акаунта:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Спробувати ще раз</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Testing the connection…</source>
        <translation>Перевіряємо підключення…</translation>
    </message>
    <message>
        <source>Refreshing the token…</source>
        <translation>Оновлюємо токен…</translation>
    </message>
    <message>
        <source>Loading pipelines…</source>
        <translation>Завантажуємо воронки…</translation>
    </message>
    <message>
        <source>Creating the lead…</source>
        <translation>Створюємо угоду…</translation>
    </message>
    <message>
        <source>Changing the lead&apos;s status…</source>
        <translation>Змінюємо етап угоди…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Увійти знову</translation>
    </message>
    <message>
        <source>✓ Connected to “%1” in %2 ms.</source>
        <translation>✓ Підключено до «%1» за %2 мс.</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Перевірка підключення</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Перевірити підключення</translation>
    </message>
</context>
<context>
    <name>CopyableField</name>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Replace the values?</source>
        <translation>Замінити значення?</translation>
    </message>
    <message>
        <source>%1 already has AMO_* settings with other values. Replace them with this connection&apos;s? The file&apos;s other lines stay as they are.</source>
        <translation>У файлі %1 уже є налаштування AMO_* з іншими значеннями. Замінити їх значеннями цього підключення? Інші рядки файлу залишаться без змін.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Замінити</translation>
    </message>
    <message>
        <source>Keep the file as it is</source>
        <translation>Залишити файл як є</translation>
    </message>
    <message>
        <source>Save the backend&apos;s .env file</source>
        <translation>Збереження файлу .env бекенда</translation>
    </message>
    <message>
        <source>Enter the backend address first.</source>
        <translation>Спершу вкажіть адресу бекенда.</translation>
    </message>
    <message>
        <source>not authorized</source>
        <translation>доступ не надано</translation>
    </message>
    <message>
        <source>long-lived token</source>
        <translation>довгостроковий токен</translation>
    </message>
    <message>
        <source>OAuth</source>
        <translation>OAuth</translation>
    </message>
    <message>
        <source>%1, valid for about %2 h</source>
        <translation>%1, дійсний ще приблизно %2 год</translation>
    </message>
    <message>
        <source>✓ Written to %1</source>
        <translation>✓ Записано у %1</translation>
    </message>
    <message>
        <source>Nothing written: %1 keeps its values.</source>
        <translation>Нічого не записано: у %1 залишилися попередні значення.</translation>
    </message>
    <message>
        <source>Enter your backend&apos;s address in the field beside the button, for example http://127.0.0.1:8000.</source>
        <translation>Вкажіть адресу бекенда в полі поруч із кнопкою, наприклад http://127.0.0.1:8000.</translation>
    </message>
    <message>
        <source>✓ The backend accepted the tokens (HTTP %1). It owns them now.</source>
        <translation>✓ Бекенд прийняв токени (HTTP %1). Тепер ними керує він.</translation>
    </message>
    <message>
        <source>All set</source>
        <translation>Усе готово</translation>
    </message>
    <message>
        <source>The connection works. You can hand it to your backend.</source>
        <translation>Підключення працює. Можете передати його своєму бекенду.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Профіль:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Акаунт:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Токен:</translation>
    </message>
    <message>
        <source>Hand over to your backend (optional)</source>
        <translation>Передати бекенду (необов’язково)</translation>
    </message>
    <message>
        <source>Write the AMO_* settings your backend reads into its .env file.</source>
        <translation>Записати налаштування AMO_*, які читає ваш бекенд, у його файл .env.</translation>
    </message>
    <message>
        <source>Export backend .env…</source>
        <translation>Експортувати .env для бекенда…</translation>
    </message>
    <message>
        <source>Push the tokens to the backend: from then on the backend owns and refreshes them, and this app stops refreshing them so that they are not used up twice.</source>
        <translation>Передати токени бекенду: відтоді ними керує й оновлює їх бекенд, а ця програма більше їх не оновлює, щоб їх не було використано двічі.</translation>
    </message>
    <message>
        <source>Backend address, e.g. http://localhost:3000</source>
        <translation>Адреса бекенда, напр. http://localhost:3000</translation>
    </message>
    <message>
        <source>Backend address</source>
        <translation>Адреса бекенда</translation>
    </message>
    <message>
        <source>Push tokens</source>
        <translation>Передати токени</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Reading the .env file…</source>
        <translation>Читаємо файл .env…</translation>
    </message>
    <message>
        <source>✓ Looks like an integration ID</source>
        <translation>✓ Схоже на ID інтеграції</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
    <message>
        <source>Choose the backend&apos;s .env file</source>
        <translation>Виберіть файл .env бекенда</translation>
    </message>
    <message>
        <source>Integration keys</source>
        <translation>Ключі інтеграції</translation>
    </message>
    <message>
        <source>Copy them from amoCRM: Settings → Integrations → your integration → Keys.</source>
        <translation>Скопіюйте їх з amoCRM: Налаштування → Інтеграції → ваша інтеграція → Ключі та доступи.</translation>
    </message>
    <message>
        <source>Integration ID:</source>
        <translation>ID інтеграції:</translation>
    </message>
    <message>
        <source>Integration ID</source>
        <translation>ID інтеграції</translation>
    </message>
    <message>
        <source>Secret key:</source>
        <translation>Секретний ключ:</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Секретний ключ</translation>
    </message>
    <message>
        <source>Saved in the keyring — leave empty to keep it</source>
        <translation>Збережено у сховищі паролів — залиште порожнім, щоб не змінювати</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>Адреса перенаправлення:</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>Адреса перенаправлення</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>It must match the integration&apos;s redirect URI in amoCRM exactly, character for character — a trailing slash included.</source>
        <translation>Вона має збігатися з адресою перенаправлення інтеграції в amoCRM символ у символ — разом із кінцевою скісною рискою.</translation>
    </message>
    <message>
        <source>Import from backend .env…</source>
        <translation>Імпортувати з .env бекенда…</translation>
    </message>
    <message>
        <source>Fills this page from the AMO_* lines of your backend&apos;s .env file.</source>
        <translation>Заповнює цю сторінку з рядків AMO_* у файлі .env вашого бекенда.</translation>
    </message>
</context>
<context>
    <name>LeadPanel</name>
    <message>
        <source>✓ Lead %1 created.</source>
        <translation>✓ Угоду %1 створено.</translation>
    </message>
    <message>
        <source>✓ Moved to “%1”.</source>
        <translation>✓ Переміщено на етап «%1».</translation>
    </message>
    <message>
        <source>Create a test lead</source>
        <translation>Створити тестову угоду</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <source>Test lead from amo-desktop</source>
        <translation>Тестова угода з amo-desktop</translation>
    </message>
    <message>
        <source>Lead name</source>
        <translation>Назва угоди</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Бюджет:</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>Воронка:</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Етап:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Етап</translation>
    </message>
    <message>
        <source>Create test lead</source>
        <translation>Створити тестову угоду</translation>
    </message>
    <message>
        <source>Open the lead</source>
        <translation>Відкрити угоду</translation>
    </message>
    <message>
        <source>Move it to:</source>
        <translation>Перемістити на:</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Новий етап</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Змінити етап</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>amo-desktop</source>
        <translation>amo-desktop</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Підключення</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Вебхуки</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>Усунення проблем</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Розділи</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of the assistant is coming in a later version.</source>
        <translation>Ця частина помічника з’явиться в одній із наступних версій.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>not identified</source>
        <translation>не визначено</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Видалення профілю</translation>
    </message>
    <message>
        <source>Delete the profile “%1”? Its secret key and tokens are removed from the keyring too. This cannot be undone.</source>
        <translation>Видалити профіль «%1»? Його секретний ключ і токени також буде видалено зі сховища паролів. Цю дію не можна скасувати.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Select a profile in the list first.</source>
        <translation>Спершу виберіть профіль у списку.</translation>
    </message>
    <message>
        <source>Type the new name below first.</source>
        <translation>Спершу введіть нову назву нижче.</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Збережено</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Профілі</translation>
    </message>
    <message>
        <source>Current profile:</source>
        <translation>Поточний профіль:</translation>
    </message>
    <message>
        <source>Name for a new or renamed profile</source>
        <translation>Назва нового або перейменованого профілю</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Назва профілю</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Додати…</translation>
    </message>
    <message>
        <source>Switch to</source>
        <translation>Перейти до нього</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Перейменувати</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Видалити…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Загальні</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Backend address:</source>
        <translation>Адреса бекенда:</translation>
    </message>
    <message>
        <source>e.g. http://localhost:3000</source>
        <translation>напр. http://localhost:3000</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Keyring in use:</source>
        <translation>Сховище паролів:</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Writing the .env file…</source>
        <translation>Записуємо файл .env…</translation>
    </message>
    <message>
        <source>Sending the tokens to the backend…</source>
        <translation>Надсилаємо токени бекенду…</translation>
    </message>
    <message>
        <source>Back to the account address</source>
        <translation>Повернутися до адреси акаунта</translation>
    </message>
    <message>
        <source>Back to the integration keys</source>
        <translation>Повернутися до ключів інтеграції</translation>
    </message>
    <message>
        <source>Back to authorization</source>
        <translation>Повернутися до надання доступу</translation>
    </message>
    <message>
        <source>amo-desktop — setup of “%1”</source>
        <translation>amo-desktop — налаштування профілю «%1»</translation>
    </message>
    <message>
        <source>amo-desktop — setup</source>
        <translation>amo-desktop — налаштування</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Назад</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Далі &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Open the dashboard</source>
        <translation>Відкрити панель</translation>
    </message>
</context>
<context>
    <name>TokenCard</name>
    <message>
        <source>no token — authorize first</source>
        <translation>токена немає — спершу надайте доступ</translation>
    </message>
    <message>
        <source>Authorize first: there is nothing to refresh yet.</source>
        <translation>Спершу надайте доступ: оновлювати поки нічого.</translation>
    </message>
    <message>
        <source>long-lived token</source>
        <translation>довгостроковий токен</translation>
    </message>
    <message>
        <source>OAuth tokens</source>
        <translation>токени OAuth</translation>
    </message>
    <message>
        <source>your backend (it refreshes them)</source>
        <translation>ваш бекенд (він їх оновлює)</translation>
    </message>
    <message>
        <source>this app</source>
        <translation>ця програма</translation>
    </message>
    <message>
        <source>Your backend owns these tokens and refreshes them itself. Refreshing here would use up its refresh token and sign the backend out.</source>
        <translation>Цими токенами володіє ваш бекенд і сам їх оновлює. Оновлення тут витратило б його токен оновлення, і бекенд утратив би доступ.</translation>
    </message>
    <message>
        <source>A long-lived token cannot be refreshed: make a new one in amoCRM before this one expires.</source>
        <translation>Довгостроковий токен не можна оновити: створіть новий в amoCRM, поки цей не закінчився.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>строк дії минув</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 дн. %2 год</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 год %2 хв</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 хв %2 с</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Refreshed by:</source>
        <translation>Оновлює:</translation>
    </message>
    <message>
        <source>Expires in:</source>
        <translation>Дійсний ще:</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Оновити зараз</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Starting the sandbox…</source>
        <translation>Запускаємо пісочницю…</translation>
    </message>
    <message>
        <source>Connect your system to amoCRM</source>
        <translation>Підключіть свою систему до amoCRM</translation>
    </message>
    <message>
        <source>This assistant connects your company&apos;s system (the backend) to amoCRM or Kommo: it stores the integration keys safely, signs in, checks the connection and can hand the access over to your backend.</source>
        <translation>Цей помічник підключає систему вашої компанії (бекенд) до amoCRM або Kommo: надійно зберігає ключі інтеграції, входить в акаунт, перевіряє підключення і може передати доступ вашому бекенду.</translation>
    </message>
    <message>
        <source>You need the integration&apos;s keys: in amoCRM open Settings → Integrations, open your integration and find the Keys and access tab (integration ID and secret key).</source>
        <translation>Вам знадобляться ключі інтеграції: в amoCRM відкрийте Налаштування → Інтеграції, відкрийте свою інтеграцію і знайдіть вкладку «Ключі та доступи» (ID інтеграції та секретний ключ).</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Connect my account</source>
        <translation>Підключити мій акаунт</translation>
    </message>
    <message>
        <source>Try the sandbox</source>
        <translation>Спробувати в пісочниці</translation>
    </message>
    <message>
        <source>The sandbox is a practice amoCRM inside this app. Everything is filled in for you, so you can see every step without an account.</source>
        <translation>Пісочниця — це навчальна amoCRM усередині програми. Усе заповнюється за вас, тож ви побачите кожен крок без власного акаунта.</translation>
    </message>
</context>
</TS>
