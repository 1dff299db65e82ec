import { jsonToConvex } from "convex/values";
import type { EnvDeclaration } from "../../bundle/components";
import type { ValidatorJson } from "../../runtime/validators";
import type { InstalledComponent } from "./components";
import type { ModuleFile } from "./modules";

/** Names that `api.d.ts` itself declares, so module identifiers avoid them. */
const API_NAMES = ["fullApi", "api", "internal", "components"];

/** JavaScript reserved words, which cannot name an `import * as` binding. */
const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else " +
    "export extends false finally for function if import in instanceof new " +
    "null return super switch this throw true try typeof var void while with " +
    "let static yield await enum implements interface package private " +
    "protected public"
  ).split(" "),
);

function header(summary: string): string {
  return `/* eslint-disable */
/**
 * ${summary}
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run \`convex-local codegen\`.
 * @module
 */
`;
}

/**
 * Returns the binding name for a module in `api.d.ts`: `/` and `-` become
 * `_`, and a trailing `_` avoids the file's own names and reserved words.
 */
export function moduleIdentifier(modulePath: string): string {
  const identifier = modulePath.replace(/[/-]/g, "_");
  if (API_NAMES.includes(identifier) || RESERVED_WORDS.has(identifier)) {
    return `${identifier}_`;
  }
  return identifier;
}

/** Renders `_generated/api.js`. */
export function apiJs(): string {
  return `${header("Generated `api` utility.")}
import { anyApi, componentsGeneric } from "convex/server";

/**
 * References to this app's functions, for example \`api.myModule.myFunction\`.
 * \`internal\` reaches internal functions and \`components\` installed components.
 */
export const api = anyApi;
export const internal = anyApi;
export const components = componentsGeneric();
`;
}

/** Renders `_generated/api.d.ts` for the given modules and components. */
export function apiDts(
  modules: readonly ModuleFile[],
  components: readonly InstalledComponent[],
): string {
  const imports = modules
    .map(
      ({ modulePath }) =>
        `import type * as ${moduleIdentifier(modulePath)} from "../${modulePath}.js";`,
    )
    .join("\n");
  const entries = modules
    .map(
      ({ modulePath }) =>
        `  ${JSON.stringify(modulePath)}: typeof ${moduleIdentifier(modulePath)};`,
    )
    .join("\n");
  const componentEntries = components
    .map(
      ({ name, importPath }) =>
        `  ${JSON.stringify(name)}: import(${JSON.stringify(`${importPath}/_generated/component.js`)}).ComponentApi<${JSON.stringify(name)}>;`,
    )
    .join("\n");

  return `${header("Generated `api` utility.")}
${imports ? `${imports}\n\n` : ""}import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<{
${entries}
}>;

/**
 * References to this app's public functions, for example
 * \`api.myModule.myFunction\`.
 */
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;

/**
 * References to this app's internal functions, for example
 * \`internal.myModule.myFunction\`.
 */
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

/** The components installed in \`convex.config.ts\`, by instance name. */
export declare const components: {
${componentEntries}
};
`;
}

/** Renders `_generated/dataModel.d.ts`, typed from the schema when there is one. */
export function dataModelDts(hasSchema: boolean): string {
  if (!hasSchema) {
    return `${header("Generated data model types.")}
import type { AnyDataModel } from "convex/server";
import type { GenericId } from "convex/values";

/**
 * Without a \`convex/schema.ts\`, tables and documents are untyped. Add a
 * schema and rerun codegen for typed documents.
 */

/** The names of the app's tables. */
export type TableNames = string;

/** A document stored in a table. */
export type Doc = any;

/** The ID of a document, a string at runtime. */
export type Id<TableName extends TableNames = TableNames> =
  GenericId<TableName>;

/** The app's data model, which parameterizes the function builders. */
export type DataModel = AnyDataModel;
`;
  }
  return `${header("Generated data model types.")}
import type {
  DataModelFromSchemaDefinition,
  DocumentByName,
  TableNamesInDataModel,
  SystemTableNames,
} from "convex/server";
import type { GenericId } from "convex/values";
import schema from "../schema.js";

/** The names of the app's tables. */
export type TableNames = TableNamesInDataModel<DataModel>;

/**
 * A document stored in a table, with its \`_id\` and \`_creationTime\`.
 *
 * @typeParam TableName - The table name as a string literal type.
 */
export type Doc<TableName extends TableNames> = DocumentByName<
  DataModel,
  TableName
>;

/**
 * The ID of a document in the table \`TableName\` (a string at runtime).
 *
 * @typeParam TableName - The table name as a string literal type.
 */
export type Id<TableName extends TableNames | SystemTableNames> =
  GenericId<TableName>;

/**
 * The app's data model: its tables, their documents and indexes. It
 * parameterizes the function builders in \`server.d.ts\`.
 */
export type DataModel = DataModelFromSchemaDefinition<typeof schema>;
`;
}

/** The function builders of `server.js`, each with its builder type. */
const BUILDERS: [name: string, generic: string, type: string][] = [
  ["query", "queryGeneric", 'QueryBuilder<DataModel, "public">'],
  [
    "internalQuery",
    "internalQueryGeneric",
    'QueryBuilder<DataModel, "internal">',
  ],
  ["mutation", "mutationGeneric", 'MutationBuilder<DataModel, "public">'],
  [
    "internalMutation",
    "internalMutationGeneric",
    'MutationBuilder<DataModel, "internal">',
  ],
  ["action", "actionGeneric", 'ActionBuilder<DataModel, "public">'],
  [
    "internalAction",
    "internalActionGeneric",
    'ActionBuilder<DataModel, "internal">',
  ],
  ["httpAction", "httpActionGeneric", "HttpActionBuilder"],
];

