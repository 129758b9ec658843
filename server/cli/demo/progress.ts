// A progress bar on stderr: done/total, rate and ETA. Redrawn in place on a terminal, a line per 10% otherwise.

const WIDTH = 28;

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

export interface Progress {
  update(done: number): void;
  finish(done: number): void;
}

export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = performance.now();
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  const line = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const share = total > 0 ? done / total : 1;
    const filled = Math.round(share * WIDTH);
    return (
      `${label} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ` +
      `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${Math.round(rate).toLocaleString('en-US')}/s  ` +
      `ETA ${clock(rate > 0 ? (total - done) / rate : Infinity)}`
    );
  };
  return {
    update(done) {
      const now = performance.now();
      if (tty) {
        if (now - lastDraw < 100) return; // redrawing faster than the eye only costs time
        lastDraw = now;
        stream.write(`\r${line(done)}\x1b[K`);
      } else {
        const tenth = Math.floor((done / total) * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          stream.write(`${line(done)}\n`);
        }
      }
    },
    finish(done) {
      if (tty) stream.write(`\r${line(done)}\x1b[K\n`);
      else if (lastTenth < 10) stream.write(`${line(done)}\n`);
    },
  };
}
