// Statistical reports in a real browser, on the DEMO data (autumn ВПР, mathematics 4th class,
// region 64 released):
// 1. edu640001 opens «Статистические отчёты» → the campaign: its grades against its
//    municipality, region and Russia (four rows), the histogram, tasks, journal and its
//    participants by code; screenshots at 1280 and 360 px, where the page does not scroll
//    sideways and each table is readable (within the window, scrolling in its own frame);
// 2. mun64-engels opens the same: the table of its schools, filters those with signs of doubtful
//    objectivity and opens a school's flags (rule, threshold, numbers);
// 3. region64 opens the region's report and exports it as .xlsx (a download named report-…).
//
//   node e2e/reports.mjs http://localhost:8080 <campaignId>
import { expectNoOverflow, openMenuItem, startJourney } from './support.mjs';

const [baseUrl, campaignId] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'reports.mjs',
  totalTimeoutMs: 240_000,
});
if (!campaignId) throw new Error('usage: node e2e/reports.mjs <baseUrl> <campaignId>');

const reportUrl = `${baseUrl}/reports/${campaignId}`;

/**
 * On a phone (360 px): the page does not scroll sideways, and every table named is readable — it
 * lies within the window (a wider table scrolls inside its own frame, never the page), its first
 * column is on screen and its text is at least 12 px. Polls until the layout settles.
 * @param {string[]} testIds
 */
async function expectTablesReadableAt360(testIds) {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const testId of testIds) {
    const table = page.getByTestId(testId);
    await table.waitFor();
    let problem = 'not measured';
    for (let attempt = 0; attempt < 50 && problem; attempt++) {
      problem = await table.evaluate((element) => {
        const frame = element.parentElement;
        if (!frame) return 'it has no frame';
        const box = frame.getBoundingClientRect();
        if (box.left < -1 || box.right > window.innerWidth + 1) {
          return `its frame spans ${Math.round(box.left)}–${Math.round(box.right)} px`;
        }
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(frame).overflowX);
        if (element.scrollWidth > frame.clientWidth + 1 && !scrolls) {
          return `it is ${element.scrollWidth} px wide and its frame does not scroll`;
        }
        const first = element.querySelector('th, td');
        if (!first) return 'it has no cells';
        const cell = first.getBoundingClientRect();
        if (cell.left < -1 || cell.left > window.innerWidth)
          return 'its first column is off screen';
        const size = parseFloat(getComputedStyle(first).fontSize);
        if (size < 12) return `its text is ${size} px`;
        return '';
      });
      if (problem) await page.waitForTimeout(100);
    }
    if (problem) throw new Error(`at 360 px the table ${testId} is not readable: ${problem}`);
    await expectNoOverflow(page);
  }
}

async function signOut() {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.getByRole('heading', { level: 1, name: 'Вход в систему' }).waitFor();
}

await run(async () => {
  await step('edu640001 signs in and opens «Статистические отчёты»', async () => {
    await page.goto(`${baseUrl}/login`);
    await signIn('edu640001', 'edu640001-demo');
    await expectAccount('Образовательная организация');
    await openMenuItem(page, 'Статистические отчёты');
    await page.getByTestId('report-campaigns').waitFor();
    await page.goto(reportUrl);
    await page.getByTestId('grades-table').waitFor();
    const rows = await page.getByTestId('grades-table').locator('tbody tr').count();
    if (rows !== 4) throw new Error(`expected the school and 3 levels above, got ${rows} rows`);
    await page.getByTestId('participants-table').waitFor();
    if ((await page.getByTestId('units-table').count()) !== 0) {
      throw new Error('a school must not see a table of units');
    }
    await screenshot('reports-school-1280');
    await expectTablesReadableAt360(['grades-table', 'participants-table']);
    await screenshot('reports-school-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut();
  });

  await step('mun64-engels compares its schools and opens the flags', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { level: 1, name: 'Вход в систему' }).waitFor();
    await signIn('mun64-engels', 'mun64-demo');
    await expectAccount('Муниципальный координатор');
    await page.goto(reportUrl);
    await page.getByTestId('units-table').waitFor();
    await screenshot('reports-municipality-1280');
    await page.getByTestId('flagged-only').check();
    await page.getByTestId('open-flags').first().click();
    await page.getByTestId('flags-panel').getByText('Правило:').first().waitFor();
    await screenshot('reports-municipality-flags');
    await page
      .getByTestId('flags-panel')
      .getByRole('button', { name: /Закрыть/ })
      .click();
    await expectTablesReadableAt360(['grades-table', 'units-table']);
    await screenshot('reports-municipality-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut();
  });

  await step('region64 exports the region’s report', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { level: 1, name: 'Вход в систему' }).waitFor();
    await signIn('region64', 'region64-demo');
    await expectAccount('Региональный координатор');
    await page.goto(reportUrl);
    await page.getByTestId('units-table').waitFor();
    await screenshot('reports-region-1280');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-report').click(),
    ]);
    const name = download.suggestedFilename();
    if (!/^report-.*\.xlsx$/.test(name)) throw new Error(`unexpected file ${name}`);
    console.log(`  downloaded ${name}`);
  });
});
