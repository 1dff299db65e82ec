export {
  CONDITION_OPS,
  conditionFieldIds,
  conditionSchema,
  isFieldCondition,
  type Condition,
  type ConditionOp,
  type ConditionValue,
  type FieldCondition,
} from "./condition";
export { evaluateCondition } from "./evaluate";
export {
  isFieldRequired,
  pruneHiddenAnswers,
  visibleFieldIds,
  visiblePages,
} from "./visibility";
