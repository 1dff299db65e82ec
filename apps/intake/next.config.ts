import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript sources, so Next compiles them.
  transpilePackages: ["@intake/backend", "@intake/form-schema", "@intake/ui"],
  // Both options stop `next dev` from writing AGENTS.md into the app folder.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
    // Imports from these barrel files load only the modules they name, so
    // the patient page does not carry Convex's schema and validator code.
    optimizePackageImports: ["convex"],
  },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
