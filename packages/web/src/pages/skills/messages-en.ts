import type { Translation } from '../../i18n/translation';
import type { skillsNl } from './messages-nl';

/** English texts of the skills page; same keys as messages-nl.ts (the compiler checks). */
export const skillsEn: Pick<Translation, keyof typeof skillsNl> = {
  skills: {
    nav: 'Skills',
    title: 'Skills',
    intro:
      'The skills people choose in their profile (“what I offer” and “what I want to learn”): the list that comes with Klik and the ones your organisation added.',
    add: {
      title: 'Add a skill',
      hint: 'An added skill can be chosen straight away in your organisation’s profiles.',
      nl: 'Dutch name',
      en: 'English name',
      category: 'Category',
      chooseCategory: 'Choose a category',
      submit: 'Add',
      added: '“{{name}}” has been added to the skills.',
    },
    errors: {
      length: 'Use {{min}} to {{max}} characters',
      category: 'Choose a category from the list',
      exists: 'This skill is already on the list',
    },
    list: {
      title: 'All skills',
      search: 'Search',
      searchHint: 'By the Dutch or English name',
      onlyCustom: 'Only the ones our organisation added',
      count_one: '{{count}} skill',
      count_other: '{{count}} skills',
      empty: 'No skills found.',
      emptyCustom: 'Your organisation has not added any skills yet.',
      nl: 'Dutch',
      en: 'English',
      origin: 'Origin',
      custom: 'Added by your organisation',
      shipped: 'Klik',
    },
  },
};
