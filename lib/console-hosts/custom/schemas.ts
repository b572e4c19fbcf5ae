import { z } from 'zod/mini';
import { isSandboxBuild } from '../../build-flavor';

/** One host per entry, no wildcard: `https://<host>/*`, or `http://<name>.localhost/*` (sandbox builds). */
const matchPatternSchema = z
  .string()
  .check(
    z.regex(isSandboxBuild ? /^(https:\/\/[^/*]+|http:\/\/([^/*:]+\.)?localhost)\/\*$/ : /^https:\/\/[^/*]+\/\*$/),
  );

export const customConsoleHostSchema = z.strictObject({
  origin: z.url(),
  matchPattern: matchPatternSchema,
});
export const customConsoleHostsSchema = z.array(customConsoleHostSchema);
