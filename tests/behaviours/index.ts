import { ATTACK_BEHAVIOURS } from './attacks';
import type { BehaviourGroup } from './behaviour';
import { CONSOLE_LANGUAGE_BEHAVIOURS } from './console-languages';
import { CONSOLE_SWITCH_BEHAVIOURS } from './console-switch';
import { CONSOLE_UI_BEHAVIOURS } from './console-ui';
import { FAULT_MATRIX_BEHAVIOURS } from './fault-matrix';
import { LIFECYCLE_BEHAVIOURS } from './lifecycle';
import { PICKER_FORM_BEHAVIOURS } from './picker-forms';
import { VIRTUALIZED_PICKER_BEHAVIOURS } from './virtualized-picker';

/** Every shared behaviour, in the order the runners register them. */
export const BEHAVIOUR_GROUPS: BehaviourGroup[] = [
  CONSOLE_UI_BEHAVIOURS,
  CONSOLE_SWITCH_BEHAVIOURS,
  CONSOLE_LANGUAGE_BEHAVIOURS,
  PICKER_FORM_BEHAVIOURS,
  VIRTUALIZED_PICKER_BEHAVIOURS,
  LIFECYCLE_BEHAVIOURS,
  FAULT_MATRIX_BEHAVIOURS,
  ATTACK_BEHAVIOURS,
];
