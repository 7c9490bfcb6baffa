#ifndef TOLK_CWIDTH_H
#define TOLK_CWIDTH_H
/// pipe2(fds, O_CLOEXEC): both ends closed in spawned programs.
int tolk_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addchdir_np: the spawned program starts in `directory`.
int tolk_spawn_addchdir(void *actions, const char *directory);

/// renameat2(RENAME_EXCHANGE): swaps two paths in one step; -1 (errno set) when
/// the system or file system cannot.
int tolk_exchange_paths(const char *a, const char *b);

/// Starts `path` with `argv` in a new session, standard streams on /dev/null,
/// and does not wait for it; returns its pid or -1.
int tolk_spawn_detached(const char *path, char *const argv[]);
#endif
