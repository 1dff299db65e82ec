"use client";

import type { ConvexReactClient } from "convex/react";
import {
  getFunctionName,
  makeFunctionReference,
  type FunctionArgs,
  type FunctionReference,
  type FunctionReturnType,
  type OptionalRestArgs,
} from "convex/server";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useState,
  type ReactNode,
} from "react";

type LoadClient = () => Promise<ConvexReactClient>;

/** The hooks' access to a client that may not be loaded yet. */
interface ClientLoader {
  /** Loads the client, or returns the loaded one. Rejects while offline. */
  load: LoadClient;
  /**
   * Resolves with the client once any load succeeds, and never rejects,
   * so a subscription waits through failed loads.
   */
  loaded: Promise<ConvexReactClient>;
}

const ClientContext = createContext<ClientLoader | null>(null);

/**
 * Supplies the Convex client to {@link useMutation}, {@link useAction} and
 * {@link useLiveQuery}. The client library is not part of the page's first
 * load: it is fetched once the page has hydrated, or sooner when a hook
 * needs it, so the form shows and takes answers before the client arrives.
 * A failed fetch is tried again by the next hook call and when the browser
 * reports it is back online. Each browser tab gets one
 * `ConvexReactClient`, which opens its WebSocket on first use. Server
 * rendering never loads it.
 */
export function ConvexClientProvider({
  url,
  children,
}: {
  url: string;
  children: ReactNode;
}) {
  const [loader] = useState((): ClientLoader => {
    let client: Promise<ConvexReactClient> | undefined;
    let resolveLoaded: (client: ConvexReactClient) => void = () => {};
    const loaded = new Promise<ConvexReactClient>((resolve) => {
      resolveLoaded = resolve;
    });
    const load = () =>
      (client ??= import("convex/react")
        .then(({ ConvexReactClient }) => {
          const created = new ConvexReactClient(url);
          resolveLoaded(created);
          return created;
        })
        .catch((error: unknown) => {
          // Offline before the library arrived: the next call tries again.
          client = undefined;
          throw error;
        }));
    return { load, loaded };
  });

  useEffect(() => {
    const load = () => {
      loader.load().catch(() => {
        // A hook that needs the client reports the failure to its caller.
      });
    };
    load();
    window.addEventListener("online", load);
    return () => window.removeEventListener("online", load);
  }, [loader]);

  return <ClientContext value={loader}>{children}</ClientContext>;
}

function useClientLoader(): ClientLoader {
  const loader = use(ClientContext);
  if (loader === null) {
    throw new Error("Convex hooks need a <ConvexClientProvider> above them.");
  }
  return loader;
}

/** A function that runs a mutation or an action with its arguments. */
type Run<Reference extends FunctionReference<"mutation" | "action">> = (
  ...args: OptionalRestArgs<Reference>
) => Promise<FunctionReturnType<Reference>>;

function useRun<Reference extends FunctionReference<"mutation" | "action">>(
  kind: "mutation" | "action",
  reference: Reference,
): Run<Reference> {
  const { load } = useClientLoader();
  const name = getFunctionName(reference);
  return useCallback(
    async (...args: OptionalRestArgs<Reference>) => {
      const client = await load();
      const callArgs = (args[0] ?? {}) as Record<string, unknown>;
      const result =
        kind === "mutation"
          ? client.mutation(makeFunctionReference<"mutation">(name), callArgs)
          : client.action(makeFunctionReference<"action">(name), callArgs);
      return (await result) as FunctionReturnType<Reference>;
    },
    [load, kind, name],
  );
}

/**
 * Returns a function that runs the mutation once the client is loaded,
 * like `useMutation` from `convex/react`, without optimistic updates.
 */
export function useMutation<Mutation extends FunctionReference<"mutation">>(
  mutation: Mutation,
): Run<Mutation> {
  return useRun("mutation", mutation);
}

/** Returns a function that runs the action once the client is loaded. */
export function useAction<Action extends FunctionReference<"action">>(
  action: Action,
): Run<Action> {
  return useRun("action", action);
}

type LiveState<Value> = { value: Value } | { error: unknown };

/**
 * Returns the query's result, starting from `initial` (the server
 * render's copy) and following the Convex subscription once the client
 * is loaded. `args` must be plain JSON values. An error of the query is
 * thrown during rendering, as `useQuery` does.
 */
export function useLiveQuery<Query extends FunctionReference<"query">>(
  query: Query,
  args: FunctionArgs<Query>,
  initial: FunctionReturnType<Query>,
): FunctionReturnType<Query> {
  const { loaded } = useClientLoader();
  const name = getFunctionName(query);
  const argsJson = JSON.stringify(args);
  const [state, setState] = useState<LiveState<FunctionReturnType<Query>>>({
    value: initial,
  });

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let stopped = false;

    // A failed load leaves the server's copy until a later load succeeds.
    void loaded.then((client) => {
      if (stopped) return;
      const watch = client.watchQuery(
        makeFunctionReference<"query">(name),
        JSON.parse(argsJson) as Record<string, unknown>,
      );
      const update = () => {
        try {
          const result = watch.localQueryResult();
          if (result !== undefined) setState({ value: result });
        } catch (error) {
          setState({ error });
        }
      };
      unsubscribe = watch.onUpdate(update);
      update();
    });
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  }, [loaded, name, argsJson]);

  if ("error" in state) throw state.error;
  return state.value;
}
