package org.tavern.lobby.internal.game;

/**
 * wesnothd's rules for the commands of a {@code [turn]}: a command naming {@code from_side} must come
 * from that side's owner (and never claim to be the server); the current player may send anything;
 * anyone else only single commands that do not change the game: {@code [speak]} (anyone),
 * {@code [surrender]} of his own side (with wesnothd's 0-based {@code side_number}, a quirk kept),
 * labels and renames (players and the host), and answers to a player's own choices
 * ({@code dependent} with {@code from_side}).
 */
final class TurnRules {

    private TurnRules() {
    }

    static boolean legal(String sender, boolean senderIsHost, org.tavern.wml.Node command, String[] sideOwners,
            int currentSide) {
        if (command.has("from_side")) {
            int side = command.toInt("from_side", 0) - 1;
            if (command.attrEquals("from_side", "server") || side < 0 || side >= sideOwners.length
                    || !sender.equals(sideOwners[side])) {
                return false;
            }
        }
        if (currentSide >= 0 && currentSide < sideOwners.length && sender.equals(sideOwners[currentSide])) {
            return true;
        }
        if (command.children().size() != 1) {
            return false;
        }
        org.tavern.wml.Node only = command.children().get(0);
        boolean player = java.util.Arrays.asList(sideOwners).contains(sender);
        return switch (only.name()) {
            case "speak" -> true;
            case "surrender" -> {
                int index = only.toInt("side_number", -1);
                yield index >= 0 && index < sideOwners.length && sender.equals(sideOwners[index]);
            }
            case "label", "clear_labels", "rename", "countdown_update" -> player || senderIsHost;
            default -> command.has("dependent") && command.has("from_side") && player;
        };
    }
}
