export {
  buildClerkDeletedObject,
  buildClerkEvent,
  buildClerkOrganization,
  buildClerkOrganizationMembership,
  buildClerkSession,
  buildClerkUser,
  type BuildClerkEventOptions,
  type ClerkSessionPayload,
} from "./clerk-payloads";
export {
  createSignedWebhookRequest,
  generateWebhookSecret,
  signWebhook,
  type SignWebhookOptions,
  type SignedWebhook,
  type SignedWebhookRequestOptions,
} from "./sign";
