// Expert scoring in a real browser, on the DEMO data plus accepted scans:
// 1. the federal organizer (federal / federal-demo) opens «Эксперты и проверка», picks the
//    campaign, and on «Схемы бланков» defines the subject's scheme when it has none (2 pages,
//    criteria 1 (max 2, page 1) and 2 (max 3, page 2), 0 % second scoring) — an existing scheme
//    is left as it is;
// 2. on «Эксперты» registers a new expert of region 64 who works at an organization found by
//    `orgQuery` (it must NOT be the organization whose kits were scanned, or the expert gets no
//    work), for the subject; the one-time password is read from the page;
// 3. on «Распределение» distributes region 64's works of the subject: the summary is shown;
// 4. the expert signs in (a fresh browser context), lands on «Проверка работ», opens the first
//    open work: the scan of the page is an image that loaded (or a PDF object); the client-side
//    bound check refuses a score above the maximum; every criterion gets its maximum and
//    «Сохранить баллы» saves: the page moves on to the next open work or back to the list;
// 5. the same scoring page at 360 px wide: stacked, no horizontal scroll;
// 6. the federal organizer sees the kit on «Результаты» with a status badge; at 360 px the results,
//    «Схемы бланков» and the scheme editor fit the window (issue 21).
//
// Expects: the SCORING stage of the campaign open, region 64's kits of the subject with every
// page accepted (uploaded by scan64 beforehand), and no earlier expert of region 64 holding all
// of them (the distribution must give the new expert at least one work).
//
//   node e2e/scoring.mjs http://localhost:8080 <campaignId> <subjectKey> [orgQuery]
import { clickOnSomePage, openMenuItem, startJourney } from './support.mjs';

const [baseUrl, campaignId, subjectKey, orgQuery = 'edu640002'] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'scoring.mjs',
  totalTimeoutMs: 240_000,
});
if (!campaignId || !subjectKey) {
  throw new Error('usage: node e2e/scoring.mjs <baseUrl> <campaignId> <subjectKey> [orgQuery]');
}

const expertLogin = `e2e-expert-${Date.now().toString(36)}`;
let expertPassword = '';
let scoredKit = '';
let subjectLabel = '';

/** @param {string} where */
async function noHorizontalOverflow(where) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) throw new Error(`${where}: the page is ${overflow}px wider than the screen`);
}

/** @param {string} name */
const tab = (name) =>
  page.getByRole('navigation', { name: 'Разделы проверки работ' }).getByRole('link', { name });

