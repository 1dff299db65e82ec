/** One choice of a radio group, checkbox group or select. */
export interface ChoiceOption {
  /** Value stored in the answer. */
  value: string;
  /** Text shown to the person filling the form. */
  label: string;
}

/**
 * Returns the id of the option at `index`. The first option takes the
 * group's own id, so a label or an error link can point at the group.
 */
export function optionId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-option-${index}`;
}
