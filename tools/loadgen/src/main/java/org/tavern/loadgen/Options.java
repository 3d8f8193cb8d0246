package org.tavern.loadgen;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code --key=value} arguments. Every key a scenario reads is declared with its default when read;
 * {@link #rejectUnknown} then refuses a misspelt key instead of silently running with a default.
 */
final class Options {

    /** A bad command line: the message says what to change. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    static Options parse(String[] args, int from) throws UsageException {
        Options options = new Options();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.indexOf('=') < 3) {
                throw new UsageException("expected --key=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            options.values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    String string(String key, String fallback) {
        read.add(key);
        return values.getOrDefault(key, fallback);
    }

    long number(String key, long fallback) throws UsageException {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be a whole number, got '" + value + "'");
        }
    }

    int count(String key, int fallback, int min, int max) throws UsageException {
        long value = number(key, fallback);
        if (value < min || value > max) {
            throw new UsageException("--" + key + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    double decimal(String key, double fallback) throws UsageException {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be a number, got '" + value + "'");
        }
    }

    void rejectUnknown() throws UsageException {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new UsageException("unknown option --" + key + " (known: --" + String.join(", --", read) + ")");
            }
        }
    }
}
