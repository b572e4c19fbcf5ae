import type { BehaviourGroup } from './behaviour';
import { FAULT_MATRIX_BEHAVIOURS } from './fault-matrix';
import { PICKER_FORM_BEHAVIOURS } from './picker-forms';

/** Every shared behaviour, in the order the runners register them. */
export const BEHAVIOUR_GROUPS: BehaviourGroup[] = [PICKER_FORM_BEHAVIOURS, FAULT_MATRIX_BEHAVIOURS];
