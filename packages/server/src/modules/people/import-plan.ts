import { parse } from 'csv-parse/sync';
import { emailDomain } from '../organisations/domains.js';
import { JOB_LEVEL_MAX, JOB_LEVEL_MIN } from './schema.js';

/**
 * The people import, as pure functions: CSV text → rows → a plan (adds, updates, deactivations
 * and every row error). The service applies a plan without errors in one transaction.
 */

export type ImportField =
  | 'email'
  | 'givenName'
  | 'familyName'
  | 'employeeId'
  | 'manager'
  | 'managerEmail'
  | 'managerEmployeeId'
  | 'department'
  | 'team'
  | 'jobTitle'
  | 'jobLevel'
  | 'location'
  | 'preferredLanguage'
  | 'startDate'
  | 'leaveDate';

/** Header spellings seen in HR exports (English and Dutch), normalised to letters and digits. */
const headerAliases: Record<ImportField, string[]> = {
  email: ['email', 'emailaddress', 'mail', 'workemail', 'emailadres', 'zakelijkemail'],
  givenName: ['givenname', 'firstname', 'voornaam', 'roepnaam', 'forename'],
  familyName: ['familyname', 'lastname', 'surname', 'achternaam', 'familienaam'],
  employeeId: [
    'employeeid',
    'employeenumber',
    'personnelnumber',
    'personeelsnummer',
    'medewerkernummer',
    'empid',
  ],
  manager: ['manager', 'leidinggevende', 'reportsto'],
  managerEmail: ['manageremail', 'manageremailaddress', 'emailleidinggevende'],
  managerEmployeeId: [
    'manageremployeeid',
    'managerid',
    'managernumber',
    'personeelsnummerleidinggevende',
  ],
  department: ['department', 'afdeling', 'dept'],
  team: ['team'],
  jobTitle: ['jobtitle', 'title', 'functie', 'functietitel', 'position'],
  jobLevel: ['joblevel', 'level', 'grade', 'jobgrade', 'functieniveau', 'niveau', 'schaal'],
  location: ['location', 'locatie', 'office', 'vestiging', 'site'],
  preferredLanguage: ['preferredlanguage', 'language', 'taal', 'voorkeurstaal'],
  startDate: ['startdate', 'hiredate', 'startdatum', 'datumindienst', 'indienst'],
  leaveDate: [
    'leavedate',
    'enddate',
    'terminationdate',
    'einddatum',
    'uitdienst',
    'datumuitdienst',
  ],
};

const requiredFields: ImportField[] = ['email', 'givenName', 'familyName'];

/** Fields stored on a person that an import may set (manager is resolved to managerId). */
export const personFields = [
  'email',
  'givenName',
  'familyName',
  'employeeId',
  'department',
  'team',
  'jobTitle',
  'jobLevel',
  'location',
  'preferredLanguage',
  'startDate',
  'leaveDate',
] as const;
export type PersonField = (typeof personFields)[number];

/** The values a row sets: text fields as strings, the job level as a number. */
export type PersonValues = Partial<
  Record<Exclude<PersonField, 'jobLevel'>, string | null> & { jobLevel: number | null }
>;

export interface ImportProblem {
  /** 1-based line in the file; 1 is the header. */
  line: number;
  /** The column (field name) at fault, or null for the whole line. */
  field: string | null;
  message: string;
}

export interface ParsedRow {
  line: number;
  values: Partial<Record<ImportField, string>>;
}

export interface ParsedFile {
  columns: ImportField[];
  rows: ParsedRow[];
  errors: ImportProblem[];
  /** Header cells that map to nothing; ignored. */
  ignoredColumns: string[];
}

const fieldLabel: Record<string, string> = {
  email: 'email',
  givenName: 'given_name',
  familyName: 'family_name',
  employeeId: 'employee_id',
  manager: 'manager',
  managerEmail: 'manager_email',
  managerEmployeeId: 'manager_employee_id',
  department: 'department',
  team: 'team',
  jobTitle: 'job_title',
  jobLevel: 'job_level',
  location: 'location',
  preferredLanguage: 'preferred_language',
  startDate: 'start_date',
  leaveDate: 'leave_date',
};

