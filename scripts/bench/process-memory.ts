import { readdirSync, readFileSync } from 'node:fs';

/**
 * Proportional set size (PSS) of the extension's own process (Chromium runs the worker in a
 * renderer started with `--extension-process`), read from /proc/<pid>/smaps_rollup as
 * Linux reports it. Only processes descended from the browser that loaded `extensionDir`
 * count, so other browsers on the machine do not. NaN when not found (not Linux, say).
 */

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
// Chromium rewrites its children's argv into one space-separated string: match on the text.
const cmdline = (pid: number) => read(`/proc/${pid}/cmdline`).replaceAll('\0', ' ');
const parentOf = (pid: number) => Number(read(`/proc/${pid}/stat`).split(') ')[1]?.split(' ')[1] ?? 0);

function descendsFrom(pid: number, ancestor: number): boolean {
  for (let current = pid, hops = 0; current > 1 && hops < 10; hops += 1) {
    if (current === ancestor) return true;
    current = parentOf(current);
  }
  return false;
}

export function extensionProcessPss(extensionDir: string): number {
  const pids = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
  const browser = pids.find((pid) => {
    const args = cmdline(pid);
    return !args.includes('--type=') && args.includes(`--load-extension=${extensionDir} `);
  });
  if (!browser) return Number.NaN;
  const extensionProcesses = pids.filter(
    (pid) => cmdline(pid).includes('--extension-process') && descendsFrom(pid, browser),
  );
  let kilobytes = 0;
  for (const pid of extensionProcesses) {
    kilobytes += Number(read(`/proc/${pid}/smaps_rollup`).match(/^Pss:\s+(\d+) kB/m)?.[1] ?? Number.NaN);
  }
  return extensionProcesses.length === 0 ? Number.NaN : kilobytes * 1000;
}
