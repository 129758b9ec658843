// The catalog served: the versions in surveys/ plus those published in the workspace (kept in the database), and a
// live view of it that the server swaps when a version is published while it serves. No SQL: the caller reads them.
import {
  catalogOf,
  compileVersion,
  isRefused,
  type Catalog,
  type RefusedVersion,
  type SurveyEntry,
} from './load';
import type { SurveyJson } from './types';

/** A version published in the workspace, as the store gives it back. */
export interface PublishedDefinition {
  surveyId: string;
  version: number;
  sha256: string;
  definition: SurveyJson;
  publishedAt: string;
  publishedBy: string;
}

export interface WithPublished {
  catalog: Catalog;
  /** A file in surveys/ with the number of a published version but other content: the server must not start. */
  conflicts: string[];
  /** (survey, version) keys the published definitions answer for: boot does not compare files with them twice. */
  published: ReadonlySet<string>;
}

export const versionKey = (surveyId: string, version: number) => `${surveyId}\u0000${version}`;

/** Where a published version came from, in messages and in `SurveyVersion.file`. */
export const publishedLabel = (d: PublishedDefinition) =>
  `${d.surveyId} v${d.version} (published in the workspace on ${d.publishedAt} by ${d.publishedBy})`;

/**
 * Adds the published versions to the files' catalog. A file with the same number and the same content is the
 * committed copy (the v<N>.json an admin downloaded): the file is kept. One with other content is a conflict.
 */
export function withPublished(
  files: Catalog,
  published: readonly PublishedDefinition[],
  warnings: string[],
): WithPublished {
  const conflicts: string[] = [];
  const entries = new Map(files.surveys.map((s) => [s.id, [...s.versions]]));
  const refused: RefusedVersion[] = [...files.refused];
  for (const d of published) {
    const file =
      files.getVersion(d.surveyId, d.version) ??
      files.refused.find((r) => r.surveyId === d.surveyId && r.version === d.version);
    if (file) {
      if (file.sha256 !== d.sha256)
        conflicts.push(
          `${file.file} and ${publishedLabel(d)} are both v${d.version} of ${d.surveyId}, with different ` +
            `content (file sha256 ${(file.sha256 ?? 'of no valid JSON').slice(0, 12)}…, published ` +
            `${d.sha256.slice(0, 12)}…). Published versions are frozen: move the file out of surveys/ and start ` +
            `again (the published v${d.version} is served from the database; download it as v${d.version}.json ` +
            `from the workspace's Surveys section to commit it), and put your changes in a new version.`,
        );
      continue;
    }
    const compiled = compileVersion(d.surveyId, d.version, publishedLabel(d), d.definition, warnings);
    if (isRefused(compiled)) refused.push(compiled);
    else entries.set(d.surveyId, [...(entries.get(d.surveyId) ?? []), compiled]);
  }
  const surveys: SurveyEntry[] = [...entries]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .flatMap(([id, versions]) => {
      const sorted = versions.sort((a, b) => a.version - b.version);
      const newest = sorted.at(-1);
      return newest ? [{ id, versions: sorted, newest }] : [];
    });
  return {
    catalog: catalogOf(surveys, refused),
    conflicts,
    published: new Set(published.map((d) => versionKey(d.surveyId, d.version))),
  };
}

/** A catalog whose content can be replaced while routes hold it (they look versions up per request). */
export interface LiveCatalog extends Catalog {
  replace(next: Catalog): void;
}

export function liveCatalog(initial: Catalog): LiveCatalog {
  let current = initial;
  return {
    get surveys() {
      return current.surveys;
    },
    get refused() {
      return current.refused;
    },
    getSurvey: (id) => current.getSurvey(id),
    getVersion: (id, version) => current.getVersion(id, version),
    replace(next) {
      current = next;
    },
  };
}