/** Renders `_generated/server.js`. */
export function serverJs(): string {
  const imports = BUILDERS.map(([, generic]) => `  ${generic},`).join("\n");
  const exports = BUILDERS.map(
    ([name, generic]) => `export const ${name} = ${generic};`,
  ).join("\n");
  return `${header(
    "Generated utilities for implementing server-side Convex query and mutation functions.",
  )}
import {
${imports}
} from "convex/server";

/**
 * Builders for the app's functions. Wrap a handler and export the result to
 * register it, for example \`export const list = query({ args, handler })\`.
 */
${exports}

/** The deployment's environment variables. */
export const env = process.env;
`;
}

/**
 * Variables every deployment sets, which Convex's codegen adds to a typed
 * `Env` before the declared ones (`PLATFORM_ENV_VARS` in convex 1.48's
 * dist/esm/cli/codegen_templates/server.js).
 */
const PLATFORM_ENV_VARS = ["CONVEX_CLOUD_URL", "CONVEX_SITE_URL"];

/**
 * Renders the `env` declaration of `server.d.ts`. With the app's
 * declarations, `env` gets an `Env` type as Convex's codegen writes it:
 * the platform variables, then each declared one, with `| undefined` when
 * it is optional.
 *
 * NOTE: Convex's codegen types `env` with the platform variables even for
 * an app without declarations, because it reads them from the backend's
 * push analysis. Here such an app keeps the untyped `env`.
 */
function envDts(declarations: Map<string, EnvDeclaration> | null): string {
  if (declarations === null) {
    return `/**
 * The deployment's environment variables, untyped because convex.config.ts
 * declares none.
 */
export declare const env: Record<string, string | undefined>;
`;
  }
  const fields = PLATFORM_ENV_VARS.map((name) => `  readonly ${name}: string;`);
  for (const [name, declaration] of declarations) {
    const type = validatorType(declaration.validator);
    const optional = declaration.optional ? " | undefined" : "";
    fields.push(`  readonly ${name}: ${type}${optional};`);
  }
  return `/**
 * Typesafe environment variables.
 *
 * This includes platform-provided env vars and any variables declared in
 * \`convex.config.ts\`.
 */
type Env = {
${fields.join("\n")}
};

/**
 * Typesafe environment variables.
 *
 * This includes platform-provided env vars and any variables declared in
 * \`convex.config.ts\`.
 */
export declare const env: Env;
`;
}

/**
 * Spells a validator as a TypeScript type, as Convex's codegen
 * `validatorToType` does with IDs typed as strings.
 */
function validatorType(validator: ValidatorJson): string {
  switch (validator.type) {
    case "null":
    case "number":
    case "bigint":
    case "boolean":
    case "string":
    case "any":
      return validator.type;
    case "commitTs":
      return 'bigint | import("convex/values").CommitTsPlaceholder';
    case "bytes":
      return "ArrayBuffer";
    case "id":
      return "string";
    case "literal":
      return literalType(validator.value);
    case "array":
      return `Array<${validatorType(validator.value)}>`;
    case "record":
      return `Record<${validatorType(validator.keys)}, ${validatorType(validator.values.fieldType)}>`;
    case "union":
      return validator.value.map(validatorType).join(" | ");
    case "object": {
      const fields = Object.entries(validator.value).map(
        ([name, field]) =>
          `${name}${field.optional ? "?" : ""}: ${validatorType(field.fieldType)}`,
      );
      return `{ ${fields.join(", ")} }`;
    }
  }
}

function literalType(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  // Convex's JSON form spells a bigint literal as `{"$integer": base64}`.
  const converted = jsonToConvex(value as never);
  return typeof converted === "bigint" ? `${converted}n` : String(converted);
}

/**
 * Renders `_generated/server.d.ts`, with `env` typed from the app's env
 * declarations when it has any.
 */
export function serverDts(
  envDeclarations: Map<string, EnvDeclaration> | null = null,
): string {
  const declarations = BUILDERS.map(
    ([name, , type]) => `export declare const ${name}: ${type};`,
  ).join("\n");
  return `${header(
    "Generated utilities for implementing server-side Convex query and mutation functions.",
  )}
import type {
  ActionBuilder,
  HttpActionBuilder,
  MutationBuilder,
  QueryBuilder,
  GenericActionCtx,
  GenericMutationCtx,
  GenericQueryCtx,
  GenericDatabaseReader,
  GenericDatabaseWriter,
} from "convex/server";
import type { DataModel } from "./dataModel.js";

/**
 * Builders for the app's functions, typed with its data model. Wrap a
 * handler and export the result to register it.
 */
${declarations}

/** The context of a query: database reader, auth and storage reader. */
export type QueryCtx = GenericQueryCtx<DataModel>;

/** The context of a mutation: database writer, auth, storage and scheduler. */
export type MutationCtx = GenericMutationCtx<DataModel>;

/** The context of an action: runQuery, runMutation, runAction and more. */
export type ActionCtx = GenericActionCtx<DataModel>;

/** Read access to the app's tables, as \`ctx.db\` in a query. */
export type DatabaseReader = GenericDatabaseReader<DataModel>;

/** Read and write access to the app's tables, as \`ctx.db\` in a mutation. */
export type DatabaseWriter = GenericDatabaseWriter<DataModel>;

${envDts(envDeclarations)}`;
}
