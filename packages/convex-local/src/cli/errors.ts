/** Failure kinds the CLI reports to the user. */
export type CliErrorKind =
  | "invalidArguments"
  | "projectNotFound"
  | "invalidConfig"
  | "serverNotRunning"
  | "serverRunning"
  | "portInUse"
  | "requestFailed";

/**
 * An error the CLI prints as a plain message (no stack) before exiting
 * with status 1.
 */
export class CliError extends Error {
  readonly kind: CliErrorKind;

  constructor(kind: CliErrorKind, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CliError";
    this.kind = kind;
  }
}
