// Personal read-only API tokens on PostgreSQL (as server/store/api-tokens.ts): the store sees only sha256 digests
// made by the HTTP layer. A token made on one server works on every other; a revocation or a disabled owner stops
// it everywhere at once, since every server reads the same row.
import type { ApiToken, NewApiToken } from '../store/api-tokens';
import type { Pool } from './pool';

interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

const COLUMNS = 'id, user_id, name, created_at, expires_at, revoked_at, last_used_at';

export function createPgApiTokens(pool: Pool) {
  return {
    async addApiToken(token: NewApiToken): Promise<ApiToken> {
      const { rows } = await pool.query<TokenRow>(
        `INSERT INTO api_tokens (user_id, name, token_sha256, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [token.userId, token.name, token.tokenSha256, token.createdAt, token.expiresAt],
      );
      return toToken(rows[0]!);
    },
    async listApiTokens(userId: number): Promise<ApiToken[]> {
      const { rows } = await pool.query<TokenRow>(
        `SELECT ${COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC`,
        [userId],
      );
      return rows.map(toToken);
    },
    /**
     * The token with this digest if it may be used at `now` (not revoked, not expired, its owner not disabled), and
     * notes the use: one statement, so a token revoked meanwhile on another server is never both refused and used.
     */
    async useApiToken(tokenSha256: string, now: string): Promise<ApiToken | undefined> {
      const { rows } = await pool.query<TokenRow>(
        `UPDATE api_tokens t SET last_used_at = $2
         FROM users u
         WHERE u.id = t.user_id AND t.token_sha256 = $1 AND t.revoked_at IS NULL AND t.expires_at > $2
           AND u.disabled_at IS NULL
         RETURNING t.id, t.user_id, t.name, t.created_at, t.expires_at, t.revoked_at,
           -- SQLite's store answers with the row as read before it notes the use: the previous use.
           (SELECT p.last_used_at FROM api_tokens p WHERE p.id = t.id) AS last_used_at`,
        [tokenSha256, now],
      );
      return rows[0] && toToken(rows[0]);
    },
    /** Revokes one of the user's own tokens: 'revoked', 'already' revoked, or 'not-found' (none of theirs). */
    async revokeApiToken(
      userId: number,
      id: number,
      now: string,
    ): Promise<'revoked' | 'already' | 'not-found'> {
      const { rowCount } = await pool.query(
        'UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL',
        [now, id, userId],
      );
      if (rowCount === 1) return 'revoked';
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*) AS n FROM api_tokens WHERE id = $1 AND user_id = $2',
        [id, userId],
      );
      return rows[0]!.n > 0 ? 'already' : 'not-found';
    },
  };
}