/** Every message of the import in both languages (the file's problems are shown to the admin). */
const catalogue = {
  en: {
    emptyFile: () => 'the file is empty',
    notCsv: (detail: string) => `the file is not valid CSV: ${detail}`,
    columnTwice: (c: string) => `column "${c}" appears twice`,
    missingColumn: (c: string) => `missing column "${c}"`,
    unknownColumn: (c: string) => `column "${c}" is not known and is ignored`,
    required: () => 'is required',
    badEmail: (v: string) => `"${v}" is not a valid email address`,
    duplicateInFile: (v: string, line: number) => `${v} also appears on line ${line}`,
    unverifiedDomain: (d: string) => `the domain ${d} is not verified for your organisation`,
    emailUnavailable: (v: string) => `${v} cannot be used here; ask the platform administrator`,
    badLanguage: (v: string) => `"${v}" is not a supported language (nl or en)`,
    badDate: (v: string) => `"${v}" is not a date (use YYYY-MM-DD or DD-MM-YYYY)`,
    badJobLevel: (v: string) =>
      `"${v}" is not a job level (a whole number from ${JOB_LEVEL_MIN} to ${JOB_LEVEL_MAX})`,
    leaveBeforeStart: () => 'is before the start date',
    samePerson: () => 'matches the same person as an earlier line',
    emailOfOther: (v: string, id: string | null) =>
      `${v} belongs to another person (employee id ${id ?? 'none'})`,
    ownManager: () => 'a person cannot be their own manager',
    unknownManager: (v: string) =>
      `unknown manager "${v}": not in this file nor in the organisation`,
    cycle: (c: string) => `reporting-line cycle: ${c}`,
    managerLeaving: () => 'the manager is not in the file and would be deactivated',
  },
  nl: {
    emptyFile: () => 'het bestand is leeg',
    notCsv: (detail: string) => `het bestand is geen geldig CSV-bestand: ${detail}`,
    columnTwice: (c: string) => `kolom "${c}" staat er twee keer in`,
    missingColumn: (c: string) => `kolom "${c}" ontbreekt`,
    unknownColumn: (c: string) => `kolom "${c}" is onbekend en wordt overgeslagen`,
    required: () => 'is verplicht',
    badEmail: (v: string) => `"${v}" is geen geldig e-mailadres`,
    duplicateInFile: (v: string, line: number) => `${v} staat ook op regel ${line}`,
    unverifiedDomain: (d: string) => `het domein ${d} is niet geverifieerd voor je organisatie`,
    emailUnavailable: (v: string) =>
      `${v} kan hier niet worden gebruikt; vraag het de platformbeheerder`,
    badLanguage: (v: string) => `"${v}" is geen ondersteunde taal (nl of en)`,
    badDate: (v: string) => `"${v}" is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)`,
    badJobLevel: (v: string) =>
      `"${v}" is geen functieniveau (een geheel getal van ${JOB_LEVEL_MIN} tot en met ${JOB_LEVEL_MAX})`,
    leaveBeforeStart: () => 'ligt vóór de startdatum',
    samePerson: () => 'is dezelfde persoon als op een eerdere regel',
    emailOfOther: (v: string, id: string | null) =>
      `${v} hoort bij iemand anders (personeelsnummer ${id ?? 'geen'})`,
    ownManager: () => 'iemand kan niet zijn of haar eigen leidinggevende zijn',
    unknownManager: (v: string) =>
      `onbekende leidinggevende "${v}": niet in dit bestand en niet in de organisatie`,
    cycle: (c: string) => `rapportagelijn loopt rond: ${c}`,
    managerLeaving: () => 'de leidinggevende staat niet in het bestand en zou worden gedeactiveerd',
  },
};
export type ImportLocale = keyof typeof catalogue;

const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

const fieldByHeader = new Map<string, ImportField>(
  Object.entries(headerAliases).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field as ImportField] as const),
  ),
);

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

export function parsePeopleCsv(text: string, locale: ImportLocale = 'en'): ParsedFile {
  const m = catalogue[locale];
  const errors: ImportProblem[] = [];
  if (text.trim().length === 0) {
    return {
      columns: [],
      rows: [],
      errors: [{ line: 1, field: null, message: m.emptyFile() }],
      ignoredColumns: [],
    };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      columns: [],
      rows: [],
      errors: [{ line, field: null, message: m.notCsv((error as Error).message) }],
      ignoredColumns: [],
    };
  }
  const [header, ...body] = records;
  if (!header) {
    return {
      columns: [],
      rows: [],
      errors: [{ line: 1, field: null, message: m.emptyFile() }],
      ignoredColumns: [],
    };
  }
  const columnFields: (ImportField | null)[] = [];
  const ignoredColumns: string[] = [];
  const seen = new Set<ImportField>();
  header.record.forEach((cell) => {
    const field = fieldByHeader.get(normaliseHeader(cell)) ?? null;
    if (field && seen.has(field)) {
      errors.push({
        line: header.info.lines,
        field: fieldLabel[field] ?? field,
        message: m.columnTwice(cell),
      });
      columnFields.push(null);
      return;
    }
    if (field) seen.add(field);
    else if (cell.length > 0) ignoredColumns.push(cell);
    columnFields.push(field);
  });
  for (const field of requiredFields) {
    if (!seen.has(field)) {
      errors.push({
        line: header.info.lines,
        field: fieldLabel[field] ?? field,
        message: m.missingColumn(fieldLabel[field] ?? field),
      });
    }
  }
  const rows: ParsedRow[] = body.map(({ record, info }) => {
    const values: Partial<Record<ImportField, string>> = {};
    columnFields.forEach((field, i) => {
      if (field) values[field] = record[i] ?? '';
    });
    return { line: info.lines, values };
  });
  return { columns: [...seen], rows, errors, ignoredColumns };
}

