/** Exit codes (documented in README.md and `tcgen --help`) and the error that carries one. */
export const EXIT = {
  /** Success; for `check`: the output matches the specs. */
  ok: 0,
  /** `check`: the output differs from what the specs generate. */
  drift: 1,
  /** Invalid specs or config, usage error, unreadable or unwritable path. */
  invalid: 2,
  /** A bug in tcgen. */
  internal: 3,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  success (check: the output matches the specs)
  1  check: the output differs from what the specs generate
  2  invalid specs or config, usage error, unreadable or unwritable path
  3  internal error in tcgen (run again with --debug and report it)`;

/** A failure the user can fix: printed as one line, no stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.invalid) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

const FS_CODES = new Set(["EACCES", "EPERM", "ENOENT", "ENOTDIR", "EISDIR", "EROFS", "ENOSPC", "EEXIST", "ENOTEMPTY", "EBUSY", "EMFILE", "ELOOP", "ENAMETOOLONG", "EXDEV"]);

/** File-system errors (permission denied, read-only disk…) are the user's to fix: exit 2. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && FS_CODES.has(code);
}
