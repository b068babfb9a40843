import { fill, type SlotFill } from '@renderer/app/slots';
import { AllocationDuties } from './AllocationDuties';
import { MonthSnapshot } from './MonthSnapshot';
import { ReplacementDuties } from './ReplacementDuties';
import { RollOffDuties } from './RollOffDuties';
import { WhoRespondsButton } from './WhoResponds';

/**
 * Where the ownership matrix shows on other areas' screens. The lower areas offer the slots
 * (continuity, plan, portfolio, billing) and never import ownership; the ownership area's
 * declaration hands these over (`slots: ownershipSlotFills`).
 *
 * Queries these fills use, each refreshed by the ownership commands that change it (ownership's
 * stale.ts) and by 'replacements.fulfil' (hand-over) and 'months.approve' (snapshot):
 * 'ownership.personLoad', 'ownership.whoResponds', 'ownership.snapshot'.
 */
export const ownershipSlotFills: readonly SlotFill[] = [
  fill('replacement.duties', 'ownership.replacementDuties', ReplacementDuties),
  fill('rollOff.duties', 'ownership.rollOffDuties', RollOffDuties),
  fill('allocation.sections', 'ownership.allocationDuties', AllocationDuties),
  fill('model.actions', 'ownership.whoResponds', WhoRespondsButton),
  fill('month.sections', 'ownership.monthSnapshot', MonthSnapshot),
];
