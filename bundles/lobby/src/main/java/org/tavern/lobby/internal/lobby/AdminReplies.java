package org.tavern.lobby.internal.lobby;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the running administrator command's answer goes (lobby actor): straight back, or later when
 * the command waits for another actor or the store, and what the command left to do once its
 * answer is sent (sending a kicked player away).
 */
final class AdminReplies {

    private Consumer<String> replyChannel;
    private boolean replyDeferred;
    private final List<Runnable> afterReply = new ArrayList<>();

    /** Runs a command: its answer goes to {@code reply} (now, or through {@link #deferReply}), then what it left to do. */
    void run(Supplier<String> command, Consumer<String> reply) {
        replyChannel = reply;
        replyDeferred = false;
        String text;
        try {
            text = command.get();
        } finally {
            replyChannel = null;
        }
        if (!replyDeferred) {
            reply.accept(text);
        }
        runAfterReply();
    }

    /** For the running command: its answer is sent later, through what this returns. */
    Consumer<String> deferReply() {
        if (replyChannel == null) {
            throw new IllegalStateException("no admin command is running");
        }
        replyDeferred = true;
        return replyChannel;
    }

    /** Something to do once the running command's reply is sent. */
    void afterReply(Runnable task) {
        afterReply.add(task);
    }

    void runAfterReply() {
        List<Runnable> tasks = new ArrayList<>(afterReply);
        afterReply.clear();
        tasks.forEach(Runnable::run);
    }

    /**
     * For the running command of {@code user} (null: the console): its answer is sent later, and
     * until then what that player sends waits, so it is handled after the answer.
     */
    Consumer<String> deferReplyInOrder(User user, Sessions sessions) {
        Consumer<String> reply = deferReply();
        if (user != null) {
            sessions.holdDocuments(user.connection);
        }
        return text -> {
            reply.accept(text);
            runAfterReply();
            if (user != null) {
                sessions.releaseDocuments(user.connection);
            }
        };
    }
}
