import type { Locale } from './locale.js';

/** A text in both languages: a parameter that itself needs translating (a noun, a status). */
export type Localized = Readonly<Record<Locale, string>>;
export type MessageParam = string | number | Localized;

/**
 * Every message the server writes for a user in an error answer, in Dutch and English.
 * `{name}` marks a parameter; both languages use the same ones (a unit test checks).
 */
export const messages = {
  // The error handler's own texts
  internal: {
    en: 'Something went wrong on our side. Please try again.',
    nl: 'Er ging bij ons iets mis. Probeer het opnieuw.',
  },
  invalidInput: { en: 'Invalid input — {problems}', nl: 'Ongeldige invoer — {problems}' },
  problems: { en: '{problems}', nl: '{problems}' },
  isInvalid: { en: 'is invalid', nl: 'is ongeldig' },
  routeNotFound: { en: 'No route {method} {path}', nl: 'Geen route {method} {path}' },
  badRequest: {
    en: 'The request could not be read',
    nl: 'De aanvraag kon niet worden gelezen',
  },
  invalidJson: {
    en: 'The request body is not valid JSON',
    nl: 'De inhoud van de aanvraag is geen geldige JSON',
  },
  emptyJson: {
    en: 'The request body is empty',
    nl: 'De inhoud van de aanvraag is leeg',
  },
  payloadTooLarge: { en: 'The request is too large', nl: 'De aanvraag is te groot' },
  unsupportedMediaType: {
    en: 'This type of content is not supported',
    nl: 'Dit soort inhoud wordt niet ondersteund',
  },
  notFoundGeneric: { en: 'Not found', nl: 'Niet gevonden' },
  requestFailed: {
    en: 'The request could not be handled',
    nl: 'De aanvraag kon niet worden verwerkt',
  },
  containsNulCharacter: {
    en: 'contains a NUL character (\\u0000), which cannot be stored',
    nl: 'bevat een NUL-teken (\\u0000), dat niet kan worden opgeslagen',
  },
  pathParameterTooLong: {
    en: 'A part of the address is too long',
    nl: 'Een deel van het adres is te lang',
  },
  invalidUrl: {
    en: 'The address of the request is not valid',
    nl: 'Het adres van de aanvraag is ongeldig',
  },
  requestTimedOut: {
    en: 'This took too long. Please try again in a few seconds.',
    nl: 'Dit duurde te lang. Probeer het over een paar seconden opnieuw.',
  },
  databaseUnavailable: {
    en: 'The database is not answering right now. Please try again in a few seconds.',
    nl: 'De database antwoordt nu niet. Probeer het over een paar seconden opnieuw.',
  },
  overloaded: {
    en: 'Klik is very busy right now. Please try again in a few seconds.',
    nl: 'Klik heeft het nu erg druk. Probeer het over een paar seconden opnieuw.',
  },
  rateLimited: {
    en: 'Too many attempts. Wait a minute and try again.',
    nl: 'Te veel pogingen. Wacht een minuut en probeer het opnieuw.',
  },
  rateLimitedMinutes: {
    en: 'Too many attempts. Try again in {minutes} minutes.',
    nl: 'Te veel pogingen. Probeer het over {minutes} minuten opnieuw.',
  },
  setByDirectory: {
    en: 'Your name and email address come from your organisation; you can set a preferred first name in Klik',
    nl: 'Je naam en e-mailadres komen van je organisatie; in Klik kun je wel een roepnaam instellen',
  },
  outboxSecretHidden: {
    en: 'This message contains a sign-in link; it is hidden outside demo mode.',
    nl: 'Dit bericht bevat een inloglink; buiten de demomodus is het verborgen.',
  },

  // Access
  notFound: { en: '{thing} not found', nl: '{thing} niet gevonden' },
  forbidden: {
    en: 'You do not have permission to do this',
    nl: 'Je hebt geen toestemming om dit te doen',
  },
  unauthenticated: { en: 'Sign in first', nl: 'Log eerst in' },
  csrfOrigin: {
    en: 'This request did not come from Klik’s own address, so it was refused. Open Klik at its usual address and try again.',
    nl: 'Deze aanvraag kwam niet van het eigen adres van Klik en is geweigerd. Open Klik via het gewone adres en probeer het opnieuw.',
  },
  notAMember: {
    en: 'You are not a member of an organisation',
    nl: 'Je bent geen lid van een organisatie',
  },

  // Organisations and people
  alreadyInUse: { en: 'already in use', nl: 'is al in gebruik' },
  // Email domains (an organisation adds people only under domains it verified)
  alreadyAdded: { en: 'already added', nl: 'is al toegevoegd' },
  domainVerificationFailed: {
    en: 'Could not verify {domain}. Publish the TXT record {name} with the value {value}, wait until DNS has it, and try again — or ask the platform administrator to approve the domain.',
    nl: '{domain} kon niet worden geverifieerd. Publiceer het TXT-record {name} met de waarde {value}, wacht tot DNS het kent en probeer het opnieuw — of vraag de platformbeheerder het domein goed te keuren.',
  },
  domainVerifiedElsewhere: {
    en: 'This domain is already verified for {organisation}',
    nl: 'Dit domein is al geverifieerd voor {organisation}',
  },
  emailDomainNotVerified: {
    en: 'the domain {domain} is not verified for your organisation',
    nl: 'het domein {domain} is niet geverifieerd voor je organisatie',
  },
  emailUnavailable: {
    en: 'this address cannot be used here; ask the platform administrator',
    nl: 'dit adres kan hier niet worden gebruikt; vraag het de platformbeheerder',
  },
  noSuchPerson: {
    en: 'no such person in this organisation',
    nl: 'deze persoon bestaat niet in deze organisatie',
  },
  personDeactivated: { en: 'this person is deactivated', nl: 'deze persoon is gedeactiveerd' },
  reportingLineCycle: {
    en: 'would make a reporting-line cycle',
    nl: 'zou een kringloop in de rapportagelijn maken',
  },
  beforeStartDate: { en: 'is before the start date', nl: 'ligt vóór de startdatum' },
  ownAdminRole: {
    en: 'you cannot take away your own admin role',
    nl: 'je kunt je eigen beheerdersrol niet afnemen',
  },
  cannotDeactivateSelf: {
    en: 'You cannot deactivate yourself',
    nl: 'Je kunt jezelf niet deactiveren',
  },
  importHasErrors: {
    en: 'The file has {count} error(s); nothing was imported',
    nl: 'Het bestand bevat {count} fout(en); er is niets geïmporteerd',
  },
  confirmDeactivations: {
    en: 'this import deactivates {count} people: confirm exactly that number; nothing was imported',
    nl: 'deze import deactiveert {count} personen: bevestig precies dat aantal; er is niets geïmporteerd',
  },

  // Feedback actions ("you said, we did")
  notAResultOfProgramme: {
    en: 'is not a check-in question or outcome figure of this programme',
    nl: 'is geen check-invraag of uitkomstcijfer van dit programma',
  },
  notAChangeOfProgramme: {
    en: 'is not a change of this programme',
    nl: 'is geen wijziging van dit programma',
  },

  // Programmes
  closedProgramme: {
    en: 'A closed programme cannot be changed',
    nl: 'Een gesloten programma kan niet meer worden gewijzigd',
  },
  publishedKeepsType: {
    en: 'a published programme keeps its type',
    nl: 'een gepubliceerd programma houdt zijn type',
  },
  programmeTransition: {
    en: 'A {status} programme cannot be {target}',
    nl: 'Een programma met status ‘{status}’ kan niet worden {target}',
  },
  endDatePassed: {
    en: 'the programme ended on {date}; it cannot be reopened after its end date',
    nl: 'het programma is op {date} geëindigd; na de einddatum kan het niet opnieuw worden geopend',
  },
  beforeEnrolmentOpens: {
    en: 'is before the enrolment opens',
    nl: 'ligt vóór de opening van de inschrijving',
  },
  beforeProgrammeStarts: {
    en: 'is before the programme starts',
    nl: 'ligt vóór de start van het programma',
  },
  belowMinimumGroupSize: {
    en: 'is smaller than the minimum group size',
    nl: 'is kleiner dan de minimale groepsgrootte',
  },
  sensitiveTargetGroupOnly: {
    en: 'sensitive attributes can only be used by a target-group programme',
    nl: 'alleen een doelgroepprogramma kan gevoelige kenmerken gebruiken',
  },
  sensitiveNotAllowed: {
    en: 'the organisation does not allow sensitive attributes (organisation settings)',
    nl: 'de organisatie staat gevoelige kenmerken niet toe (organisatie-instellingen)',
  },
  feedbackPeriod: {
    en: 'must be all or a quarter such as 2026-Q3',
    nl: 'moet all zijn of een kwartaal zoals 2026-Q3',
  },

  // Profiles and enrolment
  alreadyExists: { en: 'already exists', nl: 'bestaat al' },
  unknownSkill: { en: 'unknown skill "{skill}"', nl: 'onbekende vaardigheid "{skill}"' },
  listedTwice: { en: 'listed twice', nl: 'staat er twee keer in' },
  sensitiveNotCollected: {
    en: 'Your organisation does not collect these attributes',
    nl: 'Je organisatie verzamelt deze kenmerken niet',
  },
  enrolmentNotOpen: {
    en: 'Enrolment for this programme is not open',
    nl: 'De inschrijving voor dit programma is niet open',
  },
  notInAudience: {
    en: 'This programme is meant for another group of people',
    nl: 'Dit programma is bedoeld voor een andere groep mensen',
  },
  targetGroupNeedsAttributes: {
    en: 'This programme is for a target group: to enrol, share the attributes it asks for, with your consent',
    nl: 'Dit programma is voor een doelgroep: deel de gevraagde gegevens, met je toestemming, om je in te schrijven',
  },
  profileIncomplete: {
    en: 'Complete your profile first: at least one language and one skill',
    nl: 'Maak eerst je profiel compleet: minstens één taal en één vaardigheid',
  },
  peerRoleBoth: {
    en: 'in a peer programme everyone is mentee and mentor (both)',
    nl: 'in een peerprogramma is iedereen mentee én mentor (beide)',
  },
  groupMentorsOfferGroup: {
    en: 'mentors in a group programme mentor a group',
    nl: 'mentoren in een groepsprogramma begeleiden een groep',
  },
  groupSize: {
    en: 'a group has {min} to {max} mentees',
    nl: 'een groep heeft {min} tot {max} mentees',
  },
  notAQuestion: {
    en: 'is not a question of this programme',
    nl: 'is geen vraag van dit programma',
  },
  belowCurrentMentees: {
    en: 'is below the {count} mentee(s) you mentor now',
    nl: 'is lager dan de {count} mentee(s) die je nu begeleidt',
  },
  stillMentoring: {
    en: 'you still mentor {count} mentee(s) in this programme',
    nl: 'je begeleidt in dit programma nog {count} mentee(s)',
  },
  stillMentored: {
    en: 'you have a mentor in this programme',
    nl: 'je hebt een mentor in dit programma',
  },
  openAsMentor: {
    en: 'withdraw or answer your open requests and introductions as mentor first',
    nl: 'trek je openstaande verzoeken en introducties als mentor eerst in of beantwoord ze',
  },
  openAsMentee: {
    en: 'withdraw or answer your open requests and introductions as mentee first',
    nl: 'trek je openstaande verzoeken en introducties als mentee eerst in of beantwoord ze',
  },

  // Suggestions, requests and relationships
  enrolForSuggestions: {
    en: 'Enrol in this programme first to see suggestions',
    nl: 'Schrijf je eerst in voor dit programma om suggesties te zien',
  },
  menteesChoose: {
    en: 'In this programme mentees choose their mentor: requests come to you',
    nl: 'In dit programma kiezen mentees hun mentor: verzoeken komen bij jou binnen',
  },
  programmeNotRunning: { en: 'This programme is not running', nl: 'Dit programma loopt niet' },
  managerProposes: {
    en: 'In this programme the programme manager proposes introductions',
    nl: 'In dit programma stelt de programmamanager introducties voor',
  },
  enrolFirst: { en: 'Enrol in this programme first', nl: 'Schrijf je eerst in voor dit programma' },
  offerToMenteesOnly: {
    en: 'You can offer mentoring to mentees of this programme only',
    nl: 'Je kunt alleen mentees van dit programma mentoring aanbieden',
  },
  askMentorsOnly: {
    en: 'You can ask mentors of this programme only',
    nl: 'Je kunt alleen mentoren van dit programma een verzoek sturen',
  },
  notAMentorYouCanAsk: {
    en: 'is not a mentor you can ask',
    nl: 'is geen mentor die je kunt vragen',
  },
  mentorHasNoFreePlace: {
    en: 'This mentor has no free place at the moment',
    nl: 'Deze mentor heeft op dit moment geen plek vrij',
  },
  hasNoFreePlace: { en: 'has no free place', nl: 'heeft geen plek vrij' },
  rulesForbidRequest: {
    en: 'The programme’s rules do not allow a request to this person',
    nl: 'De regels van het programma staan geen verzoek aan deze persoon toe',
  },
  cannotBeAsked: {
    en: 'cannot be asked in this programme',
    nl: 'kan in dit programma niet gevraagd worden',
  },
  menteeAlreadyWaiting: {
    en: 'This mentee is already waiting for an answer to another request',
    nl: 'Deze mentee wacht al op antwoord op een ander verzoek',
  },
  requestAlreadyWaiting: {
    en: 'You already have a request waiting for an answer; withdraw it or wait for the answer',
    nl: 'Je hebt al een verzoek dat op antwoord wacht; trek het in of wacht op het antwoord',
  },
  relationshipExists: {
    en: 'There is already a mentoring relationship for this mentee in this programme',
    nl: 'Er is al een mentorrelatie voor deze mentee in dit programma',
  },
  onlyRecipientAnswers: {
    en: 'Only the person asked can answer',
    nl: 'Alleen de gevraagde persoon kan antwoorden',
  },
  onlySenderWithdraws: {
    en: 'Only the person who asked can withdraw',
    nl: 'Alleen wie het verzoek stuurde kan het intrekken',
  },
  requestIs: { en: 'This request is {status}', nl: 'Dit verzoek is {status}' },
  requestAlreadyAnswered: {
    en: 'This request was already answered',
    nl: 'Dit verzoek is al beantwoord',
  },
  mentorLeft: {
    en: 'The mentor has left the programme',
    nl: 'De mentor doet niet meer mee aan het programma',
  },
  mentorNoLongerMentors: {
    en: 'The mentor no longer takes part as mentor in this programme',
    nl: 'De mentor doet in dit programma niet meer mee als mentor',
  },
  menteeLeft: {
    en: 'The mentee no longer takes part as mentee in this programme',
    nl: 'De mentee doet in dit programma niet meer mee als mentee',
  },
  mentorFull: {
    en: 'The mentor has no free place left',
    nl: 'De mentor heeft geen plek meer vrij',
  },
  placesTaken: {
    en: '{taken} of {capacity} places taken',
    nl: '{taken} van {capacity} plekken bezet',
  },
  menteeHasMentor: {
    en: 'This mentee already has a mentor in this programme',
    nl: 'Deze mentee heeft al een mentor in dit programma',
  },

  // Proposals
  publishFirst: { en: 'Publish the programme first', nl: 'Publiceer het programma eerst' },
  pinsOptimalOnly: {
    en: 'pins apply to the optimal mode only',
    nl: 'vastgezette paren gelden alleen bij de optimale berekening',
  },
  pinNotEnrolled: {
    en: 'both people must be enrolled and unmatched',
    nl: 'beide mensen moeten ingeschreven zijn en nog geen match hebben',
  },
  pinMenteeTaken: {
    en: 'this mentee is already matched or introduced',
    nl: 'deze mentee heeft al een match of introductie',
  },
  pinMentorFull: {
    en: 'this mentor has no free place left (open introductions count)',
    nl: 'deze mentor heeft geen plek meer vrij (openstaande introducties tellen mee)',
  },
  pinMenteeTwice: {
    en: 'this mentee is already pinned to another mentor',
    nl: 'deze mentee staat al vast bij een andere mentor',
  },
  pinsOverCapacity: {
    en: 'more pins than this mentor has free places ({capacity})',
    nl: 'meer vastgezette paren dan deze mentor vrije plekken heeft ({capacity})',
  },
  pinNotAllowed: { en: '{reason}', nl: '{reason}' },
  pinForbidden: {
    en: 'this pair is forbidden; allow it first',
    nl: 'dit paar is verboden; sta het eerst weer toe',
  },
  pairDeclinedEarlier: {
    en: 'one of these two declined an introduction or request with the other in this programme',
    nl: 'een van deze twee heeft in dit programma een introductie of verzoek met de ander afgewezen',
  },
  notALeader: {
    en: 'only leaders (sponsors, managers of managers, people marked as leadership) can be shown as leaders',
    nl: 'alleen leiding (sponsors, managers van managers, mensen gemarkeerd als leiding) kan als leider getoond worden',
  },
  notEnrolledInProgramme: {
    en: 'you are not enrolled in this programme',
    nl: 'je bent niet ingeschreven in dit programma',
  },
  notEnrolledAsMentee: {
    en: 'is not enrolled in this programme as a mentee',
    nl: 'is in dit programma niet ingeschreven als mentee',
  },
  notEnrolledAsMentor: {
    en: 'is not enrolled in this programme as a mentor',
    nl: 'is in dit programma niet ingeschreven als mentor',
  },
  pairSamePerson: {
    en: 'mentee and mentor must be two different people',
    nl: 'mentee en mentor moeten twee verschillende mensen zijn',
  },
  sendPairForbidden: {
    en: '{mentee} and {mentor} are forbidden as a pair since this proposal was computed; compute again',
    nl: '{mentee} en {mentor} zijn als paar verboden sinds dit voorstel werd berekend; bereken opnieuw',
  },
  sendPairDeclined: {
    en: '{mentee} and {mentor} declined each other in this programme; compute again',
    nl: '{mentee} en {mentor} hebben elkaar in dit programma afgewezen; bereken opnieuw',
  },
  proposalsAlreadySent: {
    en: 'These proposals were already sent',
    nl: 'Deze voorstellen zijn al verstuurd',
  },
  newerRunExists: {
    en: 'A newer run exists: send that one, or run again',
    nl: 'Er is een nieuwere berekening: stuur die, of bereken opnieuw',
  },
  introductionAlready: {
    en: 'This introduction is already {status}',
    nl: 'Deze introductie is al {status}',
  },

  // The relationship space: agreement, self-ratings, goals, notes
  relationshipReadOnly: {
    en: 'This mentoring relationship has ended: you can read it, but not change it',
    nl: 'Deze mentorrelatie is afgelopen: je kunt haar lezen, maar niet meer wijzigen',
  },
  agreementNewerVersion: {
    en: 'A newer version of the agreement has been proposed since: read it and confirm that one',
    nl: 'Er is sindsdien een nieuwere versie van de afspraken voorgesteld: lees en bevestig die',
  },
  notAParticipant: {
    en: 'is not a participant of this relationship',
    nl: 'is geen deelnemer aan deze relatie',
  },
  notAgreedSkill: {
    en: 'is not a skill of your agreement',
    nl: 'is geen vaardigheid uit jullie afspraken',
  },
  onlyLearnerRates: {
    en: 'Only the person learning this skill rates it',
    nl: 'Alleen wie deze vaardigheid leert, beoordeelt haar',
  },
  startRatingWhileOpen: {
    en: 'the start rating can only be given while the relationship runs',
    nl: 'de beginscore kan alleen worden gegeven zolang de relatie loopt',
  },
  onlyAuthorChanges: {
    en: 'Only its author can change or delete this',
    nl: 'Alleen wie dit schreef, kan het wijzigen of verwijderen',
  },
  onlyGoalCreatorDeletes: {
    en: 'Only the person who added this goal can delete it',
    nl: 'Alleen wie dit doel toevoegde, kan het verwijderen',
  },
  nothingToChange: { en: 'Nothing to change', nl: 'Er is niets te wijzigen' },

  // The relationship space: pause, resume, end
  relationshipAlreadyPaused: {
    en: 'This mentoring relationship is already paused',
    nl: 'Deze mentorrelatie staat al stil',
  },
  relationshipNotPaused: {
    en: 'This mentoring relationship is not paused',
    nl: 'Deze mentorrelatie staat niet stil',
  },
  afterToday: { en: 'must be a day after today', nl: 'moet een dag na vandaag zijn' },
  phoneFormat: {
    en: 'a phone number such as +31 6 1234 5678',
    nl: 'een telefoonnummer zoals +31 6 1234 5678',
  },

  // Meetings and the calendar feed
  meetingNeedsOpenRelationship: {
    en: 'Meetings can only be planned, changed or cancelled while the mentoring relationship runs',
    nl: 'Afspraken kun je alleen plannen, wijzigen of afzeggen zolang de mentorrelatie loopt',
  },
  meetingIsCancelled: {
    en: 'This meeting has been cancelled',
    nl: 'Deze afspraak is afgezegd',
  },
  meetingHasStarted: {
    en: 'This meeting has already started: it can no longer be changed or cancelled',
    nl: 'Deze afspraak is al begonnen: je kunt haar niet meer wijzigen of afzeggen',
  },
  meetingNotStarted: {
    en: 'You can say whether the meeting happened once it has started',
    nl: 'Of de afspraak doorging, kun je zeggen zodra ze begonnen is',
  },
  mustBeInFuture: { en: 'must be in the future', nl: 'moet in de toekomst liggen' },
  timeSkippedInZone: {
    en: 'does not exist in that time zone (the clocks are put forward then)',
    nl: 'bestaat niet in die tijdzone (de klok wordt dan verzet)',
  },
  httpsLink: {
    en: 'a web address starting with https://',
    nl: 'een webadres dat begint met https://',
  },
  timeOfDay: { en: 'use HH:MM (24 hours)', nl: 'gebruik UU:MM (24 uur)' },

  // Field messages used in request schemas (`schemaMessage`); numbers come from the zod issue
  required: { en: 'required', nl: 'verplicht' },
  isRequired: { en: 'is required', nl: 'is verplicht' },
  personalMessage: {
    en: 'write a personal message of at least {minimum} characters',
    nl: 'schrijf een persoonlijk bericht van minstens {minimum} tekens',
  },
  atLeast: { en: 'at least {minimum}', nl: 'minstens {minimum}' },
  atMost: { en: 'at most {maximum}', nl: 'hoogstens {maximum}' },
  from: { en: 'from {minimum}', nl: 'vanaf {minimum}' },
  to: { en: 'to {maximum}', nl: 'tot en met {maximum}' },
  atLeastOne: { en: 'at least one', nl: 'minstens één' },
  atLeastCharacters: { en: 'at least {minimum} characters', nl: 'minstens {minimum} tekens' },
  atMostCharacters: { en: 'at most {maximum} characters', nl: 'hoogstens {maximum} tekens' },
  atLeastOneDay: { en: 'at least 1 day', nl: 'minstens 1 dag' },
  atLeastDays: { en: 'at least {minimum} days', nl: 'minstens {minimum} dagen' },
  atMostDays: { en: 'at most {maximum} days', nl: 'hoogstens {maximum} dagen' },
  atLeastOneMonth: { en: 'at least 1 month', nl: 'minstens 1 maand' },
  atMostMonths: { en: 'at most {maximum} months', nl: 'hoogstens {maximum} maanden' },
  wholeNumber: { en: 'a whole number', nl: 'een geheel getal' },
  feedbackMinCommentsBelowGroup: {
    en: 'at least the minimum for figures ({minimum})',
    nl: 'minstens het minimum voor cijfers ({minimum})',
  },
  invalidEmail: { en: 'not a valid email address', nl: 'geen geldig e-mailadres' },
  invalidDomain: {
    en: 'not a domain name such as example.com',
    nl: 'geen domeinnaam zoals voorbeeld.nl',
  },
  isoDate: { en: 'use YYYY-MM-DD', nl: 'gebruik JJJJ-MM-DD' },
  languageCode: {
    en: 'a language code such as nl or en',
    nl: 'een taalcode zoals nl of en',
  },
  unknownTimeZone: { en: 'not a known time zone', nl: 'geen bekende tijdzone' },
  slotOrder: { en: 'each slot ends after it starts', nl: 'elk tijdvak eindigt na het begin' },
  consentRequired: {
    en: 'explicit consent is required',
    nl: 'uitdrukkelijke toestemming is nodig',
  },
  slugFormat: {
    en: 'lowercase letters, digits and single hyphens',
    nl: 'kleine letters, cijfers en losse koppeltekens',
  },
  questionIdFormat: {
    en: 'lowercase letters, digits and hyphens',
    nl: 'kleine letters, cijfers en koppeltekens',
  },
  fileEmpty: { en: 'the file is empty', nl: 'het bestand is leeg' },
  fileTooLarge: { en: 'the file is larger than 5 MB', nl: 'het bestand is groter dan 5 MB' },
  belowMinimumJobLevel: {
    en: 'is below the minimum job level',
    nl: 'is lager dan het minimale functieniveau',
  },
  surveyAlreadyAnswered: {
    en: 'You answered this survey already; your answers cannot be changed',
    nl: 'Je hebt deze vragenlijst al ingevuld; je antwoorden kun je niet meer wijzigen',
  },
  onlyWhenLearnedSkills: {
    en: 'name skills only when you learned new skills',
    nl: 'noem alleen vaardigheden als je nieuwe vaardigheden leerde',
  },
  ratedTwice: { en: 'is rated twice', nl: 'is twee keer beoordeeld' },
  unsubscribeTokenMissing: {
    en: 'the link from the email (token) is missing',
    nl: 'de link uit de e-mail (token) ontbreekt',
  },

  // Check-ins (issue 10)
  checkInStandardId: {
    en: 'a standard question keeps its own id',
    nl: 'een standaardvraag houdt haar eigen id',
  },
  checkInReservedId: {
    en: 'is the id of a standard question',
    nl: 'is de id van een standaardvraag',
  },
  checkInDuplicateQuestion: { en: 'appears more than once', nl: 'komt meer dan eens voor' },
  checkInUsefulnessStays: {
    en: 'the question how useful it was cannot be left out',
    nl: 'de vraag hoe nuttig het was kan niet weg',
  },
  checkInTooManyOwn: {
    en: 'at most 5 questions of your own',
    nl: 'hoogstens 5 eigen vragen',
  },
  checkInUnknownQuestion: {
    en: 'not a question of this check-in',
    nl: 'geen vraag van deze check-in',
  },
  checkInAnswerYesNo: { en: 'answer yes or no', nl: 'antwoord ja of nee' },
  checkInAnswerScale: {
    en: 'choose a whole number from 1 to 5',
    nl: 'kies een geheel getal van 1 tot en met 5',
  },
  checkInAnswerGains: {
    en: 'choose from the listed options, each once',
    nl: 'kies uit de genoemde mogelijkheden, elk één keer',
  },
  checkInAnswerText: { en: 'write text', nl: 'schrijf tekst' },
  checkInAnswered: {
    en: 'This check-in has already been answered',
    nl: 'Deze check-in is al beantwoord',
  },
  checkInMissed: {
    en: 'This check-in can no longer be answered: a newer one has been sent',
    nl: 'Deze check-in kan niet meer worden beantwoord: er is al een nieuwere verstuurd',
  },

  // Stories (issue 11)
  storyNotParticipant: {
    en: 'you do not take part in this programme',
    nl: 'je doet niet mee aan dit programma',
  },
  storyNotOtherSide: {
    en: 'is not the other side of one of your mentoring relationships in this programme',
    nl: 'is niet de andere kant van een van je mentorrelaties in dit programma',
  },
  storyNamesPerson: {
    en: 'names {name}, who has not approved being named: name them in the story so they are asked, or leave the name out',
    nl: 'noemt {name}, die niet heeft ingestemd met genoemd worden: noem die persoon in het verhaal zodat die het gevraagd wordt, of laat de naam weg',
  },
  storyMentionsNotApproved: {
    en: 'not everyone named in the story has approved it yet',
    nl: 'nog niet iedereen die in het verhaal genoemd wordt heeft ingestemd',
  },
  storyTextRequired: {
    en: 'write the story in at least one language',
    nl: 'schrijf het verhaal in minstens één taal',
  },
  storyTitleRequired: {
    en: 'a story in this language needs a title',
    nl: 'een verhaal in deze taal heeft een titel nodig',
  },
  storyBodyRequired: {
    en: 'a title in this language needs the story itself',
    nl: 'een titel in deze taal heeft het verhaal zelf nodig',
  },
  storyAltRequired: {
    en: 'describe the photo for people who cannot see it (alt text)',
    nl: 'beschrijf de foto voor wie hem niet kan zien (alt-tekst)',
  },
  storyNotAnImage: {
    en: 'is not an image that can be read (JPEG, PNG, WebP, GIF or HEIC)',
    nl: 'is geen afbeelding die gelezen kan worden (JPEG, PNG, WebP, GIF of HEIC)',
  },
  storyReviewMessageRequired: {
    en: 'tell the author why, in a message',
    nl: 'vertel de schrijver waarom, in een bericht',
  },
  storyNotWaitingForReview: {
    en: 'This story is not waiting for approval',
    nl: 'Dit verhaal wacht niet op goedkeuring',
  },
  storyAlreadySent: {
    en: 'This story has already been sent for approval or published',
    nl: 'Dit verhaal is al ter goedkeuring verstuurd of gepubliceerd',
  },
  storyCannotDelete: {
    en: 'Only a draft or a withdrawn story can be deleted: withdraw it first',
    nl: 'Alleen een concept of een ingetrokken verhaal kan weg: trek het eerst in',
  },
  storyMentionClosed: {
    en: 'This story is not asking for your approval now',
    nl: 'Dit verhaal vraagt nu niet om je instemming',
  },
} as const satisfies Record<string, Localized>;