await run(async () => {
  await step('the federal organizer opens «Эксперты и проверка» and the campaign', async () => {
    await page.goto(baseUrl);
    await signIn('federal', 'federal-demo');
    await expectAccount('Федеральный организатор');
    await openMenuItem(page, 'Эксперты и проверка');
    await page.waitForURL('**/scoring/admin');
    await clickOnSomePage(page, `a[href="/campaigns/${campaignId}/scoring"]`);
    await page.getByRole('heading', { level: 1, name: 'Эксперты и проверка работ' }).waitFor();
  });

  await step('the subject has a scheme (defined now when it had none)', async () => {
    const card = page.getByTestId(`scheme-${subjectKey}`);
    await card.waitFor();
    subjectLabel = (await card.getByRole('heading').first().innerText()).trim();
    const define = card.getByRole('button', { name: 'Задать схему' });
    if ((await define.count()) > 0) {
      await define.click();
      await card.getByLabel('Страниц в работе').fill('2');
      await card.getByLabel('Вторая проверка, %').fill('0');
      await card.getByLabel('Код, строка 1').fill('1');
      await card.getByLabel('Что оценивается, строка 1').fill('Задание 1');
      await card.getByLabel('Макс. балл, строка 1').fill('2');
      await card.getByLabel('Страница, строка 1').fill('1');
      await card.getByRole('button', { name: '+ Добавить критерий' }).click();
      await card.getByLabel('Код, строка 2').fill('2');
      await card.getByLabel('Что оценивается, строка 2').fill('Задание 2 (развёрнутый ответ)');
      await card.getByLabel('Макс. балл, строка 2').fill('3');
      await card.getByLabel('Страница, строка 2').fill('2');
      await card.getByRole('button', { name: 'Сохранить схему' }).click();
      console.log('  scheme defined');
    } else {
      console.log('  the subject already has a scheme: kept');
    }
    await card.getByText(/Страниц в работе:/).waitFor();
    await screenshot('scoring-scheme');
  });

  await step('a new expert is registered; the password is shown once', async () => {
    await tab('Эксперты').click();
    await page.getByLabel('Логин').fill(expertLogin);
    await page.getByLabel('ФИО эксперта').fill('Экспертова Анна Сергеевна (e2e)');
    await page.getByLabel('Регион').first().selectOption('64');
    await page.getByLabel('Место работы: поиск организации').fill(orgQuery);
    await page
      .getByRole('list', { name: 'Найденные организации' })
      .getByRole('button')
      .first()
      .click();
    await page.getByTestId('picked-organization').waitFor();
    const subjects = page.getByRole('group', { name: 'Предметы, которые проверяет эксперт' });
    const boxes = subjects.getByRole('checkbox');
    // The subject's checkbox is labelled as the scheme card's heading.
    const count = await boxes.count();
    let ticked = false;
    for (let index = 0; index < count; index += 1) {
      const box = boxes.nth(index);
      const label = (await box.locator('xpath=..').innerText()).trim();
      if (label === subjectLabel) {
        await box.check();
        ticked = true;
      }
    }
    if (!ticked) throw new Error(`no subject checkbox «${subjectLabel}»`);
    await page.getByRole('button', { name: 'Зарегистрировать эксперта' }).click();
    const shown = page.getByTestId('expert-password');
    await shown.waitFor();
    await shown.getByText('больше не покажем').waitFor();
    expertPassword = (await page.getByTestId('expert-password-value').innerText()).trim();
    if (expertPassword.length < 8) throw new Error(`the password «${expertPassword}» is too short`);
    await screenshot('scoring-expert-password');
    await shown.getByRole('button', { name: 'Пароль сохранён — готово' }).click();
    if ((await page.getByText(expertPassword).count()) > 0) {
      throw new Error('the password is still on the page');
    }
    await page.getByTestId('experts-table').getByText(expertLogin).waitFor();
  });

  await step('the region’s works are distributed; the summary is shown', async () => {
    await tab('Распределение').click();
    // Only this tab's form: the experts tab's own «Регион» may not be gone yet.
    const panel = page.getByRole('region', { name: 'Распределение работ' });
    await panel.getByLabel('Регион').selectOption('64');
    await panel.getByLabel('Предмет').selectOption(subjectKey);
    await panel.getByRole('button', { name: 'Распределить работы' }).click();
    const summary = page.getByTestId('distribution-summary');
    await summary.waitFor();
    const figures = {
      works: await page.getByTestId('distribution-works').innerText(),
      assigned: await page.getByTestId('distribution-assigned').innerText(),
      unassigned: await page.getByTestId('distribution-unassigned').innerText(),
    };
    console.log(`  ${JSON.stringify(figures)}`);
    const mine = summary.getByRole('row', { name: new RegExp(expertLogin) });
    if ((await mine.count()) === 0) throw new Error('the new expert got no work');
    await screenshot('scoring-distribution');
  });

  await step('the expert signs in and opens the first open work', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/login**');
    await signIn(expertLogin, expertPassword);
    await expectAccount('Эксперт');
    await page.waitForURL('**/scoring');
    await page.getByTestId('scoring-task-row').first().waitFor();
    await page.getByRole('link', { name: 'Проверять следующую работу' }).click();
    await page.waitForURL('**/scoring/tasks/*');
    const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    scoredKit = /комплект (\d+)/.exec(heading)?.[1] ?? '';
    if (!scoredKit) throw new Error(`the heading is «${heading}»`);
    console.log(`  kit ${scoredKit}`);
  });

  await step('the scan is shown (image loaded, or a PDF object)', async () => {
    const viewer = page.getByTestId('scan-viewer');
    const image = viewer.getByRole('img');
    const pdf = viewer.locator('object');
    await image.or(pdf).first().waitFor();
    if ((await image.count()) > 0) {
      await page.waitForFunction(
        () => {
          const img = document.querySelector('.scan-viewer__image');
          return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
        },
        undefined,
        { timeout: 10_000 },
      );
      await viewer.getByRole('button', { name: '100 %' }).click();
      await viewer.getByRole('button', { name: 'По ширине' }).click();
    }
    await screenshot('scoring-task');
  });

  await step('a score above the maximum is refused on the page; the maxima are saved', async () => {
    const items = page.locator('[data-testid^="criterion-"]');
    const count = await items.count();
    if (count === 0) throw new Error('no criteria on the form');
    const first = items.first();
    const bound = (await first.locator('.score-form__bound').innerText()).trim();
    const max = Number(bound.split('–')[1]);
    await first.getByRole('textbox').fill(String(max + 1));
    await page.getByRole('button', { name: 'Сохранить баллы' }).click();
    await first.getByText(`Не больше ${max}`).waitFor();
    for (let index = 0; index < count; index += 1) {
      const item = items.nth(index);
      const itemMax = (await item.locator('.score-form__bound').innerText()).split('–')[1];
      await item.getByRole('textbox').fill(String(itemMax).trim());
    }
    const url = page.url();
    await page.getByRole('button', { name: 'Сохранить баллы' }).click();
    await page.waitForURL((next) => next.toString() !== url);
    await page.getByText(`Баллы за комплект ${scoredKit} сохранены`).waitFor();
    console.log(`  now at ${page.url()}`);
  });

  await step('the scoring page at 360 px: stacked, no horizontal scroll', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseUrl}/scoring`);
    await page.getByTestId('scoring-task-row').first().waitFor();
    await page.getByTestId('scoring-task-row').first().getByRole('link').click();
    await page.getByTestId('score-form').waitFor();
    const [viewer, form] = await Promise.all([
      page.getByTestId('scan-viewer').boundingBox(),
      page.getByTestId('score-form').boundingBox(),
    ]);
    if (!viewer || !form || form.y < viewer.y + viewer.height - 1) {
      throw new Error('the form is not below the scan at 360 px');
    }
    await noHorizontalOverflow('the scoring page at 360 px');
    await screenshot('scoring-task-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('the federal organizer sees the kit in the results with a status', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/login**');
    await signIn('federal', 'federal-demo');
    await expectAccount('Федеральный организатор');
    await page.goto(`${baseUrl}/campaigns/${campaignId}/scoring?tab=results`);
    await page.getByTestId('results-table').waitFor();
    const row = page.getByTestId('result-row').filter({ hasText: scoredKit });
    // The kit may be on a later page of a big region: it is enough that some status is shown.
    const status =
      (await row.count()) > 0
        ? (await row.first().getByTestId('result-status').innerText()).trim()
        : (await page.getByTestId('result-status').first().innerText()).trim();
    if (!['ИДЁТ ПРОВЕРКА', 'РАСХОЖДЕНИЕ', 'ИТОГ'].includes(status)) {
      throw new Error(`the status badge reads «${status}»`);
    }
    console.log(`  kit ${scoredKit}: ${(await row.count()) > 0 ? status : 'on another page'}`);
    await screenshot('scoring-results');
  });

  await step('«Эксперты и проверка работ» the results fit a 360 px phone (issue 21)', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId('results-table').waitFor();
    await noHorizontalOverflow('the results at 360 px');
    await screenshot('scoring-results-360');
  });

  await step('«Схемы бланков» and its editor fit a 360 px phone (issue 21)', async () => {
    await tab('Схемы бланков').click();
    const card = page.getByTestId(`scheme-${subjectKey}`);
    await card.getByText(/Страниц в работе:/).waitFor();
    await noHorizontalOverflow('«Схемы бланков» at 360 px');
    await screenshot('scoring-schemes-360');
    // The editor's criteria are one card each: every input inside the window.
    await card.getByRole('button', { name: 'Изменить схему' }).click();
    const title = card.getByLabel('Что оценивается, строка 1');
    await title.waitFor();
    await noHorizontalOverflow('the scheme editor at 360 px');
    const box = await title.boundingBox();
    if (!box || box.x < 0 || box.x + box.width > 360) {
      throw new Error(
        `the criterion's title runs out of the 360 px window: ${JSON.stringify(box)}`,
      );
    }
    await screenshot('scoring-scheme-editor-360');
    await card.getByRole('button', { name: 'Отмена' }).click();
    await card.getByText(/Страниц в работе:/).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
