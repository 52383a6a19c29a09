/**
 * The `bulkhead` command line: argument parsing, dispatch and exit codes. The work is in the
 * small modules beside this one; everything that touches the process is here.
 *
 * Exit codes: 0 nothing at or above `--fail-on`, 1 findings at or above it, 2 usage or internal error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { version as packageVersion } from '../../../package.json';
import { ALL_RULES, DEFAULT_RULE_SET, findRule, isConfiguredSeverity, UNUSED_SUPPRESSION_CODE, type ConfiguredSeverity } from '../core/index';
import { compareStrings } from '../node/discover';
import { ConfigFileError, scanScope, type ScanScope } from './config';
import { applyBaseline, BaselineError, DEFAULT_BASELINE_FILE, formatBaseline, parseBaseline } from './baseline';
import { formatFixDiff } from './format-diff';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { ANSI_COLORS, formatText, NO_COLORS } from './format-text';
import { formatExplain, formatRulesJson, formatRulesText, resolveRule } from './rules-command';
import { defaultJobs, isScanWorker, runScanWorker, scanInParallel } from './parallel-scan';
import { hasFindingsAtOrAbove, scanFiles, type ScanReport } from './scan';

export const VERSION: string = packageVersion;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** What the command line needs from the process, so it can be driven in tests. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A mistake in how the command was called: message, then a hint, exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

const MAIN_HELP = `Usage: bulkhead <command> [options]

Finds insecure Dockerfiles, Kubernetes manifests and Docker Compose files, and fixes them.

Commands:
  scan [PATH...]     Analyse files and folders (default: the current folder)
  baseline [PATH...] Record today's findings, so \`scan --baseline\` reports only new ones
  rules              List the rules
  explain <rule>     Show a rule's documentation

Options:
  -h, --help         Show help; \`bulkhead <command> --help\` shows a command's options
  -v, --version      Print the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or internal error.
`;

const SCAN_HELP = `Usage: bulkhead scan [PATH...] [options]

Analyses the Dockerfiles (Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile,
Containerfile.*) and YAML files (Kubernetes manifests, Compose files) under each PATH (default: .),
skipping .git, node_modules and what .gitignore files ignore. Files named explicitly are always
analysed.

Options:
  --format text|json|sarif       Output format (default: text); sarif is SARIF 2.1.0, for GitHub
                                 code scanning
  --fail-on error|warning|info|none
                                 Exit 1 when a finding is at or above this severity (default: error)
  --rule <id>=<severity>         Set a rule's severity: off, info, warning or error (repeatable)
  --exclude <glob>               Skip matching files and folders; a glob without / matches a name
                                 at any depth (repeatable)
  --config <file>                Configuration file (default: the nearest .bulkhead.yaml or
                                 .bulkhead.yml in or above each PATH); --rule and --exclude add
                                 to it, --rule winning
  -o, --output <file>            Write the report to a file instead of standard output
  --fix                          Apply safe fixes in place (repeating until stable), then report
                                 what is left
  --fix-dry-run                  Print what --fix would change as a unified diff (\`git apply\`
                                 applies it); write nothing; exit code as without it
  --baseline <file>              Report only findings not in this baseline file (see \`bulkhead
                                 baseline --help\`)
  --no-color                     No colours (there are none either when NO_COLOR is set or the
                                 output is not a terminal)
  --jobs <n>                     Worker threads to scan with (default: for 400 files or more on 3
                                 cores or more, one per core but one, up to 4; otherwise 1)
  -h, --help                     Show this help

Text output is "path:line:col severity rule-id message" and a summary; files that could not be
analysed are listed on standard error. Exit codes: 0 nothing at or above --fail-on, 1 findings at
or above it, 2 usage or internal error (including a file that could not be read).
`;

const BASELINE_HELP = `Usage: bulkhead baseline [PATH...] [options]

Scans like \`bulkhead scan\` and writes the fingerprints of every finding to a baseline file.
\`bulkhead scan --baseline <file>\` then reports only the findings that are not in it: adopt
Bulkhead on an existing repository and fail the build only on new problems. A fingerprint is
the rule, the file and the text of the finding's line (not its number), so findings stay
baselined when other lines move. Paths in the file are relative to its folder.

Options:
  -o, --output <file>            The baseline file (default: ${DEFAULT_BASELINE_FILE})
  --rule <id>=<severity>         As for scan (repeatable)
  --exclude <glob>               As for scan (repeatable)
  --config <file>                As for scan
  --jobs <n>                     As for scan
  -h, --help                     Show this help
`;

const RULES_HELP = `Usage: bulkhead rules [--format text|json]

Lists every rule: id, target, default severity, fix kind and title (text), or the catalog with
documentation links and the equivalent ids in hadolint, checkov, kube-linter, Trivy, the Pod
Security Standards and the CIS Benchmarks (json).
`;

const EXPLAIN_HELP = `Usage: bulkhead explain <rule>

Shows a rule's documentation. <rule> is a rule id (k8s/privileged-container), its name without
the target (privileged-container), or a peer tool's id for the same check (DL3002, CKV_K8S_16).
`;

const HELP: Readonly<Record<string, string>> = { scan: SCAN_HELP, baseline: BASELINE_HELP, rules: RULES_HELP, explain: EXPLAIN_HELP };

const SCAN_OPTIONS = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  rule: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  config: { type: 'string' },
  output: { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  baseline: { type: 'string' },
  'no-color': { type: 'boolean' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const BASELINE_OPTIONS = {
  rule: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  config: { type: 'string' },
  output: { type: 'string', short: 'o' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const RULES_OPTIONS = {
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const EXPLAIN_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;

/** Runs the command line; returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = error.command ? `bulkhead ${error.command} --help` : 'bulkhead --help';
      io.stderr(`bulkhead: ${error.message}\nRun \`${hint}\` for usage.\n`);
      return EXIT_ERROR;
    }
    io.stderr(`bulkhead: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(MAIN_HELP);
    return EXIT_ERROR;
  }
  if (command === '-h' || command === '--help') {
    io.stdout(MAIN_HELP);
    return EXIT_OK;
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic !== undefined && HELP[topic] === undefined) throw new UsageError(`unknown command '${topic}'.`);
    io.stdout(topic === undefined ? MAIN_HELP : HELP[topic]!);
    return EXIT_OK;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  switch (command) {
    case 'scan':
      return scanCommand(rest, io);
    case 'baseline':
      return baselineCommand(rest, io);
    case 'rules':
      return rulesCommand(rest, io);
    case 'explain':
      return explainCommand(rest, io);
    default:
      if (command.startsWith('-')) throw new UsageError(`unknown option '${command}': options go after the command (scan, baseline, rules or explain).`);
      throw new UsageError(`unknown command '${command}': the commands are scan, baseline, rules and explain.`);
  }
}

async function scanCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('scan', args, SCAN_OPTIONS, true);
  if (values.help) {
    io.stdout(SCAN_HELP);
    return EXIT_OK;
  }
  const format = oneOf('scan', '--format', values.format ?? 'text', ['text', 'json', 'sarif'] as const);
  const failOn = oneOf('scan', '--fail-on', values['fail-on'] ?? 'error', FAIL_ON);
  const dryRun = values['fix-dry-run'] === true;
  if (dryRun && values.fix) throw new UsageError('--fix and --fix-dry-run do not go together: --fix-dry-run shows what --fix would do.', 'scan');
  if (dryRun && values.format !== undefined && format !== 'text') throw new UsageError('--fix-dry-run prints a diff: it does not take --format.', 'scan');
  if (values.output === '') throw new UsageError('--output needs a file name.', 'scan');
  if (values.baseline === '') throw new UsageError('--baseline needs a file name.', 'scan');

  // Read the baseline first: a wrong path should not cost a whole scan.
  let baseline: ReturnType<typeof parseBaseline> | undefined;
  if (values.baseline !== undefined) {
    try {
      baseline = parseBaseline(readFileSync(resolve(io.cwd, values.baseline), 'utf8'));
    } catch (error) {
      const reason = error instanceof BaselineError ? error.message : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error instanceof Error ? error.message : error);
      io.stderr(`bulkhead: could not use the baseline ${values.baseline}: ${reason}.\n`);
      return EXIT_ERROR;
    }
  }

  let report = await runScan('scan', positionals, values, io, { fix: values.fix === true || dryRun, dryRun });
  if (baseline !== undefined) report = applyBaseline(report, baseline, io.cwd, values.baseline!);

  const colors = format === 'text' && values.output === undefined && !values['no-color'] && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
  let out: string;
  let err = '';
  if (dryRun) {
    out = formatFixDiff(report);
    err = formatText(report).err;
    const count = report.fixed.reduce((sum, fixed) => sum + [...fixed.applied.values()].reduce((a, b) => a + b, 0), 0);
    err += report.fixed.length === 0
      ? 'bulkhead: --fix-dry-run: nothing to fix.\n'
      : `bulkhead: --fix-dry-run: --fix would fix ${count} finding${count === 1 ? '' : 's'} in ${report.fixed.length} file${report.fixed.length === 1 ? '' : 's'}; nothing was written.\n`;
  } else if (format === 'json' || format === 'sarif') {
    out = format === 'json'
      ? formatJson(report, VERSION)
      : formatSarif(report, { toolVersion: VERSION, cwd: io.cwd, rules: ALL_RULES.map((rule) => rule.meta), baseline: baseline !== undefined });
    if (report.fixed.length > 0) {
      // The JSON contract has no place for it: say what --fix changed on stderr.
      err = report.fixed.map((fixed) => `${fixed.file}: fixed ${[...fixed.applied].map(([id, count]) => `${id} ×${count}`).join(', ')}\n`).join('');
    }
    if (report.baselined !== undefined && report.baselined > 0) err += `bulkhead: ${report.baselined} finding${report.baselined === 1 ? '' : 's'} in the baseline not reported.\n`;
    if (format === 'sarif') err += formatText(report).err;
  } else {
    ({ out, err } = formatText(report, colors ? ANSI_COLORS : NO_COLORS));
  }

  if (!writeOutput(values.output, out, io)) return EXIT_ERROR;
  if (err !== '') io.stderr(err);

  if (report.errors.some((error) => error.kind === 'internal')) return EXIT_ERROR;
  return hasFindingsAtOrAbove(report.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

async function baselineCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('baseline', args, BASELINE_OPTIONS, true);
  if (values.help) {
    io.stdout(BASELINE_HELP);
    return EXIT_OK;
  }
  if (values.output === '') throw new UsageError('--output needs a file name.', 'baseline');
  const output = values.output ?? DEFAULT_BASELINE_FILE;
  const report = await runScan('baseline', positionals, values, io, { fix: false, dryRun: false });
  if (!writeOutput(output, formatBaseline(report, { cwd: io.cwd, baselinePath: output, toolVersion: VERSION }), io)) return EXIT_ERROR;
  const { err } = formatText(report);
  if (err !== '') io.stderr(err);
  const files = new Set(report.findings.map((finding) => finding.file)).size;
  io.stdout(`Wrote ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} to ${output}; \`bulkhead scan --baseline ${output}\` reports only new ones.\n`);
  return report.errors.some((error) => error.kind === 'internal') ? EXIT_ERROR : EXIT_OK;
}

/** Discovers and scans the files `scan` and `baseline` are given. */
async function runScan(
  command: string,
  positionals: readonly string[],
  values: { readonly rule?: readonly string[]; readonly exclude?: readonly string[]; readonly jobs?: string; readonly config?: string },
  io: CliIo,
  fix: { readonly fix: boolean; readonly dryRun: boolean },
): Promise<ScanReport> {
  const rules = parseRuleOptions(values.rule ?? [], command);
  const exclude = [...(values.exclude ?? [])];
  if (values.config === '') throw new UsageError('--config needs a file name.', command);
  // .bulkhead.yaml: the nearest one above each path, or --config's (see config.ts).
  let discovery: ScanScope;
  try {
    discovery = scanScope(positionals.length > 0 ? positionals : ['.'], { cwd: io.cwd, exclude, rules, ...(values.config !== undefined ? { configFile: values.config } : {}) });
  } catch (error) {
    if (error instanceof ConfigFileError) throw new UsageError(error.message, command);
    throw error;
  }
  if (discovery.missing.length > 0) {
    throw new UsageError(discovery.missing.map((path) => `no such file or folder: ${path}`).join('\nbulkhead: '), command);
  }

  const jobs = values.jobs === undefined ? defaultJobs(discovery.files.length) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not '${values.jobs}'.`, command);
  const scanOptions = { cwd: io.cwd, config: discovery.config, ...(discovery.fileConfigs ? { fileConfigs: discovery.fileConfigs } : {}), ...fix };
  const report = jobs > 1 && discovery.files.length > 1
    ? await scanInParallel(discovery.files, scanOptions, Math.min(jobs, discovery.files.length), __filename)
    : scanFiles(discovery.files, { ...scanOptions, rules: DEFAULT_RULE_SET });
  if (discovery.errors.length === 0) return report;
  // Problems of the configuration file: listed with the files' errors (defaults applied).
  return { ...report, errors: [...discovery.errors, ...report.errors].sort((a, b) => compareStrings(a.file, b.file)) };
}

/** Writes the report to `--output` (making its folder), or standard output without one; false (said on stderr) when it cannot. */
function writeOutput(output: string | undefined, text: string, io: CliIo): boolean {
  if (output === undefined) {
    io.stdout(text);
    return true;
  }
  try {
    const path = resolve(io.cwd, output);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
    return true;
  } catch (error) {
    io.stderr(`bulkhead: could not write ${output}: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

function rulesCommand(args: readonly string[], io: CliIo): number {
  const { values } = parse('rules', args, RULES_OPTIONS, false);
  if (values.help) {
    io.stdout(RULES_HELP);
    return EXIT_OK;
  }
  const format = oneOf('rules', '--format', values.format ?? 'text', ['text', 'json'] as const);
  const metas = ALL_RULES.map((rule) => rule.meta);
  io.stdout(format === 'json' ? formatRulesJson(metas) : formatRulesText(metas));
  return EXIT_OK;
}

function explainCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse('explain', args, EXPLAIN_OPTIONS, true);
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which rule? e.g. `bulkhead explain k8s/privileged-container`.' : 'explain takes one rule id.', 'explain');
  const query = positionals[0]!;
  const metas = ALL_RULES.map((rule) => rule.meta);
  const resolution = resolveRule(query, metas);
  if ('rule' in resolution) {
    io.stdout(formatExplain(resolution.rule));
    return EXIT_OK;
  }
  const ids = resolution.candidates.map((meta) => meta.id);
  const suggestion = ids.length > 0 ? ` Did you mean ${ids.join(', ')}?` : ' `bulkhead rules` lists them.';
  io.stderr(`bulkhead: no rule '${query}'.${suggestion}\n`);
  return EXIT_ERROR;
}