/** Nouns and states that appear as parameters. */
export const terms = {
  programme: { en: 'Programme', nl: 'Programma' },
  person: { en: 'Person', nl: 'Persoon' },
  organisation: { en: 'Organisation', nl: 'Organisatie' },
  domain: { en: 'Domain', nl: 'Domein' },
  job: { en: 'Job', nl: 'Taak' },
  enrolment: { en: 'Enrolment', nl: 'Inschrijving' },
  participant: { en: 'Participant', nl: 'Deelnemer' },
  request: { en: 'Request', nl: 'Verzoek' },
  run: { en: 'Run', nl: 'Berekening' },
  introduction: { en: 'Introduction', nl: 'Introductie' },
  pairRule: { en: 'Pin or forbid', nl: 'Vastgezet of verboden paar' },
  feedbackAction: { en: '“You said, we did”', nl: '‘Jullie zeiden, wij deden’' },
  relationship: { en: 'Mentoring relationship', nl: 'Mentorrelatie' },
  meeting: { en: 'Meeting', nl: 'Afspraak' },
  goal: { en: 'Goal', nl: 'Doel' },
  note: { en: 'Note', nl: 'Notitie' },
  agreement: { en: 'Agreement', nl: 'Afspraken' },
  outcomeSurvey: { en: 'Survey', nl: 'Vragenlijst' },
  calendarFeed: { en: 'Calendar feed', nl: 'Agenda-abonnement' },
  checkIn: { en: 'Check-in', nl: 'Check-in' },
  unsubscribeLink: { en: 'Unsubscribe link', nl: 'Afmeldlink' },
  draft: { en: 'draft', nl: 'concept' },
  published: { en: 'published', nl: 'gepubliceerd' },
  closed: { en: 'closed', nl: 'gesloten' },
  reopened: { en: 'reopened', nl: 'heropend' },
  pending: { en: 'pending', nl: 'in afwachting' },
  accepted: { en: 'accepted', nl: 'geaccepteerd' },
  declined: { en: 'declined', nl: 'afgewezen' },
  withdrawn: { en: 'withdrawn', nl: 'ingetrokken' },
  expired: { en: 'expired', nl: 'verlopen' },
  story: { en: 'Story', nl: 'Verhaal' },
  cohort: { en: 'Cohort', nl: 'Cohort' },
} as const satisfies Record<string, Localized>;

