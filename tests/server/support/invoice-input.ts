/** The input of the test `invoice` route. */
// A type alias, not an interface, so it satisfies UploadThing's Json type.
export type InvoiceInput = { invoiceId: string };

/**
 * A parser in the shape UploadThing accepts from Zod (`_input`, `_output`,
 * `parseAsync`), written out so the tests need no schema library.
 */
export const invoiceInput = {
  _input: undefined as unknown as InvoiceInput,
  _output: undefined as unknown as InvoiceInput,
  async parseAsync(value: unknown): Promise<InvoiceInput> {
    const invoiceId = (value as { invoiceId?: unknown } | null)?.invoiceId;
    if (typeof invoiceId !== "string") {
      throw Object.assign(new Error("invoiceId must be a string"), {
        issues: [{ path: ["invoiceId"], message: "Expected a string" }],
      });
    }
    return { invoiceId };
  },
};
