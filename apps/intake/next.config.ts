import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript sources, so Next compiles them.
  transpilePackages: ["@intake/backend", "@intake/form-schema", "@intake/ui"],
  // Both options stop `next dev` from writing AGENTS.md into the app folder.
  agentRules: false,
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
