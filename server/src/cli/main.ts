import { UsageError } from './files';
import { CHECK_USAGE, runCheck, type Io } from './check';
import { runSimulate, SIMULATE_USAGE } from './simulate';
import { VERSION } from './version';

const USAGE = `kubesim ${VERSION}: write, check and simulate Kubernetes manifests, offline.

usage:
  kubesim check [paths…] [--format text|json|sarif]   check manifests (like the editor does)
  kubesim simulate [paths…] [--format text|json]     simulate kubectl apply: pods, nodes, IPs, endpoints
  kubesim lsp --stdio                                 run the language server for any LSP client
  kubesim --version

Run "kubesim check --help" for the options of a command.`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return runCheck(rest, io);
      case 'simulate':
        return runSimulate(rest, io);
      case 'lsp': {
        // Loaded only for this command, so `kubesim check` does not pay for the LSP library.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { startServer } = require('../lsp/server') as typeof import('../lsp/server');
        startServer(rest);
        return -1; // the server keeps the process alive
      }
      case '--version':
      case '-v':
        io.stdout(VERSION + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kubesim: ${e.message}\n${e.showUsage ? (command === 'check' ? CHECK_USAGE : command === 'simulate' ? SIMULATE_USAGE : USAGE) + '\n' : ''}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  // A reader that stops early (`kubesim simulate | head`) closes the pipe: stop writing, as other CLI tools do, instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kubesim: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
