// Protocol 2 in a real browser (run by FormJourneyTests, which creates the form and its kits):
// 1. a point (edu640001) signs in and opens the form: kit numbers are pre-filled and locked;
// 2. it fills the comments, types an unknown school login: after the autosave the server's
//    reason appears on that very cell; it corrects the login and the draft saves;
// 3. on the «Excel» tab it forms the template (a real .xlsx download) and uploads it back:
//    the same data come back on the «Форма» tab;
// 4. «Сдать отчёт»: the status reads «Отчёт сдан ДД.ММ.ГГГГ ЧЧ:ММ», the grid is read-only and
//    «Редактировать» is offered;
// 5. the region (region64, a coordinator above the school) opens the school's report and
//    «Вернуть на доработку» with a reason — first without one (asked for it), then with it;
// 6. the school signs in again: the form's banner says who returned it, when (named by city)
//    and why, and its notifications list the return with the same reason (issue 22: «a form
//    returned to me»; seed 003 10.2).
//
//   node e2e/forms.mjs http://localhost:8080 <formId>
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';

import { resultsDir, screenshotsDir, startJourney } from './support.mjs';

const [baseUrl, formId] = process.argv.slice(2);
const { page, step, screenshot, loginHeading, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'forms.mjs',
  totalTimeoutMs: 150_000,
});
if (!formId) throw new Error('usage: node e2e/forms.mjs <baseUrl> <formId>');

/**
 * @param {number} row
 * @param {string} column
 */
const cell = (row, column) => page.getByTestId(`cell-kits-${row}-${column}`);
const saved = () => page.getByTestId('save-state').filter({ hasText: /^Сохранено в \d{2}:\d{2}/ });

