/**
 * Dutch texts of the suggestions page's notice when no request can be sent from it (the API's
 * `requestBlock`), spread into nl.ts; suggestions-messages-en.ts has the same keys.
 */
export const suggestionBlockNl = {
  suggestionBlock: {
    has_mentor: 'Je hebt al een mentor in dit programma: {{name}}.',
    has_mentorLink: 'Naar je mentoringruimte',
    waiting_for_answer:
      'Je hebt {{name}} gevraagd. Zolang dat verzoek openstaat, kun je niemand anders vragen: wacht het antwoord af of trek het verzoek in.',
    waiting_for_answerLink: 'Bekijk je verzoek',
    offer_to_answer: '{{name}} biedt aan je mentor te zijn. Beantwoord dat aanbod eerst.',
    offer_to_answerLink: 'Bekijk het aanbod',
    no_free_place:
      'Al je plekken als mentor zijn bezet, dus je kunt nu niemand mentoring aanbieden. Zodra er een plek vrijkomt, kan het weer.',
    mentors_offer:
      'In dit programma bieden mentoren zich aan: je krijgt bericht zodra een mentor je mentoring aanbiedt. Hieronder kun je rondkijken.',
    manager_proposes:
      'In dit programma stelt de programmamanager introducties voor; zelf een verzoek sturen kan hier niet. Hieronder kun je rondkijken.',
    not_running: 'Dit programma loopt niet (meer): er kunnen geen verzoeken worden verstuurd.',
  },
} as const;
