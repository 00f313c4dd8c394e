import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/handoff/staff/passwords.js';
import { demoStaffAccounts, loadStaffAccounts, parseStaffAccounts, StaffAccountsError } from '../../../src/handoff/staff/staffAccounts.js';

const FAST = { N: 2 ** 10 };
let alexHash = '';
let samHash = '';
let dir = '';

beforeAll(async () => {
  [alexHash, samHash] = await Promise.all([hashPassword('alex-pass', FAST), hashPassword('sam-pass', FAST)]);
  dir = await mkdtemp(join(tmpdir(), 'staff-accounts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const accounts = () => [
  { username: 'alex', name: 'Alex Agent', role: 'agent', passwordHash: alexHash },
  { username: 'sam.s', name: 'Sam Supervisor', role: 'supervisor', passwordHash: samHash },
];

/** The problems a bad configuration is reported with. */
const problemsOf = (raw: unknown): string[] => {
  try {
    parseStaffAccounts(raw, 'staff.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(StaffAccountsError);
    return (error as StaffAccountsError).problems;
  }
  throw new Error('expected the configuration to be refused');
};

describe('the staff directory', () => {
  it('lists the configured users without their password hashes', () => {
    const directory = parseStaffAccounts(accounts(), 'staff.yaml');
    expect(directory.users()).toEqual([
      { username: 'alex', name: 'Alex Agent', role: 'agent', languages: ['en'] },
      { username: 'sam.s', name: 'Sam Supervisor', role: 'supervisor', languages: ['en'] },
    ]);
    expect(JSON.stringify(directory)).not.toContain('scrypt');
  });

  it('finds a user by username, ignoring case and surrounding spaces', () => {
    const directory = parseStaffAccounts(accounts(), 'staff.yaml');
    expect(directory.find(' ALEX ')).toEqual({ username: 'alex', name: 'Alex Agent', role: 'agent', languages: ['en'] });
    expect(directory.find('nobody')).toBeUndefined();
  });

  it('the right password signs a user in; a wrong one, or another user\'s, does not', async () => {
    const directory = parseStaffAccounts(accounts(), 'staff.yaml');
    expect(await directory.authenticate('alex', 'alex-pass')).toEqual({ username: 'alex', name: 'Alex Agent', role: 'agent', languages: ['en'] });
    expect(await directory.authenticate('alex', 'wrong')).toBeNull();
    expect(await directory.authenticate('alex', 'sam-pass')).toBeNull();
  });

  it('lists the languages each member of staff speaks (English when not given), each once', () => {
    const directory = parseStaffAccounts(
      [
        { username: 'alex', name: 'Alex Agent', role: 'agent', passwordHash: alexHash },
        { username: 'rosa', name: 'Rosa Agent', role: 'agent', languages: ['es', 'en', 'es'], passwordHash: samHash },
      ],
      'staff.yaml',
    );
    expect(directory.find('alex')?.languages).toEqual(['en']);
    expect(directory.find('rosa')?.languages).toEqual(['es', 'en']);
  });

  it('an unknown username is refused like a wrong password, and odd input does not throw', async () => {
    const directory = parseStaffAccounts(accounts(), 'staff.yaml');
    expect(await directory.authenticate('mallory', 'alex-pass')).toBeNull();
    expect(await directory.authenticate('', '')).toBeNull();
    expect(await directory.authenticate(undefined as unknown as string, undefined as unknown as string)).toBeNull();
  });

  it('changing a returned user does not change the directory', () => {
    const directory = parseStaffAccounts(accounts(), 'staff.yaml');
    directory.find('alex')!.role = 'supervisor';
    expect(directory.find('alex')!.role).toBe('agent');
  });
});

describe('staff configuration errors name the entry and the bad value, never a hash', () => {
  it('a duplicate username names both entries', () => {
    const raw = [...accounts(), { username: 'alex', name: 'Other Alex', role: 'agent', passwordHash: samHash }];
    expect(problemsOf(raw)).toEqual(['staffAccounts: entry 3 (alex): username "alex" is already used by entry 1']);
  });

  it('a role other than agent, supervisor or editor', () => {
    const raw = [...accounts(), { username: 'bob', name: 'Bob', role: 'admin', passwordHash: alexHash }];
    expect(problemsOf(raw)).toEqual(['staffAccounts: entry 3 (bob): role must be "agent", "supervisor" or "editor" (got "admin")']);
  });

  it('a missing password hash', () => {
    const raw = [{ username: 'bob', name: 'Bob', role: 'agent' }];
    expect(problemsOf(raw)).toEqual(['staffAccounts: entry 1 (bob): passwordHash is missing']);
  });

  it('a plain password where the hash belongs is reported without showing it', () => {
    const raw = [accounts()[0], { username: 'bob', name: 'Bob', role: 'agent', passwordHash: 'hunter2' }];
    const problems = problemsOf(raw);
    expect(problems).toEqual([expect.stringMatching(/^staffAccounts: entry 2 \(bob\): passwordHash is not a scrypt hash/)]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('a "password" field is refused without showing it', () => {
    const raw = [{ username: 'bob', name: 'Bob', role: 'agent', passwordHash: alexHash, password: 'hunter2' }];
    const problems = problemsOf(raw);
    expect(problems).toEqual([expect.stringMatching(/^staffAccounts: entry 1 \(bob\): has a "password" field/)]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('a username with capitals or spaces, or too short, shows what was given', () => {
    const raw = [
      { username: 'Bob Smith', name: 'Bob', role: 'agent', passwordHash: alexHash },
      { username: 'b', name: 'B', role: 'agent', passwordHash: alexHash },
    ];
    expect(problemsOf(raw)).toEqual([
      'staffAccounts: entry 1 (Bob Smith): username must be 2 to 40 lower-case letters, digits, ".", "_" or "-" (got "Bob Smith")',
      'staffAccounts: entry 2 (b): username must be 2 to 40 lower-case letters, digits, ".", "_" or "-" (got "b")',
    ]);
  });

  it('every problem is reported in one go, and none echoes a hash', () => {
    const raw = [
      { username: 'bob', name: '', role: 'agent', passwordHash: alexHash },
      'carol',
      { username: alexHash, name: 'Hash', role: 'agent', passwordHash: alexHash },
      { username: 'dan', name: 'Dan', role: 'agent', passwordHash: alexHash, team: 'blue' },
    ];
    const problems = problemsOf(raw);
    expect(problems).toEqual([
      'staffAccounts: entry 1 (bob): name must not be empty',
      'staffAccounts: entry 2: must be an object with username, name, role and passwordHash (got "carol")',
      'staffAccounts: entry 3: username must be 2 to 40 lower-case letters, digits, ".", "_" or "-" (got (a password hash))',
      'staffAccounts: entry 4 (dan): has unknown field "team"',
    ]);
    expect(problems.join('\n')).not.toContain('scrypt$');
  });

  it('languages must be a non-empty list of the languages the assistant speaks', () => {
    const raw = [
      { username: 'bob', name: 'Bob', role: 'agent', languages: ['en', 'fr'], passwordHash: alexHash },
      { username: 'cy', name: 'Cy', role: 'agent', languages: 'es', passwordHash: alexHash },
      { username: 'di', name: 'Di', role: 'agent', languages: [], passwordHash: alexHash },
    ];
    expect(problemsOf(raw)).toEqual([
      'staffAccounts: entry 1 (bob): languages.1 must be one of "en", "es" (got "fr")',
      'staffAccounts: entry 2 (cy): languages must be a list of language codes such as [en, es] (got "es")',
      'staffAccounts: entry 3 (di): languages must list at least one language',
    ]);
  });

  it('something other than a non-empty list', () => {
    expect(problemsOf({ staff: [] })).toEqual(['staffAccounts: expected a list of staff accounts (got an object)']);
    expect(problemsOf([])).toEqual(['staffAccounts: the list of staff accounts is empty']);
  });

  it('the error message says where the configuration came from', () => {
    expect(() => parseStaffAccounts([{ username: 'bob', name: 'Bob', role: 'agent' }], 'config/staff.yaml')).toThrow(
      'staffAccounts: entry 1 (bob): passwordHash is missing (in config/staff.yaml)',
    );
  });
});

/** The error a load was refused with. */
async function refusal(loading: Promise<unknown>): Promise<StaffAccountsError> {
  const error = await loading.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StaffAccountsError);
  return error as StaffAccountsError;
}

describe('loading staff accounts', () => {
  it('from a YAML file', async () => {
    const file = join(dir, 'staff.yaml');
    await writeFile(file, accounts().map((a) => `- username: ${a.username}\n  name: ${a.name}\n  role: ${a.role}\n  passwordHash: ${a.passwordHash}\n${a.role === 'supervisor' ? '  languages: [en, es]\n' : ''}`).join(''));
    const directory = await loadStaffAccounts({ file });
    expect(directory.users().map((user) => user.username)).toEqual(['alex', 'sam.s']);
    expect(directory.users().map((user) => user.languages)).toEqual([['en'], ['en', 'es']]);
    expect(await directory.authenticate('sam.s', 'sam-pass')).toMatchObject({ role: 'supervisor' });
  });

  it('from a JSON file', async () => {
    const file = join(dir, 'staff.json');
    await writeFile(file, JSON.stringify(accounts()));
    expect((await loadStaffAccounts({ file })).find('alex')?.name).toBe('Alex Agent');
  });

  it('from a JSON string', async () => {
    const directory = await loadStaffAccounts({ json: JSON.stringify(accounts()) });
    expect(await directory.authenticate('alex', 'alex-pass')).not.toBeNull();
  });

  it('broken JSON is reported by position, without quoting the text', async () => {
    const json = `[{"username": "alex", "passwordHash": "${alexHash}" oops}]`;
    const error = await refusal(loadStaffAccounts({ json }));
    expect(error.message).toMatch(/^staffAccounts: not valid JSON/);
    expect(error.message).not.toContain('scrypt');
  });

  it('broken YAML is reported by line, without quoting the text', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, `- username: alex\n  passwordHash: "${alexHash}\n  role: [agent\n`);
    const error = await refusal(loadStaffAccounts({ file }));
    expect(error.message).toMatch(/^staffAccounts: not valid YAML/);
    expect(error.message).not.toContain('scrypt');
  });

  it('a missing file, both sources, or neither, is a clear error', async () => {
    await expect(loadStaffAccounts({ file: join(dir, 'missing.yaml') })).rejects.toThrow(/staffAccounts: cannot read ".*missing\.yaml" \(ENOENT\)/);
    await expect(loadStaffAccounts({ file: 'a.yaml', json: '[]' })).rejects.toThrow(/not both/);
    await expect(loadStaffAccounts({})).rejects.toThrow(/staffAccounts: no staff accounts file or JSON string given/);
  });
});

describe('demo staff accounts', () => {
  it('are agent1, agent2, supervisor and editor, all signing in with the given password', async () => {
    const directory = await demoStaffAccounts('demo-pass', FAST);
    expect(directory.users()).toEqual([
      { username: 'agent1', name: 'Alex Agent', role: 'agent', languages: ['en'] },
      { username: 'agent2', name: 'Blair Agent', role: 'agent', languages: ['en', 'es'] },
      { username: 'supervisor', name: 'Sam Supervisor', role: 'supervisor', languages: ['en'] },
      { username: 'editor', name: 'Eden Editor', role: 'editor', languages: ['en'] },
    ]);
    for (const user of directory.users()) expect(await directory.authenticate(user.username, 'demo-pass')).toEqual(user);
    expect(await directory.authenticate('agent1', 'other')).toBeNull();
  });

  it('need a password', async () => {
    await expect(demoStaffAccounts('', FAST)).rejects.toThrow(/empty password/);
  });
});
