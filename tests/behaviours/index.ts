import { ATTACK_BEHAVIOURS } from './attacks';
import type { BehaviourGroup } from './behaviour';
import { CONSOLE_SWITCH_BEHAVIOURS } from './console-switch';
import { CONSOLE_UI_BEHAVIOURS } from './console-ui';
import { LIFECYCLE_BEHAVIOURS } from './lifecycle';
import { PICKER_FORM_BEHAVIOURS } from './picker-forms';

/** Every shared behaviour, in the order the runners register them. */
export const BEHAVIOUR_GROUPS: BehaviourGroup[] = [
  CONSOLE_UI_BEHAVIOURS,
  CONSOLE_SWITCH_BEHAVIOURS,
  PICKER_FORM_BEHAVIOURS,
  LIFECYCLE_BEHAVIOURS,
  ATTACK_BEHAVIOURS,
];
