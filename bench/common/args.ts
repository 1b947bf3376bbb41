/** Command-line options of the benchmarks: `--name value` pairs over a set of defaults. */

/**
 * The defaults with the options given on the command line; a number option must be a positive
 * number, and an unknown or incomplete option is an error that lists the known ones.
 */
export function parseArgs(defaults: Record<string, number | string>): Record<string, number | string> {
  const args = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in defaults) || argv[i + 1] === undefined) {
      throw new Error(
        `unknown or incomplete option ${argv[i]} (options: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(', ')})`,
      );
    }
    args[key] = typeof defaults[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
    if (typeof defaults[key] === 'number' && !(Number(argv[i + 1]) > 0))
      throw new Error(`--${key} must be a positive number`);
  }
  return args;
}
