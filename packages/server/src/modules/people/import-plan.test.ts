import { describe, expect, it } from 'vitest';
import {
  parseDate,
  parseJobLevel,
  parsePeopleCsv,
  planImport,
  type ExistingPerson,
  type PlanOptions,
} from './import-plan.js';

const options: PlanOptions = {
  deactivateMissing: false,
  today: '2026-06-01',
  emailProblems: new Map(),
  protectedPersonIds: new Set(),
};

function existingPerson(overrides: Partial<ExistingPerson>): ExistingPerson {
  return {
    id: crypto.randomUUID(),
    email: 'someone@example.test',
    employeeId: null,
    givenName: 'Some',
    familyName: 'One',
    managerId: null,
    department: null,
    team: null,
    jobTitle: null,
    jobLevel: null,
    location: null,
    preferredLanguage: null,
    startDate: null,
    leaveDate: null,
    isActive: true,
    ...overrides,
  };
}

const header = 'email,given_name,family_name,employee_id,manager,department,start_date,leave_date';

describe('parsePeopleCsv', () => {
  it('reads Dutch headers with semicolons and a BOM', () => {
    const file = parsePeopleCsv(
      '\uFEFFE-mail;Voornaam;Achternaam;Afdeling\na@x.nl;Anna;Bakker;IT\n',
    );
    expect(file.errors).toEqual([]);
    expect(file.rows).toEqual([
      {
        line: 2,
        values: { email: 'a@x.nl', givenName: 'Anna', familyName: 'Bakker', department: 'IT' },
      },
    ]);
  });

  it('reports a missing required column on line 1', () => {
    const file = parsePeopleCsv('email,given_name\na@x.nl,Anna\n');
    expect(file.errors).toEqual([
      { line: 1, field: 'family_name', message: 'missing column "family_name"' },
    ]);
  });

  it('reports unknown columns as warnings, not errors', () => {
    const file = parsePeopleCsv('email,given_name,family_name,shoe_size\na@x.nl,A,B,44\n');
    const plan = planImport(file, [], options);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings[0]!.message).toContain('shoe_size');
  });

  it('reports broken CSV with its line', () => {
    const file = parsePeopleCsv('email,given_name,family_name\n"a@x.nl,A,B\n');
    expect(file.errors[0]!.message).toContain('not valid CSV');
  });
});

describe('parseDate', () => {
  it('accepts ISO and Dutch day-first dates and rejects impossible ones', () => {
    expect(parseDate('2024-03-01')).toBe('2024-03-01');
    expect(parseDate('1-3-2024')).toBe('2024-03-01');
    expect(parseDate('01/03/2024')).toBe('2024-03-01');
    expect(parseDate('2024-02-30')).toBeNull();
    expect(parseDate('31-04-2024')).toBeNull();
    expect(parseDate('March 1')).toBeNull();
  });
});

describe('parseJobLevel', () => {
  it('accepts whole numbers in range only', () => {
    expect(parseJobLevel('1')).toBe(1);
    expect(parseJobLevel('08')).toBe(8);
    expect(parseJobLevel('20')).toBe(20);
    expect(parseJobLevel('0')).toBeNull();
    expect(parseJobLevel('21')).toBeNull();
    expect(parseJobLevel('7.5')).toBeNull();
    expect(parseJobLevel('-3')).toBeNull();
    expect(parseJobLevel('senior')).toBeNull();
  });
});

