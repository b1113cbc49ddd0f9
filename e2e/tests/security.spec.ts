import { demo, expect, signIn, takeCspViolations, test } from './helpers';

// The app and the API documentation run under the server's Content Security Policy; every spec
// fails on a violation (helpers.ts). These tests check the policy is there, that the guard does
// see a violation, and that Swagger UI renders under it.

test('the app is served with a CSP that forbids inline scripts, and the guard sees a violation', async ({
  page,
}) => {
  const response = await page.goto('/sign-in');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('button', { name: 'Inloggen', exact: true })).toBeVisible();

  // An injected inline script (what an XSS would add) is blocked and reported.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.documentElement.dataset.injected = "yes"';
    document.body.append(script);
  });
  const seen: string[] = [];
  await expect
    .poll(() => {
      seen.push(...takeCspViolations());
      return seen.length;
    })
    .toBeGreaterThan(0);
  // Chromium's wording changes between versions; it always names the policy and the directive.
  expect(seen.join('\n')).toMatch(/inline script[\s\S]*Content Security Policy[\s\S]*script-src/i);
  await expect(page.locator('html')).not.toHaveAttribute('data-injected', 'yes');
});

test('a write from another site is refused, the app’s own writes are not', async ({ page }) => {
  await signIn(page, demo.member);
  const locale = async () => (await (await page.request.get('/api/me')).json()).user.locale;
  const saved = await locale();
  // The browser's cookie, but another Origin: what a hostile page would send.
  const foreign = await page.request.patch('/api/me', {
    headers: { origin: 'https://evil.example' },
    data: { locale: saved === 'en' ? 'nl' : 'en' },
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe('csrf_origin');
  expect(await locale()).toBe(saved);
  // The page's own fetch (Origin set by the browser) is accepted; it saves what was there.
  const own = await page.evaluate(async (value) => {
    const answer = await fetch('/api/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: value }),
    });
    return answer.status;
  }, saved);
  expect(own).toBe(200);
});

test('the API documentation (Swagger UI) renders under the CSP', async ({ page }) => {
  const response = await page.goto('/api/docs');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: /Klik API/ })).toBeVisible();
  // The operations are listed, read from /api/docs/json by Swagger UI's own script.
  await expect(page.getByText('/api/me', { exact: true }).first()).toBeVisible();
});
