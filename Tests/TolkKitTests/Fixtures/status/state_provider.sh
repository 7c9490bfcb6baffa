#!/bin/sh
# Test status provider: the state is read from the file named by $1 each run.
exec "$(dirname "$0")/../../../../content/password-sync-status.sh" "$(cat "$1")"
