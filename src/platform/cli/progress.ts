import { cliIo } from './io.js';

/** A one-line progress bar with rows/s on a terminal; silent when stderr is not a TTY. */
export function progressBar(stream: { write(text: string): unknown; isTTY?: boolean } = cliIo().stderr) {
  const started = performance.now();
  let last = 0;
  const enabled = Boolean(stream.isTTY);
  return {
    update(fraction: number, rows: number, label: string) {
      if (!enabled) return;
      const now = performance.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      const width = 30;
      const filled = Math.round(Math.min(1, fraction) * width);
      const rate = rows / Math.max(0.001, (now - started) / 1000);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)
          .toString()
          .padStart(3)}%  ${rows.toLocaleString('en-GB')} rows  ${Math.round(rate).toLocaleString('en-GB')} rows/s  ${name}\x1b[K`,
      );
    },
    done() {
      if (enabled) stream.write('\r\x1b[K');
    },
  };
}
