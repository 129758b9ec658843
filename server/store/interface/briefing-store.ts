// Briefings (one per event, its link on the posters) and the responses that came through each.
import type { Briefing, BriefingChanges, BriefingHour, ScopedCount, UpdateBriefingOutcome } from '../types';

export interface BriefingStore {
  /** False when the slug is taken. */
  addBriefing(briefing: Briefing, createdAt: string, demo?: boolean): Promise<boolean>;
  getBriefing(slug: string): Promise<Briefing | undefined>;
  listBriefings(): Promise<Briefing[]>;
  /**
   * Applies the changes in one transaction. A change of survey is refused, changing nothing, when any response
   * (rejected ones too: a rejection can be taken back) names the briefing: checked in the same transaction.
   */
  updateBriefing(slug: string, changes: BriefingChanges, now: string): Promise<UpdateBriefingOutcome>;
  countBriefingResponses(slug: string): Promise<number>;
  /** The counts within a reader's regions (a respondent may change a briefing's prefilled region). */
  briefingResponsesIn(slug: string, regions: readonly string[]): Promise<ScopedCount>;
  briefingResponsesPerBriefingIn(regions: readonly string[]): Promise<Map<string, ScopedCount>>;
  briefingResponsesByHourIn(
    slug: string,
    regions: readonly string[],
  ): Promise<(BriefingHour & ScopedCount)[]>;
}
