// Personal read-only API tokens: the store keeps sha256 digests only.
import type { ApiToken, NewApiToken } from '../api-tokens';

export interface ApiTokenStore {
  addApiToken(token: NewApiToken): ApiToken;
  listApiTokens(userId: number): ApiToken[];
  useApiToken(tokenSha256: string, now: string): ApiToken | undefined;
  revokeApiToken(userId: number, id: number, now: string): 'revoked' | 'already' | 'not-found';
}
