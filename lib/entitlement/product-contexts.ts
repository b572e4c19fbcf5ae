import type { Profile } from '../ims/shapes';
import { ACTIVE_STATUS_CODE, type Capability, SERVICE_CODES } from '../service-codes';

/** The capabilities a user holds, by the org id that owns each active product context. */
export type CapabilitiesByOrg = ReadonlyMap<string, ReadonlySet<Capability>>;

const CAPABILITY_BY_SERVICE_CODE: ReadonlyMap<string, Capability> = new Map(
  (Object.entries(SERVICE_CODES) as [Capability, readonly string[]][]).flatMap(([capability, codes]) =>
    codes.map((code) => [code, capability] as const),
  ),
);

/**
 * One pass over the profile's product contexts, so the model looks each org up once instead
 * of scanning every context per org (users of big enterprises have 1,000+ orgs).
 */
export function indexActiveCapabilities(profile: Profile): CapabilitiesByOrg {
  const byOrg = new Map<string, Set<Capability>>();
  for (const { prodCtx } of profile.projectedProductContext ?? []) {
    if (prodCtx.statusCode !== ACTIVE_STATUS_CODE) continue;
    const capability = CAPABILITY_BY_SERVICE_CODE.get(prodCtx.serviceCode);
    if (!capability) continue;
    // `owningEntity` is the full org id (`…@AdobeOrg`), the same form as orgIdFromRef().
    const capabilities = byOrg.get(prodCtx.owningEntity) ?? new Set<Capability>();
    capabilities.add(capability);
    byOrg.set(prodCtx.owningEntity, capabilities);
  }
  return byOrg;
}
