import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
  vi,
} from "vitest";

import { main } from "./main";
import { loadOrCreateAdminKey, readAdminKey, writeServerRecord } from "./state";

/** A request the fake backend received. */
type Received = {
  method: string;
  url: string;
  authorization: string;
  body: unknown;
};

let server: Server;
let serverUrl: string;
let received: Received[];
let variables: Record<string, string>;
let functionResponse: unknown;
let workDir: string;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString()));
    request.on("end", () => {
      const body = text ? (JSON.parse(text) as unknown) : undefined;
      received.push({
        method: request.method ?? "",
        url: request.url ?? "",
        authorization: request.headers.authorization ?? "",
        body,
      });
      response.setHeader("content-type", "application/json");
      if (
        request.headers.authorization !== "Convex test-key" &&
        !request.headers.authorization?.startsWith("Convex test-key:")
      ) {
        response.writeHead(401).end(
          JSON.stringify({
            code: "BadAdminKey",
            message: "The admin key is invalid",
          }),
        );
        return;
      }
      if (request.url === "/api/list_environment_variables") {
        response.end(JSON.stringify({ environmentVariables: variables }));
      } else if (request.url === "/api/update_environment_variables") {
        for (const change of (
          body as { changes: { name: string; value?: string }[] }
        ).changes) {
          if (change.value === undefined) {
            delete variables[change.name];
          } else {
            variables[change.name] = change.value;
          }
        }
        response.end("{}");
      } else if (request.url === "/api/function") {
        response.end(JSON.stringify(functionResponse));
      } else {
        response
          .writeHead(404)
          .end(JSON.stringify({ code: "NotFound", message: "no route" }));
      }
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve()),
  );
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  variables = { SITE_URL: "http://127.0.0.1:3000" };
  functionResponse = {
    status: "success",
    value: { ok: 1 },
    logLines: ["[LOG] hi"],
  };
  workDir = mkdtempSync(path.join(tmpdir(), "convex-local-cli-"));
  stdout = "";
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs the CLI against the fake backend with a state folder in `workDir`. */
function cli(...args: string[]): Promise<number> {
  const stateDir = path.join(workDir, ".convex-local");
  writeServerRecord(stateDir, {
    url: serverUrl,
    siteUrl: serverUrl,
    pid: process.pid,
    startedAt: new Date().toISOString(),
  });
  writeFileSync(path.join(stateDir, "admin-key"), "test-key\n");
  return main([...args, "--dir", workDir]);
}

describe("main", () => {
  test("prints usage without command", async () => {
    expect(await main([])).toBe(1);
    expect(stdout).toContain("Usage: convex-local <command>");
    expect(stdout).toContain("codegen");
  });

  test.each(["dev", "run", "env", "codegen", "reset"])(
    "prints help for %s",
    async (command) => {
      expect(await main([command, "--help"])).toBe(0);
      expect(stdout).toContain(`Usage: convex-local ${command}`);
    },
  );

  test("rejects unknown command", async () => {
    expect(await main(["deploy"])).toBe(1);
    expect(stderr).toContain('Unknown command "deploy"');
  });

  test("rejects unknown option", async () => {
    expect(await main(["codegen", "--bogus"])).toBe(1);
    expect(stderr).toContain("--bogus");
    expect(stderr).toContain("convex-local codegen --help");
  });
});

describe("run command", () => {
  test("posts function call with admin key", async () => {
    expect(await cli("run", "forms:list", '{"clinicId":"c1"}')).toBe(0);
    expect(received[0]?.url).toBe("/api/function");
    expect(received[0]?.authorization).toBe("Convex test-key");
    expect(received[0]?.body).toEqual({
      path: "forms:list",
      args: { clinicId: "c1" },
      format: "json",
    });
    expect(JSON.parse(stdout)).toEqual({ ok: 1 });
    expect(stderr).toContain("[LOG] hi");
  });

  test("passes component and identity", async () => {
    await cli(
      "run",
      "public:add",
      "--component",
      "shardedCounter",
      "--identity",
      '{"subject":"u1"}',
    );
    const body = received[0]?.body as { componentPath?: string };
    expect(body.componentPath).toBe("shardedCounter");
    const [, encoded] = received[0]!.authorization.split(":");
    expect(JSON.parse(Buffer.from(encoded!, "base64").toString())).toEqual({
      subject: "u1",
    });
  });

  test("reports function error", async () => {
    functionResponse = {
      status: "error",
      errorMessage: "Form not found",
      errorData: { kind: "formNotFound" },
    };
    expect(await cli("run", "forms:get", "{}")).toBe(1);
    expect(stderr).toContain("Function forms:get failed: Form not found");
    expect(stderr).toContain('"kind": "formNotFound"');
  });

  test.each([
    { args: "[1]", message: "expected a JSON object" },
    { args: "{oops", message: "Invalid args" },
  ])("rejects args $args", async ({ args, message }) => {
    expect(await cli("run", "forms:list", args)).toBe(1);
    expect(stderr).toContain(message);
    expect(received).toEqual([]);
  });

  test("reports HTTP error body", async () => {
    expect(await cli("run", "forms:list", "--admin-key", "wrong")).toBe(1);
    expect(stderr).toContain("HTTP 401: BadAdminKey: The admin key is invalid");
  });

  test("needs running backend", async () => {
    expect(await main(["run", "forms:list", "--dir", workDir])).toBe(1);
    expect(stderr).toContain("No backend is running");
  });
});

