/**
 * Dutch texts of the relationship health page (/programmes/:id/health) and its nudge modal.
 * Spread into nl.ts; messages-en.ts has the same keys.
 */
export const relationshipHealthNl = {
  relationshipHealth: {
    link: 'Relaties die aandacht nodig hebben',
    title: 'Relaties die aandacht nodig hebben',
    intro:
      'Lopende mentorrelaties waar een signaal op wijst dat ze een steuntje kunnen gebruiken. De signalen komen uit gegevens over wanneer iets gebeurde, nooit uit berichten, notities of antwoorden.',
    back: 'Terug naar {{name}}',
    listLabel: 'Relaties met signalen',
    empty: 'Alle relaties liggen op koers: er is nu geen signaal.',
    total_one: '{{count}} relatie kan een steuntje gebruiken',
    total_other: '{{count}} relaties kunnen een steuntje gebruiken',
    started: 'Begonnen op {{date}}',
    sides: { mentor: 'Mentor', mentee: 'Mentee' },
    signalsHeading: 'Signalen',
    signals: {
      noMeeting_one:
        'Al {{count}} dag geen gesprek vastgelegd (afgesproken: elke {{cadence}} dagen)',
      noMeeting_other:
        'Al {{count}} dagen geen gesprek vastgelegd (afgesproken: elke {{cadence}} dagen)',
      noMeetingProgramme_one:
        'Al {{count}} dag geen gesprek vastgelegd (het programma: elke {{cadence}} dagen)',
      noMeetingProgramme_other:
        'Al {{count}} dagen geen gesprek vastgelegd (het programma: elke {{cadence}} dagen)',
      noMeetingYet_one:
        'Nog geen gesprek vastgelegd sinds de start, {{count}} dag geleden (verwacht: elke {{cadence}} dagen)',
      noMeetingYet_other:
        'Nog geen gesprek vastgelegd sinds de start, {{count}} dagen geleden (verwacht: elke {{cadence}} dagen)',
      checkInsUnanswered_one: 'Iemand liet de laatste check-in onbeantwoord',
      checkInsUnanswered_other: 'Iemand liet de laatste {{count}} check-ins onbeantwoord',
      usefulnessFalling: 'Volgens de check-ins vindt iemand het minder nuttig dan eerst',
      oneSideSilent:
        'De afgelopen {{days}} dagen was één kant helemaal stil: geen bericht, geen gesprek, geen check-in',
      agreementUnconfirmed:
        '{{days}} dagen geleden begonnen, en de afspraken zijn nog nooit door iedereen bevestigd',
      pausedOverdue_one: 'Gepauzeerd tot {{date}}: {{count}} dag over de geplande terugkeer',
      pausedOverdue_other: 'Gepauzeerd tot {{date}}: {{count}} dagen over de geplande terugkeer',
    },
    lastNudge: 'Seintje gestuurd op {{date}} aan {{names}}',
    lastNudgeBy: 'Seintje gestuurd op {{date}} aan {{names}} (door {{by}})',
    nudge: 'Stuur een seintje',
    nudgeFor: 'Stuur een seintje aan {{names}}',
    modal: {
      title: 'Een seintje aan {{names}}',
      intro:
        'Je bericht komt in Klik en per e-mail, in de taal van elke ontvanger. Je ziet daarna dat het is verstuurd, niet wat iemand antwoordt.',
      recipients: 'Aan wie?',
      everyone: 'Allebei',
      everyoneGroup: 'Iedereen in de groep',
      only: 'Alleen {{name}} ({{side}})',
      bodyNl: 'Bericht in het Nederlands',
      bodyEn: 'Bericht in het Engels',
      loadingTemplate: 'Het voorbeeldbericht wordt geladen…',
      review: 'Verder',
      confirmTitle: 'Seintje versturen?',
      confirmText:
        '{{names}} krijgt dit bericht in Klik en per e-mail. Versturen kun je niet ongedaan maken.',
      back: 'Terug',
      send: 'Verstuur het seintje',
      sent: 'Je seintje aan {{names}} is verstuurd',
    },
  },
};
