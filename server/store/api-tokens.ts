// Personal read-only API tokens (migration 0023). The store sees only sha256 digests of tokens, made by the HTTP
// layer, never a token itself; a token is good until it expires or its owner revokes it (or is disabled).
import type { Db } from './db';

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewApiToken {
  userId: number;
  name: string;
  /** sha256 (hex) of the token handed to the user once. */
  tokenSha256: string;
  createdAt: string;
  expiresAt: string;
}

type TokenRow = [
  id: number,
  userId: number,
  name: string,
  createdAt: string,
  expiresAt: string,
  revokedAt: string | null,
  lastUsedAt: string | null,
];

const toToken = (r: TokenRow): ApiToken => ({
  id: r[0],
  userId: r[1],
  name: r[2],
  createdAt: r[3],
  expiresAt: r[4],
  revokedAt: r[5],
  lastUsedAt: r[6],
});

const COLUMNS = 'id, user_id, name, created_at, expires_at, revoked_at, last_used_at';

export function createApiTokenStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO api_tokens (user_id, name, token_sha256, created_at, expires_at)
     VALUES (@userId, @name, @tokenSha256, @createdAt, @expiresAt)`,
  );
  const selectById = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`).raw();
  const selectOfUser = db
    .prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC`)
    .raw();
  // A disabled owner's tokens stop with their sessions.
  const selectActive = db
    .prepare(
      `SELECT t.id, t.user_id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.disabled_at IS NULL`,
    )
    .raw();
  const revoke = db.prepare(
    'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL',
  );
  const used = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');

  return {
    addApiToken(token: NewApiToken): ApiToken {
      const id = Number(insert.run(token).lastInsertRowid);
      return toToken(selectById.get(id) as TokenRow);
    },
    listApiTokens: (userId: number): ApiToken[] => (selectOfUser.all(userId) as TokenRow[]).map(toToken),
    /** The token with this digest if it may be used at `now`, and notes the use. */
    useApiToken(tokenSha256: string, now: string): ApiToken | undefined {
      const row = selectActive.get(tokenSha256, now) as TokenRow | undefined;
      if (!row) return undefined;
      used.run(now, row[0]);
      return toToken(row);
    },
    /** Revokes one of the user's own tokens: 'revoked', 'already' revoked, or 'not-found' (none of theirs). */
    revokeApiToken(userId: number, id: number, now: string): 'revoked' | 'already' | 'not-found' {
      if (revoke.run(now, id, userId).changes > 0) return 'revoked';
      const row = selectById.get(id) as TokenRow | undefined;
      return row && row[1] === userId ? 'already' : 'not-found';
    },
  };
}
