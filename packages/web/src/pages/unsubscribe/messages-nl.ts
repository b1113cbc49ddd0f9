/** Dutch texts of the unsubscribe page (the link in reminder mails), spread into nl.ts. */
export const unsubscribeNl = {
  unsubscribe: {
    title: 'Herinneringen per e-mail',
    categories: {
      reminders: 'herinneringen (bijvoorbeeld als iemand op je antwoord wacht)',
    },
    about: 'Deze link gaat over {{category}} aan {{email}}.',
    subscribedText:
      'Je krijgt deze herinneringen nu per e-mail. Meld je af, dan stopt alleen de e-mail: in Klik zie je ze nog steeds bij je meldingen.',
    unsubscribe: 'Afmelden voor herinneringen',
    unsubscribedTitle: 'Je bent afgemeld',
    unsubscribedText:
      'Je krijgt geen herinneringen meer per e-mail. Andere berichten (zoals een nieuw verzoek of een bericht van je mentor) blijven komen, en in Klik zie je alles bij je meldingen.',
    resubscribe: 'Toch weer herinneringen ontvangen',
    resubscribed: 'Je krijgt de herinneringen weer per e-mail.',
    missingToken:
      'Deze link is niet compleet. Open de afmeldlink opnieuw vanuit de e-mail, of kopieer hem helemaal.',
    invalidTitle: 'Deze link werkt niet',
    invalid:
      'Deze afmeldlink is niet (meer) geldig. Open hem opnieuw vanuit de e-mail, of kopieer hem helemaal.',
    checking: 'Bezig met controleren…',
    toSignIn: 'Naar Klik',
  },
} as const;
