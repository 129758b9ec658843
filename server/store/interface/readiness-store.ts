// What GET /readyz asks of the store.
export interface StoreReadiness {
  /** The error of the probe write (full disk, read-only file, closed database), or null when it committed. */
  writeError: unknown;
  /** Migration files that the database has not recorded as applied. */
  missingMigrations: string[];
}

export interface ReadinessStore {
  /** One small committed write and a look at the migrations the database lacks. */
  probeReadiness(now: string): Promise<StoreReadiness>;
}
