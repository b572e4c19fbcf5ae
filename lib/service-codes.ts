/**
 * IMS `projectedProductContext[].prodCtx.serviceCode` values that stand for each
 * capability. The sandbox provisions its users from this same table, so a real code that
 * turns out different is a one-line fix here.
 */
export const SERVICE_CODES = {
  creativeCloud: ['creative_cloud'],
  // Adobe Express grew out of Adobe Spark and still carries its service code.
  express: ['spark'],
  libraries: ['cc_libraries'],
} as const satisfies Record<string, readonly string[]>;

export type Capability = keyof typeof SERVICE_CODES;

export const ACTIVE_STATUS_CODE = 'ACTIVE';
