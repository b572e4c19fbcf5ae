/** Spectrum variables used by one stylesheet, as a string (see theme/spectrum-tokens-plugin.ts). */
declare module 'virtual:spectrum-tokens/*' {
  const css: string;
  export default css;
}
