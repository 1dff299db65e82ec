import { build, type Plugin } from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ValidatorJson } from "../runtime/validators";
import { findConfigFile } from "./discover";

/** One node of the component tree: the app (path `""`) or a component. */
export type ComponentNode = {
  /** Component path: `""` for the app, `a` for its child, `a/b` below. */
  path: string;
  /** The directory holding the component's functions. */
  dir: string;
  /** Child components by instance name. */
  children: Map<string, ComponentNode>;
  /** HTTP mounts of children: prefix (ending in `/`) to child name. */
  httpMounts: Map<string, string>;
  /**
   * Prefix (ending in `/`) of the app's own `http.js` routes, from
   * `defineApp({httpPrefix})`. It is null for components and unprefixed
   * apps.
   */
  httpPrefix: string | null;
  /**
   * Absolute path of the HTTP mount that serves this component, which
   * Convex appends to its `CONVEX_SITE_URL`. It is null when the component
   * is not mounted.
   */
  mountPath: string | null;
  /** Environment variables the parent binds with `use(child, {env})`. */
  envBindings: Map<string, EnvBinding>;
  /**
   * Environment variables the definition declares with `env`, or null when
   * it declares none: an app without `defineApp({env})`, or a component
   * whose `env` is empty.
   */
  envDeclarations: Map<string, EnvDeclaration> | null;
};

/** One variable of `use(child, {env})`: a value or the parent's variable. */
export type EnvBinding =
  { type: "value"; value: string } | { type: "envVar"; name: string };

/** One variable declared with `defineApp({env})` or `defineComponent`. */
export type EnvDeclaration = { validator: ValidatorJson; optional: boolean };

/** A declaration as `export()` serializes it: the validator as JSON text. */
type SerializedEnvDeclaration = {
  type: "value";
  value: string;
  optional?: boolean;
};

type ConfigExport = {
  childComponents: {
    name: string;
    path: string;
    env?: [string, EnvBinding][] | null;
  }[];
  httpMounts: Record<string, string>;
  httpPrefix?: string;
  envVars?: [string, SerializedEnvDeclaration][];
};

type LoadedDefinition = {
  _name?: string;
  export(): ConfigExport;
};

const CONFIG_IMPORT = /(^|\/)convex\.config(\.[cm]?[jt]sx?)?$/;
const DEFINITION_NAMESPACE = "convex-local-component-definition";

let configCounter = 0;

/**
 * Bundles and evaluates one `convex.config.*`. Imports of other
 * `convex.config` files become the `{componentDefinitionPath,
 * defaultName}` objects the Convex bundler injects, so `app.use` works.
 */
async function evaluateConfig(
  configFile: string,
  outDir: string,
): Promise<LoadedDefinition> {
  const plugin: Plugin = {
    name: "component-definitions",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: CONFIG_IMPORT }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData?.skip) {
          return undefined;
        }
        const resolved = await pluginBuild.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          pluginData: { skip: true },
        });
        if (resolved.errors.length > 0) {
          return { errors: resolved.errors };
        }
        return { path: resolved.path, namespace: DEFINITION_NAMESPACE };
      });
      pluginBuild.onLoad(
        { filter: /.*/, namespace: DEFINITION_NAMESPACE },
        async (args) => {
          const child = await evaluateConfig(args.path, outDir);
          const definition = {
            componentDefinitionPath: path.dirname(args.path),
            defaultName: child._name,
          };
          return {
            contents: `export default ${JSON.stringify(definition)};`,
            loader: "js",
          };
        },
      );
    },
  };
  mkdirSync(outDir, { recursive: true });
  configCounter += 1;
  const outfile = path.join(outDir, `config-${configCounter}.mjs`);
  await build({
    entryPoints: [configFile],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
    plugins: [plugin],
  });
  const loaded = (await import(pathToFileURL(outfile).href)) as {
    default: LoadedDefinition;
  };
  return loaded.default;
}

/**
 * Reads the env declarations of the definition in `dir` from its
 * `convex.config.*`. Returns null without a config or declarations.
 */
export async function loadEnvDeclarations(
  dir: string,
  outDir: string,
): Promise<Map<string, EnvDeclaration> | null> {
  const configFile = findConfigFile(dir, "convex.config");
  if (!configFile) return null;
  const definition = await evaluateConfig(configFile, outDir);
  return parseEnvDeclarations(definition.export().envVars);
}

/**
 * Reads the component tree of a Convex functions directory from its
 * `convex.config.*` and, recursively, each component's own config.
 */
export async function loadComponentTree(
  convexDir: string,
  outDir: string,
): Promise<ComponentNode> {
  const load = async (
    dir: string,
    componentPath: string,
    mountPath: string | null,
    envBindings: Map<string, EnvBinding>,
  ): Promise<ComponentNode> => {
    const node: ComponentNode = {
      path: componentPath,
      dir,
      children: new Map(),
      httpMounts: new Map(),
      httpPrefix: null,
      mountPath,
      envBindings,
      envDeclarations: null,
    };
    const configFile = findConfigFile(dir, "convex.config");
    if (!configFile) return node;
    const definition = await evaluateConfig(configFile, outDir);
    const exported = definition.export();
    node.httpPrefix = exported.httpPrefix ?? null;
    node.envDeclarations = parseEnvDeclarations(exported.envVars);
    for (const [prefix, reference] of Object.entries(exported.httpMounts)) {
      node.httpMounts.set(prefix, reference.split("/").pop()!);
    }
    for (const child of exported.childComponents) {
      const childPath =
        componentPath === "" ? child.name : `${componentPath}/${child.name}`;
      const childMount = [...node.httpMounts].find(
        ([, name]) => name === child.name,
      )?.[0];
      node.children.set(
        child.name,
        await load(
          child.path,
          childPath,
          absoluteMountPath(node, childMount),
          new Map(child.env ?? []),
        ),
      );
    }
    return node;
  };
  return load(convexDir, "", null, new Map());
}

function parseEnvDeclarations(
  serialized: [string, SerializedEnvDeclaration][] | undefined,
): Map<string, EnvDeclaration> | null {
  if (serialized === undefined) return null;
  const declarations = new Map<string, EnvDeclaration>();
  for (const [name, declaration] of serialized) {
    declarations.set(name, {
      validator: JSON.parse(declaration.value) as ValidatorJson,
      optional: declaration.optional === true,
    });
  }
  return declarations;
}

/**
 * Returns the absolute path of a child's mount, as Convex's component type
 * checking does: mounts in the app are absolute already, and mounts in a
 * mounted component extend its own mount path.
 */
function absoluteMountPath(
  parent: ComponentNode,
  mount: string | undefined,
): string | null {
  if (mount === undefined) return null;
  if (parent.path === "" || parent.mountPath === null) return mount;
  return `${parent.mountPath.replace(/\/+$/, "")}${mount}`;
}

/** Lists every node of a component tree, the app first. */
export function flattenComponents(root: ComponentNode): ComponentNode[] {
  const nodes: ComponentNode[] = [root];
  for (const child of root.children.values())
    nodes.push(...flattenComponents(child));
  return nodes;
}
