package org.tavern.identity.internal.command;

/**
 * The arguments of a Gogo listing command that pages: {@code [<nick pattern>] [<offset>]}, or
 * {@code -h}/{@code --help}.
 *
 * @param pattern the nick pattern, empty for all
 * @param offset where the page starts
 * @param refusal the answer instead of a listing (the usage, or why the offset is wrong); null when
 *     the arguments are good
 */
record PageArguments(String pattern, int offset, String refusal) {

    static PageArguments parse(String[] args, String usage) {
        if (args.length > 2 || (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help")))) {
            return new PageArguments("", 0, usage);
        }
        String pattern = args.length > 0 ? args[0] : "";
        if (args.length < 2) {
            return new PageArguments(pattern, 0, null);
        }
        int offset;
        try {
            offset = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            offset = -1;
        }
        return offset < 0 ? new PageArguments(pattern, 0, "Not an offset: " + args[1] + "\n" + usage)
                : new PageArguments(pattern, offset, null);
    }
}
