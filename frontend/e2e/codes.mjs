// The ВПР codes protocol (seed 004, 6.13.2) in a real browser (run by CodesProtocolJourneyTests,
// which makes a ВПР campaign and submits edu640001's application: 3 participants in mathematics,
// class 4):
// 1. the school edu640001 signs in, finds «Протокол проведения с кодами» of mathematics in its
//    cabinet, asks for 4 codes (refused: the application says 3, nothing issued), then gets 3;
// 2. it types two names beside the codes; a reload keeps them (this browser only);
// 3. the page fits 360 px and 1280 px; the print view shows the protocol with the names and the
//    strips of codes to cut, nothing else; the workbook downloads;
// 4. EVERY request the page made (URL, all headers, body) is checked: none carries a typed name.
//
//   node e2e/codes.mjs http://localhost:8080 <campaignId>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import {
  clickOnSomePage,
  expectNoOverflow,
  recordRequests,
  resultsDir,
  startJourney,
} from './support.mjs';

const [baseUrl, campaignId] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'codes.mjs',
  totalTimeoutMs: 150_000,
});
if (!campaignId) throw new Error('usage: node e2e/codes.mjs <baseUrl> <campaignId>');

const NAMES = ['Журавлёва Агния Тимуровна', 'Охотников Савелий Петрович'];
const FRAGMENTS = [...NAMES, ...NAMES.map((name) => name.split(' ')[0])];

const requests = recordRequests(page);

/** @param {string} code */
const nameInput = (code) => page.getByLabel(`ФИО, код ${code}`);
const codesOnPage = async () =>
  (await page.getByTestId('codes-row').locator('td.table__code').allInnerTexts()).map((text) =>
    text.trim(),
  );

await run(async () => {
  await step('the school signs in and opens the codes protocol of mathematics', async () => {
    await page.goto(baseUrl);
    await signIn('edu640001', 'edu640001-demo');
    await expectAccount('Образовательная организация');
    // Other tests' campaigns share the cabinet: find this one's on whichever page it is.
    await clickOnSomePage(page, `[href$="/campaigns/${campaignId}/codes/math-4"]`);
    await page.waitForURL(`**/campaigns/${campaignId}/codes/math-4`);
    await page.getByTestId('codes-limit').filter({ hasText: '3' }).waitFor();
    await page.getByText('На сервер они не отправляются никогда').waitFor();
  });

  await step('4 codes are refused (the application says 3), then 3 are issued', async () => {
    const count = page.getByLabel('Сколько кодов нужно всего');
    await count.fill('4');
    await page.getByRole('button', { name: 'Получить коды' }).click();
    await page.getByText('Коды не выданы').first().waitFor();
    if ((await page.getByTestId('codes-row').count()) !== 0) {
      throw new Error('codes were issued beyond the application');
    }
    await count.fill('3');
    await page.getByRole('button', { name: 'Получить коды' }).click();
    await page.getByTestId('codes-count').filter({ hasText: '3' }).waitFor();
    await page.getByTestId('codes-row').nth(2).waitFor();
    const codes = await codesOnPage();
    if (codes.length !== 3 || !codes.every((code) => /^\d{7}$/.test(code))) {
      throw new Error(`the codes are ${codes.join(', ')}`);
    }
    if ((await page.getByTestId('code-strip').count()) !== 3) throw new Error('not 3 strips');
    console.log(`  codes ${codes.join(', ')}`);
  });

  await step('two names typed beside codes stay after a reload', async () => {
    const codes = await codesOnPage();
    await nameInput(codes[0]).fill(NAMES[0]);
    await nameInput(codes[1]).pressSequentially(NAMES[1], { delay: 5 });
    await page.getByTestId('codes-named').filter({ hasText: '2 из 3' }).waitFor();
    await page.reload();
    await page.getByTestId('codes-row').first().waitFor();
    const kept = await nameInput(codes[0]).inputValue();
    if (kept !== NAMES[0]) throw new Error(`after a reload the name is «${kept}»`);
  });

  await step('the page fits a 360 px phone and a 1280 px desk', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId('codes-row').first().waitFor({ state: 'visible' });
    await expectNoOverflow(page);
    await screenshot('codes-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('codes-row').first().waitFor({ state: 'visible' });
    await screenshot('codes-1280');
  });

  await step(
    'the print view: the protocol with the names and the strips, nothing else',
    async () => {
      await page.emulateMedia({ media: 'print' });
      if (await page.locator('.app-header').isVisible()) throw new Error('the header is printed');
      if (await page.getByTestId('names-local-note').isVisible()) {
        throw new Error('the explanations are printed');
      }
      await page.locator('.cp-print-only', { hasText: NAMES[0] }).waitFor({ state: 'visible' });
      await page.getByTestId('code-strip').nth(2).waitFor({ state: 'visible' });
      await screenshot('codes-print');
      await page.pdf({ path: join(resultsDir, 'codes-protocol.pdf'), format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
    },
  );

  await step('«Скачать протокол (Excel)» downloads a workbook', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать протокол (Excel)' }).click();
    const download = await downloading;
    const file = join(resultsDir, `codes-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const head = (await readFile(file)).subarray(0, 2).toString('latin1');
    if (head !== 'PK') throw new Error('the workbook is not an .xlsx (zip) file');
    console.log(`  saved ${download.suggestedFilename()}`);
  });

  await step('no request of the page carried a typed name', () =>
    requests.expectNoneCarries(FRAGMENTS),
  );

  await step('«Стереть ФИО с этого компьютера» leaves no name behind', async () => {
    await page.getByRole('button', { name: 'Стереть ФИО с этого компьютера' }).click();
    const left = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('oko.codes.names')),
    );
    if (left.length > 0) throw new Error(`still stored: ${left.join(', ')}`);
  });
});