/** A person as the planner needs to see them. */
export interface ExistingPerson {
  id: string;
  email: string;
  employeeId: string | null;
  givenName: string;
  familyName: string;
  managerId: string | null;
  department: string | null;
  team: string | null;
  jobTitle: string | null;
  jobLevel: number | null;
  location: string | null;
  preferredLanguage: string | null;
  startDate: string | null;
  leaveDate: string | null;
  isActive: boolean;
}

export type RowAction = 'add' | 'update' | 'unchanged' | 'deactivate';

export interface PlannedRow {
  line: number;
  action: RowAction;
  /** Existing person id for update/unchanged/deactivate; null for add. */
  personId: string | null;
  email: string;
  name: string;
  /** Fields whose value changes (for updates). */
  changes: string[];
  values: PersonValues;
  /** Reference to the manager: an existing person id, or the line of a row in this file. */
  manager: { personId: string } | { line: number } | null | undefined;
  isActive: boolean;
}

export interface DeactivationOfMissing {
  personId: string;
  email: string;
  name: string;
}

export interface ImportPlan {
  rows: PlannedRow[];
  missingDeactivated: DeactivationOfMissing[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
  summary: { add: number; update: number; unchanged: number; deactivate: number; errors: number };
}

export interface PlanOptions {
  /** People of the organisation missing from the file are deactivated (a full HR export). */
  deactivateMissing: boolean;
  /** ISO date of today: a leave date on or before it deactivates the person. */
  today: string;
  /**
   * Addresses new to the organisation that it may not use: under a domain it has not verified,
   * or (under its own domain) held by an account elsewhere. Never says which organisation.
   */
  emailProblems: ReadonlyMap<string, 'unverifiedDomain' | 'unavailable'>;
  /** Never deactivated by a sync (the admin running the import). */
  protectedPersonIds: ReadonlySet<string>;
  /** Language of the messages; English when absent. */
  locale?: ImportLocale;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Accepts ISO (2024-03-01) and Dutch day-first dates (01-03-2024, 1/3/2024). */
export function parseDate(value: string): string | null {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  if (y < 1900 || y > 2200) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const languages: Record<string, 'nl' | 'en'> = {
  nl: 'nl',
  nld: 'nl',
  dutch: 'nl',
  nederlands: 'nl',
  en: 'en',
  eng: 'en',
  english: 'en',
  engels: 'en',
};

export function parseLanguage(value: string): 'nl' | 'en' | null {
  const key = value.toLowerCase().replace(/[^a-z]/g, '');
  return languages[key] ?? languages[key.slice(0, 2)] ?? null;
}

/** A whole number in the job-level range; "08" is 8. Anything else is null. */
export function parseJobLevel(value: string): number | null {
  if (!/^\d{1,3}$/.test(value)) return null;
  const level = Number(value);
  return level >= JOB_LEVEL_MIN && level <= JOB_LEVEL_MAX ? level : null;
}

/** Validates the whole file against the organisation and plans every change. Pure. */
export function planImport(
  file: ParsedFile,
  existing: ExistingPerson[],
  options: PlanOptions,
): ImportPlan {
  const m = catalogue[options.locale ?? 'en'];
  const errors: ImportProblem[] = [...file.errors];
  const warnings: ImportProblem[] = file.ignoredColumns.map((c) => ({
    line: 1,
    field: null,
    message: m.unknownColumn(c),
  }));
  const problem = (line: number, field: string | null, message: string) =>
    errors.push({ line, field: field ? (fieldLabel[field] ?? field) : null, message });

  const byEmail = new Map(existing.map((p) => [p.email.toLowerCase(), p]));
  const byEmployeeId = new Map(existing.filter((p) => p.employeeId).map((p) => [p.employeeId!, p]));
  const present = new Set(file.columns);
  const hasColumn = (f: ImportField) => present.has(f);

  const fileEmails = new Map<string, number>();
  const fileEmployeeIds = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const matchedIds = new Set<string>();

  for (const row of file.rows) {
    const v = row.values;
    const email = (v.email ?? '').trim().toLowerCase();
    const givenName = (v.givenName ?? '').trim();
    const familyName = (v.familyName ?? '').trim();
    const employeeId = hasColumn('employeeId') ? (v.employeeId ?? '').trim() || null : undefined;

    if (!email) problem(row.line, 'email', m.required());
    else if (!emailPattern.test(email)) problem(row.line, 'email', m.badEmail(v.email ?? ''));
    else if (fileEmails.has(email))
      problem(row.line, 'email', m.duplicateInFile(email, fileEmails.get(email)!));
    else if (options.emailProblems.has(email)) {
      problem(
        row.line,
        'email',
        options.emailProblems.get(email) === 'unverifiedDomain'
          ? m.unverifiedDomain(emailDomain(email) ?? email.slice(email.lastIndexOf('@') + 1))
          : m.emailUnavailable(email),
      );
    }
    if (email && !fileEmails.has(email)) fileEmails.set(email, row.line);
    if (!givenName) problem(row.line, 'givenName', m.required());
    if (!familyName) problem(row.line, 'familyName', m.required());
    if (employeeId) {
      if (fileEmployeeIds.has(employeeId)) {
        problem(
          row.line,
          'employeeId',
          m.duplicateInFile(employeeId, fileEmployeeIds.get(employeeId)!),
        );
      } else fileEmployeeIds.set(employeeId, row.line);
    }

    const values: PersonValues = { email, givenName, familyName };
    if (employeeId !== undefined) values.employeeId = employeeId;
    for (const field of ['department', 'team', 'jobTitle', 'location'] as const) {
      if (hasColumn(field)) values[field] = (v[field] ?? '').trim() || null;
    }
    if (hasColumn('preferredLanguage')) {
      const raw = (v.preferredLanguage ?? '').trim();
      if (!raw) values.preferredLanguage = null;
      else {
        const lang = parseLanguage(raw);
        if (!lang) problem(row.line, 'preferredLanguage', m.badLanguage(raw));
        values.preferredLanguage = lang;
      }
    }
    if (hasColumn('jobLevel')) {
      const raw = (v.jobLevel ?? '').trim();
      if (!raw) values.jobLevel = null;
      else {
        const level = parseJobLevel(raw);
        if (level === null) problem(row.line, 'jobLevel', m.badJobLevel(raw));
        values.jobLevel = level;
      }
    }
    for (const field of ['startDate', 'leaveDate'] as const) {
      if (!hasColumn(field)) continue;
      const raw = (v[field] ?? '').trim();
      if (!raw) values[field] = null;
      else {
        const date = parseDate(raw);
        if (!date) problem(row.line, field, m.badDate(raw));
        values[field] = date;
      }
    }
    if (values.startDate && values.leaveDate && values.leaveDate < values.startDate) {
      problem(row.line, 'leaveDate', m.leaveBeforeStart());
    }

    // Match an existing person: by employee id first, then by email.
    let match: ExistingPerson | undefined;
    if (employeeId) match = byEmployeeId.get(employeeId);
    const emailMatch = email ? byEmail.get(email) : undefined;
    if (match && emailMatch && emailMatch.id !== match.id) {
      problem(row.line, 'email', m.emailOfOther(email, emailMatch.employeeId));
    }
    match ??= emailMatch;
    if (match) {
      if (matchedIds.has(match.id)) problem(row.line, null, m.samePerson());
      matchedIds.add(match.id);
    }

    const leaves = values.leaveDate ? values.leaveDate <= options.today : false;
    const isActive = !leaves;
    planned.push({
      line: row.line,
      action: 'add',
      personId: match?.id ?? null,
      email,
      name: `${givenName} ${familyName}`.trim(),
      changes: [],
      values,
      manager: undefined,
      isActive,
    });
  }

  // Resolve managers once every row is known: a row of this file, or a person already there.
  const managerColumns = (['manager', 'managerEmail', 'managerEmployeeId'] as const).filter(
    hasColumn,
  );
  const rowByEmail = new Map(planned.map((p) => [p.email, p]));
  const rowByEmployeeId = new Map(
    planned.filter((p) => p.values.employeeId).map((p) => [p.values.employeeId!, p]),
  );
  file.rows.forEach((row, i) => {
    const plannedRow = planned[i]!;
    if (managerColumns.length === 0) return;
    let ref = '';
    let column: ImportField = managerColumns[0]!;
    for (const c of managerColumns) {
      const value = (row.values[c] ?? '').trim();
      if (value) {
        ref = value;
        column = c;
        break;
      }
    }
    if (!ref) {
      plannedRow.manager = null;
      return;
    }
    const isEmail = column === 'managerEmail' || (column === 'manager' && ref.includes('@'));
    const key = isEmail ? ref.toLowerCase() : ref;
    const inFile = isEmail ? rowByEmail.get(key) : rowByEmployeeId.get(key);
    const known = isEmail ? byEmail.get(key) : byEmployeeId.get(key);
    if (inFile) {
      if (inFile === plannedRow) {
        problem(row.line, column, m.ownManager());
        return;
      }
      plannedRow.manager = { line: inFile.line };
    } else if (known && !(known.id === plannedRow.personId)) {
      plannedRow.manager = { personId: known.id };
    } else if (known) {
      problem(row.line, column, m.ownManager());
    } else {
      problem(row.line, column, m.unknownManager(ref));
    }
  });

  // Reporting-line cycles, over the organisation as it would be after the import.
  const nodeOfRow = (p: PlannedRow) => p.personId ?? `line:${p.line}`;
  const managerOf = new Map<string, string | null>();
  for (const person of existing) managerOf.set(person.id, person.managerId);
  for (const p of planned) {
    if (p.manager === undefined) continue;
    const target =
      p.manager === null
        ? null
        : 'personId' in p.manager
          ? p.manager.personId
          : nodeOfRow(planned.find((q) => q.line === (p.manager as { line: number }).line)!);
    managerOf.set(nodeOfRow(p), target);
  }
  const lineOfNode = new Map(planned.map((p) => [nodeOfRow(p), p]));
  const nameOfNode = (node: string) =>
    lineOfNode.get(node)?.name ?? existing.find((e) => e.id === node)?.email ?? node;
  const reported = new Set<string>();
  for (const p of planned) {
    const start = nodeOfRow(p);
    const path: string[] = [];
    const onPath = new Set<string>();
    let node: string | null | undefined = start;
    while (node && !onPath.has(node) && path.length <= managerOf.size) {
      onPath.add(node);
      path.push(node);
      node = managerOf.get(node) ?? null;
    }
    if (node && node === start && !reported.has(start)) {
      const cycle = [...path, start].map(nameOfNode).join(' → ');
      for (const member of path) {
        reported.add(member);
        const row = lineOfNode.get(member);
        if (row) problem(row.line, 'manager', m.cycle(cycle));
      }
    }
  }

  // Decide each row's action.
  const existingById = new Map(existing.map((p) => [p.id, p]));
  for (const p of planned) {
    const current = p.personId ? existingById.get(p.personId) : undefined;
    if (!current) {
      p.action = 'add';
      continue;
    }
    const changes: string[] = [];
    for (const field of personFields) {
      if (!(field in p.values)) continue;
      const next = p.values[field] ?? null;
      const before = field === 'email' ? current.email.toLowerCase() : (current[field] ?? null);
      if (next !== before) changes.push(field);
    }
    if (p.manager !== undefined) {
      const nextManager =
        p.manager === null
          ? null
          : 'personId' in p.manager
            ? p.manager.personId
            : (planned.find((q) => q.line === (p.manager as { line: number }).line)?.personId ??
              'new');
      if (nextManager !== current.managerId) changes.push('manager');
    }
    if (current.isActive && !p.isActive) {
      p.action = 'deactivate';
    } else {
      if (!current.isActive && p.isActive) changes.push('isActive');
      p.action = changes.length > 0 ? 'update' : 'unchanged';
    }
    p.changes = changes;
  }

  const missingDeactivated: DeactivationOfMissing[] = options.deactivateMissing
    ? existing
        .filter((e) => e.isActive && !matchedIds.has(e.id) && !options.protectedPersonIds.has(e.id))
        .map((e) => ({ personId: e.id, email: e.email, name: `${e.givenName} ${e.familyName}` }))
    : [];
  if (options.deactivateMissing) {
    // A manager who disappears cannot keep reports in the file.
    const leaving = new Set(missingDeactivated.map((m) => m.personId));
    for (const p of planned) {
      if (p.manager && 'personId' in p.manager && leaving.has(p.manager.personId)) {
        problem(p.line, 'manager', m.managerLeaving());
      }
    }
  }

  errors.sort((a, b) => a.line - b.line);
  const count = (a: RowAction) => planned.filter((p) => p.action === a).length;
  return {
    rows: planned,
    missingDeactivated,
    errors,
    warnings,
    summary: {
      add: count('add'),
      update: count('update'),
      unchanged: count('unchanged'),
      deactivate: count('deactivate') + missingDeactivated.length,
      errors: errors.length,
    },
  };
}
