#!/bin/sh
# Example status provider for password-sync.md: prints the status document
# Tolk reads (JSON on standard output). A real provider would ask the tenant,
# for example with Get-MgOrganization | ConvertTo-Json in PowerShell.
#
#   ./password-sync-status.sh [healthy|stale|broken|invalid|fail|hang]
#   PASSWORD_SYNC_STATE=stale tolk show password-sync
#
# healthy  password sync on, last sync 25 minutes ago         (tolk status: exit 0)
# stale    password sync on, last sync 5 days and 3 hours ago (exit 1, warning)
# broken   password sync off, last sync 12 days ago           (exit 1, error)
# invalid  a document that is not JSON                         (exit 1)
# fail     the provider fails: exit status 3 and a message     (exit 1)
# hang     never answers and ignores SIGTERM                   (exit 1 after the timeout)
set -eu
state=${1:-${PASSWORD_SYNC_STATE:-healthy}}

ago() { date -u -d "@$(( $(date +%s) - $1 ))" +%Y-%m-%dT%H:%M:%SZ; }
now=$(ago 0)

document() {
    printf '{\n  "observedAt": "%s",\n  "tenant": "contoso.onmicrosoft.com",\n' "$now"
    printf '  "passwordSync": {\n    "enabled": %s,\n    "lastSync": "%s"\n  }\n}\n' "$1" "$(ago "$2")"
}

case $state in
    healthy) document true $((25 * 60)) ;;
    stale) document true $((5 * 86400 + 3 * 3600)) ;;
    broken) document false $((12 * 86400)) ;;
    invalid) printf '{ "passwordSync": { "enabled": true, "lastSync": }\n' ;;
    fail)
        echo "cannot reach the directory synchronization service (example failure)" >&2
        exit 3
        ;;
    hang)
        trap '' TERM
        while :; do sleep 1; done
        ;;
    *)
        echo "usage: $0 [healthy|stale|broken|invalid|fail|hang]" >&2
        exit 2
        ;;
esac
