// Protocol 1 (для ППО) in a real browser, on the DEMO data (run by Protocol1JourneyTests):
// 1. the point edu645001 signs in and opens «Протокол 1 (для ППО)» of Russian from its cabinet:
//    the kits 501501… are listed with their questionnaire logins; with a publication of the ОМК
//    (issue 20, seed 001), it also opens the publication: «Сбор данных» lists protocols 1 and 2 of
//    each subject with their status, and «Электронный протокол 1» of Russian leads to the same page;
// 2. it marks two kits used (on the page while protocol 2 has no comment) and types two names:
//    they appear on the strips «Для анкетирования»; the letter link carries the name;
// 3. it downloads the workbook (a real .xlsx), refreshes from protocol 2, reloads the page (the
//    names are still there — this browser only), and opens the print view: only the strips;
// 4. EVERY request the page made (URL, all headers, body) is checked: none carries a typed name.
//
//   node e2e/protocol1.mjs http://localhost:8080 <campaignId> [<publicationId>]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { recordRequests, resultsDir, startJourney } from './support.mjs';

const [baseUrl, campaignId, publicationId] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'protocol1.mjs',
  totalTimeoutMs: 150_000,
});
if (!campaignId) throw new Error('usage: node e2e/protocol1.mjs <baseUrl> <campaignId>');

const NAMES = ['Журавлёва Агния Тимуровна', 'Охотников Савелий Петрович'];
// A surname alone in a request would leak it just the same.
const FRAGMENTS = [...NAMES, ...NAMES.map((name) => name.split(' ')[0])];

const requests = recordRequests(page);

/** @param {string} kit */
const nameInput = (kit) => page.getByLabel(`ФИО, комплект ${kit}`);
/** @param {string} kit */
const commentSelect = (kit) => page.getByLabel(`Комментарий, комплект ${kit}`);

