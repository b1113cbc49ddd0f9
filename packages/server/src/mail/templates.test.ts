import { describe, expect, it } from 'vitest';
import { magicLinkMail, renderMail } from './templates.js';

const base = {
  locale: 'nl' as const,
  name: 'Anouk',
  lead: 'Mila vraagt of je mentor wilt zijn',
  button: { url: 'https://klik.example/requests/1', label: 'Bekijk het verzoek' },
  footer: ['Je krijgt deze e-mail omdat je meedoet.'],
};

describe('renderMail', () => {
  it('escapes everything anyone wrote, in the HTML part, and quotes it as is in the text part', () => {
    const { html, text } = renderMail({
      ...base,
      name: '<img src=x onerror=alert(1)>',
      quote: 'Hoi "Anouk" & <script>alert(1)</script>\nTweede regel',
      details: { heading: 'Waarom <b>', lines: ['Jullie houden van <i>zeilen</i>'] },
    });
    expect(html).not.toMatch(/<script|<img|<i>|<b>/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Hoi &#34;Anouk&#34; &#38; ');
    expect(html).toContain('<br>Tweede regel');
    expect(text).toContain('> Hoi "Anouk" & <script>alert(1)</script>\n> Tweede regel');
    expect(text).toContain('Waarom <b>:\n- Jullie houden van <i>zeilen</i>');
  });

  it('makes one button of a web link only; anything else stays text', () => {
    const good = renderMail(base);
    expect(good.html.match(/<a href=/g)).toHaveLength(2); // the button and the fallback link
    expect(good.html).toContain('href="https://klik.example/requests/1"');
    const bad = renderMail({ ...base, button: { url: 'javascript:alert(1)', label: 'Klik' } });
    expect(bad.html).not.toContain('href=');
    expect(bad.html).toContain('Klik: javascript:alert(1)');
  });

  it('greets in the recipient language and shows the unsubscribe link in the footer', () => {
    const en = renderMail({
      ...base,
      locale: 'en',
      unsubscribe: { url: 'https://klik.example/unsubscribe?token=a.b', label: 'Unsubscribe' },
    });
    expect(en.text.startsWith('Hello Anouk,\n\n')).toBe(true);
    expect(en.html).toContain('lang="en"');
    expect(en.text).toContain('Unsubscribe: https://klik.example/unsubscribe?token=a.b');
    expect(en.html).toContain('href="https://klik.example/unsubscribe?token=a.b"');
    expect(renderMail(base).text.startsWith('Hallo Anouk,')).toBe(true);
  });

  it('keeps the sign-in link in the text part of the sign-in mail', () => {
    const url = 'https://klik.example/api/auth/magic-link/verify?token=abc&callbackURL=%2F';
    const mail = magicLinkMail('a@example.test', url, 'en');
    expect(mail.text).toContain(url);
    expect(mail.html).toContain('token=abc&#38;callbackURL=%2F');
    expect(mail.secret).toBe(true);
  });
});
