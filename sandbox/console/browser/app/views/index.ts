import { ROUTES } from '../../routes';
import { navEntryFor } from '../navigation';
import { assetsView } from './assets';
import { creativeCloudView } from './creative-cloud';
import { generalSettingsView } from './general-settings';
import { notInSandboxView } from './not-in-sandbox';
import type { View, ViewContext } from './view';

/** The views the sandbox models; every other navigation entry says it is not modeled. */
export function viewFor(route: string, context: ViewContext): { view: View; title: string } {
  const { t } = context;
  if (route === ROUTES.creativeCloud) return { view: creativeCloudView(context), title: t('ccTitle') };
  if (route === ROUTES.generalSettings) return { view: generalSettingsView(context), title: t('generalTitle') };
  if (route === ROUTES.assets) return { view: assetsView(context), title: t('assetsTitle') };
  const entry = navEntryFor(route);
  const title = entry ? t(entry.label) : t('notFoundTitle');
  return { view: notInSandboxView(context, title), title };
}
