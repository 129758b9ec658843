// Briefings (one per event, its link on the posters) and the responses that came through each.
import type { Briefing, BriefingChanges, BriefingHour, ScopedCount } from '../types';

export interface BriefingStore {
  /** False when the slug is taken. */
  addBriefing(briefing: Briefing, createdAt: string, demo?: boolean): Promise<boolean>;
  getBriefing(slug: string): Promise<Briefing | undefined>;
  listBriefings(): Promise<Briefing[]>;
  updateBriefing(slug: string, changes: BriefingChanges, now: string): Promise<Briefing | undefined>;
  countBriefingResponses(slug: string): Promise<number>;
  /** The counts within a reader's regions (a respondent may change a briefing's prefilled region). */
  briefingResponsesIn(slug: string, regions: readonly string[]): Promise<ScopedCount>;
  briefingResponsesPerBriefingIn(regions: readonly string[]): Promise<Map<string, ScopedCount>>;
  briefingResponsesByHourIn(
    slug: string,
    regions: readonly string[],
  ): Promise<(BriefingHour & ScopedCount)[]>;
}
