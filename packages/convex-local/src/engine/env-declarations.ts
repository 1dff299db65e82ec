import path from "node:path";
import {
  flattenComponents,
  type ComponentNode,
  type EnvDeclaration,
} from "../bundle/components";
import { HttpError } from "../http/errors";
import { validateValue, type ValidatorJson } from "../runtime/validators";
import type { EnvChange } from "../storage/env-store";

/**
 * A push or environment variable change that Convex rejects, with its
 * error code and text. The message is Convex's text without the code.
 */
export class EnvDeclarationError extends HttpError {
  constructor(code: string, message: string) {
    super(400, code, message);
    this.name = "EnvDeclarationError";
  }
}

const NO_DECLARATIONS = new Map<string, EnvDeclaration>();

function declarationsOf(node: ComponentNode): Map<string, EnvDeclaration> {
  return node.envDeclarations ?? NO_DECLARATIONS;
}

/**
 * Checks the app's env declarations and bindings as a Convex push does,
 * in its order: every declared validator is string-like, and every
 * `use(child, {env})` binding fits the child's declarations. Throws
 * `EnvDeclarationError` on the first problem.
 */
export function checkEnvBindings(root: ComponentNode): void {
  checkDeclaredValidators(root);
  checkChildBindings(root);
}

/**
 * Rejects a declaration whose validator is not string-like, as
 * `validate_env_var_declarations` in the Convex backend's
 * crates/application/src/deploy_config.rs does.
 */
function checkDeclaredValidators(root: ComponentNode): void {
  for (const node of flattenComponents(root)) {
    for (const [name, declaration] of declarationsOf(node)) {
      if (isStringLike(declaration.validator)) continue;
      const label =
        node.path === ""
          ? "the app"
          : `component ${definitionPath(root, node)}`;
      throw new EnvDeclarationError(
        "InvalidEnvVarDeclaration",
        `Env var \`${name}\` on ${label} has a non-string validator. Component env vars must be declared with \`v.string()\`, \`v.literal("...")\`, or a union of those.`,
      );
    }
  }
}

/**
 * Spells a definition's folder relative to the app's, as the Convex CLI's
 * `toComponentDefinitionPath` does for push requests.
 */
function definitionPath(root: ComponentNode, node: ComponentNode): string {
  return path.relative(root.dir, node.dir).split(path.sep).join("/");
}

function isStringLike(validator: ValidatorJson): boolean {
  switch (validator.type) {
    case "string":
      return true;
    case "literal":
      return typeof validator.value === "string";
    case "union":
      return validator.value.every(isStringLike);
    default:
      return false;
  }
}

/**
 * Checks each child's bindings against its declarations, then its required
 * variables, depth first in installation order, as `TypecheckContext::
 * instantiate` and `validate_component_env` in the Convex backend's
 * crates/model/src/components/type_checking.rs do. A binding to a
 * parent's variable must name one the parent declares.
 */
function checkChildBindings(parent: ComponentNode): void {
  const parentDeclarations = declarationsOf(parent);
  for (const child of parent.children.values()) {
    const component = debugComponentPath(child.path);
    const declarations = declarationsOf(child);
    for (const [name, binding] of sortedByName(child.envBindings)) {
      const declaration = declarations.get(name);
      if (!declaration) {
        throw typecheckError(
          `Component ${component} has no env var named ${debugIdentifier(name)}`,
        );
      }
      const variable = `env var ${debugIdentifier(name)}`;
      if (binding.type === "value") {
        const problem = validateValue(
          declaration.validator,
          binding.value,
          () => null,
        );
        if (problem) {
          throw typecheckError(
            `Component ${component} has an invalid value for ${variable}: ${problem}`,
          );
        }
        continue;
      }
      const parentDeclaration = parentDeclarations.get(binding.name);
      if (!parentDeclaration) {
        throw typecheckError(
          `Component ${component} ${variable} references undeclared parent env var ${binding.name}`,
        );
      }
      if (parentDeclaration.optional && !declaration.optional) {
        throw typecheckError(
          `Component ${component} ${variable} is required, but parent env var ${binding.name} is optional`,
        );
      }
      if (!isSubset(parentDeclaration.validator, declaration.validator)) {
        throw typecheckError(
          `Component ${component} ${variable} validator is not satisfied by parent env var ${binding.name} validator`,
        );
      }
    }
    for (const [name, declaration] of sortedByName(declarations)) {
      if (!declaration.optional && !child.envBindings.has(name)) {
        throw typecheckError(
          `Component ${component} is missing required env var ${debugIdentifier(name)}`,
        );
      }
    }
    checkChildBindings(child);
  }
}

