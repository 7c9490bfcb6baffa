// glibc's pipe2 and posix_spawn_file_actions_addchdir_np need _GNU_SOURCE,
// which Swift's Glibc module does not define.
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include "CWidth.h"

int tolk_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int tolk_spawn_addchdir(void *actions, const char *directory) {
    return posix_spawn_file_actions_addchdir_np((posix_spawn_file_actions_t *)actions, directory);
}
