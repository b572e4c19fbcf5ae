import { storedItem } from '../stored-items';
import { type AuthorHostBinding, type AuthorHostKey, authorHostBindingSchema, sameAuthorHostKey } from './trust';

/** The admin's confirmed bindings (docs/ARCHITECTURE.md#author-host-binding), in the protected store. */

/** Enough for every environment of many programs; a binding needs the admin's click, so no page can fill it. */
export const AUTHOR_HOST_BINDINGS_MAX = 200;

/** Only the worker writes it, on a message it checked (lib/worker/author-host-handlers.ts). */
export const authorHostBindingsItem = storedItem('authorHostBindings');

/** Each binding parsed on its own: one unreadable entry binds nothing and hides no other. */
export async function readAuthorHostBindings(): Promise<AuthorHostBinding[]> {
  const { value: stored } = await authorHostBindingsItem.read();
  return stored.flatMap((entry) => {
    const parsed = authorHostBindingSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function bindAuthorHost(binding: AuthorHostBinding): Promise<void> {
  const others = (await readAuthorHostBindings()).filter((existing) => !sameAuthorHostKey(existing, binding));
  await authorHostBindingsItem.setValue([...others, binding].slice(-AUTHOR_HOST_BINDINGS_MAX));
}

/** Whether a binding was removed. */
export async function unbindAuthorHost(key: AuthorHostKey): Promise<boolean> {
  const bindings = await readAuthorHostBindings();
  const kept = bindings.filter((existing) => !sameAuthorHostKey(existing, key));
  if (kept.length === bindings.length) return false;
  await authorHostBindingsItem.setValue(kept);
  return true;
}
