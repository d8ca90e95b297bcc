// Delegated account management (issue 19), in Chromium against a running OKO with the demo data:
// 1. region64 opens «Учётные записи» and creates a municipal coordinator for «Город Саратов»
//    (seed 003 2–3: the region appoints municipal coordinators), with a mobile phone typed the
//    way people type it;
// 2. the password is shown once; region64 signs out;
// 3. the new coordinator signs in with it and sees itself as a municipal coordinator;
// 4. region64 finds the account in the list, its phone normalized;
// 5. on a phone (360 px) region64 issues the logins of one municipality's part of the published
//    sample of «ВПР-2026, весна» (seed 000: the region receives the sample's logins in its personal
//    account): the count is shown and confirmed first, the list is downloaded once (a real .xlsx),
//    then passed on to the municipality (seed 003 8.1/9.1);
// 6. region64 opens the campaign's «Работники», uploads the staff register (seed 000: the region
//    controls the appointment of responsible organizers), sees who is still missing, and is told
//    why the list of responsible organizers cannot go to the federal organizer yet; at 360 px too.
// Screenshots at 1280 px and at 360 px (a phone).
//
//   node e2e/accounts.mjs http://localhost:8080
import { clickOnSomePage, openMenuItem, startJourney } from './support.mjs';

// The staff register to upload (.xlsx), written by AccountsJourneyTests.
const [baseUrl, staffFile] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'accounts.mjs',
  totalTimeoutMs: 240_000,
});
const login = `mun64-e2e-${Date.now() % 100000}`;
let password = '';

async function signOut() {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.getByLabel('Логин').waitFor();
}

async function openAccounts() {
  await openMenuItem(page, 'Учётные записи');
  await page.getByTestId('accounts').waitFor();
}