await run(async () => {
  await step('the point signs in and opens protocol 2: the kits are pre-filled', async () => {
    await page.goto(baseUrl);
    await signIn('edu640001', 'edu640001-demo');
    await expectAccount('Образовательная организация');
    await page.goto(`${baseUrl}/forms/${formId}`);
    await page.getByTestId('grid-kits').waitFor();
    const kit = await cell(1, 'kit').inputValue();
    if (kit !== '701501') throw new Error(`first kit is «${kit}», expected 701501`);
    if ((await cell(1, 'kit').getAttribute('readonly')) === null) {
      throw new Error('the kit number can be typed over');
    }
    await screenshot('form-protocol2-new');
  });

  await step('an unknown school login is named on its cell after the autosave', async () => {
    await cell(1, 'comment').selectOption('использован');
    await cell(1, 'school').fill('edu999999');
    await cell(2, 'comment').selectOption('испорчен');
    await cell(3, 'comment').selectOption('не использован');
    await page
      .getByTestId('form-problems')
      .filter({ hasText: 'Организация с логином «edu999999» не найдена' })
      .waitFor();
    if ((await cell(1, 'school').getAttribute('aria-invalid')) !== 'true') {
      throw new Error('the wrong login is not marked on its cell');
    }
    await screenshot('form-protocol2-server-problem');
  });

  await step('the corrected login saves as a draft without problems', async () => {
    await cell(1, 'school').fill('edu640021');
    await saved().waitFor();
    await page.getByTestId('form-problems').waitFor({ state: 'detached' });
    const status = (await page.getByTestId('form-status').innerText()).trim();
    if (!status.startsWith('Черновик')) throw new Error(`status is «${status}»`);
  });

  /** The part of the window the sticky footer leaves free, and the rows wholly inside it. */
  const rowsInView = () =>
    page.evaluate(() => {
      const footer = document.querySelector('[data-testid="form-footer"]');
      const bottom = footer ? footer.getBoundingClientRect().top : window.innerHeight;
      const rows = [...document.querySelectorAll('[data-testid="grid-kits"] tr[data-index]')];
      return {
        footer: footer ? Math.round(footer.getBoundingClientRect().height) : 0,
        rows: rows.filter((row) => {
          const box = row.getBoundingClientRect();
          // a pixel's slack: scrollIntoView may leave the first row a fraction of a pixel above 0
          return box.top > -1 && box.bottom < bottom + 1;
        }).length,
      };
    });

  await step(
    'on a phone (360 px) the kits are cards, all three in view above a slim footer',
    async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await cell(1, 'kit').evaluate((input) => input.closest('tr')?.scrollIntoView());
      await page.waitForFunction(() => {
        const row = document.querySelector('[data-testid="grid-kits"] tr[data-index]');
        return row && getComputedStyle(row).display === 'grid';
      });
      const view = await rowsInView();
      console.log(`  360 px: ${view.rows} rows in view, footer ${view.footer} px`);
      if (view.rows < 3)
        throw new Error(`only ${view.rows} rows of protocol 2 fit a phone's screen`);
      if (view.footer > 80)
        throw new Error(`the footer takes ${view.footer} px of a phone's screen`);
      await page.screenshot({ path: join(screenshotsDir, 'form-protocol2-360-view.png') });
      await cell(2, 'comment').selectOption('использован');
      await cell(2, 'comment').selectOption('испорчен');
      await saved().waitFor();
    },
  );

  await step('on a desk (1280 px) the footer is one bar, the help folded', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await cell(1, 'kit').evaluate((input) => input.closest('tr')?.scrollIntoView());
    const view = await rowsInView();
    console.log(`  1280 px: ${view.rows} rows in view, footer ${view.footer} px`);
    if (view.footer > 90) throw new Error(`the footer takes ${view.footer} px of 800`);
    if (view.rows < 3) throw new Error(`only ${view.rows} rows of protocol 2 fit 1280 × 800`);
    if (await page.getByTestId('form-help').evaluate((help) => help.hasAttribute('open'))) {
      throw new Error('the help over the grid is open by default');
    }
    await page.screenshot({ path: join(screenshotsDir, 'form-protocol2-1280-view.png') });
  });

  let template = '';
  await step('«Сформировать excel шаблон» downloads a workbook with the draft', async () => {
    await page.getByRole('tab', { name: 'Excel' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Сформировать excel шаблон' }).click();
    const download = await downloading;
    template = join(resultsDir, `template-${download.suggestedFilename()}`);
    await download.saveAs(template);
    const head = (await readFile(template)).subarray(0, 2).toString('latin1');
    if (head !== 'PK') throw new Error('the template is not an .xlsx (zip) file');
    console.log(`  saved ${download.suggestedFilename()}`);
  });

  await step('«Загрузить из excel» takes the file back: the same data on «Форма»', async () => {
    await page.locator('input[type="file"]').setInputFiles(template);
    await page.getByRole('tab', { name: 'Форма', selected: true }).waitFor();
    const login = await cell(1, 'school').inputValue();
    if (login !== 'edu640021') throw new Error(`after the upload the login is «${login}»`);
    const comment = await cell(2, 'comment').inputValue();
    if (comment !== 'испорчен') throw new Error(`after the upload row 2 says «${comment}»`);
  });

  await step(
    '«Сдать отчёт»: submitted with its time, read-only, «Редактировать» offered',
    async () => {
      await page.getByTestId('submit-form').click();
      const status = page.getByTestId('form-status');
      await status.filter({ hasText: /Отчёт сдан \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/ }).waitFor();
      console.log(`  ${(await status.innerText()).trim()}`);
      await page.getByTestId('reopen-form').waitFor();
      if ((await cell(1, 'comment').getAttribute('readonly')) === null) {
        throw new Error('a submitted report is still editable');
      }
      await screenshot('form-protocol2-submitted');
    },
  );

  const reason = 'Исправьте комплект 701502: по ведомости он использован, а не испорчен';

  await step('the region returns the report «на доработку» with a reason', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await loginHeading().waitFor();
    await signIn('region64', 'region64-demo');
    await expectAccount('Региональный координатор');
    await page.goto(`${baseUrl}/forms/${formId}?organization=edu640001`);
    await page.getByTestId('respondent-view').filter({ hasText: 'edu640001' }).waitFor();
    await page.getByTestId('return-form').click();
    await page.getByTestId('return-confirm').click();
    await page.getByRole('alert').filter({ hasText: 'Укажите, что исправить' }).waitFor();
    await page.getByTestId('return-reason').fill(reason);
    await page.getByTestId('return-confirm').click();
    await page.getByTestId('returned-banner').filter({ hasText: reason }).waitFor();
    const status = (await page.getByTestId('form-status').innerText()).trim();
    if (!status.startsWith('Черновик'))
      throw new Error(`after the return the status is «${status}»`);
    await screenshot('form-protocol2-returned-by-region');
  });

  await step('the school sees the reason in the form banner and in its notifications', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await loginHeading().waitFor();
    await signIn('edu640001', 'edu640001-demo');
    await expectAccount('Образовательная организация');
    await page.goto(`${baseUrl}/forms/${formId}`);
    const banner = page.getByTestId('returned-banner');
    await banner.filter({ hasText: reason }).waitFor();
    const text = (await banner.innerText()).trim();
    if (!/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \([А-ЯЁ][а-яё-]+\)/.test(text)) {
      throw new Error(`the banner does not name whose time the return is: «${text}»`);
    }
    if ((await cell(1, 'comment').getAttribute('readonly')) !== null) {
      throw new Error('a returned report cannot be corrected');
    }
    await screenshot('form-protocol2-returned-school');
    // The notification is written by a consumer of the outbox: wait for it, reloading the list.
    const returned = page
      .getByTestId('notification')
      .filter({ hasText: 'Форма возвращена' })
      .filter({ hasText: reason });
    for (let attempt = 0; ; attempt++) {
      await page.goto(`${baseUrl}/notifications`);
      await page.getByTestId('notifications').waitFor();
      const found = await returned
        .first()
        .waitFor({ timeout: 3_000 })
        .then(
          () => true,
          () => false,
        );
      if (found) break;
      if (attempt >= 8) throw new Error('no «Форма возвращена» notification with the reason');
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await returned.first().waitFor();
    await screenshot('notifications-form-returned-360');
  });
});
