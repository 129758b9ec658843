// Writes one audit-log entry for an action a route just did: who (the signed-in user, or the email tried at a failed
// sign-in), from where (client-address.ts), when (the injected clock) and what (details the route chooses).
import type { Request, Response } from 'express';
import type { AuditAction } from '../store';
import type { SessionUser } from './auth';
import { clientAddress } from './client-address';
import type { AppDeps } from './deps';

export function audit(
  { store, clock, config }: Pick<AppDeps, 'store' | 'clock' | 'config'>,
  req: Request,
  res: Response,
  action: AuditAction,
  details: Record<string, unknown>,
  actor: string | null = (res.locals.user as SessionUser | undefined)?.email ?? null,
): Promise<void> {
  return store.recordAudit({
    at: clock().toISOString(),
    actor,
    action,
    address: clientAddress(req, config.trustProxy),
    details,
  });
}
