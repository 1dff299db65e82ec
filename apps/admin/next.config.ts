import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript sources, so Next.js compiles them.
  transpilePackages: ["@intake/ui", "@intake/form-schema", "@intake/backend"],
  // `next dev` would otherwise write agent instructions into AGENTS.md.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