describe('job level', () => {
  it.each([['job_level'], ['Level'], ['Grade'], ['Functieniveau'], ['Niveau'], ['Schaal']])(
    'reads the job level from a "%s" column',
    (column) => {
      const file = parsePeopleCsv(`email;voornaam;achternaam;${column}\na@x.nl;Anna;Bakker;9\n`);
      expect(file.errors).toEqual([]);
      expect(file.columns).toContain('jobLevel');
      const plan = planImport(file, [], options);
      expect(plan.errors).toEqual([]);
      expect(plan.rows[0]!.values.jobLevel).toBe(9);
    },
  );

  it('reports a bad job level with its line and field, in English and Dutch', () => {
    const csv =
      'email,given_name,family_name,job_level\na@x.nl,A,A,7\nb@x.nl,B,B,senior\nc@x.nl,C,C,25\n';
    const plan = planImport(parsePeopleCsv(csv), [], options);
    expect(plan.errors).toEqual([
      {
        line: 3,
        field: 'job_level',
        message: '"senior" is not a job level (a whole number from 1 to 20)',
      },
      {
        line: 4,
        field: 'job_level',
        message: '"25" is not a job level (a whole number from 1 to 20)',
      },
    ]);
    const nl = planImport(parsePeopleCsv(csv, 'nl'), [], { ...options, locale: 'nl' });
    expect(nl.errors[0]).toEqual({
      line: 3,
      field: 'job_level',
      message: '"senior" is geen functieniveau (een geheel getal van 1 tot en met 20)',
    });
  });

  it('plans a changed job level as an update and the same file again as no change', () => {
    const a = existingPerson({ email: 'a@x.nl', givenName: 'A', familyName: 'A', jobLevel: 5 });
    const b = existingPerson({ email: 'b@x.nl', givenName: 'B', familyName: 'B', jobLevel: null });
    const c = existingPerson({ email: 'c@x.nl', givenName: 'C', familyName: 'C', jobLevel: 3 });
    const csv = 'email,given_name,family_name,schaal\na@x.nl,A,A,6\nb@x.nl,B,B,4\nc@x.nl,C,C,\n';
    const first = planImport(parsePeopleCsv(csv), [a, b, c], options);
    expect(first.rows.map((r) => [r.action, r.changes])).toEqual([
      ['update', ['jobLevel']],
      ['update', ['jobLevel']],
      ['update', ['jobLevel']],
    ]);
    // As the database holds it after the first import.
    const applied = [
      { ...a, jobLevel: 6 },
      { ...b, jobLevel: 4 },
      { ...c, jobLevel: null },
    ];
    const again = planImport(parsePeopleCsv(csv), applied, options);
    expect(again.summary).toMatchObject({ add: 0, update: 0, unchanged: 3, errors: 0 });
  });

  it('keeps the job level when the column is absent', () => {
    const a = existingPerson({ email: 'a@x.nl', givenName: 'A', familyName: 'A', jobLevel: 5 });
    const plan = planImport(
      parsePeopleCsv('email,given_name,family_name\na@x.nl,A,A\n'),
      [a],
      options,
    );
    expect(plan.rows[0]!.action).toBe('unchanged');
    expect('jobLevel' in plan.rows[0]!.values).toBe(false);
  });
});

