// End-to-end journeys through a running OKO (backend with demo data and this SPA):
// 1. the login page → sign in as `federal` → regions → region tree → municipality →
//    organizations → search → organization card (a reload keeps the session) → 404 → the audit
//    log shows the sign-in (credentials are never issued here: that would change demo passwords);
// 2. sign out → a wrong password is refused → sign in as `region64` → only region 64 is listed;
// 3. Swagger UI renders the contract. Any Content-Security-Policy violation fails the journey.
//
//   node e2e/browse.mjs http://localhost:8080
//
// Drives the machine's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with playwright-core;
// never downloads a browser. Screenshots go to test-results/. Exits 1 on the first failure.
import { STEP_TIMEOUT_MS, openMenuItem, startJourney } from './support.mjs';

const MOBILE_WIDTH = 360;

const baseUrl = process.argv[2];
const { page, step, screenshot, loginHeading, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'browse.mjs',
  totalTimeoutMs: 180_000,
});

/** @param {number} width */
async function expectFits(width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width)
    throw new Error(`page is ${scrollWidth} px wide, wider than ${width} px`);
}

await run(async () => {
  await step(`open ${baseUrl} and land on the login page`, async () => {
    await page.goto(baseUrl);
    await page.waitForURL(/\/login(\?|$)/);
    await loginHeading().waitFor();
    await screenshot('login');
  });

  await step(`the login page fits a ${MOBILE_WIDTH} px wide phone screen`, async () => {
    await page.setViewportSize({ width: MOBILE_WIDTH, height: 780 });
    await loginHeading().waitFor();
    await expectFits(MOBILE_WIDTH);
    await screenshot('login-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('sign in as federal and see the regions table', async () => {
    await signIn('federal', 'federal-demo');
    await page.waitForURL(/\/orgs(\?|$)/);
    await page.getByTestId('region-row').first().waitFor();
    await expectAccount('Федеральный организатор');
    const count = await page.getByTestId('region-row').count();
    console.log(`  ${count} region(s) listed`);
    await screenshot('regions');
  });

  const regionName = await step('click the first region and see its tree', async () => {
    const link = page.getByTestId('region-row').first().getByRole('link');
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/orgs\/regions\/\d{2}/);
    await page.getByTestId('region-tree').waitFor();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const nodes = await page.getByTestId('tree-node').count();
    if (nodes === 0) throw new Error(`region «${name}» shows no municipalities`);
    console.log(`  region «${name}», ${nodes} municipality node(s)`);
    return name;
  });

  const login = await step('click the first municipality and see its organizations', async () => {
    // The first municipality that has organizations, so an empty one in the demo data does not
    // fail the journey.
    const node = page
      .getByTestId('tree-node')
      .filter({ has: page.getByTestId('tree-node-count').filter({ hasNotText: /^0$/ }) })
      .first();
    const municipality = (await node.getByTestId('tree-node-name').innerText()).trim();
    await node.click();
    await page.waitForURL(/[?&]municipality=\d+/);
    await page.getByRole('heading', { level: 2, name: municipality }).waitFor();
    await page.getByTestId('organization-row').first().waitFor();
    const rows = await page.getByTestId('organization-row').count();
    const first = (await page.getByTestId('organization-login').first().innerText()).trim();
    console.log(`  «${municipality}»: ${rows} organization row(s), first login ${first}`);
    await screenshot('region-tree');
    return first;
  });

  await step(`search for ${login} and see the list filtered`, async () => {
    // The contract matches a login whole (and a name by any part), so type the whole login.
    await page.getByTestId('organization-search').fill(login);
    await page.waitForURL((url) => url.searchParams.get('q') === login);
    await page.waitForFunction(
      (expected) => {
        if (document.querySelector('[data-testid="organizations"] [aria-busy="true"]'))
          return false;
        const logins = [...document.querySelectorAll('[data-testid="organization-login"]')].map(
          (cell) => cell.textContent?.trim() ?? '',
        );
        return logins.length > 0 && logins.every((value) => value.includes(expected));
      },
      login,
      { timeout: STEP_TIMEOUT_MS },
    );
    const rows = await page.getByTestId('organization-row').count();
    console.log(`  ${rows} row(s) match «${login}»`);
  });

  await step('open the organization and see its card with its login', async () => {
    const row = page.getByTestId('organization-row').filter({ hasText: login }).first();
    await row.getByRole('link').click();
    await page.waitForURL(/\/orgs\/organizations\/\d+/);
    await page.getByTestId('organization-card').waitFor();
    const shown = (await page.getByTestId('organization-card-login').innerText()).trim();
    if (shown !== login) throw new Error(`card shows login «${shown}», expected «${login}»`);
    const crumbs = page.getByRole('navigation', { name: 'Навигационная цепочка' });
    await crumbs.getByRole('link', { name: regionName }).waitFor();
    await screenshot('organization-card');
  });

  await step(
    `the card fits a ${MOBILE_WIDTH} px wide phone screen, and a reload keeps the session`,
    async () => {
      await page.setViewportSize({ width: MOBILE_WIDTH, height: 780 });
      await page.reload();
      await page.getByTestId('organization-card').waitFor();
      await page.getByTestId('account-name').waitFor();
      await expectFits(MOBILE_WIDTH);
      await screenshot('organization-card-360');
    },
  );

  await step('an unknown address shows the Russian 404 page', async () => {
    await page.goto(new URL('/no-such-page', baseUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Страница не найдена' }).waitFor();
  });

  await step('open «Журнал аудита» and see a login among the events', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openMenuItem(page, 'Журнал аудита');
    await page.waitForURL(/\/audit(\?|$)/);
    await page.getByRole('heading', { level: 1, name: 'Журнал аудита' }).waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    const rows = await page.getByTestId('audit-row').count();
    const logins = page
      .getByTestId('audit-row')
      .filter({ has: page.getByTestId('audit-action').filter({ hasText: /^login\b/ }) });
    await logins.first().waitFor();
    console.log(`  ${rows} event(s) on the first page, ${await logins.count()} of them login`);
    await screenshot('audit');
  });

  await step('sign out and land on the login page', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(/\/login$/);
    await loginHeading().waitFor();
    const kept = await page.evaluate(() => Object.keys(sessionStorage));
    if (kept.length > 0) throw new Error(`sessionStorage still holds ${kept.join(', ')}`);
  });

  await step('a wrong password is refused with a message', async () => {
    await signIn('region64', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль' }).waitFor();
    if (!/\/login$/.test(page.url())) throw new Error(`left the login page for ${page.url()}`);
    await screenshot('login-error');
  });

  await step('sign in as region64 and see only region 64 among the regions', async () => {
    await signIn('region64', 'region64-demo');
    // A regional account starts in its personal account; the region list is one click away.
    await page.getByTestId('cabinet').waitFor();
    await expectAccount('Региональный координатор');
    await openMenuItem(page, 'Регионы и организации');
    await page.waitForURL(/\/orgs(\?|$)/);
    await page.getByTestId('region-row').first().waitFor();
    const codes = (
      await page.getByTestId('region-row').locator('.table__code').allInnerTexts()
    ).map((code) => code.trim());
    if (codes.length !== 1 || codes[0] !== '64') {
      throw new Error(`expected region 64 alone, the table lists: ${codes.join(', ')}`);
    }
    await screenshot('regions-region64');
  });

  // Swagger UI has a Content-Security-Policy of its own (data: images for its icons); a violation
  // there fails the journey like one in the SPA.
  await step('Swagger UI shows the contract under its Content-Security-Policy', async () => {
    await page.goto(`${baseUrl}/swagger-ui.html`);
    await page.getByRole('heading', { name: /OKO API/ }).waitFor();
    await page.locator('.opblock').first().waitFor();
    console.log(`  ${await page.locator('.opblock').count()} operation(s) listed`);
    await screenshot('swagger-ui');
  });
});
