import { cpSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { bundleComponent, type BundledComponent } from "../bundle/bundle";
import {
  flattenComponents,
  loadComponentTree,
  type ComponentNode,
} from "../bundle/components";
import type { ValidatorJson } from "../runtime/validators";
import { runInInvocation, type Invocation } from "../runtime/global";
import type {
  SearchIndexDefinition,
  VectorIndexDefinition,
} from "../search/indexes";

/** The kinds of registered Convex functions. */
export type FunctionKind = "query" | "mutation" | "action" | "httpAction";

/** A registered function as the `*Generic` builders return it. */
export type RegisteredFunction = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isHttp?: boolean;
  isPublic?: boolean;
  isInternal?: boolean;
  invokeQuery?(argsJson: string): Promise<string>;
  invokeMutation?(argsJson: string): Promise<string>;
  invokeAction?(requestId: string, argsJson: string): Promise<string>;
  invokeHttpAction?(request: Request): Promise<Response>;
  exportArgs?(): string;
  exportReturns?(): string;
};

/** A function found by path, with what callers need to run it. */
export type ResolvedFunction = {
  fn: RegisteredFunction;
  kind: FunctionKind;
  visibility: "public" | "internal";
  /** Canonical `module:function` path inside its component. */
  udfPath: string;
  component: LoadedComponent;
};

/** The tables, indexes and validation switch of one component's schema. */
export type SchemaJson = {
  tables: {
    tableName: string;
    indexes: { indexDescriptor: string; fields: string[] }[];
    searchIndexes?: SearchIndexDefinition[];
    vectorIndexes?: VectorIndexDefinition[];
    documentType: ValidatorJson;
  }[];
  schemaValidation: boolean;
};

/** One auth provider from `auth.config.*`. */
export type AuthProviderConfig = Record<string, unknown>;

/** One component with its loaded modules. */
export type LoadedComponent = {
  node: ComponentNode;
  modules: Map<string, Record<string, unknown>>;
  schema: SchemaJson | null;
  authProviders: AuthProviderConfig[];
};

/** Every component of a bundled app, by component path. */
export type LoadedApp = Map<string, LoadedComponent>;

/** Splits `dir/file.js:fn` or `dir/file` into module path and export name. */
export function parseUdfPath(udfPath: string): {
  module: string;
  name: string;
} {
  const colon = udfPath.lastIndexOf(":");
  let module = colon === -1 ? udfPath : udfPath.slice(0, colon);
  const name = colon === -1 ? "default" : udfPath.slice(colon + 1);
  module = module.replace(/\.(js|ts|mjs|jsx|tsx)$/, "");
  return { module, name };
}

function kindOf(fn: RegisteredFunction): FunctionKind | null {
  if (fn.isQuery) return "query";
  if (fn.isMutation) return "mutation";
  if (fn.isAction) return "action";
  if (fn.isHttp) return "httpAction";
  return null;
}

/** Finds a registered function in a component, or returns null. */
export function findFunction(
  component: LoadedComponent,
  udfPath: string,
): ResolvedFunction | null {
  const { module, name } = parseUdfPath(udfPath);
  const exports = component.modules.get(module);
  const fn = exports?.[name] as RegisteredFunction | undefined;
  if (!fn || (typeof fn !== "function" && typeof fn !== "object")) return null;
  const kind = kindOf(fn);
  if (!kind) return null;
  return {
    fn,
    kind,
    visibility: fn.isInternal ? "internal" : "public",
    udfPath: `${module}:${name}`,
    component,
  };
}

/** A bundled app that can load independent copies of its modules. */
export type BundledApp = {
  tree: ComponentNode;
  /** Loads a fresh copy of every module, with its own module-level state. */
  instantiate(): Promise<LoadedApp>;
};

/**
 * Bundles the app and its components into `outDir`. Each instance loads
 * its own copy of the bundle files, because Node caches a module per file
 * and Convex gives every concurrently running function its own isolate.
 */
export async function bundleApp(
  convexDir: string,
  outDir: string,
  env: () => Record<string, string>,
): Promise<BundledApp> {
  const tree = await loadComponentTree(convexDir, path.join(outDir, "config"));
  const templateDir = path.join(outDir, "instance-0");
  const nodes = flattenComponents(tree);
  const bundles: BundledComponent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    bundles.push(
      await bundleComponent(
        nodes[i]!.dir,
        path.join(templateDir, `component-${i}`),
      ),
    );
  }
  let instances = 0;
  const instantiate = async (): Promise<LoadedApp> => {
    const instanceDir =
      instances === 0
        ? templateDir
        : path.join(outDir, `instance-${instances}`);
    if (instances > 0) cpSync(templateDir, instanceDir, { recursive: true });
    instances += 1;
    const relocate = (file: string) =>
      path.join(instanceDir, path.relative(templateDir, file));
    const loadInvocation = moduleLoadInvocation(env());
    const importFile = (file: string) =>
      runInInvocation(
        loadInvocation,
        () => import(pathToFileURL(relocate(file)).href),
      );
    const app: LoadedApp = new Map();
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const bundled = bundles[i]!;
      const modules = new Map<string, Record<string, unknown>>();
      for (const [modulePath, file] of bundled.modules) {
        modules.set(
          modulePath,
          (await importFile(file)) as Record<string, unknown>,
        );
      }
      let schema: SchemaJson | null = null;
      if (bundled.schemaFile) {
        const loaded = (await importFile(bundled.schemaFile)) as {
          default?: { export(): string };
        };
        if (loaded.default)
          schema = JSON.parse(loaded.default.export()) as SchemaJson;
      }
      let authProviders: AuthProviderConfig[] = [];
      if (bundled.authConfigFile) {
        const loaded = (await importFile(bundled.authConfigFile)) as {
          default?: { providers?: AuthProviderConfig[] };
        };
        authProviders = loaded.default?.providers ?? [];
      }
      app.set(node.path, { node, modules, schema, authProviders });
    }
    return app;
  };
  return { tree, instantiate };
}

function moduleLoadInvocation(env: Record<string, string>): Invocation {
  const unavailable = () => {
    throw new Error(
      "Convex APIs cannot be used while a module is being loaded, only inside a function",
    );
  };
  return {
    syscall: unavailable,
    asyncSyscall: async () => unavailable(),
    jsSyscall: unavailable,
    env,
    logLines: [],
  };
}
