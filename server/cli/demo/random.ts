// A small seeded PRNG (sfc32, 128-bit state) and the draws the demo needs. Each response gets its own generator
// seeded from (seed, index), so the data depend only on --seed and the response's index, never on batch sizes.

/** splitmix32: spreads one 32-bit input over a well-mixed 32-bit output (used only to seed sfc32). */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

export class Random {
  // A 32-bit state (mulberry32) is not enough: among a million streams some start a few steps apart and repeat
  // each other's draws, ids included. sfc32's 128 bits make such overlaps vanishingly unlikely.
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** (seed, stream) pairs map to distinct (a, b) states; `salt` (e.g. a survey) varies c on top. */
  constructor(seed: number, stream = 0, salt = 0) {
    this.a = splitmix32(seed);
    this.b = splitmix32(this.a ^ stream);
    this.c =
      (splitmix32(this.b + 0x6d2b79f5) ^ splitmix32(stream + 0x632be5ab) ^ splitmix32(salt ^ 0x5bd1e995)) >>>
      0;
    this.d = 1; // sfc32's counter
    for (let i = 0; i < 12; i++) this.next(); // let the seeds mix before the first draw that matters
  }

  /** The generator of response `index` in the run seeded with `seed`, for the survey hashed into `salt`. */
  static for(seed: number, index: number, salt = 0): Random {
    return new Random(seed, index, salt);
  }

  /** FNV-1a of a text, as a salt: runs for different surveys must not share ids. */
  static salt(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Index drawn with probability proportional to its weight; weights need not sum to 1. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** `k` distinct indices drawn in order, each with probability proportional to its weight among those left. */
  weightedOrder(weights: readonly number[], k: number): number[] {
    const left = [...weights];
    const out: number[] = [];
    for (let n = 0; n < k && n < left.length; n++) {
      const i = this.weighted(left);
      if ((left[i] ?? 0) <= 0) break;
      out.push(i);
      left[i] = 0;
    }
    return out;
  }

  /** A version-4 UUID made of this generator's bits, so ids repeat exactly with the seed. */
  uuid(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    const a = hex(this.next() * 4294967296);
    const b = hex(this.next() * 4294967296);
    const c = hex(this.next() * 4294967296);
    const d = hex(this.next() * 4294967296);
    const variant = ((parseInt(c[0] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
