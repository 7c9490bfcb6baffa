#!/usr/bin/env python3
"""Runs `tolk ... --watch` under a pseudo-terminal, as a reader would, and
reports what the terminal received as JSON (the Swift test asserts on it).

usage: pty_watch.py STATE_FILE TOLK ARGS...
The status command in ARGS reads STATE_FILE; after the first frames this
script switches the state from healthy to broken, waits for a redraw, then
presses Ctrl-C (byte 0x03 through the terminal's line discipline, so SIGINT
reaches the foreground process group exactly as from a keyboard).
"""
import json, os, pty, select, signal, struct, sys, time, fcntl, termios

state_file, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)

fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
os.kill(pid, signal.SIGWINCH)
received = b""

def read_for(seconds):
    global received
    until = time.time() + seconds
    while time.time() < until:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            received += chunk
    return True

def wait_for(needle, seconds, start=0):
    until = time.time() + seconds
    while time.time() < until:
        if needle in received[start:]:
            return True
        if not read_for(0.1):
            break
    return needle in received[start:]

report = {}
report["firstFrame"] = wait_for("✓ ".encode(), 20)
before = received.count(b"\x1b[H")
read_for(1.5)
report["redrawsBeforeSwitch"] = received.count(b"\x1b[H") - before
with open(state_file, "w") as f:
    f.write("broken\n")
marker = len(received)
# The panel's message for a failed "enabled" rule; the article's own text never says it.
report["sawBroken"] = wait_for("forventet Sand".encode(), 10, marker)
os.write(fd, b"\x03")
deadline = time.time() + 10
status = None
while time.time() < deadline:
    read_for(0.1)
    done, raw = os.waitpid(pid, os.WNOHANG)
    if done == pid:
        status = raw
        break
if status is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    report["exited"] = False
else:
    report["exited"] = True
    report["exitCode"] = os.waitstatus_to_exitcode(status)
read_for(0.2)
text = received.decode("utf-8", "replace")
report["enteredAlternateScreen"] = "\x1b[?1049h" in text
report["leftAlternateScreen"] = text.rstrip().endswith("\x1b[?25h\x1b[?1049l") or "\x1b[?1049l" in text[-40:]
report["homeCount"] = text.count("\x1b[H")
report["clearsToEnd"] = "\x1b[J" in text
report["statusHeaders"] = text.count("Status ·")
report["tail"] = text[-300:]
print(json.dumps(report))