/** `--rule <id>=<severity>` options as rule configuration; later ones win. */
function parseRuleOptions(options: readonly string[], command = 'scan'): Record<string, ConfiguredSeverity> {
  const rules: Record<string, ConfiguredSeverity> = {};
  for (const option of options) {
    const at = option.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--rule expects <rule-id>=<severity>, e.g. --rule dockerfile/user-root=off; got '${option}'.`, command);
    const id = option.slice(0, at).trim();
    const severity = option.slice(at + 1).trim();
    if (!findRule(id) && id !== UNUSED_SUPPRESSION_CODE) throw new UsageError(`--rule: unknown rule '${id}'. \`bulkhead rules\` lists them.`, command);
    if (!isConfiguredSeverity(severity)) throw new UsageError(`--rule ${id}: severity must be off, info, warning or error, not '${severity}'.`, command);
    rules[id] = severity;
  }
  return rules;
}

function oneOf<T extends string>(command: string, option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not '${value}'.`, command);
}

function parse<Options extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: Options,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    // Node's messages are good but long; keep their first sentence.
    const message = error instanceof Error ? error.message.split(/\.(?: |$)/)[0]! : String(error);
    throw new UsageError(`${message.charAt(0).toLowerCase()}${message.slice(1)}.`, command);
  }
}

function main(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `bulkhead scan | head`: the reader went away; that is not an error.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  void run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}

// The same bundle is the scan worker of `bulkhead scan --jobs N`.
if (isScanWorker()) runScanWorker();
else main();