describe('planImport', () => {
  it('plans adds with managers that are rows of the same file', () => {
    const csv = `${header}\nboss@x.nl,Bea,Baas,E1,,Directie,2020-01-01,\nann@x.nl,Ann,Ander,E2,E1,IT,01-02-2021,\n`;
    const plan = planImport(parsePeopleCsv(csv), [], options);
    expect(plan.errors).toEqual([]);
    expect(plan.summary).toMatchObject({ add: 2, update: 0, unchanged: 0, deactivate: 0 });
    expect(plan.rows[1]!.manager).toEqual({ line: 2 });
    expect(plan.rows[1]!.values.startDate).toBe('2021-02-01');
  });

  it('finds every row error with its line and field', () => {
    const csv = [
      header,
      'ok@x.nl,Ok,Person,E1,,IT,,',
      'not-an-email,Bad,Email,E2,,IT,,',
      'ok@x.nl,Dup,Licate,E3,,IT,,',
      'c@x.nl,,Nameless,E4,,IT,,',
      'd@x.nl,Dee,Date,E5,,IT,2024-13-01,',
      'e@x.nl,Eve,Unknown,E6,nobody@x.nl,IT,,',
      'f@x.nl,Fay,Early,E7,,IT,2024-05-01,2024-04-01',
      'g@x.nl,Gus,Dup,E1,,IT,,',
    ].join('\n');
    const plan = planImport(parsePeopleCsv(csv), [], options);
    const found = plan.errors.map((e) => [e.line, e.field]);
    expect(found).toEqual([
      [3, 'email'],
      [4, 'email'],
      [5, 'given_name'],
      [6, 'start_date'],
      [7, 'manager'],
      [8, 'leave_date'],
      [9, 'employee_id'],
    ]);
    expect(plan.errors.find((e) => e.line === 4)!.message).toContain('line 2');
  });

  it('refuses a reporting-line cycle and names it', () => {
    const csv = `${header}\na@x.nl,A,A,E1,E3,,,\nb@x.nl,B,B,E2,E1,,,\nc@x.nl,C,C,E3,E2,,,\n`;
    const plan = planImport(parsePeopleCsv(csv), [], options);
    expect(plan.errors).toHaveLength(3);
    expect(plan.errors.every((e) => e.field === 'manager' && e.message.includes('cycle'))).toBe(
      true,
    );
  });

  it('refuses a cycle closed through someone already in the organisation', () => {
    const boss = existingPerson({ email: 'boss@x.nl', employeeId: 'B1' });
    const worker = existingPerson({ email: 'worker@x.nl', employeeId: 'W1', managerId: boss.id });
    const csv = `${header}\nboss@x.nl,Bo,Ss,B1,W1,,,\n`;
    const plan = planImport(parsePeopleCsv(csv), [boss, worker], options);
    expect(plan.errors[0]).toMatchObject({ line: 2, field: 'manager' });
  });

  it('matches by employee id first, then by email, and plans only real changes', () => {
    const a = existingPerson({
      email: 'old@x.nl',
      employeeId: 'E1',
      givenName: 'Ann',
      familyName: 'Ander',
      department: 'IT',
    });
    const b = existingPerson({
      email: 'bob@x.nl',
      employeeId: null,
      givenName: 'Bob',
      familyName: 'B',
      department: 'HR',
    });
    const csv =
      'email,given_name,family_name,employee_id,department\nnew@x.nl,Ann,Ander,E1,IT\nbob@x.nl,Bob,B,,HR\n';
    const plan = planImport(parsePeopleCsv(csv), [a, b], options);
    expect(plan.rows[0]).toMatchObject({ action: 'update', personId: a.id, changes: ['email'] });
    expect(plan.rows[1]).toMatchObject({ action: 'unchanged', personId: b.id });
  });

  it('does not touch fields whose column is absent', () => {
    const a = existingPerson({
      email: 'a@x.nl',
      givenName: 'A',
      familyName: 'A',
      department: 'IT',
      jobTitle: 'Dev',
    });
    const plan = planImport(
      parsePeopleCsv('email,given_name,family_name\na@x.nl,A,A\n'),
      [a],
      options,
    );
    expect(plan.rows[0]!.action).toBe('unchanged');
  });

  it('deactivates people whose leave date has passed, and missing people in sync mode', () => {
    const leaver = existingPerson({ email: 'leaver@x.nl', givenName: 'L', familyName: 'L' });
    const missing = existingPerson({ email: 'missing@x.nl' });
    const admin = existingPerson({ email: 'admin@x.nl' });
    const csv = 'email,given_name,family_name,leave_date\nleaver@x.nl,L,L,2026-05-31\n';
    const plan = planImport(parsePeopleCsv(csv), [leaver, missing, admin], {
      ...options,
      deactivateMissing: true,
      protectedPersonIds: new Set([admin.id]),
    });
    expect(plan.rows[0]!.action).toBe('deactivate');
    expect(plan.missingDeactivated.map((m) => m.email)).toEqual(['missing@x.nl']);
    expect(plan.summary.deactivate).toBe(2);
  });

  it('refuses an address under an unverified domain, or one it may not use, naming neither owner', () => {
    const csv = 'email,given_name,family_name\nnew@other.nl,N,N\ntaken@x.nl,T,T\n';
    const plan = planImport(parsePeopleCsv(csv), [], {
      ...options,
      emailProblems: new Map([
        ['new@other.nl', 'unverifiedDomain'],
        ['taken@x.nl', 'unavailable'],
      ]),
    });
    expect(plan.errors).toEqual([
      {
        line: 2,
        field: 'email',
        message: 'the domain other.nl is not verified for your organisation',
      },
      {
        line: 3,
        field: 'email',
        message: 'taken@x.nl cannot be used here; ask the platform administrator',
      },
    ]);
  });
});

describe('messages', () => {
  it('are written in Dutch for a Dutch admin', () => {
    const file = parsePeopleCsv('email,voornaam\na@x.nl,Anna\n', 'nl');
    expect(file.errors[0]!.message).toBe('kolom "family_name" ontbreekt');
    const csv = `${header}\nann@x.nl,Ann,Ander,E2,boss@x.nl,IT,31-02-2021,\n`;
    const plan = planImport(parsePeopleCsv(csv, 'nl'), [], { ...options, locale: 'nl' });
    expect(plan.errors.map((e) => e.message)).toEqual([
      '"31-02-2021" is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)',
      'onbekende leidinggevende "boss@x.nl": niet in dit bestand en niet in de organisatie',
    ]);
  });
});
