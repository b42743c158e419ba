import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

type CliConfig<O extends ParseArgsOptionsConfig> = {
  args: string[];
  strict: true;
  allowPositionals: false;
  options: O & typeof HELP_OPTION;
};

/** The parsed values of a command's options (plus `help`), typed from the options config. */
export type CliValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<CliConfig<O>>
>['values'];

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Reads a command's options strictly (no positionals; `-h`/`--help` is always accepted).
 * Returns the values, or the exit code when the command is already done: 2 after one German
 * error line naming the unknown or incomplete option, followed by `hint`; 0 after printing
 * `usage` for `--help`.
 */
/**
 * `--amount -5` would make node's parser read "-5" as options; a negative number after an option
 * that takes a value is that option's value, so the command can say what is wrong with it.
 */
function joinNegativeValues(args: readonly string[], options: ParseArgsOptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseCliOptions<const O extends ParseArgsOptionsConfig>(
  args: string[],
  options: O,
  text: { usage: string; hint: string },
  output: CliOutput,
): { values: CliValues<O> } | { exitCode: 0 | 2 } {
  let values: CliValues<O>;
  try {
    ({ values } = parseArgs<CliConfig<O>>({
      args: joinNegativeValues(args, options),
      strict: true,
      allowPositionals: false,
      options: { ...options, ...HELP_OPTION },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1];
    output.err(
      option
        ? `Fehler: Die Angabe „${option}“ ist unbekannt oder unvollständig. ${text.hint}`
        : `Fehler: Die Angaben konnten nicht gelesen werden. ${text.hint}`,
    );
    return { exitCode: 2 };
  }
  // Inside this generic function TypeScript cannot resolve the values' keys; `help` is always one.
  if ((values as { help?: boolean }).help) {
    output.out(text.usage);
    return { exitCode: 0 };
  }
  return { values };
}
