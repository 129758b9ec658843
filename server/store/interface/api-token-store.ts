// Personal read-only API tokens: the store keeps sha256 digests only.
import type { ApiToken, NewApiToken } from '../api-tokens';

export interface ApiTokenStore {
  addApiToken(token: NewApiToken): Promise<ApiToken>;
  listApiTokens(userId: number): Promise<ApiToken[]>;
  useApiToken(tokenSha256: string, now: string): Promise<ApiToken | undefined>;
  revokeApiToken(userId: number, id: number, now: string): Promise<'revoked' | 'already' | 'not-found'>;
}
