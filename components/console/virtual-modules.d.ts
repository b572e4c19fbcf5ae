/** Spectrum variables used by one stylesheet, as a string (see scripts/build/spectrum-tokens-plugin.ts). */
declare module 'virtual:spectrum-tokens/*' {
  const css: string;
  export default css;
}
