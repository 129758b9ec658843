// Microseconds per validation of one response: the compiled validator vs survey-core's Model (fresh and reused),
// on the kitchen-sink survey. A benchmark prints figures; it asserts nothing. Run: node --import tsx bench/validate.ts
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Model } from 'survey-core';
import { REGION_CODES } from '../server/catalog/regions';
import { registerCustomProperties } from '../server/catalog/serializer';
import type { SurveyJson } from '../server/catalog/types';
import { compileValidator } from '../server/catalog/validator';

const definition = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', 'test', 'fixtures', 'surveys', 'kitchen-sink', 'v1.json'),
    'utf8',
  ),
) as SurveyJson;

/** A complete valid response (every page visible) and one with a few mistakes. */
const valid: Record<string, unknown> = {
  region: 'KZ-55',
  role: 'other',
  'role-Comment': 'Координатор',
  age: 34,
  hours: 7.5,
  years_active: 5,
  mood: 8,
  experience: 'Көмек көрсеттім, ерікті болдым',
  has_org: true,
  org_kind: 'registered',
  org_size: 12,
  weekly_days: 3,
  fields: ['health', 'other'],
  'fields-Comment': 'Қайырымдылық',
  tools: ['telegram', 'sheets'],
  channels: ['radio'],
  priorities: ['people', 'money', 'space', 'training'],
  top_needs: ['transport'],
  satisfaction: { support: 4, supplies: 3, training: 5 },
  idea_b: 'Мектептерде',
  consent: true,
  contact_email: 'aigerim@example.kz',
  contact_phone: '+7 701 234 56 78',
  city: 'Шымкент',
  pairs: { x: 'a', y: 'c' },
  years_confirm: 10,
};
const invalid: Record<string, unknown> = {
  ...valid,
  region: 'kz-55',
  age: '34',
  fields: ['health', 'zzz'],
  extra: 1,
};

/** Wall-clock and CPU microseconds per run; on a busy box CPU time is the steadier of the two. */
function measure(label: string, iterations: number, run: () => void): number {
  for (let i = 0; i < Math.min(200, iterations); i++) run(); // warm-up: let the JIT settle
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  const wall = Number(process.hrtime.bigint() - start) / 1000 / iterations;
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = (cpuUsed.user + cpuUsed.system) / iterations;
  console.log(
    `${label.padEnd(52)} ${wall.toFixed(1).padStart(9)} µs wall ${cpu.toFixed(1).padStart(9)} µs CPU`,
  );
  return cpu;
}

registerCustomProperties();
const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
// Other work on the box inflates every figure below; the load average says how much to trust them.
console.log(`load average (1 min): ${loadavg()[0]?.toFixed(2) ?? '?'}`);
console.log(`survey: kitchen-sink v1 (${new Model(definition).getAllQuestions().length} questions)\n`);

const validate = compileValidator(definition, { regionCodes: REGION_CODES });
if (validate(valid).length > 0)
  throw new Error(`the valid sample is refused: ${JSON.stringify(validate(valid))}`);
const ours = measure('compiled validator, valid response', 50_000, () => validate(valid));
measure('compiled validator, response with 4 mistakes', 50_000, () => validate(invalid));

const reused = new Model(definition);
const core = (model: Model, data: Record<string, unknown>) => {
  model.data = data;
  model.validate(false, false);
};
const coreReused = measure('survey-core, one reused Model: data + validate()', 300, () =>
  core(reused, valid),
);
const coreFresh = measure('survey-core, new Model + data + validate()', 60, () =>
  core(new Model(definition), valid),
);
console.log(
  `\ncompiled validator is ${Math.round(coreReused / ours)}x faster than a reused Model, ${Math.round(coreFresh / ours)}x than a new one`,
);
