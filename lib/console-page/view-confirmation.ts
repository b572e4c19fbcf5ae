import { type CreativeCloudView, listboxOptions, type OrgNameRef, openListbox, optionsConfirmView } from './detect';

/**
 * Whether a view found by structure alone is Settings > Creative Cloud
 * (docs/ARCHITECTURE.md#console-hosts-and-detection). Labels confirm a view at once; structure
 * only once the picker's options, as the console shows them, are the user's orgs (the worker's
 * list). Until then the UI stays hidden, except to ask a signed-out user to sign in (without a
 * session there is no org list to compare with). A confirmation holds for as long as the view
 * stays mounted.
 */
export interface ViewConfirmation {
  /** Looks at the view as it is now; true once it is confirmed. */
  check(view: CreativeCloudView, orgs: readonly OrgNameRef[]): boolean;
  readonly confirmed: boolean;
}

export function createViewConfirmation(): ViewConfirmation {
  let confirmed = false;
  return {
    check(view, orgs) {
      if (confirmed || view.signal === 'labels') {
        confirmed = true;
        return true;
      }
      const listbox = openListbox(view);
      confirmed = !!listbox && optionsConfirmView(listboxOptions(listbox), orgs);
      return confirmed;
    },
    get confirmed() {
      return confirmed;
    },
  };
}