/** Lists a map's entries by name, as Convex's `BTreeMap`s iterate. */
function sortedByName<T>(entries: Map<string, T>): [string, T][] {
  return [...entries].sort(([a], [b]) => compareNames(a, b));
}

/** Orders names by code unit, which for ASCII names is Rust's byte order. */
function compareNames(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function typecheckError(message: string): EnvDeclarationError {
  return new EnvDeclarationError("TypecheckError", message);
}

/**
 * Spells a component path as Rust's `Debug` prints Convex's
 * `ComponentPath`, which its type-checking errors use:
 * `[ComponentName(Identifier("a")), ComponentName(Identifier("b"))]`.
 */
function debugComponentPath(componentPath: string): string {
  const names = componentPath
    .split("/")
    .map((name) => `ComponentName(${debugIdentifier(name)})`);
  return `[${names.join(", ")}]`;
}

/** Spells a name as Rust's `Debug` prints Convex's `Identifier`. */
function debugIdentifier(name: string): string {
  return `Identifier(${JSON.stringify(name)})`;
}

/**
 * Reports whether every value `subset` accepts is accepted by `superset`,
 * as Convex's `Validator::is_subset` decides it for string-like
 * validators, the only ones env declarations may use.
 */
function isSubset(subset: ValidatorJson, superset: ValidatorJson): boolean {
  if (JSON.stringify(subset) === JSON.stringify(superset)) return true;
  if (superset.type === "any") return true;
  if (
    subset.type === "literal" &&
    typeof subset.value === "string" &&
    superset.type === "string"
  ) {
    return true;
  }
  if (subset.type === "union") {
    return subset.value.every((option) => isSubset(option, superset));
  }
  if (superset.type === "union") {
    return superset.value.some((option) => isSubset(subset, option));
  }
  return false;
}

/**
 * Checks the deployment's variables against the app's declarations, as
 * Convex's `finish_push` does after the checks of `checkEnvBindings`:
 * required ones must be set, and set ones must match their validators.
 */
export function checkDeploymentEnv(
  root: ComponentNode,
  deploymentEnv: Record<string, string>,
): void {
  const declarations = declarationsOf(root);
  const missing = sortedByName(declarations)
    .filter(([, declaration]) => !declaration.optional)
    .map(([name]) => name)
    .filter((name) => deploymentEnv[name] === undefined);
  if (missing.length > 0) {
    throw new EnvDeclarationError(
      "MissingEnvironmentVariables",
      `Required environment variables are not set: ${missing.join(", ")}. Set them in the Convex dashboard or CLI before pushing.`,
    );
  }
  const names = Object.keys(deploymentEnv).sort();
  for (const name of names) {
    checkDeclaredValue(declarations, name, deploymentEnv[name]!);
  }
}

/**
 * Rejects a value that does not match the app's declaration of its
 * variable, as `validate_env_var_values` in the Convex backend's
 * crates/application/src/lib.rs does.
 */
function checkDeclaredValue(
  declarations: Map<string, EnvDeclaration>,
  name: string,
  value: string,
): void {
  const declaration = declarations.get(name);
  if (!declaration) return;
  const problem = validateValue(declaration.validator, value, () => null);
  if (problem) {
    throw new EnvDeclarationError(
      "InvalidEnvironmentVariable",
      `Environment variable ${name} does not match its declared validator: ${problem}`,
    );
  }
}

/**
 * Checks changes of the deployment's variables against the app's
 * declarations, as Convex's `update_environment_variables` does: first
 * that no required variable is removed, naming all that are, then that
 * each set value matches its validator. A change without a value is a
 * removal.
 */
export function checkDeclaredEnvChanges(
  root: ComponentNode,
  changes: EnvChange[],
): void {
  const declarations = declarationsOf(root);
  const blocked = changes
    .filter(
      ({ name, value }) =>
        value === undefined && declarations.get(name)?.optional === false,
    )
    .map(({ name }) => name);
  if (blocked.length > 0) {
    throw new EnvDeclarationError(
      "RequiredEnvironmentVariable",
      `Cannot delete required environment variables: ${blocked.join(", ")}. These are declared as required in the app definition.`,
    );
  }
  for (const { name, value } of changes) {
    if (value !== undefined) checkDeclaredValue(declarations, name, value);
  }
}
