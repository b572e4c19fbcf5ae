import { describe, expect, it } from 'vitest';
import type { Organization } from '@/lib/ims/schemas';
import { consoleIdentityFor, resolveAemOrg } from '@/lib/worker/aem-org';

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

  it('takes the choice remembered for this console when the name is ambiguous', () => {
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

describe('resolveAemOrg: the URL decides over what the page shows', () => {
  const acmeCorp = org('2123456789ABCDEF01234567', 'Acme Corp');
  const acmeCorpTwin = org('3123456789ABCDEF01234567', 'Acme-Corp');

  it("takes the URL's tenant over another org's name in the page header", () => {
    expect(resolveAemOrg({ tenant: 'betastudio', orgName: 'Acme Marketing' }, [acme, beta], undefined)).toEqual({
      status: 'resolved',
      org: { id: 'ABCDEF0123456789ABCDEF01@AdobeOrg', name: 'Beta Studio' },
    });
  });

  it("lets the header pick only among the tenant's matches", () => {
    const among = [acmeCorp, acmeCorpTwin, beta];
    expect(resolveAemOrg({ tenant: 'acmecorp', orgName: 'acme-corp' }, among, undefined)).toMatchObject({
      status: 'resolved',
      org: { name: 'Acme-Corp' },
    });
    // A header naming an org outside the tenant's matches decides nothing: the admin chooses among them.
    expect(resolveAemOrg({ tenant: 'acmecorp', orgName: 'Beta Studio' }, among, undefined)).toMatchObject({
      status: 'ambiguous',
      candidates: [{ name: 'Acme Corp' }, { name: 'Acme-Corp' }],
    });
  });

  it('uses the header name where the tenant matches no org', () => {
    expect(resolveAemOrg({ tenant: 'acme-prod', orgName: 'Beta Studio' }, [acme, beta], undefined)).toMatchObject({
      status: 'resolved',
      org: { name: 'Beta Studio' },
    });
  });
});

describe('resolveAemOrg with an org id in the console URL', () => {
  it('resolves the org id itself, whatever the header or an earlier choice say', () => {
    const remembered = '1123456789ABCDEF01234567@AdobeOrg';
    expect(
      resolveAemOrg(
        { orgId: 'ABCDEF0123456789ABCDEF01@AdobeOrg', orgName: 'Acme Marketing' },
        [acme, beta],
        remembered,
      ),
    ).toEqual({ status: 'resolved', org: { id: 'ABCDEF0123456789ABCDEF01@AdobeOrg', name: 'Beta Studio' } });
  });

  it('lets no other org stand in for an org id that is not among the user’s orgs', () => {
    expect(resolveAemOrg({ orgId: 'FFFFFF0123456789ABCDEF01@AdobeOrg' }, [acme, beta], undefined)).toEqual({
      status: 'unknown',
      candidates: [],
    });
  });
});

describe('consoleIdentityFor: the tab URL wins over what the page reported', () => {
  const shellUrl =
    'https://experience.adobe.com/?repoId=author-p12345-e123456-cm.adobeaemcloud.com#/@acme/assets/settings/creative-cloud';

  it('takes tenant and author host from the tab URL and the org name from the page', () => {
    const reported = { tenant: 'evil', authorHost: 'author-p1-e1.adobeaemcloud.com', orgName: 'Acme Marketing' };
    expect(consoleIdentityFor(reported, shellUrl)).toEqual({
      tenant: 'acme',
      orgName: 'Acme Marketing',
      authorHost: 'author-p12345-e123456-cm.adobeaemcloud.com',
      consoleOrigin: 'https://experience.adobe.com',
    });
  });

  it('drops a reported tenant or org id when the tab URL names the console the other way', () => {
    const byOrgId = 'https://experience.adobe.com/#/@0123456789ABCDEF01234567@AdobeOrg/assets/browse';
    expect(consoleIdentityFor({ tenant: 'evil' }, byOrgId)).toEqual({
      orgId: '0123456789ABCDEF01234567@AdobeOrg',
      consoleOrigin: 'https://experience.adobe.com',
    });
    expect(consoleIdentityFor({ orgId: '1123456789ABCDEF01234567@AdobeOrg' }, shellUrl)).toMatchObject({
      tenant: 'acme',
    });
    expect(consoleIdentityFor({ orgId: '1123456789ABCDEF01234567@AdobeOrg' }, shellUrl)).not.toHaveProperty('orgId');
  });

  it("uses the app frame's own author host when the tab URL names none", () => {
    const frameUrl =
      'https://exc-unifiedcontent.experience.adobe.net/solutions/CQ-assets/?repoId=author-p7-e8.adobeaemcloud.com';
    const reported = { authorHost: 'author-p1-e1.adobeaemcloud.com' };
    expect(consoleIdentityFor(reported, 'https://experience.adobe.com/#/@acme/assets/browse', frameUrl)).toEqual({
      tenant: 'acme',
      authorHost: 'author-p7-e8.adobeaemcloud.com',
      consoleOrigin: 'https://experience.adobe.com',
    });
    // The tab's author host wins over the frame's.
    expect(consoleIdentityFor({}, shellUrl, frameUrl)).toMatchObject({
      authorHost: 'author-p12345-e123456-cm.adobeaemcloud.com',
    });
  });

  it('keeps what the page reported when neither URL names the console (a custom console host)', () => {
    const reported = { tenant: 'acme', orgName: 'Acme Marketing' };
    const page = 'https://aem.example.com/app/#/settings/creative-cloud';
    expect(consoleIdentityFor(reported, page, page)).toEqual({ ...reported, consoleOrigin: 'https://aem.example.com' });
    expect(consoleIdentityFor(reported, undefined)).toEqual(reported);
  });

  it('never takes the author host from the page: it receives the token', () => {
    const reported = { tenant: 'acme', authorHost: 'author-p66666-e66666.adobeaemcloud.com' };
    const page = 'https://aem.example.com/app/#/settings/creative-cloud';
    expect(consoleIdentityFor(reported, page, page)).not.toHaveProperty('authorHost');
    expect(consoleIdentityFor(reported, undefined)).not.toHaveProperty('authorHost');
  });
});
