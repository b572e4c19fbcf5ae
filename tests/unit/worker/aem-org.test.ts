import { describe, expect, it } from 'vitest';
import type { Organization } from '@/lib/ims/shapes';
import { resolveAemOrg } from '@/lib/worker/aem-org';

function org(ident: string, orgName: string): Organization {
  return { orgName, orgRef: { ident, authSrc: 'AdobeOrg' } };
}
const acme = org('0123456789ABCDEF01234567', 'Acme Marketing');
const acmeTwin = org('1123456789ABCDEF01234567', 'Acme Marketing');
const beta = org('ABCDEF0123456789ABCDEF01', 'Beta Studio');

describe('resolveAemOrg', () => {
  it('resolves the header name, ignoring case and spacing', () => {
    expect(resolveAemOrg({ orgName: '  acme MARKETING ' }, [beta, acme], undefined)).toEqual({
      status: 'resolved',
      org: { id: '0123456789ABCDEF01234567@AdobeOrg', name: 'Acme Marketing' },
    });
  });

  it('falls back to the tenant slug when the header is missing', () => {
    expect(resolveAemOrg({ tenant: 'betastudio' }, [acme, beta], undefined)).toMatchObject({
      status: 'resolved',
      org: { name: 'Beta Studio' },
    });
  });

  it('asks the admin when two orgs share the header name', () => {
    expect(resolveAemOrg({ orgName: 'Acme Marketing' }, [acme, acmeTwin], undefined)).toMatchObject({
      status: 'ambiguous',
      candidates: [{ name: 'Acme Marketing' }, { name: 'Acme Marketing' }],
    });
  });

  it('prefers the choice remembered for this tenant', () => {
    const remembered = '1123456789ABCDEF01234567@AdobeOrg';
    expect(resolveAemOrg({ orgName: 'Acme Marketing' }, [acme, acmeTwin], remembered)).toMatchObject({
      status: 'resolved',
      org: { id: remembered },
    });
  });

  it('offers every org when nothing matches', () => {
    expect(resolveAemOrg({ orgName: 'Unknown Corp', tenant: 'unknown' }, [acme, beta], undefined)).toMatchObject({
      status: 'unknown',
      candidates: [{ name: 'Acme Marketing' }, { name: 'Beta Studio' }],
    });
  });
});
