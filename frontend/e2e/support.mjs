// What every end-to-end journey shares: the machine's Chromium driven by playwright-core (never a
// downloaded browser), named steps with timings, screenshots in backend/target/screenshots/ (CI
// keeps them as artifacts: .ci/run), a watchdog, and a clear failure (with a screenshot) on the
// first step that fails. Exits 1 on failure.
import { access, constants, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const STEP_TIMEOUT_MS = 15_000;

export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

/** Where every journey's screenshots go: kept by CI as artifacts (.ci/run), never committed. */
export const screenshotsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'backend',
  'target',
  'screenshots',
);

/** @param {string} message */
export function fail(message) {
  console.error(`\n✗ E2E FAILED: ${message}`);
  process.exit(1);
}

/**
 * Starts Chromium and opens one page; `run(journey)` runs the journey's steps and reports.
 * `checkOverflow: false` leaves the overflow check to the journey (one that gathers every finding).
 * @param {{ baseUrl: string | undefined, script: string, totalTimeoutMs: number, checkOverflow?: boolean }} options
 */
export async function startJourney({ baseUrl, script, totalTimeoutMs, checkOverflow = true }) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!baseUrl || !/^https?:\/\//.test(baseUrl)) {
    fail(`usage: node e2e/${script} <baseUrl>, e.g. node e2e/${script} http://localhost:8080`);
  }
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    fail(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  // A hung browser or server must not hang the build.
  const watchdog = setTimeout(
    () => fail(`the journey took longer than ${totalTimeoutMs / 1000} s`),
    totalTimeoutMs,
  );

  await mkdir(resultsDir, { recursive: true });
  await mkdir(screenshotsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: STEP_TIMEOUT_MS,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pageErrors = /** @type {string[]} */ ([]);
  const cspViolations = /** @type {string[]} */ ([]);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
    acceptDownloads: true,
  });
  // Every page of the journey reports what the Content-Security-Policy blocked; Chromium also logs
  // it as «Refused to … because it violates the following Content Security Policy directive».
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}` +
          ` (${event.sourceFile || 'page'}:${event.lineNumber})`,
      );
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation/i.test(text)) cspViolations.push(text);
    if (message.type() === 'error') console.log(`  [browser console] ${text}`);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => pageErrors.push(error.message));

  let current = 'start';

  /**
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} action
   * @returns {Promise<T>}
   */
  async function step(name, action) {
    current = name;
    const started = Date.now();
    console.log(`→ ${name}`);
    const result = await action();
    // Every page a journey ends a step on fits its window: nothing scrolls sideways (issue 21).
    if (checkOverflow) await expectNoOverflow(page);
    console.log(`  ok (${Date.now() - started} ms)`);
    return result;
  }

  /** @param {string} name */
  async function screenshot(name) {
    // Named by journey, so that every journey's shots can lie in one directory.
    const path = join(screenshotsDir, `${script.replace(/\.mjs$/, '')}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(`  screenshot: ${path}`);
  }

  const loginHeading = () => page.getByRole('heading', { level: 1, name: 'Вход в систему' });

  /**
   * Fills in the login form and submits it.
   * @param {string} login
   * @param {string} password
   */
  async function signIn(login, password) {
    await page.getByLabel('Логин').fill(login);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
  }

  /** @param {string} expected the role label the header should show */
  async function expectAccount(expected) {
    const role = page.getByTestId('account-role');
    await role.waitFor();
    // The header names an organization by its kind once the organization has loaded.
    let shown = '';
    for (let waited = 0; waited <= 10_000; waited += 250) {
      shown = (await role.innerText()).trim();
      if (shown === expected) break;
      await page.waitForTimeout(250);
    }
    if (shown !== expected) throw new Error(`header shows role «${shown}», expected «${expected}»`);
    const name = (await page.getByTestId('account-name').innerText()).trim();
    console.log(`  signed in as «${name}» (${shown})`);
  }

  /** @param {() => Promise<void>} journey */
  async function run(journey) {
    try {
      await journey();
      if (pageErrors.length > 0) {
        current = 'uncaught errors in the page';
        throw new Error(pageErrors.join('\n'));
      }
      if (cspViolations.length > 0) {
        current = 'Content-Security-Policy violations';
        throw new Error(cspViolations.join('\n'));
      }
      console.log('\n✓ E2E passed');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const shot = join(screenshotsDir, `failure-${script.replace(/\.mjs$/, '')}.png`);
      await page
        .screenshot({ path: shot, fullPage: true })
        .then(() => console.error(`  screenshot of the failure: ${shot}`))
        .catch(() => {});
      await browser.close().catch(() => {});
      fail(`step «${current}»: ${message}\n  at ${page.url()}`);
    } finally {
      clearTimeout(watchdog);
      await browser.close().catch(() => {});
    }
  }

  return { page, step, screenshot, loginHeading, signIn, expectAccount, run };
}

