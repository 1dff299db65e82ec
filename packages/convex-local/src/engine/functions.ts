import path from "node:path";
import { bundleComponent } from "../bundle/bundle";
import {
  flattenComponents,
  loadComponentTree,
  type ComponentNode,
} from "../bundle/components";
import {
  compileModule,
  type ModuleExports,
  type ModuleFactory,
} from "../bundle/module-factory";
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

/** The modules of one component instance, by Convex module path. */
export type ModuleTable = {
  get(modulePath: string): ModuleExports | undefined;
  /** Every module path, without evaluating any module. */
  paths(): Iterable<string>;
};

/** One component with its loaded modules. */
export type LoadedComponent = {
  node: ComponentNode;
  modules: ModuleTable;
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

/** Returns the `process.env` of one component of the app rooted at `root`. */
export type ComponentEnvironment = (
  root: ComponentNode,
  componentPath: string,
) => Record<string, string>;

/** A bundled app that can create independent instances of its modules. */
export type BundledApp = {
  tree: ComponentNode;
  /**
   * Creates an instance of the app whose modules are evaluated on first
   * use, each with fresh module-level state.
   */
  instantiate(): LoadedApp;
};

/**
 * Bundles the app and its components into `outDir` and compiles every
 * module once. Schemas and auth configs are evaluated here, once, because
 * they are data. Function modules are evaluated again in every instance,
 * because Convex evaluates them in a fresh context for every call.
 */
export async function bundleApp(
  convexDir: string,
  outDir: string,
  environment: ComponentEnvironment,
): Promise<BundledApp> {
  const tree = await loadComponentTree(convexDir, path.join(outDir, "config"));
  const nodes = flattenComponents(tree);
  const components: {
    node: ComponentNode;
    factories: Map<string, ModuleFactory>;
    schema: SchemaJson | null;
    authProviders: AuthProviderConfig[];
  }[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const env = () => environment(tree, node.path);
    const bundled = await bundleComponent(
      node.dir,
      path.join(outDir, `component-${i}`),
    );
    const factories = new Map<string, ModuleFactory>();
    for (const [modulePath, file] of bundled.modules) {
      factories.set(modulePath, compileModule(file));
    }
    let schema: SchemaJson | null = null;
    if (bundled.schemaFile) {
      const loaded = evaluateModule(compileModule(bundled.schemaFile), env) as {
        default?: { export(): string };
      };
      if (loaded.default)
        schema = JSON.parse(loaded.default.export()) as SchemaJson;
    }
    let authProviders: AuthProviderConfig[] = [];
    if (bundled.authConfigFile) {
      const loaded = evaluateModule(
        compileModule(bundled.authConfigFile),
        env,
      ) as { default?: { providers?: AuthProviderConfig[] } };
      authProviders = loaded.default?.providers ?? [];
    }
    components.push({ node, factories, schema, authProviders });
  }
  const instantiate = (): LoadedApp => {
    const app: LoadedApp = new Map();
    for (const { node, factories, schema, authProviders } of components) {
      const modules = lazyModules(factories, () =>
        environment(tree, node.path),
      );
      app.set(node.path, { node, modules, schema, authProviders });
    }
    return app;
  };
  return { tree, instantiate };
}

/** Evaluates each module of an instance when it is first looked up. */
function lazyModules(
  factories: Map<string, ModuleFactory>,
  env: () => Record<string, string>,
): ModuleTable {
  const evaluated = new Map<string, ModuleExports>();
  return {
    get(modulePath) {
      const cached = evaluated.get(modulePath);
      if (cached) return cached;
      const factory = factories.get(modulePath);
      if (!factory) return undefined;
      const exports = evaluateModule(factory, env);
      evaluated.set(modulePath, exports);
      return exports;
    },
    paths: () => factories.keys(),
  };
}

/**
 * Runs a module's top level with Convex's syscalls unavailable. Each load
 * gets its own invocation, so a variable the top level writes and the
 * lines it logs stay with that module instance.
 */
function evaluateModule(
  factory: ModuleFactory,
  env: () => Record<string, string>,
): ModuleExports {
  const invocation: Invocation = {
    syscall: unavailableAtLoad,
    asyncSyscall: unavailableAtLoadAsync,
    jsSyscall: unavailableAtLoad,
    env: env(),
    logLines: [],
  };
  return runInInvocation(invocation, factory);
}

async function unavailableAtLoadAsync(): Promise<never> {
  return unavailableAtLoad();
}

function unavailableAtLoad(): never {
  throw new Error(
    "Convex APIs cannot be used while a module is being loaded, only inside a function",
  );
}
