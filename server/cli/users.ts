// `users add|list|disable|enable|password`: workspace accounts from the shell, checked by the same schemas as
// the admin routes. This is how the first admin is made, and how a locked-out admin gets a new password.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  BODY_FIELDS,
  emailField,
  newUserBody,
  passwordField,
  regionsField,
  roleField,
} from '../http/contract/accounts';
import { fieldErrors } from '../domain/field-errors';
import { generatePassword, hashPassword } from '../domain/passwords';
import type { Store } from '../store';
import { openFromEnv } from './open';

export const USAGE = `usage: users add <email> --role admin|analyst|author [--regions KZ-10,KZ-55] [--password-stdin]
       users list
       users disable <email> | users enable <email>
       users password <email> [--password-stdin]

Without --password-stdin a terminal is asked for the password twice (press Enter to generate one);
elsewhere a strong password is generated and printed once.`;

// Field names as the operator typed them, for error messages.
const FLAG: Record<string, string> = {
  email: '<email>',
  role: '--role',
  regions: '--regions',
  password: 'password',
};

function report(error: z.ZodError, input: { regions?: readonly string[] } = {}): void {
  for (const e of fieldErrors(error, BODY_FIELDS)) {
    const [field = '', index] = e.question.split('.');
    // A bad region is named by its code rather than its place in the list.
    const item = field === 'regions' && index !== undefined ? `"${input.regions?.[Number(index)]}" ` : '';
    console.error(`${FLAG[field] ?? e.question}: ${item}${e.message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `echo secret | …` and here-strings add one newline that is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return (finish(), resolve(value));
        if (ch === '\u0003') return (finish(), reject(new Error('cancelled')));
        value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The new password and whether it was generated (then it must be shown once). */
async function obtainPassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) return { password: await readStdin(), generated: false };
  if (!process.stdin.isTTY) return { password: generatePassword(), generated: true };
  const first = await promptHidden('Password (Enter to generate one): ');
  if (first === '') return { password: generatePassword(), generated: true };
  const second = await promptHidden('Same password again: ');
  if (first !== second) throw new Error('the two passwords differ; nothing was changed');
  return { password: first, generated: false };
}

function showGenerated(email: string, password: string): void {
  console.log(`Password for ${email} (shown only now; hand it over safely): ${password}`);
}

async function addUser(store: Store, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, regions: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  });
  const regions = values.regions
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Fields first, so that nobody types a password twice for an email that is then refused.
  const fields = z
    .object({ email: emailField, role: roleField, regions: regionsField.optional() })
    .safeParse({ email: positionals[0], role: values.role, regions });
  if (!fields.success || positionals.length !== 1) {
    if (fields.error) report(fields.error, { regions });
    console.error(`\n${USAGE}`);
    return 2;
  }
  if (await store.getUserCredentials(fields.data.email)) {
    console.error(`a user ${fields.data.email} already exists (users list shows them)`);
    return 1;
  }
  const { password, generated } = await obtainPassword(values['password-stdin'] === true);
  const body = newUserBody.safeParse({ ...fields.data, password });
  if (!body.success) {
    report(body.error);
    return 2;
  }
  const user = await store.addUser({
    email: body.data.email,
    role: body.data.role,
    regions: body.data.regions ?? null,
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  });
  if (!user) {
    console.error(`a user ${body.data.email} already exists`);
    return 1;
  }
  console.log(`user ${user.email} added as ${user.role} (regions: ${user.regions?.join(', ') ?? 'all'})`);
  if (generated) showGenerated(user.email, password);
  return 0;
}

async function changeUser(
  store: Store,
  verb: 'disable' | 'enable' | 'password',
  args: string[],
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'password-stdin': { type: 'boolean' } },
  });
  const email = emailField.safeParse(positionals[0]);
  if (!email.success || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const found = await store.getUserCredentials(email.data);
  if (!found) {
    console.error(`there is no user ${email.data} (users list shows them)`);
    return 1;
  }
  let generated: string | undefined;
  let passwordHash: string | undefined;
  if (verb === 'password') {
    const obtained = await obtainPassword(values['password-stdin'] === true);
    const parsed = z.object({ password: passwordField }).safeParse(obtained);
    if (!parsed.success) {
      report(parsed.error);
      return 2;
    }
    passwordHash = await hashPassword(parsed.data.password);
    if (obtained.generated) generated = parsed.data.password;
  }
  const outcome = await store.updateUser(
    found.user.id,
    verb === 'password' ? { passwordHash } : { disabled: verb === 'disable' },
    new Date().toISOString(),
  );
  if (outcome.status === 'last-admin') {
    console.error(`${email.data} is the last enabled admin: make another user admin first`);
    return 1;
  }
  if (outcome.status === 'not-found') return 1;
  const done = {
    disable: 'disabled; their sessions ended',
    enable: 'enabled',
    password: 'has a new password; their sessions ended',
  };
  console.log(`${email.data} ${done[verb]}`);
  if (generated) showGenerated(email.data, generated);
  return 0;
}

export async function usersCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'add' && verb !== 'list' && verb !== 'disable' && verb !== 'enable' && verb !== 'password') {
    console.error(USAGE);
    return 2;
  }
  const { store } = await openFromEnv();
  try {
    if (verb === 'add') return await addUser(store, rest);
    if (verb !== 'list') return await changeUser(store, verb, rest);
    const users = await store.listUsers();
    if (users.length === 0)
      console.log(
        'no users yet; add the first admin with:\n  npm run cli -- users add <your email> --role admin',
      );
    for (const u of users)
      console.log(
        [
          u.email,
          u.role,
          u.regions?.join(',') ?? 'all regions',
          u.disabledAt ? `disabled ${u.disabledAt}` : 'active',
        ].join('  '),
      );
    return 0;
  } finally {
    await store.close();
  }
}
