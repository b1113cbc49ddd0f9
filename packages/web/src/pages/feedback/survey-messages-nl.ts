/**
 * Dutch texts of the outcome survey: its list on the feedback page, the form, and the prompts on
 * the home and relationship pages. survey-messages-en.ts has the same keys.
 */
export const outcomeSurveysNl = {
  outcomeSurveys: {
    privacy:
      'Je antwoorden zijn van jou. De ander ziet ze nooit, je leidinggevende ook niet; het programma ziet ze alleen opgeteld, in totalen van minstens 5 mensen.',
    closing: {
      ended: 'Afgerond',
      left: 'Groep verlaten',
      completed: 'Voltooid',
    },
    withNames: 'Je mentorrelatie met {{names}}',
    withNobody: 'Je mentorrelatie',
    section: {
      title: 'Hoe ging het? Vragenlijsten na afloop',
      intro:
        'Als een mentorrelatie afloopt, vragen we je wat ze je bracht. Zo ziet het programma wat werkt.',
      loading: 'Vragenlijsten laden…',
      empty:
        'Nog geen vragenlijsten. Als een mentorrelatie afloopt, vragen we je hier hoe het ging.',
      open: 'Nog in te vullen',
      answered: 'Ingevuld op {{date}}',
      asked: '{{programme}} · gevraagd op {{date}}',
      fillIn: 'Invullen',
      readBack: 'Je antwoorden bekijken',
    },
    prompt: {
      title: 'Vertel ons hoe het ging',
      text: 'Een paar vragen over wat deze mentorrelatie je bracht. Je antwoorden zijn van jou; het programma ziet alleen totalen.',
      button: 'Vertel ons hoe het ging',
    },
    home: {
      title_one: '{{count}} vragenlijst om in te vullen',
      title_other: '{{count}} vragenlijsten om in te vullen',
      item: 'Hoe was je mentorrelatie met {{names}}?',
    },
    form: {
      title: 'Hoe ging het?',
      back: 'Terug naar feedback',
      learnedSkills: 'Heb je nieuwe vaardigheden geleerd?',
      yes: 'Ja',
      no: 'Nee',
      whichSkills: 'Welke?',
      whichSkillsHint: 'Kies uit jullie afspraken, of zoek een andere vaardigheid.',
      agreementSkills: 'Uit jullie afspraken',
      otherSkills: 'Andere vaardigheden',
      noSkillFound: 'Geen vaardigheid gevonden',
      ratingsTitle: 'Hoe goed ben je er nu in?',
      ratingsIntro:
        'Geef jezelf voor elke vaardigheid uit jullie afspraken een cijfer van 1 (beginner) tot 5 (heel goed).',
      startRating: 'Aan het begin gaf je jezelf een {{rating}}.',
      noStartRating: 'Aan het begin gaf je jezelf geen cijfer.',
      endRatingOf: 'Nu: {{skill}}',
      ratingValue: '{{value}} van 5',
      careerSteps: 'Heb je een stap gezet in je loopbaan?',
      careerStepsHint: 'Kruis aan wat past; niets aankruisen mag ook.',
      step: {
        new_role: 'Een nieuwe functie',
        promotion: 'Een promotie',
        project: 'Een nieuw project of nieuwe verantwoordelijkheid',
        network: 'Een groter netwerk',
      },
      inspired: 'Voelde je je geïnspireerd?',
      recommend: 'Hoe waarschijnlijk is het dat je dit programma aanraadt aan een collega?',
      recommendHint: '0 = helemaal niet waarschijnlijk, 10 = zeer waarschijnlijk',
      recommendValue: '{{value}} van 10',
      otherGave: 'Wat gaf de ander jou?',
      otherGaveHint: 'Alleen jij leest dit terug; het programma ziet het nooit met je naam.',
      comment: 'Wil je het programma nog iets laten weten?',
      required: 'Kies een antwoord',
      send: 'Antwoorden versturen',
      confirmTitle: 'Antwoorden versturen?',
      confirmText: 'Na het versturen kun je je antwoorden nog lezen, maar niet meer wijzigen.',
      confirm: 'Versturen',
      sent: 'Dank je! Je antwoorden zijn verstuurd.',
      yourAnswers: 'Je antwoorden',
      answeredOn: 'Verstuurd op {{date}}. Je kunt ze lezen, niet meer wijzigen.',
      none: 'Niets ingevuld',
      noSteps: 'Geen',
      ratingNow: '{{skill}}: aan het begin {{start}}, nu {{end}}',
      notRated: '–',
    },
  },
} as const;
