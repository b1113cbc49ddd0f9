import { describe, expect, it } from 'vitest';
import {
  parseDate,
  parsePeopleCsv,
  planImport,
  type ExistingPerson,
  type PlanOptions,
} from './import-plan.js';

const options: PlanOptions = {
  deactivateMissing: false,
  today: '2026-06-01',
  takenEmails: new Set(),
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

  it('refuses an email already used in another organisation', () => {
    const csv = 'email,given_name,family_name\ntaken@x.nl,T,T\n';
    const plan = planImport(parsePeopleCsv(csv), [], {
      ...options,
      takenEmails: new Set(['taken@x.nl']),
    });
    expect(plan.errors[0]).toMatchObject({ line: 2, field: 'email' });
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
