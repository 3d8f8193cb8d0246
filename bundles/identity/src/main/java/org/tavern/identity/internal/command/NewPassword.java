package org.tavern.identity.internal.command;

import java.security.SecureRandom;

/**
 * The password an account command sets: the one the administrator gave, or a random one that the
 * command shows once (and that is stored only as its hash, like any other).
 */
record NewPassword(String text, boolean generated) {

    /** Letters and digits without look-alikes (l/1, O/0, I), so a shown password can be typed. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int GENERATED_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code args[index]} if the command was given it, else a random password. */
    static NewPassword from(String[] args, int index) {
        return index < args.length ? new NewPassword(args[index], false)
                : new NewPassword(random(GENERATED_LENGTH), true);
    }

    static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    /** Never the password itself, should the record end up in a log line. */
    @Override
    public String toString() {
        return generated ? "NewPassword[generated]" : "NewPassword[given]";
    }
}
