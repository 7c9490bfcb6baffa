// Pipes and spawning. glibc's pipe2 and posix_spawn_file_actions_addchdir_np
// need _GNU_SOURCE, which Swift's Glibc module does not define; macOS has the
// second (10.15 and later) but not the first.
#if defined(__linux__)
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include "CSystem.h"

int tolk_pipe_cloexec(int fds[2]) {
#if defined(__linux__)
    return pipe2(fds, O_CLOEXEC);
#else
    // No other thread spawns programs between these calls in Tolk's status runner.
    if (pipe(fds) != 0) return -1;
    if (fcntl(fds[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(fds[1], F_SETFD, FD_CLOEXEC) != 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    return 0;
#endif
}

int tolk_spawn_addchdir(void *actions, const char *directory) {
    return posix_spawn_file_actions_addchdir_np((posix_spawn_file_actions_t *)actions, directory);
}
