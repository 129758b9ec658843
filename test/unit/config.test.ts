// The environment is read in one place (server/config.ts): defaults, checked values, and one line naming the
// variable when a value is bad.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, readConfig } from '../../server/config';

const messageOf = (env: Record<string, string>): string => {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
};

describe('readConfig', () => {
  it('gives the documented defaults for an empty environment, with the folders made absolute', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      surveysDir: resolve('surveys'),
      responsesRateLimit: { burst: 300, perSecond: 10 },
      groupCommitWindowMs: 0,
      trustProxy: 0,
      publicUrl: null,
      exportWorkers: undefined,
      backupStepPages: undefined,
    });
  });

  it('treats an empty value as unset', () => {
    expect(readConfig({ PORT: '', DATA_DIR: '', PUBLIC_URL: '' })).toMatchObject({
      port: 8080,
      dataDir: resolve('data'),
      publicUrl: null,
    });
  });

  it('reads every variable it is given', () => {
    const config = readConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/saualnama',
      DATABASE_URL: 'postgres://saualnama:secret@db.example.kz:5432/saualnama',
      SURVEYS_DIR: 'my-surveys',
      RATE_LIMIT_BURST: '50',
      RATE_LIMIT_PER_SECOND: '2.5',
      GROUP_COMMIT_WINDOW_MS: '3',
      TRUST_PROXY: '1',
      PUBLIC_URL: 'https://saualnama.example.kz/workspace?x=1',
      EXPORT_WORKERS: '0',
      EXPORT_WORKER_YOUNG_MB: '16',
      SAUALNAMA_BACKUP_STEP_PAGES: '1',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/srv/saualnama',
      databaseUrl: 'postgres://saualnama:secret@db.example.kz:5432/saualnama',
      surveysDir: resolve('my-surveys'),
      responsesRateLimit: { burst: 50, perSecond: 2.5 },
      groupCommitWindowMs: 3,
      trustProxy: 1,
      publicUrl: 'https://saualnama.example.kz',
      exportWorkers: 0,
      exportWorkerYoungMb: 16,
      backupStepPages: 1,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535, not "abc"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000"'],
    [{ PORT: '80.5' }, 'PORT must be a whole number from 0 to 65535, not "80.5"'],
    [{ RATE_LIMIT_BURST: '-1' }, 'RATE_LIMIT_BURST must be a non-negative number, not "-1"'],
    [{ GROUP_COMMIT_WINDOW_MS: 'soon' }, 'GROUP_COMMIT_WINDOW_MS must be a non-negative number, not "soon"'],
    [
      { TRUST_PROXY: '1.5' },
      'TRUST_PROXY is the number of reverse proxies in front of the server (0, 1, 2 …), not "1.5"',
    ],
    [
      { PUBLIC_URL: 'saualnama.example.kz' },
      'PUBLIC_URL must be an http(s) address such as https://saualnama.example.kz, not "saualnama.example.kz"',
    ],
    [{ EXPORT_WORKERS: 'many' }, 'EXPORT_WORKERS must be a whole number from 0 to 8, not "many"'],
    [
      { DATABASE_URL: 'mysql://db.example.kz/saualnama' },
      'DATABASE_URL must be a PostgreSQL address such as postgres://user:password@host:5432/saualnama ' +
        '(unset: SQLite), not "mysql://db.example.kz/saualnama"',
    ],
  ])('refuses %o in one line naming the variable', (env, message) => {
    const got = messageOf(env);
    expect(got).toBe(message);
    expect(got).not.toContain('\n');
  });

  it('lists every variable it reads, so the README can list them too', () => {
    expect(CONFIG_VARIABLES).toEqual(
      expect.arrayContaining(['PORT', 'HOST', 'DATA_DIR', 'SURVEYS_DIR', 'TRUST_PROXY', 'PUBLIC_URL']),
    );
  });
});
