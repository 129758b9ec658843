// One batch of demo responses, made and checked: the unit a worker thread hands back to the writer.
import type { NewResponse } from '../../store/types';
import { demoResponse, type DemoPlan } from './generate';

export interface Batch {
  responses: NewResponse[];
  /** Set when a response failed the survey's validator: the run stops before writing anything of the batch. */
  invalid?: string;
}

export function makeBatch(plan: DemoPlan, seed: number, indices: Uint32Array): Batch {
  const responses: NewResponse[] = [];
  for (const index of indices) {
    const { response, errors } = demoResponse(plan, seed, index);
    if (errors.length > 0) {
      const why = errors.map((e) => `${e.question}: ${e.message}`).join('; ');
      return {
        responses: [],
        invalid: `demo response #${index} (v${response.version}) does not fit the survey: ${why}`,
      };
    }
    // Marked, so that `demo --remove` and the workspace's button take exactly these away again.
    responses.push({ ...response, demo: true });
  }
  return { responses };
}
