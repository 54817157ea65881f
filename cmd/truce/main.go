// Command truce lists, checks and analyses the truce dataset of peace deals,
// ceasefires and talks between the Pakistani state and the Pakistani
// Taliban and allied factions since 2004, and writes briefings from it.
//
// Run "truce help" for the commands and "truce CMD -h" for a command's flags.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	beforeRead = gcOffWhileReading
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	if err == nil {
		return
	}
	if !errors.Is(err, errHelpShown) {
		fmt.Fprintln(os.Stderr, "truce:", err)
	}
	var ue usageError
	switch {
	case errors.Is(err, errHelpShown):
		os.Exit(0)
	case errors.As(err, &ue):
		os.Exit(2)
	default:
		os.Exit(1)
	}
}
