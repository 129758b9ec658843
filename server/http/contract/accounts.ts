// zod schemas and reply shapes for sign-in and user management; the users routes and `npm run cli -- users`
// validate with the same schemas, and the workspace client imports the types only.
import { z } from 'zod';
import { isRegionCode } from '../../catalog/regions';
import { ROLES, type User } from '../../store';
import { fieldErrors, type FieldErrorStyle } from '../../domain/field-errors';
import { Problem } from '../../domain/problem';

/** Long enough to resist guessing, short enough that nobody pastes a book into scrypt. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// Lower-cased so that Aigerim@Example.kz and aigerim@example.kz are one account.
export const emailField = z
  .string({ message: 'must be an email address' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be an email address' }));

export const passwordField = z
  .string({ message: 'must be a string' })
  .min(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` });

export const roleField = z.enum(ROLES, { message: 'must be "admin", "analyst" or "author"' });

/** A non-empty list of distinct region codes, or null for all 20 regions. */
export const regionsField = z
  .array(z.string().refine(isRegionCode, { message: 'must be one of the 20 region codes (KZ-10 … KZ-79)' }), {
    message: 'must be a list of region codes, or null for all regions',
  })
  .min(1, { message: 'must name at least one region, or be null for all regions' })
  .refine((codes) => new Set(codes).size === codes.length, { message: 'must not repeat a region' })
  .nullable();

export const credentialsBody = z.strictObject({
  email: emailField,
  // Not held to PASSWORD_MIN here: a sign-in only compares, and must not tell which rule a guess broke.
  password: z.string({ message: 'must be a string' }).max(PASSWORD_MAX, { message: 'is too long' }),
});

const adminsReadAll = { message: 'an admin reads all regions: leave regions out or null', path: ['regions'] };

export const newUserBody = z
  .strictObject({
    email: emailField,
    role: roleField,
    regions: regionsField.optional(),
    // Left out, the server makes a one-time password, shows it once in the reply and asks for a new one at sign-in.
    password: passwordField.optional(),
  })
  .refine((u) => u.role !== 'admin' || u.regions == null, adminsReadAll);

export const userPatchBody = z
  .strictObject({
    role: roleField.optional(),
    regions: regionsField.optional(),
    password: passwordField.optional(),
    /** true: the server makes a one-time password (in the reply, once) and the user must replace it at sign-in. */
    resetPassword: z.literal(true, { message: 'must be true, or left out' }).optional(),
    disabled: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .refine((b) => b.password === undefined || b.resetPassword === undefined, {
    message: 'give a password or ask for a reset, not both',
    path: ['resetPassword'],
  });

/** POST /api/users/me/password: any signed-in user replaces their own password (a one-time one included). */
export const ownPasswordBody = z
  .strictObject({
    currentPassword: z.string({ message: 'must be a string' }).max(PASSWORD_MAX, { message: 'is too long' }),
    newPassword: passwordField,
  })
  .refine((b) => b.newPassword !== b.currentPassword, {
    message: 'must differ from the current password',
    path: ['newPassword'],
  });

/** How a request body's errors name their fields. */
export const BODY_FIELDS: FieldErrorStyle = {
  root: '(body)',
  path: 'dotted',
  unknownKey: { message: 'is not a field of this request', each: false },
};

/** Parses a body or throws the 400 problem naming every wrong field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new Problem(
      'invalid-request',
      `The ${what} is not as expected: see errors.`,
      fieldErrors(parsed.error, BODY_FIELDS),
    );
  return parsed.data;
}

/** GET /api/session */
export interface SessionBody {
  email: string;
  role: User['role'];
  regions: readonly string[] | null;
  /**
   * Only when signed in with a one-time password: every other request answers 403 until POST
   * /api/users/me/password. Absent otherwise, so that the reply keeps DESIGN.md's shape {email, role, regions}.
   */
  mustChangePassword?: true;
}

/** An entry of GET /api/users, and the reply of POST and PATCH. Never carries the password hash. */
export interface UserBody {
  id: number;
  email: string;
  role: User['role'];
  regions: string[] | null;
  createdAt: string;
  disabledAt: string | null;
  lastSignInAt: string | null;
  mustChangePassword: boolean;
}

/** The reply of POST /api/users and of a PATCH with resetPassword: the one-time password, this once only. */
export interface UserWithPasswordBody extends UserBody {
  oneTimePassword?: string;
}

export function userBody(user: User): UserBody {
  const { id, email, role, regions, createdAt, disabledAt, lastSignInAt, mustChangePassword } = user;
  return { id, email, role, regions, createdAt, disabledAt, lastSignInAt, mustChangePassword };
}