await run(async () => {
  await step('the point signs in and opens protocol 1 of Russian from its cabinet', async () => {
    await page.goto(baseUrl);
    await signIn('edu645001', 'edu645001-demo');
    await expectAccount('Пункт проведения оценки');
    // The point takes part in several ОМК campaigns: open this one's protocol.
    const link = page
      .getByRole('link', { name: 'Протокол 1 (для ППО): Русский язык' })
      .and(page.locator(`[href$="/campaigns/${campaignId}/protocol1/rus"]`));
    await link.click();
    await page.waitForURL(`**/campaigns/${campaignId}/protocol1/rus`);
    await page.getByTestId('protocol1-row').first().waitFor();
    const first = (await page.getByTestId('protocol1-row').first().innerText()).trim();
    if (!first.startsWith('501501')) throw new Error(`the first kit row is «${first}»`);
    await page.getByText('в систему он не загружается').waitFor();
    await screenshot('protocol1-opened');
  });

  if (publicationId) {
    await step(
      'the publication «Электронный протокол 1» leads to the protocols with their status (seed 001)',
      async () => {
        await page.goto(`${baseUrl}/publications/${publicationId}`);
        const block = page.getByTestId('publication-protocols');
        await block.getByRole('heading', { name: 'Сбор данных' }).waitFor();
        const rus = block.getByTestId('protocols-rus');
        await rus
          .getByTestId('protocol1-status')
          .filter({ hasText: /комплект/ })
          .waitFor();
        const p2 = rus.getByTestId('protocol2-status');
        await p2.filter({ hasNotText: 'загрузка…' }).waitFor();
        console.log(
          `  protocol 1: ${(await rus.getByTestId('protocol1-status').innerText()).trim()};` +
            ` protocol 2: ${(await p2.innerText()).trim()}`,
        );
        await screenshot('protocol1-publication');
        await rus.getByRole('link', { name: 'Электронный протокол 1' }).click();
        await page.waitForURL(`**/campaigns/${campaignId}/protocol1/rus`);
        await page.getByTestId('protocol1-row').first().waitFor();
      },
    );
  }

  /** The two kits the names go to: used ones (marked on this page while protocol 2 has none). */
  const kits = /** @type {string[]} */ ([]);
  await step('two kits used, two names typed: the names are on the strips', async () => {
    const rows = page.getByTestId('protocol1-row');
    const count = await rows.count();
    for (let index = 0; index < count && kits.length < 2; index += 1) {
      const row = rows.nth(index);
      const kit = (await row.locator('td').first().innerText()).trim();
      if ((await commentSelect(kit).count()) > 0) {
        await commentSelect(kit).selectOption('использован');
        kits.push(kit);
      } else if ((await row.getByTestId('comment').innerText()).trim() === 'использован') {
        kits.push(kit); // protocol 2 already says so
      }
    }
    if (kits.length < 2) throw new Error('fewer than two kits can be marked used');
    console.log(`  kits ${kits.join(', ')}`);
    await nameInput(kits[0]).fill(NAMES[0]);
    await nameInput(kits[1]).pressSequentially(NAMES[1], { delay: 5 });
    const strips = page.getByTestId('strips');
    for (const name of NAMES) {
      await strips.getByTestId('strip-name').filter({ hasText: name }).waitFor();
    }
    const strip = page.getByRole('listitem', { name: `Полоска, комплект ${kits[0]}` });
    const login = (await strip.getByTestId('strip-login').innerText()).trim();
    if (!new RegExp(`^urus\\d{2}${kits[0]}$`).test(login)) {
      throw new Error(`the strip's login is «${login}»`);
    }
    const href =
      (await strip.getByRole('link', { name: 'Письмо участнику' }).getAttribute('href')) ?? '';
    if (!href.startsWith('mailto:?') || !decodeURIComponent(href).includes(NAMES[0])) {
      throw new Error(`the letter link is «${href.slice(0, 80)}…»`);
    }
    await screenshot('protocol1-names');
  });

  await step('«Скачать протокол 1 (Excel)» downloads a workbook', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать протокол 1 (Excel)' }).click();
    const download = await downloading;
    const file = join(resultsDir, `protocol1-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const head = (await readFile(file)).subarray(0, 2).toString('latin1');
    if (head !== 'PK') throw new Error('the workbook is not an .xlsx (zip) file');
    console.log(`  saved ${download.suggestedFilename()}`);
  });

  await step('a refresh and a reload: the names are still in this browser', async () => {
    await page.getByRole('button', { name: 'Обновить из протокола 2' }).click();
    await page.reload();
    await page.getByTestId('protocol1-row').first().waitFor();
    const kept = await nameInput(kits[0]).inputValue();
    if (kept !== NAMES[0]) throw new Error(`after a reload the name is «${kept}»`);
  });

  await step('the print view shows only the strips', async () => {
    await page.emulateMedia({ media: 'print' });
    if (await page.locator('.app-header').isVisible()) throw new Error('the header is printed');
    if (await page.getByTestId('names-local-note').isVisible()) {
      throw new Error('the explanations are printed');
    }
    if (await nameInput(kits[0]).isVisible()) {
      throw new Error('the protocol table is printed');
    }
    const strips = await page.getByTestId('strip').count();
    if (strips < 2) throw new Error(`${strips} strips in the print view`);
    await page.getByTestId('strip').first().waitFor({ state: 'visible' });
    await screenshot('protocol1-print');
    await page.pdf({ path: join(resultsDir, 'protocol1-strips.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });

  await step('no request of the page carried a typed name', () =>
    requests.expectNoneCarries(FRAGMENTS),
  );

  await step('«Стереть ФИО с этого компьютера» leaves no name behind', async () => {
    await page.getByRole('button', { name: 'Стереть ФИО с этого компьютера' }).click();
    const left = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('oko.protocol1.names')),
    );
    if (left.length > 0) throw new Error(`still stored: ${left.join(', ')}`);
  });
});
