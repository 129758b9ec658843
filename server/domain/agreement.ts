// Agreement between two coders who coded the same answers: per code, Cohen's kappa on "tagged or not", with the
// 2 × 2 table it comes from, so a reader can check it by hand.

export interface CodeAgreement {
  codeId: number;
  /** Answers both coders coded. */
  answers: number;
  /** Tagged by both, by the first only, by the second only, by neither. */
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
  /** Observed agreement, 0…1. */
  observed: number;
  /**
   * (pₒ − pₑ) / (1 − pₑ); null when pₑ = 1 (both coders gave the code to every answer, or to none): kappa is
   * undefined then, however well they agree.
   */
  kappa: number | null;
}

export function cohensKappa(
  codeIds: readonly number[],
  pairs: readonly { first: readonly number[]; second: readonly number[] }[],
): CodeAgreement[] {
  return codeIds.map((codeId) => {
    let both = 0;
    let firstOnly = 0;
    let secondOnly = 0;
    for (const pair of pairs) {
      const a = pair.first.includes(codeId);
      const b = pair.second.includes(codeId);
      if (a && b) both += 1;
      else if (a) firstOnly += 1;
      else if (b) secondOnly += 1;
    }
    const n = pairs.length;
    const neither = n - both - firstOnly - secondOnly;
    if (n === 0)
      return { codeId, answers: 0, both, firstOnly, secondOnly, neither, observed: 0, kappa: null };
    const observed = (both + neither) / n;
    const firstYes = (both + firstOnly) / n;
    const secondYes = (both + secondOnly) / n;
    const expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
    const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
    return { codeId, answers: n, both, firstOnly, secondOnly, neither, observed, kappa };
  });
}
