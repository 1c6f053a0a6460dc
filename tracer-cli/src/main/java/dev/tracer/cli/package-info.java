/**
 * The {@code tracer} command line (picocli): thin commands that parse options, call core and
 * render. Results go to stdout, logs and progress to stderr; exit codes are listed in
 * {@code --help} ({@link dev.tracer.cli.ExitCodes}); only {@link dev.tracer.cli.Main#main}
 * calls {@code System.exit}. This module alone binds an SLF4J implementation (slf4j-simple),
 * quiet by default, {@code -v} for more.
 */
package dev.tracer.cli;
