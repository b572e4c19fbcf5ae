import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMS_SCOPES } from '../../lib/ims/schemas';
import { REPO_ROOT } from '../e2e/support/paths';

// IT registers the IMS client from docs/ENTERPRISE.md's steps: the scopes there must be the ones the
// extension really asks for, or sign-in fails with an IMS scope error after the rollout.
describe('the sign-in setup for IT', () => {
  const guide = readFileSync(path.join(REPO_ROOT, 'docs/ENTERPRISE.md'), 'utf8');
  const start = guide.indexOf('## Setting up sign-in (the IMS client)');
  const setup = guide.slice(start, guide.indexOf('\n## ', start + 1));

  it('lists exactly the scopes the extension asks IMS for', () => {
    expect(start).toBeGreaterThan(-1);
    expect(setup).toContain(`\`${IMS_SCOPES.join(',')}\``);
  });

  it('names the credential type IMS needs for a public client with PKCE', () => {
    expect(setup).toContain('Single-Page App');
    expect(setup).toContain('PKCE');
  });
});
