/**
 * Light or dark as the console shows it: a Spectrum theme class on the page, or a
 * `color-scheme` the page declares. Without either, the stylesheet follows the OS
 * (`prefers-color-scheme`).
 */
export function consoleTheme(doc: Document): 'light' | 'dark' | undefined {
  const classes = [...doc.documentElement.classList, ...(doc.body?.classList ?? [])];
  if (classes.some((name) => /^spectrum--dark(est)?$/.test(name))) return 'dark';
  if (classes.some((name) => /^spectrum--light(est)?$/.test(name))) return 'light';
  const scheme = getComputedStyle(doc.documentElement).colorScheme.trim();
  if (scheme === 'dark' || scheme === 'light') return scheme;
  return undefined;
}

export function applyConsoleTheme(host: HTMLElement, doc: Document): void {
  const theme = consoleTheme(doc);
  if (theme) host.dataset.theme = theme;
  else delete host.dataset.theme;
}
