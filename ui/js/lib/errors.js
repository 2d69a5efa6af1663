// Normalises whatever a failed command throws into one shape the views can rely on.

export class CommandError extends Error {
  constructor({ code, message, fields }) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.fields = fields;
  }
}

/** Wraps a rejection (the backend's { code, message, fields } or anything else). */
export function toCommandError(error) {
  if (error instanceof CommandError) return error;
  if (error && typeof error === 'object' && typeof error.code === 'string') {
    return new CommandError({
      code: error.code,
      message: String(error.message ?? error.code),
      fields: Array.isArray(error.fields) ? error.fields : [],
    });
  }
  return new CommandError({ code: 'internal', message: String(error?.message ?? error), fields: [] });
}

/**
 * Field name → message, for marking form fields inline. Several messages for one field are
 * joined, none dropped: each names its own problem.
 */
export function fieldMessages(error) {
  const messages = new Map();
  for (const { field, message } of error?.fields ?? []) {
    messages.set(field, messages.has(field) ? `${messages.get(field)} ${message}` : message);
  }
  return messages;
}
