// A progress bar on stderr for long CLI work; silent when stderr is not a terminal except for a final line.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Start a bar of `total` units (labelled); falls back to nothing on non-TTY stderr. */
export function startProgress(label: string, total: number): Progress {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0);
  return { update: (d) => bar.update(Math.min(d, total)), stop: () => bar.stop() };
}
