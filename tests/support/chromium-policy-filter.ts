/**
 * What Chrome does to an extension's managed policy before the extension can read it, for unit
 * tests (the real browser proves the same in `tests/e2e/managed-policy.spec.ts`).
 *
 * Chromium's `SchemaMap::FilterBundle` (components/policy/core/common/schema_map.cc) validates each
 * top-level field on its own against the extension's `managed_schema.json` with
 * `Schema::Normalize(value, SCHEMA_ALLOW_UNKNOWN)` (schema.cc) and erases every field that does not
 * validate, and every field the schema does not declare. Within a field, unknown object
 * properties are allowed, but one list item of the wrong type or pattern fails the whole field
 * (only `SCHEMA_ALLOW_UNKNOWN_AND_INVALID_LIST_ENTRY` would drop the item instead). Types are
 * exact: no string "true" for a boolean; an integer passes for a number.
 */
export interface PolicySchema {
  type: 'array' | 'boolean' | 'integer' | 'number' | 'object' | 'string';
  properties?: Record<string, PolicySchema>;
  items?: PolicySchema;
  enum?: unknown[];
  pattern?: string;
}

function validates(value: unknown, schema: PolicySchema): boolean {
  switch (schema.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value) && (!schema.enum || schema.enum.includes(value));
    case 'number':
      return typeof value === 'number';
    case 'string':
      return (
        typeof value === 'string' &&
        (!schema.enum || schema.enum.includes(value)) &&
        // re2::RE2::PartialMatch: the pattern may match anywhere unless it is anchored.
        (!schema.pattern || new RegExp(schema.pattern).test(value))
      );
    case 'array':
      return (
        Array.isArray(value) &&
        schema.items !== undefined &&
        value.every((item) => validates(item, schema.items as PolicySchema))
      );
    case 'object':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(([key, item]) => {
          const property = schema.properties?.[key];
          return property === undefined || validates(item, property);
        })
      );
  }
}

/** The fields of `policy` Chrome hands the extension under `schema`. */
export function chromiumFilteredPolicy(policy: Record<string, unknown>, schema: PolicySchema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(policy).filter(([field, value]) => {
      const property = schema.properties?.[field];
      return property !== undefined && validates(value, property);
    }),
  );
}
