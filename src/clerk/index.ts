export {
  defaultLoadingMessage,
  defaultSignedOutMessage,
  useClerkUploadAuth,
} from "./use-clerk-upload-auth";
export type {
  ClerkUploadAuthOptions,
  ClerkUploadAuthProps,
} from "./use-clerk-upload-auth";
