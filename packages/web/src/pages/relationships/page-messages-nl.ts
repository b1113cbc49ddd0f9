/**
 * Dutch texts of the relationship page (/mentoring/:id) around its sections — header, who the
 * other is, why you clicked, the conversation, pause and ending — and of the cards on My
 * mentoring. Spread into nl.ts; page-messages-en.ts has the same keys.
 */
export const mentoringNl = {
  mentoring: {
    continueInSpace: 'Verder in jullie mentorruimte',
    back: 'Mijn mentoring',
    titleWith: 'Mentoring met {{names}}',
    titleGroup: 'Groep van {{name}}',
    yourGroup: 'Jouw groep',
    inProgramme: 'In {{name}}',
    endsOn: 'Het programma loopt tot {{date}}',
    roles: { mentor: 'Mentor', mentee: 'Mentee' },
    status: {
      active: 'Actief',
      paused: 'Gepauzeerd',
      completed: 'Voltooid',
      ended_early: 'Beëindigd',
    },
    banner: {
      paused: 'Jullie mentorrelatie staat even stil. Je kunt berichten blijven sturen.',
      pausedUntil:
        'Jullie mentorrelatie staat even stil tot {{date}}; dan loopt ze vanzelf weer. Je kunt berichten blijven sturen.',
      completed:
        'Het programma is afgelopen en jullie mentorrelatie is voltooid. Je kunt alles nog teruglezen.',
      endedEarly: 'Deze mentorrelatie is beëindigd. Je kunt alles nog teruglezen.',
      left: 'Je doet niet meer mee aan deze groep. Je kunt teruglezen wat er tot dan toe gebeurde.',
    },
    who: {
      title: 'Wie jullie zijn',
      you: 'jij',
      left: 'Doet niet meer mee',
      offers: 'Kan helpen met',
      wants: 'Wil leren',
      languages: 'Talen',
      meetingMode: 'Afspreken',
      place: 'Plaats',
      contact: 'Contact',
      email: 'E-mail',
      phone: 'Telefoon',
      contactHint: 'Jullie zeiden allebei ja, dus jullie zien elkaars contactgegevens.',
      meetingModes: { online: 'Online', in_person: 'Op locatie', either: 'Online of op locatie' },
    },
    why: {
      title: 'Waarom jullie klikten',
      with: 'Met {{name}}',
      none: 'Er zijn geen redenen bewaard voor deze mentorrelatie.',
    },
    hopes: {
      title: 'Wat jullie hopen',
      learn: 'Hoopt te leren',
      give: 'Hoopt te geven',
      none: 'Nog niet ingevuld. Schrijf het op in jullie afspraken.',
    },
    next: {
      title: 'Volgende afspraak',
      none: 'Er is nog geen afspraak gepland.',
      minutes: '{{count}} minuten',
      video: 'Videolink',
      place: 'Plaats',
    },
    conversation: {
      title: 'Gesprek',
      intro: 'Eén gesprek voor jullie samen; het begint bij het verzoek.',
      fromRequest: 'Uit het verzoek',
      requestHopes: 'Hoopt',
      you: 'Jij',
      empty: 'Nog geen berichten.',
      message: 'Bericht',
      send: 'Versturen',
      readOnly: 'Dit gesprek is alleen nog te lezen.',
    },
    actions: {
      pause: 'Pauzeren',
      resume: 'Weer oppakken',
      end: 'Beëindigen',
      leave: 'Groep verlaten',
      paused: 'Jullie mentorrelatie staat nu even stil.',
      resumed: 'Jullie mentorrelatie loopt weer.',
    },
    pause: {
      title: 'Even pauzeren',
      text: 'Jullie mentorrelatie staat dan stil: de plek blijft bewaard en jullie kunnen berichten blijven sturen. De ander krijgt bericht dat ze stilstaat.',
      until: 'Terug op (niet verplicht)',
      untilHint: 'Op die dag loopt de relatie vanzelf weer.',
      reason: 'Reden (niet verplicht)',
      reasonHint:
        'Alleen voor het programma, om het te verbeteren. De ander ziet deze reden nooit.',
    },
    end: {
      title: 'Mentorrelatie beëindigen?',
      leaveTitle: 'Groep verlaten?',
      text: 'Dit kun je niet ongedaan maken. Je hoeft geen reden te geven: de ander krijgt alleen bericht dat de relatie is beëindigd, zonder reden. Alles blijft voor jullie allebei te lezen.',
      leaveText:
        'Dit kun je niet ongedaan maken. De groep gaat door zonder jou; de anderen krijgen alleen bericht dat je niet meer meedoet, zonder reden. Je kunt alles tot nu toe blijven teruglezen.',
      groupText:
        'Dit kun je niet ongedaan maken. De mentorrelatie eindigt voor de hele groep; de anderen krijgen alleen bericht dat ze is beëindigd, zonder reden.',
      reason: 'Reden (niet verplicht)',
      reasonHint:
        'Alleen voor het programma, en alleen opgeteld met andere antwoorden. De ander ziet nooit een reden.',
    },
    ended: {
      title: 'Jullie mentorrelatie is beëindigd',
      leftTitle: 'Je hebt de groep verlaten',
      thanks:
        'Dank je voor wat jullie samen deden. Een mentorrelatie beëindigen is geen falen: soms past het gewoon niet, of is het tijd voor iets anders.',
      menteeNext: 'Je kunt meteen verder kijken: er staan nieuwe suggesties voor je klaar.',
      mentorNext: 'Je plek is weer vrij voor een nieuwe mentee.',
      toSuggestions: 'Bekijk nieuwe suggesties',
      toMentoring: 'Naar Mijn mentoring',
      readBack: 'Terug naar de relatie',
    },
    phone: {
      label: 'Telefoonnummer (niet verplicht)',
      hint: 'Alleen te zien voor de mensen met wie je een mentorrelatie hebt, nadat jullie allebei ja zeiden.',
    },
    card: {
      unread_one: '{{count}} ongelezen bericht',
      unread_other: '{{count}} ongelezen berichten',
      nextMeeting: 'Volgende afspraak: {{date}}',
      pausedUntil: 'Gepauzeerd tot {{date}}',
      left: 'Je hebt deze groep verlaten',
    },
  },
};
