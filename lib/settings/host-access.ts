import type { EnvironmentChoice } from './schemas';

/**
 * The host permissions a custom environment needs: the worker calls its IMS and Assets
 * origins, which the manifest grants only for Adobe's own hosts. https origins are asked for
 * at run time (the manifest's optional `https://*\/*`); loopback http needs no request in a
 * sandbox build, which already grants it, and cannot be granted to a production build.
 */
export function hostPermissionsFor(environment: EnvironmentChoice | undefined): string[] {
  if (environment?.name !== 'custom' || !environment.baseUrls) return [];
  const { imsBaseUrl, assetsBaseUrl } = environment.baseUrls;
  // Without an Assets override the API is on an AEM author host, which the manifest already grants.
  const origins = [imsBaseUrl, ...(assetsBaseUrl ? [assetsBaseUrl] : [])]
    .map((url) => new URL(url))
    .filter((url) => url.protocol === 'https:')
    .map((url) => `${url.origin}/*`);
  return [...new Set(origins)];
}
