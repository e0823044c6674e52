export * from "./webhooks/index";
