package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tavern.lobby.internal.common.ServerMessages;

/**
 * The host's powers over his game: muting observers (one by one or all at once), kicking members and
 * banning players by address and name (the {@code ignored=} list of {@code [create_game]} are name
 * bans from the start). Refusals go to the host alone; what is done is recorded and told to all.
 * Runs on the game's actor.
 */
public final class Moderation {

    private final Game game;
    private final Set<String> muted = new LinkedHashSet<>();
    private boolean allObserversMuted;
    private final Set<String> bannedIps = new LinkedHashSet<>();
    private final Set<String> bannedNames = new LinkedHashSet<>();

    Moderation(Game game, String ignored) {
        this.game = game;
        for (String name : ignored.split(",")) {
            if (!name.isBlank()) {
                bannedNames.add(name.trim());
            }
        }
    }

    boolean isMuted(Member member) {
        return member.observer && (allObserversMuted || muted.contains(member.name()));
    }

    boolean isBanned(String name, String ip) {
        return bannedNames.contains(name) || bannedIps.contains(ip);
    }

    /** {@code [muteall]}: toggles muting every observer. */
    public void muteAll(Member sender) {
        if (!game.isHost(sender)) {
            game.tell(sender, "You cannot mute: not the game host.");
            return;
        }
        allObserversMuted = !allObserversMuted;
        game.recordAndSendToAll(game.serverMessage(allObserversMuted ? "All observers have been muted."
                : "Muting of all observers has been removed."));
    }

    /** {@code [mute] username=}: mutes an observer; without a name, tells who is muted. */
    public void mute(Member sender, String username) {
        if (!game.isHost(sender)) {
            game.tell(sender, "You cannot mute: not the game host.");
            return;
        }
        if (username.isEmpty()) {
            game.tell(sender, allObserversMuted ? "All observers are muted."
                    : "Muted observers: " + String.join(", ", muted));
            return;
        }
        Member observer = observer(username);
        if (observer == null) {
            game.tell(sender, "Observer '" + username + "' not found.");
        } else if (observer == sender) {
            game.tell(sender, "Don't mute yourself, silly.");
        } else if (!muted.add(username)) {
            game.tell(sender, username + " is already muted.");
        } else {
            game.recordAndSendToAll(game.serverMessage(username + " has been muted."));
        }
    }

    /** {@code [unmute] username=}: unmutes an observer; without a name, everyone (muteall stays as it is). */
    public void unmute(Member sender, String username) {
        if (!game.isHost(sender)) {
            game.tell(sender, "You cannot unmute: not the game host.");
            return;
        }
        if (username.isEmpty()) {
            muted.clear();
            game.recordAndSendToAll(game.serverMessage("Everyone has been unmuted."));
            return;
        }
        if (observer(username) == null) {
            game.tell(sender, "Observer '" + username + "' not found.");
        } else if (!muted.remove(username)) {
            game.tell(sender, username + " is not muted.");
        } else {
            game.recordAndSendToAll(game.serverMessage(username + " has been unmuted."));
        }
    }

    /** {@code [kick] username=}: the member is sent back to the lobby. */
    public void kick(Member sender, String username) {
        if (!game.isHost(sender)) {
            game.tell(sender, "You cannot kick: not the game host");
            return;
        }
        Member member = game.member(username);
        if (member == null) {
            game.tell(sender, "'" + username + "' is not a member of this game.");
        } else if (member == sender) {
            game.tell(sender, "Don't kick yourself, silly.");
        } else if (isModerator(username)) {
            game.tell(sender, "You're not allowed to kick a moderator.");
        } else {
            game.recordAndSendToAll(game.serverMessage(username + " has been kicked."));
            remove(member);
        }
    }

    /** {@code [ban] username=}: any online player's address and name are banned from the game; a member leaves it. */
    public void ban(Member sender, String username) {
        if (!game.isHost(sender)) {
            game.tell(sender, "You cannot ban: not the game host");
            return;
        }
        OnlinePlayers.OnlinePlayer player = game.lobby.online().get(username);
        if (player == null) {
            game.tell(sender, "User '" + username + "' not found.");
        } else if (username.equals(sender.name())) {
            game.tell(sender, "Don't ban yourself, silly.");
        } else if (bannedIps.contains(player.ip())) {
            game.tell(sender, "'" + username + "' is already banned.");
        } else if (player.moderator()) {
            game.tell(sender, "You're not allowed to ban a moderator.");
        } else {
            bannedIps.add(player.ip());
            bannedNames.add(username);
            game.recordAndSendToAll(game.serverMessage(username + " has been banned."));
            Member member = game.member(username);
            if (member != null) {
                remove(member);
            }
        }
    }

    /** {@code [unban] username=}: lifts an online player's ban. */
    public void unban(Member sender, String username) {
        if (!game.isHost(sender)) {
            game.tell(sender, "You cannot unban: not the game host.");
            return;
        }
        OnlinePlayers.OnlinePlayer player = game.lobby.online().get(username);
        if (player == null) {
            game.tell(sender, "User '" + username + "' not found.");
        } else if (!bannedIps.remove(player.ip())) {
            game.tell(sender, "'" + username + "' is not banned.");
        } else {
            bannedNames.remove(username);
            game.recordAndSendToAll(game.serverMessage(username + " has been unbanned."));
        }
    }

    /** The names muted one by one (for {@code tavern:game}). */
    List<String> mutedObservers() {
        return new ArrayList<>(muted);
    }

    boolean allObserversMuted() {
        return allObserversMuted;
    }

    List<String> bannedIps() {
        return new ArrayList<>(bannedIps);
    }

    List<String> bannedNames() {
        return new ArrayList<>(bannedNames);
    }

    /** A handed-over game's mutes and bans, replacing those its {@code ignored=} list gave. */
    void restore(boolean restoredMuteAll, List<String> restoredMuted, List<String> restoredIps,
            List<String> restoredNames) {
        allObserversMuted = restoredMuteAll;
        muted.clear();
        muted.addAll(restoredMuted);
        bannedIps.clear();
        bannedIps.addAll(restoredIps);
        bannedNames.clear();
        bannedNames.addAll(restoredNames);
    }

    private boolean isModerator(String username) {
        OnlinePlayers.OnlinePlayer player = game.lobby.online().get(username);
        return player != null && player.moderator();
    }

    private Member observer(String username) {
        Member member = game.member(username);
        return member != null && member.observer ? member : null;
    }

    /** A kicked or banned member: told to leave, then gone like anyone who leaves. */
    private void remove(Member member) {
        member.connection().send(ServerMessages.empty("leave_game"));
        muted.remove(member.name());
        game.leave(member, Departure.REMOVED);
    }
}
