// A one-line progress bar on stderr (rows, rows/s, ETA), so stdout can carry the CSV itself with `--out -`.

export interface Progress {
  update(rows: number): void;
  done(rows: number): void;
}

const WIDTH = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Redraws at most every 100 ms on a terminal; off a terminal (a log, CI) only the final line is written. */
export function createProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  clock = () => performance.now(),
): Progress {
  const started = clock();
  let drawn = 0;
  const line = (rows: number) => {
    const seconds = (clock() - started) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    const share = total > 0 ? Math.min(1, rows / total) : 1;
    const bar = '#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.');
    const eta = rate > 0 ? duration((total - rows) / rate) : '--:--';
    return `[${bar}] ${rows.toLocaleString('en')}/${total.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s  ETA ${eta}`;
  };
  return {
    update(rows) {
      if (!stream.isTTY || clock() - drawn < 100) return;
      drawn = clock();
      stream.write(`\r${line(rows)}\u001b[K`);
    },
    done(rows) {
      const seconds = (clock() - started) / 1000;
      const summary = `${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`;
      stream.write(stream.isTTY ? `\r${line(rows)}\u001b[K\n${summary}\n` : `${summary}\n`);
    },
  };
}
