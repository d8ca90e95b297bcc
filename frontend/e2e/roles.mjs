// Every demo role as it meets the SPA, on a 360 px phone and at 1280 px (issue 21): each account
// signs in through the login form, its home page's first action must lead to the task open now,
// and every item of its main menu is visited. On every page: nothing scrolls sideways (document
// width ≤ the window), no request answers 403 and no «Недостаточно прав», no message shows a raw
// field path or regular expression, and every clock time shown names its zone's city. The main
// menu is one line at 1280 px on every page (the rarer items behind «Ещё»), and on a phone a
// «Меню» button that opens every item, each inside the window.
// Screenshots of every page go to backend/target/screenshots/ (CI artifacts, not committed).
//
//   node e2e/roles.mjs http://localhost:8080
import { join } from 'node:path';

import { expectNoOverflow, openMenuItem, screenshotsDir, startJourney } from './support.mjs';

const baseUrl = process.argv[2];
const { page, step, signIn, run } = await startJourney({
  baseUrl,
  script: 'roles.mjs',
  totalTimeoutMs: 900_000,
  checkOverflow: false,
});

/** Every finding of every page: the journey reports them all at the end, not the first alone. */
const problems = /** @type {string[]} */ ([]);

const shots = screenshotsDir;

/**
 * The demo accounts (DemoAccounts.java) and where each one's home must lead: `home` is a test of
 * the page it lands on, `first` the link its first action must follow (undefined: the role's home
 * has no task of its own to point at).
 * @type {{ login: string, password: string, home: RegExp, first?: RegExp }[]}
 */
const accounts = [
  { login: 'federal', password: 'federal-demo', home: /\/orgs$/ },
  // The region lands in its cabinet, not the organization tree; its most urgent open stage there
  // leads on (the ОМК being scanned, a sample to settle).
  {
    login: 'region64',
    password: 'region64-demo',
    home: /\/$/,
    first: /^\/campaigns\/\d+\/|^\/scans\?campaign=\d+&region=64$/,
  },
  // The spring ВПР's «Выверка списка ОО» is open: the municipal home leads to it.
  {
    login: 'mun64-engels',
    password: 'mun64-demo',
    home: /\/$/,
    first: /\/campaigns\/\d+\/sample$/,
  },
  { login: 'resp64', password: 'resp64-demo', home: /\/$/, first: /\/campaigns\/\d+\/sample$/ },
  { login: 'edu640001', password: 'edu640001-demo', home: /\/$/ },
  { login: 'edu645001', password: 'edu645001-demo', home: /\/$/ },
  { login: 'scan64', password: 'scan64-demo', home: /\/cabinet$|\/orgs|\/scans/ },
  { login: 'expert64a', password: 'expert64-demo', home: /\/scoring$/ },
  { login: 'observer64', password: 'observer64-demo', home: /\/cabinet$|\/observers|\/orgs/ },
];

/**
 * What a user must never read: a server field path («subjects[1].key:»), a pattern, a 403, a raw
 * zone id («Europe/Saratov»), a zone in doubled brackets («(Саратов (UTC+4))») or a login in
 * capitals («EDU645001»: innerText is the text as shown, after CSS `text-transform`).
 */
const RAW = [
  /\b[a-z]+(\[\d+\])?\.[a-z]+[A-Za-z]*:/,
  /\^\[|\]\{\d|\$"|должно соответствовать "/,
  /Недостаточно прав/,
  /\b(Europe|Asia)\/[A-Z][a-z]+/,
  /\([^()]*\([^()]*\)\)/,
  /\b(?:EDU|SPO|MUN|REGION|EXPERT|OBSERVER|SCAN)[-\d]*\d{2,}/,
];

/** The cities formatTimeZone's helper names zones by; a time must stand with one of them. */
const CITY =
  /Калининград|Москв|Самар|Саратов|Волгоград|Ульяновск|Астрахан|Киров|Екатеринбург|Омск|Новосибирск|Барнаул|Томск|Новокузнецк|Красноярск|Иркутск|Чит|Якутск|Владивосток|Сахалин|Магадан|Камчатк|Анадыр/i;

/** 403s the pages asked for, collected between visits. */
const forbidden = /** @type {string[]} */ ([]);
page.on('response', (response) => {
  if (response.status() === 403 && new URL(response.url()).pathname.startsWith('/api/')) {
    forbidden.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
  }
});

/** Waits until the page has loaded what it shows (no «Загрузка…» left). */
async function settle() {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached', timeout: 8_000 })
    .catch(() => {});
}

/**
 * The checks every page must pass.
 * @param {string} where the page's name in a failure
 */
async function checkPage(where) {
  await expectNoOverflow(page).catch((error) => problems.push(`${where}: ${error.message}`));
  // Nor is anything cut at a card's edge: a stacked table's cell holds all of its text.
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('main td')]
      .filter((td) => getComputedStyle(td).display !== 'table-cell')
      .filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => (td.textContent ?? '').trim().slice(0, 40)),
  );
  if (cut.length > 0) problems.push(`${where}: cut at the card's edge: «${cut[0]}»`);
  if (forbidden.length > 0) problems.push(`${where}: answered 403 — ${forbidden.join(', ')}`);
  const text = await page.locator('main').innerText();
  for (const pattern of RAW) {
    const match = pattern.exec(text);
    if (match) problems.push(`${where}: shows «${match[0]}» (${pattern})`);
  }
  const untimed = text
    .split('\n')
    .filter((line) => /(^|[^\d:])([01]\d|2[0-3]):[0-5]\d(?![\d:])/.test(line))
    .filter((line) => !CITY.test(line));
  if (untimed.length > 0 && !(await zoneNamedNearby())) {
    problems.push(`${where}: a time without its city: «${untimed[0]?.trim()}»`);
  }
}

