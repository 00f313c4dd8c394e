import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { formatPath } from './fieldPath.js';

/**
 * A YAML data file read and checked against a zod schema (the knowledge's policy and catalogue, the
 * demo accounts). Its errors name the file, the field and the reason; each reader throws its own
 * subclass of DataFileError (PolicyDataError, DemoDataError), so callers can tell whose file it was.
 */

/** A data file's problems, each "path: reason", after its name. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    // The subclass's own name (PolicyDataError, DemoDataError), as each had before they shared this.
    this.name = new.target.name;
  }
}

/** The reader's own error class. */
export type FileProblems = new (file: string, problems: string[]) => DataFileError;

/** The file's text; a file that cannot be read is a `fail`. */
export async function readDataFile(file: string, fail: FileProblems): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new fail(file, [`cannot read: ${(error as Error).message}`]);
  }
}

/** The file's text parsed as YAML and checked against `schema`; a missing field reads 'required'. */
export function parseYamlFile<S extends z.ZodType>(file: string, text: string, schema: S, fail: FileProblems): z.output<S> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new fail(file, [`not valid YAML: ${(error as Error).message}`]);
  }
  // A missing field reads 'required' rather than 'expected string, received undefined'.
  const result = schema.safeParse(data, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined),
  });
  if (!result.success) throw new fail(file, result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`));
  return result.data;
}