describe("env command", () => {
  test("sets a variable", async () => {
    expect(await cli("env", "set", "JWKS", '{"keys":[]}')).toBe(0);
    expect(variables.JWKS).toBe('{"keys":[]}');
  });

  test("sets value starting with dash", async () => {
    const pem = "-----BEGIN PRIVATE KEY----- abc -----END PRIVATE KEY-----";
    expect(await cli("env", "set", "JWT_PRIVATE_KEY", pem)).toBe(0);
    expect(variables.JWT_PRIVATE_KEY).toBe(pem);
  });

  test("sets NAME=VALUE form", async () => {
    expect(await cli("env", "set", "A=b=c")).toBe(0);
    expect(variables.A).toBe("b=c");
  });

  test("gets a variable", async () => {
    expect(await cli("env", "get", "SITE_URL")).toBe(0);
    expect(stdout).toBe("http://127.0.0.1:3000\n");
  });

  test("reports missing variable", async () => {
    expect(await cli("env", "get", "NOPE")).toBe(1);
    expect(stderr).toContain("NOPE not found");
  });

  test("lists variables sorted", async () => {
    variables.ALPHA = "1";
    expect(await cli("env", "list")).toBe(0);
    expect(stdout).toBe("ALPHA=1\nSITE_URL=http://127.0.0.1:3000\n");
  });

  test("removes a variable", async () => {
    expect(await cli("env", "remove", "SITE_URL")).toBe(0);
    expect(variables).toEqual({});
  });

  test("rejects unknown subcommand", async () => {
    expect(await cli("env", "drop")).toBe(1);
    expect(stderr).toContain('unknown subcommand "drop"');
  });
});

describe("reset command", () => {
  test("deletes stopped state folder", async () => {
    const stateDir = path.join(workDir, "state");
    loadOrCreateAdminKey(stateDir);
    writeFileSync(path.join(stateDir, "data.sqlite"), "");
    expect(await main(["reset", "--state", stateDir, "--dir", workDir])).toBe(
      0,
    );
    expect(existsSync(stateDir)).toBe(false);
  });

  test("refuses while backend runs", async () => {
    expect(await cli("reset")).toBe(1);
    expect(stderr).toContain("Stop it, then run reset again");
    expect(existsSync(path.join(workDir, ".convex-local"))).toBe(true);
  });

  test("ignores record of dead process", async () => {
    const stateDir = path.join(workDir, "state");
    loadOrCreateAdminKey(stateDir);
    writeServerRecord(stateDir, {
      url: serverUrl,
      siteUrl: serverUrl,
      // Above the Linux pid_max limit, so no process has it.
      pid: 4_194_305,
      startedAt: new Date().toISOString(),
    });
    expect(await main(["reset", "--state", stateDir, "--dir", workDir])).toBe(
      0,
    );
    expect(existsSync(stateDir)).toBe(false);
  });

  test("refuses folder without admin key", async () => {
    const stateDir = path.join(workDir, "not-state");
    mkdirSync(stateDir);
    writeFileSync(path.join(stateDir, "notes.txt"), "keep me");
    expect(await main(["reset", "--state", stateDir, "--dir", workDir])).toBe(
      1,
    );
    expect(existsSync(path.join(stateDir, "notes.txt"))).toBe(true);
  });

  test("refuses folder containing project", async () => {
    loadOrCreateAdminKey(workDir);
    expect(await main(["reset", "--state", workDir, "--dir", workDir])).toBe(1);
    expect(existsSync(workDir)).toBe(true);
  });
});

describe("codegen command", () => {
  test("writes generated files", async () => {
    mkdirSync(path.join(workDir, "convex"));
    writeFileSync(
      path.join(workDir, "convex/ping.ts"),
      "export const x = 1;\n",
    );
    expect(await main(["codegen", "--dir", workDir])).toBe(0);
    expect(stdout).toContain("Wrote 5 of 5 files");
    expect(existsSync(path.join(workDir, "convex/_generated/api.d.ts"))).toBe(
      true,
    );
  });

  test("reports missing convex folder", async () => {
    expect(await main(["codegen", "--dir", workDir])).toBe(1);
    expect(stderr).toContain("Convex folder not found");
  });
});

describe("state", () => {
  test("admin key persists", () => {
    const stateDir = path.join(workDir, "keys");
    const first = loadOrCreateAdminKey(stateDir);
    expect(first).toMatch(/^convex-local\|[0-9a-f]{64}$/);
    expect(loadOrCreateAdminKey(stateDir)).toBe(first);
    expect(readAdminKey(stateDir)).toBe(first);
  });
});
