import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../language/languages.js';
import type { StaffUser } from '../types.js';
import { hashPassword, isPasswordHash, verifyAgainstNothing, verifyPassword, type ScryptParams } from './passwords.js';

/**
 * The support staff who may sign in to the console, from configuration: a YAML or JSON file, or a
 * JSON string (for one-variable deployments), holding a list of
 *
 *     - username: alex          # lower-case a-z 0-9 . _ -, 2 to 40 characters, unique
 *       name: Alex Agent        # shown in the console and the audit log
 *       role: agent             # agent | supervisor | editor
 *       languages: [en, es]     # the languages they chat in; [en] when left out
 *       passwordHash: scrypt$32768$8$1$...   # from `npm run -s staff:hash`
 *
 * Password hashes stay inside the directory: `find` and `users` return {@link StaffUser}s without
 * them, and only `authenticate` uses them. Errors name the entry and the bad value but never echo a
 * hash or a password.
 */

/** Usernames: 2 to 40 of lower-case letters, digits, `.`, `_` and `-`. */
export const STAFF_USERNAME = /^[a-z0-9._-]{2,40}$/;

/** The configured staff, with their password hashes kept inside. */
export interface StaffDirectory {
  /** The user with this username (trimmed, case-insensitive), without the hash; undefined if unknown. */
  find(username: string): StaffUser | undefined;
  /** Every user in configuration order, without hashes. */
  users(): StaffUser[];
  /**
   * The user when the password is theirs, otherwise null. An unknown username takes as long as a
   * wrong password (see {@link verifyAgainstNothing}). Never throws for bad input.
   */
  authenticate(username: string, password: string): Promise<StaffUser | null>;
}

