#ifndef TOLK_CSYSTEM_H
#define TOLK_CSYSTEM_H
// Process and file-system calls whose spelling differs between Linux (glibc)
// and macOS (Darwin), or that Swift's Glibc module hides behind _GNU_SOURCE.
// Each has one implementation per system in CProcess.c and CFiles.c.

/// A pipe whose both ends are closed in spawned programs: pipe2(O_CLOEXEC) on
/// Linux, pipe and FD_CLOEXEC elsewhere.
int tolk_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addchdir_np: the spawned program starts in `directory`.
int tolk_spawn_addchdir(void *actions, const char *directory);

/// Swaps two paths in one step: renameat2(RENAME_EXCHANGE) on Linux,
/// renamex_np(RENAME_SWAP) on macOS; -1 (errno set) when the system or file
/// system cannot.
int tolk_exchange_paths(const char *a, const char *b);

/// Starts `path` with `argv` in a new session, standard streams on /dev/null,
/// and does not wait for it; returns its pid or -1.
int tolk_spawn_detached(const char *path, char *const argv[]);
#endif
