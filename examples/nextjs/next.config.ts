import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon, so Next must load it from node_modules
  // at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  // Keep `next dev` from writing AGENTS.md files into the example.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
