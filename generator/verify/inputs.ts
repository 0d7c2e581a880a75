/**
 * Recorded replies, read from the files given to `tcgen verify`. Two formats, told apart by content:
 *
 * - a Tencent `examples.json`: `{"actions": {"<Action>": [{"output": "<reply text>", "title": "…"}, …]}}`
 *   (other keys of the file and of each example are ignored);
 * - JSON Lines: one `{"action": "<Action>", "reply": <reply object or reply text>, "title"?: "…"}` per
 *   line (blank lines skipped).
 *
 * A reply given as a string is reply TEXT (the parsers `JSON.parse` it: an SSE stream or a body with
 * an invalid escape is then "not JSON"); any other value is the already-parsed reply.
 * `index` counts the replies of one action within one file, from 1 (for examples.json: the position
 * in that action's list).
 */
import { readBoundedSync } from "../read-bounded.js";

export interface RecordedReply {
  /** The file as the user named it. */
  readonly file: string;
  readonly action: string;
  readonly index: number;
  readonly title?: string;
  /** JSON Lines only: the 1-based line. */
  readonly line?: number;
  readonly reply: unknown;
}

export type RepliesRead =
  | { readonly ok: true; readonly format: "examples" | "jsonl"; readonly replies: readonly RecordedReply[] }
  | { readonly ok: false; readonly message: string };

const NEITHER = 'neither an examples.json ({"actions": {"<Action>": [{"output": …}]}}) nor JSON Lines of {"action": …, "reply": …}';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Read the replies of one file (`file` is used in verdicts and messages, `text` is its content). */
export function readRecordedReplies(file: string, text: string): RepliesRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, message: `${file}: the file is empty: ${NEITHER}` };
  let whole: unknown;
  let parsed = false;
  try {
    whole = JSON.parse(body) as unknown;
    parsed = true;
  } catch {
    parsed = false;
  }
  if (parsed) {
    if (isObject(whole) && Object.hasOwn(whole, "actions")) return readExamples(file, whole);
    if (!(isObject(whole) && Object.hasOwn(whole, "action"))) return { ok: false, message: `${file}: ${NEITHER}` };
    // One record, possibly spread over several lines.
    const read = readRecord(file, `${file}:1`, whole, new Map(), 1);
    return read.ok ? { ok: true, format: "jsonl", replies: [read.reply] } : read;
  }
  return readJsonLines(file, body);
}

function readExamples(file: string, root: Record<string, unknown>): RepliesRead {
  const actions = own(root, "actions");
  if (!isObject(actions)) return { ok: false, message: `${file}: $.actions must be an object of action → examples (${NEITHER})` };
  const replies: RecordedReply[] = [];
  for (const [action, list] of Object.entries(actions)) {
    const at = `$.actions${segment(action)}`;
    if (!Array.isArray(list)) return { ok: false, message: `${file}: ${at} must be an array of examples` };
    for (let i = 0; i < list.length; i++) {
      const example: unknown = list[i];
      if (!isObject(example) || !Object.hasOwn(example, "output")) {
        return { ok: false, message: `${file}: ${at}[${i}] must be an object with an "output" (the reply text)` };
      }
      const title = own(example, "title");
      replies.push({
        file,
        action,
        index: i + 1,
        ...(typeof title === "string" ? { title } : {}),
        reply: own(example, "output"),
      });
    }
  }
  return { ok: true, format: "examples", replies };
}

function readJsonLines(file: string, body: string): RepliesRead {
  const replies: RecordedReply[] = [];
  const counts = new Map<string, number>();
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (text.trim() === "") continue;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { ok: false, message: `${where}: not a JSON line (${why}); ${NEITHER}` };
    }
    const read = readRecord(file, where, value, counts, i + 1);
    if (!read.ok) return read;
    replies.push(read.reply);
  }
  return { ok: true, format: "jsonl", replies };
}

/** One `{"action", "reply", "title"?}` record. */
function readRecord(
  file: string,
  where: string,
  value: unknown,
  counts: Map<string, number>,
  line: number,
): { readonly ok: true; readonly reply: RecordedReply } | { readonly ok: false; readonly message: string } {
  if (!isObject(value)) return { ok: false, message: `${where}: expected an object {"action", "reply"}; ${NEITHER}` };
  const action = own(value, "action");
  if (typeof action !== "string" || action === "") {
    return { ok: false, message: `${where}: "action" must be a non-empty string (the action name)` };
  }
  if (!Object.hasOwn(value, "reply")) return { ok: false, message: `${where}: "reply" is missing (the reply object or its text)` };
  const title = own(value, "title");
  if (title !== undefined && typeof title !== "string") return { ok: false, message: `${where}: "title" must be a string` };
  const index = (counts.get(action) ?? 0) + 1;
  counts.set(action, index);
  return { ok: true, reply: { file, action, index, ...(title !== undefined ? { title } : {}), line, reply: own(value, "reply") } };
}

function segment(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Read every file of recorded replies; a problem line per unreadable or unrecognised file. */
/** Largest reply file read (checked with fstat before reading; JSON.parse needs several times the size). */
export const MAX_REPLY_FILE_BYTES = 256 * 1024 * 1024;

export async function readReplyFiles(files: readonly string[]): Promise<{ readonly replies: RecordedReply[]; readonly problems: string[] }> {
  const problems: string[] = [];
  const replies: RecordedReply[] = [];
  for (const file of files) {
    let text: string;
    try {
      const read = readBoundedSync(file, MAX_REPLY_FILE_BYTES);
      if (!read.ok) {
        problems.push(
          read.reason === "too-large"
            ? `${file}: the file is too large (${(read.size / 1048576).toFixed(1)} MB; at most ${MAX_REPLY_FILE_BYTES / 1048576} MB): split it`
            : `${file}: cannot read the file (it is not a regular file)`,
        );
        continue;
      }
      text = read.bytes.toString("utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException | null)?.code;
      problems.push(`${file}: cannot read the file${code ? ` (${code === "ENOENT" ? "no such file" : code})` : ""}`);
      continue;
    }
    const read = readRecordedReplies(file, text);
    if (read.ok) for (const r of read.replies) replies.push(r);
    else problems.push(read.message);
  }
  return { replies, problems };
}
