// Prints the scrypt hash of a staff password, for the passwordHash field of the staff accounts file.
//
//   npm run -s staff:hash                      (asks twice, nothing shown while typing)
//   printf %s 'the password' | npm run -s staff:hash
//
// The password is read from stdin only (never an argument: those end up in shell history and `ps`).
// The hash goes to stdout, prompts and errors to stderr; `-s` keeps npm's banner out of stdout.

import { hashPassword, MAX_PASSWORD_LENGTH } from '../src/handoff/staff/passwords.js';

class UsageError extends Error {}

/** Everything piped in, minus one trailing line break. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (/[\r\n]/.test(text)) throw new UsageError('the password must be a single line');
  return text;
}

/** One line typed at the terminal with echo off. Ctrl-C or Ctrl-D on an empty line gives up. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new UsageError('cancelled'));
        if (char === '\u0004') {
          if (typed === '') return finish(new UsageError('cancelled'));
          continue;
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function main(): Promise<void> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await readHidden('Staff password: ');
    if (password !== '' && (await readHidden('Same again: ')) !== password) throw new UsageError('the two passwords differ');
  } else {
    password = await readPiped();
  }
  if (password === '') {
    throw new UsageError("no password given: type one, or pipe it in (printf %s 'the password' | npm run -s staff:hash)");
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new UsageError(`the password is longer than ${MAX_PASSWORD_LENGTH} characters`);
  process.stdout.write(`${await hashPassword(password)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`hash-staff-password: ${error instanceof UsageError ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
