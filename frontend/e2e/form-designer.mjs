// Issue 19's journey «federal designs a form that a school then fills»: the federal organizer opens
// a campaign, designs a form in the SPA's designer (a sheet, three columns with a type, a required
// one, a range and options), tries the web form in the preview (an out-of-range number is marked
// on its cell), downloads the Excel template before publishing, publishes; the page fits a 360 px
// phone too. Then the school edu640001 signs in on a phone, finds the form on its cabinet, fills a
// row and hands it in. Then the region (issue 19, seed 003 11.4/12) designs its own form for its
// municipalities, and the municipal coordinator mun64-engels finds it on its cabinet and hands it
// in on a phone; the designer and the form fit 360 and 1280 px.
//
//   node e2e/form-designer.mjs http://localhost:8080 <campaignId>
import { clickOnSomePage, expectNoOverflow, startJourney } from './support.mjs';

const [baseUrl, campaignId] = process.argv.slice(2);
if (!campaignId) throw new Error('usage: node e2e/form-designer.mjs <baseUrl> <campaignId>');
const { page, step, screenshot, signIn, run } = await startJourney({
  baseUrl,
  script: 'form-designer.mjs',
  totalTimeoutMs: 240_000,
});

const TITLE = 'Сведения о кружках';
const REGIONAL_TITLE = 'Анализ объективности (приказ министерства области)';
/** @type {string | undefined} */
let formId;

/** The designer's column cards, the n-th (from 0). @param {number} n */
const column = (n) => page.getByTestId('designer-column').nth(n);

