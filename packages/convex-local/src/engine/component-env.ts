import type { ComponentNode, EnvBinding } from "../bundle/components";

/** The deployment URLs passed to every component as system variables. */
export type DeploymentUrls = { cloudUrl: string; siteUrl: string };

/**
 * Returns the `process.env` of the component at `componentPath`, as Convex's
 * `get_environment_variable` (crates/isolate/src/environment/udf/phase.rs)
 * serves it. The app gets the deployment's variables. A component gets only
 * the variables its parent binds with `use(child, {env})`, which name a
 * value or one of the parent's own variables, and the system variables
 * `CONVEX_CLOUD_URL` and `CONVEX_SITE_URL`, the latter extended by the
 * component's HTTP mount path.
 */
export function componentEnvironment(
  root: ComponentNode,
  componentPath: string,
  deploymentEnv: Record<string, string>,
  urls: DeploymentUrls,
): Record<string, string> {
  const system = {
    CONVEX_CLOUD_URL: urls.cloudUrl,
    CONVEX_SITE_URL: urls.siteUrl,
  };
  if (componentPath === "") return { ...deploymentEnv, ...system };

  let node = root;
  let parentEnv = deploymentEnv;
  for (const name of componentPath.split("/")) {
    const child = node.children.get(name);
    if (!child) {
      throw new Error(`Component "${componentPath}" is not installed`);
    }
    parentEnv = resolveBindings(child.envBindings, parentEnv);
    node = child;
  }
  const siteUrl =
    node.mountPath === null
      ? urls.siteUrl
      : `${urls.siteUrl.replace(/\/+$/, "")}${node.mountPath.replace(/\/+$/, "")}`;
  return {
    ...system,
    CONVEX_SITE_URL: siteUrl,
    ...parentEnv,
  };
}

function resolveBindings(
  bindings: Map<string, EnvBinding>,
  parentEnv: Record<string, string>,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, binding] of bindings) {
    const value =
      binding.type === "value" ? binding.value : parentEnv[binding.name];
    if (value !== undefined) resolved[name] = value;
  }
  return resolved;
}