/** A table whose heading or caption names the zone once for all its times counts as named. */
async function zoneNamedNearby() {
  const notes = await page
    .locator('main')
    .locator('th, caption, .field__hint, [data-testid="zone-note"]')
    .allInnerTexts();
  return notes.some((note) => CITY.test(note));
}

/** @param {string} name */
async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** The main menu's items as the account sees them. */
async function menuItems() {
  const nav = page.getByRole('navigation', { name: 'Основная навигация' });
  await nav.locator('.app-nav__link').first().waitFor({ state: 'attached' });
  // The account's role arrives after the first paint; its items with it.
  await settle();
  return nav.locator('li > a.app-nav__link').evaluateAll((links) =>
    links.map((link) => ({
      label: (link.textContent ?? '').trim(),
      href: link.getAttribute('href') ?? '',
    })),
  );
}

/**
 * The main menu as the width wants it: at 1280 px its items (and «Ещё») in one line; on a phone
 * behind «Меню», which opens every item inside the window and closes again.
 * @param {string} where the page's name in a failure
 * @param {number} width
 */
async function checkMenu(where, width) {
  const nav = page.getByRole('navigation', { name: 'Основная навигация' });
  const list = nav.locator('ul.app-nav__list');
  if (width >= 1280) {
    const lines = await list.evaluate((ul) => {
      const tops = [...ul.children]
        .filter((li) => li.getBoundingClientRect().height > 0)
        .map((li) => Math.round(li.getBoundingClientRect().top));
      return { lines: new Set(tops).size, height: Math.round(ul.getBoundingClientRect().height) };
    });
    if (lines.lines !== 1) {
      problems.push(
        `${where}: the menu takes ${lines.lines} lines (${lines.height} px) at ${width} px`,
      );
    }
    return;
  }
  const toggle = nav.getByRole('button', { name: 'Меню' });
  if (!(await toggle.isVisible())) {
    problems.push(`${where}: no «Меню» button at ${width} px`);
    return;
  }
  await toggle.click();
  const outside = await list.evaluate((ul, w) => {
    const links = [...ul.querySelectorAll('a.app-nav__link')];
    return links
      .filter((a) => {
        const box = a.getBoundingClientRect();
        return box.height === 0 || box.left < 0 || box.right > w;
      })
      .map((a) => (a.textContent ?? '').trim());
  }, width);
  if (outside.length > 0) {
    problems.push(`${where}: the phone menu hides or cuts «${outside.join('», «')}»`);
  }
  await toggle.click();
  if (await list.locator('a.app-nav__link').first().isVisible()) {
    problems.push(`${where}: «Меню» does not close`);
  }
}

await run(async () => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    for (const account of accounts) {
      const tag = `${account.login}-${width}`;
      await step(`${account.login} signs in at ${width} px and lands on its task`, async () => {
        await page.goto(`${baseUrl}/login`);
        await page.waitForLoadState('load');
        await page.evaluate(() => sessionStorage.clear()).catch(() => {});
        await page.goto(`${baseUrl}/login`);
        await page.getByLabel('Логин').waitFor();
        forbidden.length = 0;
        await signIn(account.login, account.password);
        await page.getByRole('navigation', { name: 'Основная навигация' }).waitFor();
        await page.waitForURL((url) => account.home.test(url.pathname));
        await settle();
        if (account.first) {
          const first = page.locator('main [data-testid="stage-action"]').first();
          await first.waitFor();
          const href = (await first.getAttribute('href')) ?? '';
          if (!account.first.test(href)) {
            throw new Error(`the home's first action leads to ${href}, not ${account.first}`);
          }
        }
        await checkPage(`${tag} home`);
        await checkMenu(`${tag} home`, width);
        await shot(`${tag}-00-home`);
      });

      const items = await menuItems();
      for (const [index, item] of items.entries()) {
        await step(`${account.login} at ${width} px opens «${item.label}»`, async () => {
          forbidden.length = 0;
          await openMenuItem(page, item.label);
          await page.waitForURL((url) => `${url.pathname}${url.search}` === item.href);
          await settle();
          await checkPage(`${tag} «${item.label}»`);
          if (width >= 1280) await checkMenu(`${tag} «${item.label}»`, width);
          await shot(`${tag}-${String(index + 1).padStart(2, '0')}`);
        });
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`${problems.length} findings:\n  ${problems.join('\n  ')}`);
  }
});
