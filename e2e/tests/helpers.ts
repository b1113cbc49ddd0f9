import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';

export { expect };

/** What Chromium reported as blocked by the Content Security Policy during the current test. */
const cspViolations: string[] = [];
const watched = new WeakSet<BrowserContext>();

const isCspReport = (text: string) => /Content Security Policy/i.test(text);

/**
 * Listens to every page of a context for CSP violations, and makes the test's own API calls
 * (`page.request`) carry the app's Origin, as the app's fetches in the browser do: a write
 * without it is refused as cross-site.
 */
function watchContext(context: BrowserContext, origin: string): void {
  if (watched.has(context)) return;
  watched.add(context);
  context.on('console', (message) => {
    if (isCspReport(message.text())) {
      cspViolations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
    }
  });
  context.on('weberror', (error) => {
    if (isCspReport(error.error().message)) {
      cspViolations.push(`${error.page()?.url() ?? '?'}: ${error.error().message}`);
    }
  });
  type Fetch = APIRequestContext['fetch'];
  const request: APIRequestContext = context.request;
  for (const method of ['fetch', 'post', 'put', 'patch', 'delete'] as const) {
    const send = request[method].bind(request) as Fetch;
    const withOrigin: Fetch = (url, options = {}) =>
      send(url, { ...options, headers: { origin, ...options.headers } });
    request[method] = withOrigin;
  }
}

/** Returns and forgets the violations seen so far (for the test that proves they are seen). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/**
 * Every spec imports `test` from here: each test fails when the browser reported a Content
 * Security Policy violation on any of its pages, also in contexts it opened itself.
 */
export const test = base.extend<{ cspGuard: void }>({
  context: async ({ context, baseURL }, use) => {
    watchContext(context, new URL(baseURL!).origin);
    await use(context);
  },
  cspGuard: [
    async ({ browser, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const context = await newContext.call(browser, options);
        watchContext(context, origin);
        return context;
      };
      cspViolations.length = 0;
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(takeCspViolations(), 'Content Security Policy violations in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export const demoPassword = 'klik-demo-2026';

export const demo = {
  orgAdmin: 'hr@noordzee.demo',
  programmeManager: 'programma@noordzee.demo',
  sponsor: 'directie@noordzee.demo',
  member: 'medewerker@noordzee.demo',
  seniorMember: 'manager@noordzee.demo',
  platformAdmin: 'admin@klik.demo',
  smeAdmin: 'admin@groenveld.demo',
  /** Changes their password in auth.spec: no other spec signs in as them. */
  smeMember: 'monteur@groenveld.demo',
} as const;

/** Fails on any serious or critical accessibility violation, naming the rule and elements. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Let animations (drawers, modals, notifications) settle so colours are measured as seen.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  const lang = await page.evaluate(() => document.documentElement.lang);
  expect(report, `accessibility of ${label} (${lang})`).toEqual([]);
}

/** The header's language switcher is labelled in the language currently shown. */
export async function switchLanguage(page: Page, to: 'nl' | 'en'): Promise<void> {
  const select = page.getByRole('combobox', { name: /^(Taal|Language)$/ }).first();
  await select.selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(
    page.getByRole('combobox', { name: to === 'nl' ? 'Taal' : 'Language', exact: true }),
  ).toBeVisible();
}

/** Checks the page in Dutch and in English, and leaves it in Dutch. */
export async function expectAccessibleInBothLanguages(page: Page, label: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expectAccessible(page, label);
  await switchLanguage(page, 'en');
  await expectAccessible(page, label);
  await switchLanguage(page, 'nl');
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
}

export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}
