/**
 * ts-morph printing, shared by the emitters: build a whole file's statements as structures, add them
 * in one call (repeated `add*` calls on one source file grow quadratically), and return the text.
 */
import { Project, type StatementStructures, type WriterFunction } from "ts-morph";
import { GENERATED_HEADER } from "./output.js";

let project: Project | undefined;

function sharedProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true },
  });
  return project;
}

let counter = 0;

/** Print one file from structures. `fileName` decides .js vs .d.ts printing rules. */
export function printFile(
  fileName: string,
  statements: ReadonlyArray<string | WriterFunction | StatementStructures>,
): string {
  const p = sharedProject();
  const unique = `/f${counter++}/${fileName}`;
  const sf = p.createSourceFile(unique, { statements: [...statements] }, { overwrite: true });
  const text = sf.getFullText();
  p.removeSourceFile(sf);
  return GENERATED_HEADER + text;
}
