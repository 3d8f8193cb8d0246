package org.tavern.lobby.internal;

import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** The host's in-game moderation requests, one small class each; what they do is in {@link Moderation}. */
final class ModerationCommands {

    private ModerationCommands() {
    }

    /** {@code [muteall]}. */
    static final class MuteAll implements GameCommand {
        @Override
        public String tag() {
            return "muteall";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.moderation.muteAll(member);
        }
    }

    /** {@code [mute] username=}. */
    static final class Mute implements GameCommand {
        @Override
        public String tag() {
            return "mute";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.moderation.mute(member, element.text("username"));
        }
    }

    /** {@code [unmute] username=}. */
    static final class Unmute implements GameCommand {
        @Override
        public String tag() {
            return "unmute";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.moderation.unmute(member, element.text("username"));
        }
    }

    /** {@code [kick] username=}. */
    static final class Kick implements GameCommand {
        @Override
        public String tag() {
            return "kick";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.moderation.kick(member, element.text("username"));
        }
    }

    /** {@code [ban] username=}. */
    static final class Ban implements GameCommand {
        @Override
        public String tag() {
            return "ban";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.moderation.ban(member, element.text("username"));
        }
    }

    /** {@code [unban] username=}. */
    static final class Unban implements GameCommand {
        @Override
        public String tag() {
            return "unban";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.moderation.unban(member, element.text("username"));
        }
    }
}
