/**
 * Dutch texts of the check-ins: the feedback page, the answer form, the navigation entry and the
 * programme's question editor. messages-en.ts has the same keys.
 */
export const checkInsNl = {
  checkIns: {
    nav: 'Feedback',
    home: {
      title_one: 'Een check-in om te beantwoorden',
      title_other: '{{count}} check-ins om te beantwoorden',
    },
    page: {
      title: 'Mijn feedback',
      intro:
        'Af en toe vragen we hoe je mentoring gaat. Zo ziet het programma wat werkt en wat beter kan.',
    },
    privacy:
      'Je antwoorden zijn van jou: de ander ziet ze nooit. Het programma ziet alleen totalen van 5 of meer mensen.',
    open: {
      title: 'Check-ins om te beantwoorden',
      empty: 'Er staat nu geen check-in voor je open.',
      answer: 'Beantwoorden',
    },
    past: {
      title: 'Eerdere check-ins',
      empty: 'Nog geen eerdere check-ins.',
      read: 'Lees je antwoorden terug',
      view: 'Bekijken',
    },
    withNames: 'Je mentoring met {{names}}',
    withNobody: 'Je mentoring',
    sent: 'Verstuurd op {{date}}',
    answeredOn: 'Beantwoord op {{date}}',
    status: {
      open: 'Open',
      answered: 'Beantwoord',
      missed: 'Gemist',
    },
    missedExplained:
      'Deze check-in is niet beantwoord voordat de volgende kwam; je kunt hem niet meer invullen.',
    answeredExplained: 'Je hebt deze check-in beantwoord. Dit waren je antwoorden:',
    back: 'Terug naar Mijn feedback',
    form: {
      yes: 'Ja',
      no: 'Nee',
      scaleHint: '1 = helemaal niet, 5 = heel erg',
      scale: {
        '1': 'Helemaal niet',
        '2': 'Weinig',
        '3': 'Redelijk',
        '4': 'Veel',
        '5': 'Heel erg',
      },
      gainsHint: 'Kies wat past; mag ook niets.',
      textHint: 'Niet verplicht.',
      required: 'Beantwoord deze vraag',
      submit: 'Antwoorden versturen',
      sentToast: 'Dank je! Je antwoorden zijn bewaard.',
      noAnswer: 'Niet beantwoord',
    },
    kinds: {
      met: 'ja/nee (gesproken)',
      usefulness: 'schaal 1–5 (nuttig)',
      gains: 'meerkeuze (wat het oplevert)',
      programme: 'open vraag (aan het programma)',
      scale: 'schaal 1–5',
      yes_no: 'ja/nee',
      text: 'open vraag',
    },
    editor: {
      title: 'Vragen van de check-in',
      intro:
        'Deelnemers krijgen deze vragen op het ritme van hun afspraken. De vraag hoe nuttig het was blijft altijd; je kunt de andere herformuleren of weglaten en tot 5 eigen vragen toevoegen. Al verstuurde check-ins houden hun vragen.',
      standard: 'Dit zijn de standaardvragen.',
      custom: 'Dit programma heeft eigen vragen.',
      labelNl: 'Vraag (Nederlands)',
      labelEn: 'Vraag (Engels)',
      kind: 'Soort antwoord',
      remove: 'Weglaten',
      removeQuestion: 'Vraag {{number}} weglaten',
      moveUp: 'Vraag {{number}} omhoog',
      moveDown: 'Vraag {{number}} omlaag',
      add: 'Eigen vraag toevoegen',
      addStandard: '“{{label}}” weer toevoegen',
      ownCount: '{{count}} van 5 eigen vragen',
      save: 'Vragen opslaan',
      reset: 'Terug naar de standaardvragen',
      resetConfirmTitle: 'Terug naar de standaardvragen?',
      resetConfirm:
        'De eigen vragen en herformuleringen van dit programma verdwijnen. Check-ins die al verstuurd zijn, houden hun vragen. De wijziging komt in de wijzigingsgeschiedenis.',
      saved: 'De vragen zijn opgeslagen.',
      number: 'Vraag {{number}}',
      fixed: 'Blijft altijd',
      newQuestion: 'Nieuwe vraag',
    },
    history: {
      label: 'Vragen van de check-in',
    },
  },
};
