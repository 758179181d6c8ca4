// The name of the hidden field that carries a form's idempotency key (see
// app/.server/forms/idempotency.ts and <FormKeyField />).
export const FORM_KEY_FIELD = "formKey";
