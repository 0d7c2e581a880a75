/**
 * Everything the CLI prints goes through here: messages and diagnostics on stderr, colour only when
 * allowed, and a progress line for slow work.
 *
 * Colour: never when NO_COLOR is set (non-empty); otherwise when FORCE_COLOR is set (non-empty, not
 * "0") or stderr is a terminal. The progress line appears only on a terminal, not with --quiet, and
 * only once the work has taken more than a second.
 *
 * Every text printed is escaped (printable.ts): input can put control characters in file names, keys
 * and messages. Only tcgen's own colour sequences survive, and only when colour is on.
 */
import { diagnosticLines, type Diagnostic } from "../diagnostics.js";
import { printableKeepingColour, printableLines } from "../printable.js";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    env: process.env,
  };
}

export function colorEnabled(io: CliIo): boolean {
  const no = io.env["NO_COLOR"];
  if (no !== undefined && no !== "") return false;
  const force = io.env["FORCE_COLOR"];
  if (force !== undefined && force !== "") return force !== "0";
  return io.stderrIsTTY;
}

const PROGRESS_DELAY_MS = 1000;

export class Reporter {
  readonly io: CliIo;
  readonly color: boolean;
  readonly quiet: boolean;
  readonly debug: boolean;
  private readonly started = Date.now();
  private progressText: string | undefined;
  private progressShown = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(io: CliIo, flags: { quiet?: boolean; debug?: boolean }) {
    this.io = io;
    this.color = colorEnabled(io);
    this.quiet = flags.quiet === true;
    this.debug = flags.debug === true;
  }

  paint(code: number, text: string, reset = 39): string {
    return this.color ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
  }
  red(text: string): string {
    return this.paint(31, text);
  }
  green(text: string): string {
    return this.paint(32, text);
  }
  bold(text: string): string {
    return this.paint(1, text, 22);
  }

  /** `text` made safe for the terminal (see the module comment). */
  safe(text: string): string {
    return this.color ? printableKeepingColour(text) : printableLines(text);
  }

  /** A success or status message (suppressed by --quiet). */
  info(message: string): void {
    if (this.quiet) return;
    this.clearProgress();
    this.io.stderr(`${this.safe(message)}\n`);
  }

  /** An error message: `tcgen: <message>`. */
  error(message: string): void {
    this.clearProgress();
    this.io.stderr(`${this.red("tcgen:")} ${this.safe(message)}\n`);
  }

  /** A note for --debug runs only. */
  debugNote(message: string): void {
    if (this.debug) this.write(`tcgen: debug: ${message}\n`);
  }

  /** Raw text on stderr (reports). */
  write(text: string): void {
    this.clearProgress();
    this.io.stderr(this.safe(text));
  }

  /**
   * Print diagnostics, sorted, as `file:line:col: message (at path)`; `toShown` maps their file names
   * (of related locations too). At most MAX_PER_FILE per file and MAX_DIAGNOSTICS in all, each cut
   * closed by a "… and N more" line.
   */
  diagnostics(list: readonly Diagnostic[], toShown: (file: string) => string): void {
    this.clearProgress();
    for (const text of diagnosticLines(list, toShown)) {
      const colon = text.indexOf(": ");
      this.io.stderr(colon < 0 ? `${text}\n` : `${this.bold(text.slice(0, colon + 1))}${text.slice(colon + 1)}\n`);
    }
  }

  /** Update the progress line (shown after a second of work, on a terminal only). */
  progress(text: string): void {
    if (this.quiet || !this.io.stderrIsTTY) return;
    this.progressText = text;
    if (Date.now() - this.started >= PROGRESS_DELAY_MS) this.renderProgress();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.renderProgress(), PROGRESS_DELAY_MS - (Date.now() - this.started));
      this.timer.unref();
    }
  }

  private renderProgress(): void {
    if (this.progressText === undefined) return;
    this.io.stderr(`\r\u001b[2K${this.progressText}…`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.progressText = undefined;
    if (this.progressShown) this.io.stderr("\r\u001b[2K");
    this.progressShown = false;
  }
}
