/** describe → the field facts the mapping rules need (SfFieldDescribe, R7.2 / R7.7). */
import type { Field } from 'jsforce';
import type { SfFieldDescribe } from '../../engine/rules/mappings.js';

export function toFieldDescribe(field: Field): SfFieldDescribe {
  const described: SfFieldDescribe = {
    name: field.name,
    type: field.type,
    updateable: field.updateable,
    calculated: field.calculated,
  };
  if (field.length) described.length = field.length;
  if (field.picklistValues && field.picklistValues.length > 0) {
    described.picklistValues = field.picklistValues.map((p) => ({
      value: p.value,
      label: p.label ?? undefined,
      active: p.active,
    }));
  }
  return described;
}
