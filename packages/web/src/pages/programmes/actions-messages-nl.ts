/**
 * Dutch texts of "Jullie zeiden, wij deden": the manager's section on the programme dashboard, the
 * participants' section on the programme page and the mark in the change history; spread into
 * nl.ts. actions-messages-en.ts has the same keys.
 */
export const feedbackActionsNl = {
  feedbackActions: {
    title: 'Jullie zeiden, wij deden',
    intro:
      'Laat deelnemers zien wat het programma met hun feedback deed. Iedereen die nu meedoet krijgt één melding.',
    record: 'Leg vast wat je veranderde',
    nlColumn: 'Nederlands',
    enColumn: 'Engels',
    saidNl: 'Jullie zeiden (Nederlands)',
    saidEn: 'Jullie zeiden (Engels)',
    didNl: 'Wij deden (Nederlands)',
    didEn: 'Wij deden (Engels)',
    saidHint: 'Wat deelnemers in de check-ins en vragenlijsten lieten weten',
    didHint: 'Wat het programma daardoor veranderde',
    results: 'Op welke resultaten is dit een antwoord?',
    resultsHint: 'Hoogstens 10',
    checkInGroup: 'Check-invragen',
    outcomeGroup: 'Uitkomsten',
    outcomes: {
      learned_skills: 'Nieuwe vaardigheden geleerd',
      career_step: 'Carrièrestap gezet',
      inspired: 'Geïnspireerd',
      recommend: 'Zou het aanraden',
      self_rating: 'Zelfbeoordeling van vaardigheden',
    },
    standardQuestions: {
      met: 'Hebben jullie elkaar gesproken sinds de vorige keer?',
      usefulness: 'Hoe nuttig was het?',
      gains: 'Wat haal je eruit?',
      programme: 'Is er iets dat het programma moet weten?',
    },
    change: 'Gekoppelde wijziging van de regels (niet verplicht)',
    changeHint: 'Een wijziging uit de wijzigingsgeschiedenis die je hierom maakte',
    changeOption: '{{date}}: {{fields}}',
    noChanges: 'Er zijn nog geen wijzigingen van de regels vastgelegd.',
    submit: 'Vastleggen en deelnemers laten weten',
    confirmTitle: 'Deelnemers laten weten wat er veranderde?',
    confirmText_one:
      'De {{count}} deelnemer van dit programma krijgt een melding, in de app en per e-mail.',
    confirmText_other:
      'Alle {{count}} deelnemers van dit programma krijgen een melding, in de app en per e-mail.',
    confirmNone: 'Er doet nu niemand mee: niemand krijgt een melding.',
    confirm: 'Vastleggen en versturen',
    recorded_one: 'Vastgelegd; {{count}} deelnemer kreeg een melding.',
    recorded_other: 'Vastgelegd; {{count}} deelnemers kregen een melding.',
    list: 'Eerder vastgelegd',
    empty: 'Nog niets vastgelegd.',
    recordedOn: 'Vastgelegd op {{date}}',
    linkedChange: 'Wijziging van {{date}}: {{fields}}',
    answers: 'Antwoord op',
    edit: 'Bewerken',
    editLabel: 'Bewerk wat op {{date}} is vastgelegd',
    editTitle: 'Tekst verbeteren',
    editNote: 'Deelnemers krijgen hiervoor geen nieuwe melding.',
    saved: 'Opgeslagen.',
    delete: 'Verwijderen',
    deleteLabel: 'Verwijder wat op {{date}} is vastgelegd',
    deleteTitle: 'Verwijderen?',
    deleteText:
      'Deelnemers zien dit dan niet meer op de programmapagina. Meldingen die al verstuurd zijn blijven staan.',
    deleted: 'Verwijderd.',
    youSaid: 'Jullie zeiden',
    weDid: 'Wij deden',
    becauseOfFeedback: 'Door feedback',
    becauseOfFeedbackLabel: 'Gewijzigd door feedback: bekijk wat deelnemers zeiden en wat we deden',
  },
};
