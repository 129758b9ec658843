// Describes the machine a benchmark ran on, printed beside every figure.
import { cpus, totalmem, platform, release } from 'node:os';

export function describeMachine(): string {
  const cpu = cpus();
  return (
    `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `${platform()} ${release()}, Node ${process.version}`
  );
}
