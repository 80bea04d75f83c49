/**
 * The `linjaus` command line. Results go to stdout, progress and errors to stderr; the exit code
 * is 0 on success, 1 when the work failed (with a message naming the file and the problem), 2 for
 * wrong arguments.
 */
import { pathToFileURL } from 'node:url';
import { FormatError } from '../../core/format/errors';
import { ModelError } from '../../core/model/errors';
import { UnknownTemplateError } from '../../core/templates/registry';
import { EXIT, UsageError, type Command, type CommandIO } from './io';

interface CommandModule {
  run: Command;
  usage: string;
}

/** Commands by name, loaded on demand so `linjaus templates` does not load pdfmake or a server. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  templates: {
    summary: 'list the programme templates',
    load: () => import('./commands/templates'),
  },
  new: { summary: 'create a new programme from a template', load: () => import('./commands/new') },
  import: {
    summary: 'import a JSON programme into a .linjaus file',
    load: () => import('./commands/import'),
  },
  export: {
    summary: 'export a programme as a tagged, branded PDF',
    load: () => import('./commands/export'),
  },
  'export-json': {
    summary: 'write a programme as JSON',
    load: () => import('./commands/exportJson'),
  },
  merge: { summary: 'merge two copies of one programme', load: () => import('./commands/merge') },
  inspect: { summary: 'summarise a programme file', load: () => import('./commands/inspect') },
  schema: {
    summary: 'print the JSON Schema of the interchange format',
    load: () => import('./commands/schema'),
  },
  serve: {
    summary: 'run the co-authoring (workshop) server',
    load: () => import('./commands/serve'),
  },
  token: {
    summary: 'mint, list or revoke workshop access tokens',
    load: () => import('./commands/token'),
  },
};

function help(out: NodeJS.WritableStream): void {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  out.write(
    `Linjaus — strategy and programme documents\n\nUsage: linjaus <command> [options]\n\nCommands:\n${Object.entries(
      COMMANDS,
    )
      .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
      .join('\n')}\n\nRun "linjaus <command> --help" for a command's options.\n`,
  );
}

/** Run the command line with `argv` (without node and script) and return the exit code. */
export async function main(argv: string[], io: CommandIO = process): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for: help is the result (stdout). Not asked for: it explains a usage error (stderr).
    help(name ? io.stdout : io.stderr);
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`linjaus: unknown command "${name}". Run "linjaus --help" for the list.\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`Usage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`linjaus ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    if (
      error instanceof FormatError ||
      error instanceof ModelError ||
      error instanceof UnknownTemplateError
    ) {
      io.stderr.write(`linjaus ${name}: ${error.message}\n`);
      return EXIT.failure;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && error instanceof Error) {
      io.stderr.write(`linjaus ${name}: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `npm run linjaus -- …` runs in the package root; relative paths mean the caller's folder.
  if (process.env.npm_lifecycle_event === 'linjaus' && process.env.INIT_CWD)
    process.chdir(process.env.INIT_CWD);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `linjaus: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT.failure;
    },
  );
}
