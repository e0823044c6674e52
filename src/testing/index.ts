export * from "./webhooks/index";
export * from "./ingest/index";
