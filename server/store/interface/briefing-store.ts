// Briefings (one per event, its link on the posters) and the responses that came through each.
import type { Briefing, BriefingChanges, BriefingHour, ScopedCount } from '../types';

export interface BriefingStore {
  /** False when the slug is taken. */
  addBriefing(briefing: Briefing, createdAt: string, demo?: boolean): boolean;
  getBriefing(slug: string): Briefing | undefined;
  listBriefings(): Briefing[];
  updateBriefing(slug: string, changes: BriefingChanges, now: string): Briefing | undefined;
  countBriefingResponses(slug: string): number;
  /** The counts within a reader's regions (a respondent may change a briefing's prefilled region). */
  briefingResponsesIn(slug: string, regions: readonly string[]): ScopedCount;
  briefingResponsesPerBriefingIn(regions: readonly string[]): Map<string, ScopedCount>;
  briefingResponsesByHourIn(slug: string, regions: readonly string[]): (BriefingHour & ScopedCount)[];
}
