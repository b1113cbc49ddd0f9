/** The parts of a person's name: the HR name (directory) and the self-chosen first name. */
export interface NameParts {
  givenName: string;
  familyName: string;
  preferredName?: string | null;
}

/** The name as HR keeps it: "Sanne de Vries". */
export function hrName(person: NameParts): string {
  return `${person.givenName} ${person.familyName}`;
}

/**
 * How a person is shown to others: the HR name, with the preferred first name in front when they
 * chose one — "Sas (Sanne de Vries)". The HR name is always there, so a self-chosen name can never
 * pass for someone else.
 */
export function displayName(person: NameParts): string {
  const preferred = person.preferredName?.trim();
  return preferred ? `${preferred} (${hrName(person)})` : hrName(person);
}
