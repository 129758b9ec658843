// Workspace users and their sessions (hashes only: the store never sees a password or a raw token).
import type { ActiveSession, NewSession, NewUser, UpdateUserOutcome, User, UserChanges } from '../accounts';

export interface AccountStore {
  countUsers(): number;
  /** Undefined when the e-mail address is taken. */
  addUser(user: NewUser): User | undefined;
  getUser(id: number): User | undefined;
  getUserCredentials(email: string): { user: User; passwordHash: string } | undefined;
  listUsers(): User[];
  updateUser(id: number, changes: UserChanges, now: string, keepSession?: string | null): UpdateUserOutcome;
  rehashPassword(id: number, passwordHash: string): void;
  /** Notes a successful sign-in (the Users section lists it). */
  recordSignIn(id: number, now: string): void;
  addSession(session: NewSession): void;
  getActiveSession(id: string): ActiveSession | undefined;
  touchSession(id: string, now: string): void;
  revokeSession(id: string, now: string): void;
}