await run(async () => {
  await step('federal opens the campaign and starts a new form', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/login`);
    await signIn('federal', 'federal-demo');
    await page.getByRole('navigation', { name: 'Основная навигация' }).waitFor();
    await page.goto(`${baseUrl}/campaigns/${campaignId}`);
    await page.getByTestId('campaign-form-new').click();
    await page.getByTestId('form-designer').waitFor();
    await page.waitForURL(/\/campaigns\/\d+\/forms\/new$/);
  });

  await step('the form, its sheet and three columns: type, required, range, options', async () => {
    await page.getByTestId('designer-title').fill(TITLE);
    await page.getByTestId('designer-code').fill('kruzhki');
    await page.getByTestId('designer-stage').selectOption('RESULTS_PROTOCOL');
    await page.getByTestId('designer-sheet-title').fill('Кружки');

    await column(0).getByTestId('designer-column-title').fill('Название кружка');
    await column(0).getByTestId('designer-column-required').check();

    await page.getByTestId('designer-add-column').click();
    await column(1).getByTestId('designer-column-title').fill('Число участников');
    await column(1).getByTestId('designer-column-type').selectOption('INTEGER');
    await column(1).getByTestId('designer-column-min').fill('1');
    await column(1).getByTestId('designer-column-max').fill('500');

    await page.getByTestId('designer-add-column').click();
    await column(2).getByTestId('designer-column-title').fill('Направленность');
    await column(2).getByTestId('designer-column-type').selectOption('ENUM');
    await column(2)
      .getByTestId('designer-column-options')
      .fill('техническая\nестественнонаучная\nхудожественная');
  });

  await step(
    'the preview is the real grid with the same checks: 9999 is out of range',
    async () => {
      const preview = page.getByTestId('designer-preview');
      await preview.getByRole('button', { name: '+ Добавить строку' }).click();
      const count = page.getByTestId('cell-s1-1-c2');
      await count.fill('9999');
      await count.press('Tab');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="cell-s1-1-c2"]')?.getAttribute('aria-invalid') ===
          'true',
      );
      await page.getByTestId('cell-s1-1-c3').waitFor();
      await screenshot('designer-1280-preview');
    },
  );

  await step('the Excel template is downloaded before publishing', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('designer-template').click(),
    ]);
    const name = download.suggestedFilename();
    if (!name.endsWith('.xlsx')) throw new Error(`the template is «${name}»`);
    console.log(`  template: ${name}`);
  });

  await step('publishing makes version 1; the page then edits its next version', async () => {
    await page.getByTestId('designer-publish').click();
    // The page moves to the new form's address and redraws the designer for version 2; the notice
    // that version 1 went out survives the move.
    await page.waitForURL(/\/forms\/\d+\/design$/);
    formId = /\/forms\/(\d+)\/design$/.exec(page.url())?.[1];
    await page.getByRole('button', { name: 'Опубликовать версию 2' }).waitFor();
    await page
      .getByTestId('designer-published')
      .filter({ hasText: 'Опубликована версия 1.' })
      .waitFor();
    console.log(`  form ${formId}`);
  });

  await step('the designer fits a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByTestId('form-designer').waitFor();
    await expectNoOverflow(page);
    await screenshot('designer-360');
  });

  await step('the school signs in on a phone and finds the form on its cabinet', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Логин').waitFor();
    await signIn('edu640001', 'edu640001-demo');
    await page.getByRole('navigation', { name: 'Основная навигация' }).waitFor();
    const item = page.getByTestId('campaign-form').filter({ hasText: TITLE });
    await item.getByRole('link', { name: 'Заполнить' }).click();
    await page.waitForURL(new RegExp(`/forms/${formId}$`));
  });

  await step('the school fills a row and hands the form in', async () => {
    await page.getByRole('button', { name: '+ Добавить строку' }).click();
    await page.getByTestId('cell-s1-1-c1').fill('Робототехника');
    await page.getByTestId('cell-s1-1-c2').fill('24');
    await page.getByTestId('cell-s1-1-c3').selectOption('техническая');
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Сохранено в \d{2}:\d{2}/ })
      .waitFor({ timeout: 20_000 });
    await page.getByTestId('submit-form').click();
    const confirm = page.getByTestId('submit-confirm');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await page
      .getByTestId('form-status')
      .filter({ hasText: /Отчёт сдан \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/ })
      .waitFor();
    await screenshot('designer-school-360-submitted');
  });
  await step('region64 designs its own form for its municipalities', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Логин').waitFor();
    await signIn('region64', 'region64-demo');
    await page.getByRole('navigation', { name: 'Основная навигация' }).waitFor();
    await page.goto(`${baseUrl}/campaigns/${campaignId}`);
    // the federal form is the region's to fill and monitor, not to change
    const federalForm = page.getByTestId('campaign-form').filter({ hasText: TITLE });
    await federalForm.waitFor();
    if ((await federalForm.getByTestId('campaign-form-design').count()) !== 0) {
      throw new Error('the region is offered to change the federal form');
    }
    await page.getByTestId('campaign-form-new').click();
    await page.getByTestId('form-designer').waitFor();
    await page.getByTestId('designer-title').fill(REGIONAL_TITLE);
    await page.getByTestId('designer-code').fill('analiz-64');
    await page.getByTestId('designer-stage').selectOption('RESULTS_PROTOCOL');
    await page.getByTestId('designer-respondent').selectOption('MUNICIPALITY');
    await page.getByTestId('designer-sheet-title').fill('Меры');
    await column(0).getByTestId('designer-column-title').fill('Принятые меры');
    await column(0).getByTestId('designer-column-required').check();
    await page.getByTestId('designer-publish').click();
    // published: the page moves to the form's own address, says so, and edits its next version
    await page.waitForURL(/\/forms\/\d+\/design$/);
    await page.getByRole('button', { name: 'Опубликовать версию 2' }).waitFor();
    await page
      .getByTestId('designer-published')
      .filter({ hasText: 'Опубликована версия 1.' })
      .waitFor();
    await page.getByTestId('designer-regional').waitFor();
    await page.getByTestId('definition-version').first().waitFor();
    await screenshot('designer-region-1280');
  });

  await step("the region's designer fits a 360 px phone", async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole('button', { name: 'Опубликовать версию 2' }).waitFor();
    await expectNoOverflow(page);
    await screenshot('designer-region-360');
  });

  await step("mun64-engels finds the region's form on its cabinet and hands it in", async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Логин').waitFor();
    await signIn('mun64-engels', 'mun64-demo');
    await page.getByRole('navigation', { name: 'Основная навигация' }).waitFor();
    await clickOnSomePage(
      page,
      `[data-testid="campaign-form"]:has-text("${REGIONAL_TITLE}") a:has-text("Заполнить")`,
    );
    await page.waitForURL(/\/forms\/\d+$/);
    await page.getByRole('button', { name: '+ Добавить строку' }).click();
    await page.getByTestId('cell-s1-1-c1').fill('Видеонаблюдение в аудиториях');
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Сохранено в \d{2}:\d{2}/ })
      .waitFor({ timeout: 20_000 });
    await expectNoOverflow(page);
    await page.getByTestId('submit-form').click();
    const confirm = page.getByTestId('submit-confirm');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await page
      .getByTestId('form-status')
      .filter({ hasText: /Отчёт сдан \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/ })
      .waitFor();
    await screenshot('designer-municipality-360-submitted');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page
      .getByTestId('form-status')
      .filter({ hasText: /Отчёт сдан/ })
      .waitFor();
    await expectNoOverflow(page);
  });
});
