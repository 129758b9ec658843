// Workspace users and their sessions (hashes only: the store never sees a password or a raw token).
import type { ActiveSession, NewSession, NewUser, UpdateUserOutcome, User, UserChanges } from '../accounts';

export interface AccountStore {
  countUsers(): Promise<number>;
  /** Undefined when the e-mail address is taken. */
  addUser(user: NewUser): Promise<User | undefined>;
  getUser(id: number): Promise<User | undefined>;
  getUserCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined>;
  listUsers(): Promise<User[]>;
  updateUser(
    id: number,
    changes: UserChanges,
    now: string,
    keepSession?: string | null,
  ): Promise<UpdateUserOutcome>;
  rehashPassword(id: number, passwordHash: string): Promise<void>;
  /** Notes a successful sign-in (the Users section lists it). */
  recordSignIn(id: number, now: string): Promise<void>;
  addSession(session: NewSession): Promise<void>;
  getActiveSession(id: string): Promise<ActiveSession | undefined>;
  touchSession(id: string, now: string): Promise<void>;
  revokeSession(id: string, now: string): Promise<void>;
}