/** Invalid staff configuration. `problems` each read `staffAccounts: entry 2 (bob): ...`. */
export class StaffAccountsError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: string[],
  ) {
    super(
      problems.length === 1
        ? `${problems[0]} (in ${origin})`
        : `staffAccounts: ${problems.length} problems in ${origin}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'StaffAccountsError';
  }
}

interface StaffAccount extends StaffUser {
  languages: Language[];
  passwordHash: string;
}

/** A value quoted for an error message, short, and never anything that looks like a hash. */
function shown(value: unknown): string {
  if (typeof value === 'string') {
    if (/^scrypt\$/.test(value)) return '(a password hash)';
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

/** Control characters (a stray newline in YAML) shown as "?" so each problem stays one line. */
const printable = (text: string) => [...text].map((char) => (char < ' ' || char === '\u007f' ? '?' : char)).join('');

const missingOr = (message: (input: unknown) => string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is missing' : message(issue.input);

const entrySchema = z.strictObject(
  {
    username: z
      .string({ error: missingOr((input) => `must be text (got ${shown(input)})`) })
      .regex(STAFF_USERNAME, {
        error: (issue) => `must be 2 to 40 lower-case letters, digits, ".", "_" or "-" (got ${shown(issue.input)})`,
      }),
    name: z
      .string({ error: missingOr((input) => `must be text (got ${shown(input)})`) })
      .trim()
      .min(1, 'must not be empty')
      .max(80, 'must be at most 80 characters'),
    role: z.enum(['agent', 'supervisor', 'editor'], {
      error: missingOr((input) => `must be "agent", "supervisor" or "editor" (got ${shown(input)})`),
    }),
    languages: z
      .array(
        z.enum(LANGUAGES, { error: (issue) => `must be one of ${LANGUAGES.map((code) => `"${code}"`).join(', ')} (got ${shown(issue.input)})` }),
        { error: (issue) => `must be a list of language codes such as [en, es] (got ${shown(issue.input)})` },
      )
      .min(1, 'must list at least one language')
      .transform((codes) => [...new Set(codes)])
      .default(['en']),
    // The value is never shown: it may be a password pasted into the wrong field.
    passwordHash: z
      .string({ error: missingOr(() => 'must be text') })
      .refine(isPasswordHash, 'is not a scrypt hash (make one with `npm run -s staff:hash`)'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.includes('password')
          ? 'has a "password" field: store only passwordHash (`npm run -s staff:hash`)'
          : `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`
        : `must be an object with username, name, role and passwordHash (got ${shown(issue.input)})`,
  },
);

/**
 * Checks already-parsed configuration (a list of accounts) and builds the directory.
 *
 * @param raw - The parsed YAML/JSON value.
 * @param origin - Where it came from (file path or variable name), for error messages.
 * @throws StaffAccountsError listing every problem, each naming the entry (1-based) and username.
 */
export function parseStaffAccounts(raw: unknown, origin: string): StaffDirectory {
  if (!Array.isArray(raw)) {
    throw new StaffAccountsError(origin, [`staffAccounts: expected a list of staff accounts (got ${shown(raw)})`]);
  }
  if (raw.length === 0) throw new StaffAccountsError(origin, ['staffAccounts: the list of staff accounts is empty']);
  const problems: string[] = [];
  const accounts: StaffAccount[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item: unknown, index) => {
    const number = index + 1;
    const username = (item as { username?: unknown } | null)?.username;
    const label = `staffAccounts: entry ${number}${typeof username === 'string' && !/^scrypt\$/.test(username) ? ` (${printable(username.slice(0, 40))})` : ''}`;
    // Duplicates are checked on every entry, valid or not, so one run reports them all.
    let duplicate = false;
    if (typeof username === 'string' && STAFF_USERNAME.test(username)) {
      const first = seen.get(username);
      if (first !== undefined) {
        problems.push(`${label}: username "${username}" is already used by entry ${first}`);
        duplicate = true;
      } else seen.set(username, number);
    }
    const result = entrySchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
        problems.push(`${label}: ${field}${issue.message}`);
      }
      return;
    }
    if (duplicate) return;
    const account = result.data;
    accounts.push({ username: account.username, name: account.name, role: account.role, languages: account.languages, passwordHash: account.passwordHash });
  });
  if (problems.length > 0) throw new StaffAccountsError(origin, problems);
  return new ConfiguredDirectory(accounts);
}

/** Line and column of a JSON.parse error, without the snippet newer V8 quotes (it may hold a hash). */
function jsonErrorPlace(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseText(text: string, origin: string, format: 'json' | 'yaml'): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new StaffAccountsError(origin, [`staffAccounts: not valid JSON${jsonErrorPlace(text, error)}`]);
    }
  }
  try {
    return parseYaml(text);
  } catch (error) {
    // The yaml library's message quotes the offending source line; give only its position.
    const place = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    throw new StaffAccountsError(origin, [`staffAccounts: not valid YAML${place ? ` at line ${place.line}, column ${place.col}` : ''}`]);
  }
}

/**
 * Loads the staff directory from a file (`.json` is read as JSON, anything else as YAML) or from a
 * JSON string. Give exactly one of the two.
 *
 * @throws StaffAccountsError when neither or both are given, the file cannot be read or parsed, or an
 * entry is invalid.
 */
export async function loadStaffAccounts(source: { file?: string; json?: string }): Promise<StaffDirectory> {
  const file = source.file?.trim() || undefined;
  const json = source.json?.trim() || undefined;
  if (file && json) throw new StaffAccountsError('configuration', ['staffAccounts: give a file or a JSON string, not both']);
  if (json) return parseStaffAccounts(parseText(json, 'the JSON string', 'json'), 'the JSON string');
  if (!file) throw new StaffAccountsError('configuration', ['staffAccounts: no staff accounts file or JSON string given']);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StaffAccountsError(file, [`staffAccounts: cannot read ${JSON.stringify(file)}${code ? ` (${code})` : ''}`]);
  }
  return parseStaffAccounts(parseText(text, file, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml'), file);
}

/** Scrypt cost for the demo accounts: lower than real ones, so development start-up stays fast. */
export const DEMO_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 14, r: 8, p: 1 });

/**
 * Three demo users for development, all with the given password (hashed now):
 * `agent1` Alex Agent (agent), `agent2` Blair Agent (agent, speaks English and Spanish), `supervisor`
 * Sam Supervisor (supervisor), `editor` Eden Editor (editor: insights only, no cases).
 * Never use in production.
 *
 * @param cost - scrypt cost; default {@link DEMO_SCRYPT_PARAMS}. Tests pass a lower N.
 */
export async function demoStaffAccounts(password: string, cost: Partial<ScryptParams> = DEMO_SCRYPT_PARAMS): Promise<StaffDirectory> {
  const demo: Array<StaffUser & { languages: Language[] }> = [
    { username: 'agent1', name: 'Alex Agent', role: 'agent', languages: ['en'] },
    { username: 'agent2', name: 'Blair Agent', role: 'agent', languages: ['en', 'es'] },
    { username: 'supervisor', name: 'Sam Supervisor', role: 'supervisor', languages: ['en'] },
    { username: 'editor', name: 'Eden Editor', role: 'editor', languages: ['en'] },
  ];
  const hashes = await Promise.all(demo.map(() => hashPassword(password, cost)));
  return new ConfiguredDirectory(demo.map((user, index) => ({ ...user, passwordHash: hashes[index]! })));
}

const publicUser = ({ username, name, role, languages }: StaffAccount): StaffUser => ({ username, name, role, languages: [...languages] });

class ConfiguredDirectory implements StaffDirectory {
  readonly #accounts: ReadonlyMap<string, StaffAccount>;
  /** Whose hash cost an unknown username imitates. */
  readonly #template: string | undefined;

  constructor(accounts: StaffAccount[]) {
    this.#accounts = new Map(accounts.map((account) => [account.username, account]));
    this.#template = accounts[0]?.passwordHash;
  }

  find(username: string): StaffUser | undefined {
    const account = this.#lookup(username);
    return account && publicUser(account);
  }

  users(): StaffUser[] {
    return [...this.#accounts.values()].map(publicUser);
  }

  async authenticate(username: string, password: string): Promise<StaffUser | null> {
    const account = this.#lookup(username);
    if (!account) {
      await verifyAgainstNothing(typeof password === 'string' ? password : '', this.#template);
      return null;
    }
    return (await verifyPassword(password, account.passwordHash)) ? publicUser(account) : null;
  }

  #lookup(username: string): StaffAccount | undefined {
    return typeof username === 'string' ? this.#accounts.get(username.trim().toLowerCase()) : undefined;
  }

  /** Keeps hashes out of logs that serialise the directory. */
  toJSON(): { users: StaffUser[] } {
    return { users: this.users() };
  }
}
