import { z } from 'zod/mini';

/**
 * The "page shape" of one console frame, for support (docs/ARCHITECTURE.md#diagnostics): the roles
 * and accessible names of the controls near the view, and why detection matched or not. A content
 * script collects it (lib/console-page/page-shape.ts) when the worker asks; the worker parses it
 * with this schema and redacts it (lib/diagnostics/page-shape.ts) before it enters a report.
 */
const text = z.string().check(z.maxLength(160));

export const pageShapeControlSchema = z.strictObject({
  role: z.string().check(z.maxLength(20)),
  /** The accessible name; a picker's picked value is never included, only its own label. */
  name: text,
  popup: z.optional(z.string().check(z.maxLength(20))),
  expanded: z.optional(z.boolean()),
  disabled: z.optional(z.boolean()),
});

export const pageShapeSchema = z.strictObject({
  topFrame: z.boolean(),
  lang: z.string().check(z.maxLength(35)),
  detection: z.strictObject({
    signal: z.enum(['labels', 'structure', 'none']),
    /** The profile language whose labels matched. */
    locale: z.optional(z.string().check(z.maxLength(35))),
    reason: z.string().check(z.maxLength(300)),
  }),
  /** Listbox pickers in the frame, each with the buttons beside it. */
  pickers: z
    .array(
      z.strictObject({ picker: pageShapeControlSchema, nearby: z.array(pageShapeControlSchema).check(z.maxLength(8)) }),
    )
    .check(z.maxLength(4)),
  /** Headings of the view's container (the card's and the section's). */
  headings: z.array(text).check(z.maxLength(8)),
  orgIdShown: z.strictObject({ section: z.boolean(), beside: z.boolean() }),
  listbox: z.strictObject({ open: z.boolean(), options: z.number() }),
});
export type PageShape = z.infer<typeof pageShapeSchema>;
export type PageShapeControl = z.infer<typeof pageShapeControlSchema>;
