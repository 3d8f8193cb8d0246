"""Child processes from /proc, for the tools that measure a server started as java -jar tavern.jar:
that command is a launcher whose child JVM is the server (docs/admin-guide.md, "JVM options")."""

import os


def children_of(pid):
    """The child processes of pid, from every thread's /proc/PID/task/TID/children (a JVM starts its
    children from whichever thread ran ProcessBuilder, not its main thread)."""
    found = []
    try:
        tasks = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return found
    for task in tasks:
        try:
            with open("/proc/%d/task/%s/children" % (pid, task)) as children:
                found.extend(int(child) for child in children.read().split())
        except OSError:
            pass  # the thread ended meanwhile
    return found


def process_tree(pid):
    """pid and its descendants."""
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children_of(current))
    return tree
