package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
)

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errHelpShown means -h was asked for and answered: exit status 0.
var errHelpShown = errors.New("help shown")

// command is one subcommand: its one-line summary, its arguments, and the
// function that runs it with its parsed flags.
type command struct {
	summary string
	args    string // e.g. "ID"
	flags   func(fs *flag.FlagSet, o *options)
	run     func(o *options, args []string, stdout io.Writer) error
}

var commands = map[string]command{}

func register(name string, c command) { commands[name] = c }

// run is the whole program: it parses args, runs one command and returns
// its error. main only maps the error to an exit status.
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		writeHelp(stderr)
		return usagef("no command given")
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		if len(args) > 1 {
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		writeHelp(stdout)
		return nil
	}
	c, ok := commands[name]
	if !ok {
		return usagef("unknown command %q (run 'truce help')", name)
	}
	o := &options{stderr: stderr}
	fs := flag.NewFlagSet("truce "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if c.flags != nil {
		c.flags(fs, o)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: truce %s [flags] %s\n\n%s\n\nflags:\n", name, c.args, c.summary)
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelpShown
		}
		return usageError{err.Error()}
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if err := o.check(); err != nil {
		return err
	}
	out := &errWriter{w: stdout}
	if err := c.run(o, positional, out); err != nil {
		return whereError(err)
	}
	if out.err != nil {
		return fmt.Errorf("writing the output: %w", out.err)
	}
	return nil
}

// errWriter remembers the first error writing to w, so that output that
// could not be written (a full disk, a closed pipe) fails the command even
// where a command ignores the error of a print.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// parseInterspersed parses flags before and after positional arguments, so
// that "truce chart NAME -o FILE" works; "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func writeHelp(w io.Writer) {
	fmt.Fprint(w, `truce: peace deals between the Pakistani state and the Pakistani Taliban, 2004 to today

usage: truce COMMAND [flags]

commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Every command reads the embedded dataset unless --data FILE names a CSV of
your own (columns id, start, end; see dataset/CODEBOOK.md), or with
--data-format ethprio|ucdp-pad a public ETH/PRIO or UCDP PAD file. Run
'truce COMMAND -h' for a command's flags.
`)
}
