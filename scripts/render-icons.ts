import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, REPO_ROOT } from '../tests/e2e/support/paths';

/**
 * Renders `public/icon/icon.svg` into the PNG sizes the stores and browsers ask for
 * (`public/icon/<size>.png`, which WXT puts in the manifest). Run after changing the SVG:
 * `npx tsx scripts/render-icons.ts`. The PNGs are committed, so builds need no browser.
 */
const SIZES = [16, 32, 48, 96, 128];

const svg = readFileSync(path.join(REPO_ROOT, 'public/icon/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: path.join(REPO_ROOT, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Rendered ${SIZES.map((size) => `${size}px`).join(', ')} into public/icon/`);
