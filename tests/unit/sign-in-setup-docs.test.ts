import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMS_SCOPES } from '../../lib/ims/schemas';
import { REPO_ROOT } from '../e2e/support/paths';

// IT registers the IMS client from the README's steps: the scopes there must be the ones the
// extension really asks for, or sign-in fails with an IMS scope error after the rollout.
describe("the README's sign-in setup for IT", () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const setup = readme.slice(readme.indexOf('### Setting up sign-in for production'));

  it('lists exactly the scopes the extension asks IMS for', () => {
    expect(setup).toContain(`\`${IMS_SCOPES.join(',')}\``);
  });

  it('names the credential type IMS needs for a public client with PKCE', () => {
    expect(setup).toContain('Single-Page App');
    expect(setup).toContain('PKCE');
  });
});