await run(async () => {
  await step('region64 signs in and opens «Учётные записи»', async () => {
    await page.goto(baseUrl);
    await signIn('region64', 'region64-demo');
    await expectAccount('Региональный координатор');
    await openAccounts();
    await page.getByTestId('account-row').first().waitFor();
    await screenshot('accounts-1280');
  });

  await step('region64 creates a municipal coordinator', async () => {
    await page.getByTestId('account-new').click();
    await page.getByTestId('new-account-role').selectOption('MUNICIPAL');
    await page.getByTestId('new-account-municipality').selectOption({ label: 'Город Саратов' });
    await page.getByTestId('new-account-login').fill(login);
    await page.getByTestId('new-account-name').fill('Соколова Мария Петровна');
    await page.getByTestId('new-account-phone').fill('8 (917) 555-12-34');
    await page.getByTestId('new-account-email').fill('Sokolova@Saratov.example');
    await screenshot('accounts-new-1280');
    await page.getByRole('button', { name: 'Создать и показать пароль' }).click();
    const shown = page.getByTestId('shown-password');
    await shown.waitFor();
    password = (await shown.innerText()).trim();
    if (!/^[A-Za-z0-9]{10}$/.test(password)) throw new Error(`odd password «${password}»`);
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot('accounts-password-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Пароль передан, закрыть' }).click();
  });

  await step('the new municipal coordinator signs in with the password shown once', async () => {
    await signOut();
    await signIn(login, password);
    await expectAccount('Муниципальный координатор');
  });

  await step('region64 finds the account, its phone as +7…', async () => {
    await signOut();
    await signIn('region64', 'region64-demo');
    await openAccounts();
    await page.getByTestId('accounts-q').fill(login);
    const row = page.getByTestId('account-row').filter({ hasText: login });
    await row.getByText('+79175551234').waitFor();
    await row.getByText('Город Саратов').waitFor();
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot('accounts-360');
  });

  await step(
    'on a phone, region64 issues a municipality’s logins, downloads them once, passes them on',
    async () => {
      await page.setViewportSize({ width: 360, height: 780 });
      await openMenuItem(page, 'Выдача логинов и паролей');
      const form = page.getByTestId('handout-form');
      await form.waitFor();
      await form.getByLabel('Выборка одного муниципалитета').check();
      // The selects appear once their lists have loaded: wait for them, never read once.
      const campaign = form.getByRole('combobox', { name: /Кампания/ });
      await campaign
        .locator('option', { hasText: 'ВПР-2026, весна' })
        .waitFor({ state: 'attached' });
      await campaign.selectOption({ label: 'ВПР-2026, весна' });
      const municipality = form.getByRole('combobox', { name: 'Муниципалитет' });
      await municipality
        .locator('option', { hasText: 'Вольский муниципальный район' })
        .waitFor({ state: 'attached' });
      await municipality.selectOption({ label: 'Вольский муниципальный район' });
      const preview = page.getByTestId('handout-preview');
      await preview.getByText(/Будет выдано 20 логинов/).waitFor();
      await screenshot('handout-preview-360');
      await preview.getByLabel(/Подтверждаю: выдать 20 логинов/).check();
      await form.getByRole('button', { name: 'Выдать логины (20)' }).click();
      await page.getByTestId('handout-created').waitFor();

      const item = page
        .getByTestId('handout')
        .filter({ hasText: 'Вольский муниципальный район' })
        .first();
      const downloading = page.waitForEvent('download');
      await item.getByTestId('handout-download').click();
      const download = await downloading;
      if (!/\.xlsx$/.test(download.suggestedFilename())) {
        throw new Error(`odd file name «${download.suggestedFilename()}»`);
      }
      await item
        .getByTestId('handout-downloaded')
        .getByText(/Список скачан: region64/)
        .waitFor();
      await item.getByRole('button', { name: 'Передать муниципалитету' }).click();
      await item.getByText(/Передано: region64/).waitFor();
      await screenshot('handout-360');
    },
  );

  await step(
    'region64 uploads the staff register and sees who is still missing (1280 px)',
    async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openMenuItem(page, 'Кампании');
      // Other journeys create campaigns, so the spring ВПР may be on a later page of the list.
      await clickOnSomePage(page, 'a:has-text("ВПР-2026, весна")');
      await page.getByRole('link', { name: 'Работники' }).click();
      const summary = page.getByTestId('staff-summary');
      await summary.getByText(/Организаций в выборке: \d+/).waitFor();
      await page.getByTestId('staff-upload').locator('input[type=file]').setInputFiles(staffFile);
      await page
        .getByTestId('staff-upload-done')
        .getByText('Список сохранён: 2 работников в 2 организациях.')
        .waitFor();
      // It opens on the organizations where someone is missing (issue 21).
      if (!(await page.getByTestId('staff-missing-only').isChecked())) {
        throw new Error('«Работники» does not open on the organizations where someone is missing');
      }
      await page
        .getByTestId('staff-row')
        .first()
        .getByTestId('staff-missing')
        .getByText(/нет/)
        .waitFor();
      await screenshot('staff-1280');
      // The list goes to the federal organizer only when every school has a responsible organizer.
      await page.getByTestId('staff-submit').click();
      await page.getByText(/Список не отправлен: в \d+ организаци/).waitFor();
    },
  );

  await step(
    'on a phone, the staff register reads without sideways scrolling (360 px)',
    async () => {
      await page.setViewportSize({ width: 360, height: 780 });
      await page.getByTestId('staff-row').first().waitFor();
      await page.getByTestId('staff-not-sent').waitFor();
      await screenshot('staff-360');
      // A page of compact cards, not the whole sample (issue 21: it was 28 600 px tall), whether
      // it shows the organizations where someone is missing or all of them.
      const tall = () => page.evaluate(() => document.documentElement.scrollHeight);
      const missingHeight = await tall();
      await page.getByTestId('staff-show-all').check();
      await page
        .getByTestId('staff-shown')
        .filter({ hasText: /^Все организации выборки: \d+/ })
        .waitFor();
      await page.waitForFunction(() => !document.querySelector('.table-wrap[aria-busy="true"]'));
      const allHeight = await tall();
      console.log(`  «Работники» at 360 px: ${missingHeight} px (missing), ${allHeight} px (all)`);
      for (const [what, height] of [
        ['where someone is missing', missingHeight],
        ['all', allHeight],
      ]) {
        if (Number(height) > 10_000) {
          throw new Error(`«Работники» (${what}) is ${height} px tall at 360 px`);
        }
      }
      await screenshot('staff-all-360');
    },
  );
});
