/** Dutch texts of the account menu and the preferred-name dialog. */
export const accountNl = {
  account: {
    menu: 'Accountmenu van {{name}}',
    preferredName: 'Roepnaam',
    preferredNameTitle: 'Je roepnaam',
    preferredNameIntro:
      'Je naam ({{name}}) komt van je organisatie en kun je hier niet wijzigen. Wel kun je kiezen hoe je genoemd wilt worden: anderen zien die roepnaam naast je naam, bijvoorbeeld "{{example}}".',
    preferredNameLabel: 'Roepnaam',
    preferredNameHint: 'Laat leeg om je voornaam te gebruiken. Hoogstens {{count}} tekens.',
    saved: 'Je roepnaam is opgeslagen',
    cleared: 'Je roepnaam is gewist',
  },
  outboxSecrets: {
    hidden:
      'Inlog- en resetlinks zijn buiten de demomodus verborgen: niemand kan zo inloggen als een ander. Het onderwerp, de ontvanger en de tijd staan er wel.',
    secret: 'Inloglink',
  },
} as const;
