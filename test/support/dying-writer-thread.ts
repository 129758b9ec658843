// A stand-in for the response writer thread (server/store/response-writer.ts), for writer-client.ts's failure path:
// it answers `created` to every response, and dies (exits) when a batch holds a response whose id starts with `die`.
import { parentPort } from 'node:worker_threads';
import type { FromWriter, Submission, ToWriter } from '../../server/store/response-writer';

const port = parentPort!;
port.on('message', (m: ToWriter) => {
  if (m.type === 'plans') port.postMessage({ type: 'adopted', seq: m.seq } satisfies FromWriter);
  if (m.type === 'close') {
    port.postMessage({ type: 'closed' } satisfies FromWriter);
    port.close();
  }
  if (m.type !== 'submit') return;
  const batch = JSON.parse(m.json) as Submission[];
  if (batch.some((s) => s.response.id.startsWith('die'))) process.exit(1);
  port.postMessage({
    type: 'settled',
    results: batch.map((s) => ({
      seq: s.seq,
      outcome: { status: 'created', submittedAt: s.response.submittedAt },
    })),
  } satisfies FromWriter);
});
