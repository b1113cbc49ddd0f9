import {
  demo,
  demoPassword,
  expect,
  expectAccessible,
  expectAccessibleInBothLanguages,
  mainNavigation,
  signIn,
  test,
} from './helpers';

test('a wrong password gets a clear message', async ({ page }) => {
  await page.goto(`/sign-in?email=${encodeURIComponent(demo.orgAdmin)}`);
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue(demo.orgAdmin);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
  );
  await expectAccessibleInBothLanguages(page, 'sign-in with an error');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, demo.orgAdmin);
  await mainNavigation(page).getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Klik' })).toBeVisible();
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(401);
  // A page that needs a session sends you back to sign in, remembering where you were going.
  await page.goto('/people');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpeople$/);
});

test('a member sees no admin navigation and no admin pages', async ({ page }) => {
  await signIn(page, demo.member);
  const nav = mainNavigation(page);
  await expect(nav.getByRole('link', { name: 'Start' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  for (const name of ['Mensen', 'Importeren', 'Organisatie', 'Organisaties', 'Uitgaande mail']) {
    await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByText('Medewerker', { exact: true })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'member home');

  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});

test('a programme manager sees the directory but cannot import', async ({ page }) => {
  await signIn(page, demo.programmeManager);
  const nav = mainNavigation(page);
  await expect(nav.getByRole('link', { name: 'Mensen' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Importeren' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Mensen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Persoon uitnodigen' })).toHaveCount(0);
});

test("a user's saved language wins over the browser's", async ({ page }) => {
  // Sign in through the API (the page shares its cookies) and save English for this user.
  const signedIn = await page.request.post('/api/auth/sign-in/email', {
    data: { email: demo.smeAdmin, password: demoPassword },
  });
  expect(signedIn.ok()).toBe(true);
  const saved = await page.request.patch('/api/me', { data: { locale: 'en' } });
  expect(saved.ok()).toBe(true);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Import' }),
  ).toBeVisible();
});

test('magic link: request a link, find it in the outbox as platform admin, follow it and land signed in', async ({
  page,
  browser,
}) => {
  test.slow();
  // The member asks for a link on the sign-in page.
  await page.goto(`/sign-in?email=${encodeURIComponent(demo.member)}`);
  await page.getByRole('tab', { name: 'Stuur me een inloglink' }).click();
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue(demo.member);
  await page.getByRole('button', { name: 'Stuur inloglink' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'inloglink onderweg' })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'magic link requested');

  // The platform admin, in another browser context, reads the outbox.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.platformAdmin);
  await mainNavigation(admin).getByRole('link', { name: 'Uitgaande mail' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Uitgaande mail' })).toBeVisible();
  const mail = admin
    .getByRole('article')
    .filter({ hasText: `Aan: ${demo.member}` })
    .first();
  const link = mail.getByRole('link', { name: /\/magic-link\?token=/ });
  await expect(link).toBeVisible();
  await expectAccessibleInBothLanguages(admin, 'outbox');
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  await adminContext.close();

  // Following the link signs the member in.
  await page.goto(href ?? '');
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  const me = await (await page.request.get('/api/me')).json();
  expect(me.user.email).toBe(demo.member);

  // The link works once: a second visit explains it and offers a new one.
  await mainNavigation(page).getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Klik' })).toBeVisible();
  await page.goto(href ?? '');
  await expect(page.getByRole('alert')).toContainText('verlopen of al gebruikt');
  await expect(page.getByRole('button', { name: 'Stuur inloglink' })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'used magic link');
});

test('a platform admin lists organisations and adds one', async ({ page }) => {
  await signIn(page, demo.platformAdmin);
  await mainNavigation(page).getByRole('link', { name: 'Organisaties' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Noordzee Verzekeringen' })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'organisations');

  const suffix = Date.now().toString(36);
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Organisatie toevoegen' });
  await dialog.getByRole('textbox', { name: 'Naam', exact: true }).fill(`Testbedrijf ${suffix}`);
  await expect(dialog.getByRole('textbox', { name: 'Korte naam' })).toHaveValue(
    `testbedrijf-${suffix}`,
  );
  await dialog.getByRole('textbox', { name: 'Voornaam' }).fill('Iris');
  await dialog.getByRole('textbox', { name: 'Achternaam' }).fill('Test');
  await dialog
    .getByRole('textbox', { name: 'E-mailadres' })
    .fill(`iris.${suffix}@testbedrijf.example`);
  await expectAccessible(page, 'new organisation form');
  await dialog.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: `Testbedrijf ${suffix}` })).toBeVisible();
});

test('password reset: request a link, follow it from the outbox, choose a new password and sign in with it', async ({
  page,
  browser,
}) => {
  test.slow();
  const newPassword = 'een-nieuw-wachtwoord-2026';
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'forgot password');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(demo.smeMember);
  await page.getByRole('button', { name: 'Stuur link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'link onderweg' })).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.platformAdmin);
  await admin.goto('/admin/outbox');
  const mail = admin
    .getByRole('article')
    .filter({ hasText: `Aan: ${demo.smeMember}` })
    .first();
  const link = mail.getByRole('link', { name: /reset-password/ });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  await adminContext.close();

  // The mailed link passes through the server, which redirects to the reset page with a token.
  await page.goto(href ?? '');
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }),
  ).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'reset password');
  await page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill(newPassword);
  await page.getByRole('textbox', { name: 'Herhaal het nieuwe wachtwoord' }).fill(newPassword);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd');
  await page.getByRole('link', { name: 'Terug naar inloggen' }).click();

  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(demo.smeMember);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
});
