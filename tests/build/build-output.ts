import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BUILD_DIRS, type BuildName } from '../e2e/support/paths';

/** The manifest fields the build-output tests read; anything else passes through untouched. */
export const builtManifestSchema = z.looseObject({
  manifest_version: z.number(),
  version: z.string(),
  permissions: z.array(z.string()).default([]),
  host_permissions: z.array(z.string()).default([]),
  optional_host_permissions: z.array(z.string()).optional(),
  optional_permissions: z.array(z.string()).optional(),
  web_accessible_resources: z
    .array(z.looseObject({ resources: z.array(z.string()), matches: z.array(z.string()).optional() }))
    .default([]),
  background: z.looseObject({ service_worker: z.string().optional(), scripts: z.array(z.string()).optional() }),
  content_scripts: z.array(z.looseObject({ matches: z.array(z.string()), js: z.array(z.string()).optional() })),
  icons: z.record(z.string(), z.string()).default({}),
  browser_specific_settings: z
    .looseObject({ gecko: z.looseObject({ id: z.string().optional() }).optional() })
    .optional(),
});
export type BuiltManifest = z.infer<typeof builtManifestSchema>;

export interface ReadManifest {
  raw: string;
  manifest: BuiltManifest;
}

/** `npm test` builds first; run alone, these tests need `npm run build && npm run build:sandbox`. */
export function readBuiltManifest(build: BuildName): ReadManifest {
  const file = path.join(BUILD_DIRS[build], 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run npm run build && npm run build:sandbox (npm test does both)`);
  }
  const raw = readFileSync(file, 'utf8');
  return { raw, manifest: builtManifestSchema.parse(JSON.parse(raw)) };
}
