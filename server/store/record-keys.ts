// Record keys for disclosure control (exports/aggregates/disclosure.ts): a uniformly random uint32 per response,
// drawn from the operating system's CSPRNG in blocks so that the insert path pays a few nanoseconds, not a syscall.
import { randomFillSync } from 'node:crypto';

const block = new Uint32Array(4096);
let next = block.length;

export function nextRecordKey(): number {
  if (next === block.length) {
    randomFillSync(block);
    next = 0;
  }
  return block[next++]!;
}