/**
 * Clicks the first element matching `selector` in a paged list, turning pages with «Далее» until
 * a page shows it: other tests in the same run add to the lists a journey looks through. Each
 * page gets a few seconds to show it, since a list keeps the previous page's rows on screen
 * while the next one loads.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
export async function clickOnSomePage(page, selector) {
  const target = page.locator(selector).first();
  const next = page.getByTestId('pagination').first().getByRole('button', { name: 'Далее →' });
  for (let shown = 1; ; shown++) {
    const found = await target.waitFor({ timeout: 8_000 }).then(
      () => true,
      () => false,
    );
    if (found) {
      await target.click();
      return;
    }
    if ((await next.count()) === 0 || (await next.isDisabled())) {
      throw new Error(`${selector} is on none of the ${shown} pages`);
    }
    await next.click();
  }
}

/**
 * Fails when the page is wider than its window (a phone would scroll sideways), naming the widest
 * element that runs off, so the fix is easy to find.
 * @param {import('playwright-core').Page} page
 */
export async function expectNoOverflow(page) {
  if (page.isClosed()) return;
  const overflow = await page
    .evaluate(() => {
      const width = window.innerWidth;
      const scrollWidth = document.documentElement.scrollWidth;
      if (scrollWidth <= width) return null;
      let culprit = '';
      let widest = width;
      for (const element of document.body.querySelectorAll('*')) {
        const right = element.getBoundingClientRect().right + window.scrollX;
        if (right > widest + 1) {
          widest = right;
          const tag = element.tagName.toLowerCase();
          const cls = element.getAttribute('class');
          culprit = `${tag}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}`;
        }
      }
      return { width, scrollWidth, culprit };
    })
    .catch(() => null);
  if (overflow) {
    throw new Error(
      `the page is ${overflow.scrollWidth} px wide in a ${overflow.width} px window` +
        ` (runs off: ${overflow.culprit || 'unknown'}) at ${page.url()}`,
    );
  }
}

/**
 * Follows an item of the main menu the way a user would: on a phone through «Меню», on a desk
 * straight or through «Ещё» for the rarer items.
 * @param {import('playwright-core').Page} page
 * @param {string} label
 */
export async function openMenuItem(page, label) {
  const nav = page.getByRole('navigation', { name: 'Основная навигация' });
  const toggle = nav.getByRole('button', { name: 'Меню' });
  const direct = nav.getByRole('link', { name: label, exact: true });
  const more = nav.locator('.app-nav__more-button');
  await toggle.or(direct).or(more).first().waitFor();
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  } else {
    await direct.or(more).first().waitFor();
    if (!(await direct.isVisible())) await more.click();
  }
  await nav.getByRole('link', { name: label, exact: true }).click();
}

/**
 * Records EVERY request `page` makes (URL, all headers, body) from now on, for a page that keeps
 * what the user types in this browser only (the names of protocol 1 and of the codes protocol,
 * seed 004): `expectNoneCarries(fragments)` waits for the network to settle and fails naming each
 * request that carries a fragment as typed, URL-encoded, form-encoded or inside JSON.
 * @param {import('playwright-core').Page} page
 */
export function recordRequests(page) {
  /** @type {{ method: string, url: string, headers: Record<string, string>, body: string }[]} */
  const recorded = [];
  /** @type {Promise<void>[]} */
  const pending = [];
  page.on('request', (request) => {
    pending.push(
      request
        .allHeaders()
        .catch(() => request.headers())
        .then((headers) => {
          recorded.push({
            method: request.method(),
            url: request.url(),
            headers,
            body: request.postData() ?? '',
          });
        }),
    );
  });
  /** Every form a fragment could take on the wire. */
  const encodings = (/** @type {string} */ text) => [
    text,
    encodeURIComponent(text),
    encodeURIComponent(text).replace(/%20/g, '+'),
    JSON.stringify(text).slice(1, -1),
  ];
  /** @param {string[]} fragments */
  const expectNoneCarries = async (fragments) => {
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const leaks = [];
    for (const request of recorded) {
      const wire = [
        request.url,
        ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
        request.body,
      ].join('\n');
      for (const fragment of fragments) {
        if (encodings(fragment).some((form) => wire.includes(form))) {
          leaks.push(`${request.method} ${request.url} carries «${fragment}»`);
        }
      }
    }
    if (leaks.length > 0) throw new Error(`names left the browser:\n  ${leaks.join('\n  ')}`);
    console.log(`  ${recorded.length} requests checked, none carries a name`);
  };
  return { expectNoneCarries };
}
