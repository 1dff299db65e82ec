export {
  CONDITION_OPS,
  conditionFieldIds,
  isFieldCondition,
  type Condition,
  type ConditionOp,
  type ConditionValue,
  type FieldCondition,
} from "./condition";
export { conditionSchema } from "./condition-schema";
export { evaluateCondition } from "./evaluate";
export {
  isFieldRequired,
  pruneHiddenAnswers,
  visibleFieldIds,
  visiblePages,
} from "./visibility";
