/** Dutch texts of the feedback-privacy section of the organisation settings. */
export const feedbackPrivacyNl = {
  feedbackPrivacy: {
    title: 'Privacy van feedback',
    intro:
      'Programmabeheerders zien antwoorden op check-ins en eindvragenlijsten alleen als cijfers voor een groep, nooit per persoon. Hier bepaalt u hoe groot die groep minstens is.',
    minGroup: 'Minimaal aantal mensen voor cijfers',
    minGroupHint:
      'Resultaten verschijnen pas als minstens {{people}} mensen hebben geantwoord, ook per afdeling, locatie of andere groep. Nooit minder dan 3.',
    minComments: 'Minimaal aantal mensen voor open antwoorden',
    minCommentsHint:
      'Open antwoorden verschijnen pas vanaf {{people}} mensen, zonder namen of groepen. Minstens het minimum voor cijfers.',
    minGroupRange: 'Kies een geheel getal van 3 tot en met 100',
    minCommentsRange: 'Kies een geheel getal van {{minimum}} tot en met 100',
    save: 'Privacy-instellingen opslaan',
    saved: 'De privacy-instellingen van feedback zijn opgeslagen.',
  },
};
