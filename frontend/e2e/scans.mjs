// The scanning centre uploads a scan while the region watches the collector live:
// 1. the scanning centre (scan64) opens «Загрузка сканов», picks the ОМК campaign, the subject
//    (`rus` by default) and the assessment point edu645001;
// 2. in a second tab the regional coordinator (region64) opens «Сканы», waits for «Обновляется в
//    реальном времени» and notes the point's «Загружено листов»;
// 3. the scanning centre drops a generated PNG `<kit>_1.png` on the page (file input), sees its
//    progress end with «Файл получен» and the file in «Загруженные файлы»;
// 4. without a reload, the region's row for the point shows one sheet more.
//
// Expects demo data: an ОМК campaign with the SCANNING stage open for region 64, a subject `rus`
// with a scan scheme, and edu645001 in region 64. A kit that is not edu645001's still uploads (the
// sheet is then listed in errors), so the counts move either way.
//
//   node e2e/scans.mjs http://localhost:8080 [kit number] [campaign title] [subject key]
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

import { openMenuItem, screenshotsDir, startJourney } from './support.mjs';

const [baseUrl, kit = '501501', campaignTitle, subjectKey = 'rus'] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'scans.mjs',
  totalTimeoutMs: 180_000,
});

// ---------- a real-looking scan: A4 at 200 dpi, grey lines of «handwriting» on white ----------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function scanPng() {
  const width = 1654;
  const height = 2339;
  const raw = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0; // filter: none
    const line = y > 150 && y % 48 < 3;
    for (let x = 120; x < width - 120; x += 1) {
      const ink = line ? (x * 7 + y * 13) % 11 < 8 : (x * 31 + y * 17) % 997 === 0;
      if (ink) raw[y * (width + 1) + 1 + x] = 30;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const dpi = Buffer.alloc(9);
  dpi.writeUInt32BE(7874, 0); // 200 dpi in pixels per metre
  dpi.writeUInt32BE(7874, 4);
  dpi[8] = 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', dpi),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- the journey ----------

const fileName = `${kit}_1.png`;
const regionPage = await page.context().newPage();
let organizationName = '';
let before = 0;

/** @param {import('playwright-core').Page} tab */
async function chooseCampaign(tab) {
  const select = tab.getByTestId('scan-campaign');
  await select.waitFor();
  if (campaignTitle) await select.selectOption({ label: campaignTitle });
  console.log(`  campaign: ${(await select.locator('option:checked').innerText()).trim()}`);
}

/** The «Загружено листов» of the point's row on the region's dashboard (0 without a row). */
async function uploadedOnDashboard() {
  const row = regionPage.getByTestId('progress-row').filter({ hasText: organizationName });
  if ((await row.count()) === 0) return 0;
  const text = (await row.getByTestId('uploaded').innerText()).replace(/\s/g, '');
  return Number(/^\d+/.exec(text)?.[0] ?? 0);
}

await run(async () => {
  await step('the scanning centre opens the upload page and picks what it scans', async () => {
    await page.goto(baseUrl);
    await signIn('scan64', 'scan64-demo');
    await expectAccount('Специалист центра сканирования');
    await openMenuItem(page, 'Загрузка сканов');
    await page.getByRole('heading', { level: 1, name: 'Загрузка сканов' }).waitFor();
    await page.getByText('Как называть файлы').waitFor();
    await chooseCampaign(page);
    await page.getByLabel('Предмет').selectOption(subjectKey);
    await page.getByLabel('Организация').fill('edu645001');
    await page
      .getByRole('button', { name: /edu645001/ })
      .first()
      .click();
    organizationName = (
      await page.getByTestId('picked-organization').locator('strong').innerText()
    ).trim();
    console.log(`  organization: ${organizationName}`);
    await screenshot('scans-upload-ready');
  });

  await step('the region opens the live dashboard in another tab', async () => {
    await regionPage.goto(baseUrl);
    await regionPage.getByLabel('Логин').fill('region64');
    await regionPage.getByLabel('Пароль').fill('region64-demo');
    await regionPage.getByRole('button', { name: 'Войти' }).click();
    await regionPage.getByTestId('account-role').waitFor();
    await regionPage.goto(`${baseUrl}/scans`);
    await chooseCampaign(regionPage);
    await regionPage.getByTestId('progress-table').waitFor();
    await regionPage
      .getByTestId('live-indicator')
      .filter({ hasText: 'Обновляется в реальном времени' })
      .waitFor();
    before = await uploadedOnDashboard();
    console.log(`  «${organizationName}»: ${before} sheets uploaded before`);
    await regionPage.screenshot({
      path: join(screenshotsDir, 'scans-dashboard-before.png'),
      fullPage: true,
    });
  });

  await step(`the scanning centre uploads ${fileName}`, async () => {
    await page
      .getByTestId('scan-file-input')
      .setInputFiles({ name: fileName, mimeType: 'image/png', buffer: scanPng() });
    const item = page.getByTestId('upload-item').filter({ hasText: fileName });
    await item.waitFor();
    const outcome = item.getByTestId('batch-done').or(item.getByTestId('batch-rejected'));
    await outcome.waitFor({ timeout: 60_000 });
    if ((await item.getByTestId('batch-rejected').count()) > 0) {
      throw new Error(`the batch was rejected: ${await item.innerText()}`);
    }
    console.log(`  ${(await item.getByTestId('sheet-counts').innerText()).trim()}`);
    await page.getByTestId('batch-row').filter({ hasText: fileName }).first().waitFor();
    await screenshot('scans-uploaded');
  });

  await step('the region sees the point’s row update without a reload', async () => {
    const deadline = Date.now() + 30_000;
    let now = await uploadedOnDashboard();
    while (now <= before) {
      if (Date.now() > deadline) {
        throw new Error(`the row still shows ${now} sheets (was ${before}) after 30 s`);
      }
      await regionPage.waitForTimeout(250);
      now = await uploadedOnDashboard();
    }
    console.log(`  «${organizationName}»: ${now} sheets uploaded now`);
    await regionPage.screenshot({
      path: join(screenshotsDir, 'scans-dashboard-after.png'),
      fullPage: true,
    });
  });
});
