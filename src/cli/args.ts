/**
 * The CLIs' options on node:util parseArgs: `--name value` or `--name=value`, flags declared up front; anything
 * else (a positional, a short option, an unknown option, a missing or repeated value) is a UsageError naming it.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

export class UsageError extends Error {}

export interface OptionSpec {
  /** takes a value (default) or is a boolean flag */
  flag?: boolean;
}

export type ParsedArgs = Record<string, string | true | undefined>;

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const { tokens } = parseNodeArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(spec).map(([name, s]) => [name, { type: s.flag ? ('boolean' as const) : ('string' as const) }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const known = () =>
    Object.keys(spec)
      .map((k) => `--${k}`)
      .join(', ');
  const out: ParsedArgs = {};
  for (const t of tokens) {
    if (t.kind === 'positional') throw new UsageError(`unexpected argument "${t.value}"`);
    if (t.kind === 'option-terminator') throw new UsageError(`unknown option -- (known: ${known()})`);
    if (!t.rawName.startsWith('--')) throw new UsageError(`unexpected argument "${argv[t.index]}"`);
    const s = Object.hasOwn(spec, t.name) ? spec[t.name] : undefined;
    if (!s) throw new UsageError(`unknown option --${t.name} (known: ${known()})`);
    if (s.flag) {
      if (t.inlineValue) throw new UsageError(`--${t.name} takes no value`);
      out[t.name] = true;
      continue;
    }
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))
      throw new UsageError(`--${t.name} needs a value`);
    if (out[t.name] !== undefined) throw new UsageError(`--${t.name} given twice`);
    out[t.name] = t.value;
  }
  return out;
}

/** A whole number in [min, max], or a UsageError naming the option. */
export function intOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = args[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${String(v)}"`);
  return n;
}

/**
 * Run a CLI's main and set the exit code: 2 with "<name>: error: …" for a UsageError (then the usage) or one of
 * `inputErrors` (a problem the user can fix), 1 with "<name>: failed: …" and the stack for anything else.
 */
export function runCli(
  name: string,
  usage: string,
  main: (argv: readonly string[]) => Promise<number>,
  inputErrors: readonly (new (...a: never[]) => Error)[] = [],
): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const isUsage = e instanceof UsageError;
      if (isUsage || inputErrors.some((c) => e instanceof c)) {
        process.stderr.write(`${name}: error: ${(e as Error).message}\n${isUsage ? usage + '\n' : ''}`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${name}: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