export type MessageKey = keyof typeof messages;
export type Term = keyof typeof terms;

/** The `{name}` parameters of a template, as a union of names. */
type ParamNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;
export type ParamsOf<K extends MessageKey> = Record<
  ParamNames<(typeof messages)[K]['en']>,
  MessageParam
>;

/** A message to render later, in the language of whoever reads it. */
export type Message = {
  [K in MessageKey]: ParamNames<(typeof messages)[K]['en']> extends never
    ? { key: K; params?: undefined }
    : { key: K; params: ParamsOf<K> };
}[MessageKey];

/** Messages without parameters. */
export type PlainMessageKey = {
  [K in MessageKey]: ParamNames<(typeof messages)[K]['en']> extends never ? K : never;
}[MessageKey];

type ArgsOf<K extends MessageKey> =
  ParamNames<(typeof messages)[K]['en']> extends never ? [] : [params: ParamsOf<K>];

export function message<K extends MessageKey>(key: K, ...params: ArgsOf<K>): Message {
  return { key, params: params[0] } as Message;
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messages, value);
}

function renderParam(value: MessageParam, locale: Locale): string {
  return typeof value === 'object' ? value[locale] : String(value);
}

export function renderMessage(text: Message, locale: Locale): string {
  const template: string = messages[text.key][locale];
  const params: Readonly<Record<string, MessageParam>> = text.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? renderParam(params[name]!, locale) : whole,
  );
}

/** The same message in both languages: a parameter built from other messages. */
export function localize(render: (locale: Locale) => string): Localized {
  return { nl: render('nl'), en: render('en') };
}

/** Messages a request schema may use as its custom zod message; their numbers come from the issue. */
type SchemaMessageKey = {
  [K in MessageKey]: ParamNames<(typeof messages)[K]['en']> extends 'minimum' | 'maximum'
    ? K
    : never;
}[MessageKey];

/**
 * A custom zod message that the error handler renders in the caller's language:
 * `z.string().min(2, schemaMessage('atLeastCharacters'))`.
 */
export function schemaMessage(key: SchemaMessageKey): string {
  return key;
}

export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
