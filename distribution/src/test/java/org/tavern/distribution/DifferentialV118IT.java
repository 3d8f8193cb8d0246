package org.tavern.distribution;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.distribution.Differential.Reference;
import org.tavern.distribution.Differential.Script;

/**
 * {@link DifferentialIT}'s scripts spoken as the 1.18.5 client, against Debian 13's
 * {@code wesnothd-1.18} (in the chroot, {@link TrixieChroot}) and against tavern.jar: the same
 * replies, with the exceptions in docs/protocol-differences.md. Both servers read the same
 * server.cfg (Tavern with {@code -c}), which names the versions they accept: wesnothd-1.18's own
 * default, {@code 1.18.*,test}.
 */
class DifferentialV118IT {

    /** wesnothd-1.18's default, written out so that Tavern reads it from the same file. */
    static final String VERSIONS = "versions_accepted=\"1.18.*,test\"\n";

    @TempDir
    Path temp;

    @Test
    void lobbySessionsGetTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("lobby-1.18", DifferentialIT::lobbyScript, "");
    }

    @Test
    void gameCreationAndEndGetTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("game-1.18", DifferentialIT::gameScript, "");
    }

    @Test
    void startedGameGetsTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("started-1.18", DifferentialIT::startedGameScript, "");
    }

    @Test
    void moderatedGameGetsTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("moderated-1.18", DifferentialIT::moderatedGameScript, "");
    }

    @Test
    void adminCommandsGetTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("admin-1.18", DifferentialIT::adminScript, DifferentialIT.WESNOTHD_CONFIG);
    }

    @Test
    void moreAdminCommandsGetTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("more-admin-1.18", DifferentialIT::moreAdminScript, DifferentialIT.WESNOTHD_CONFIG);
    }

    @Test
    void configuredLobbyGetsTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("configured-1.18", DifferentialIT::configuredScript, DifferentialIT.WESNOTHD_CONFIG);
    }

    /**
     * What 1.18 changed in games: a [create_game] and level with attributes and children 1.16 did
     * not have, modifications with and without require_modification, the game chat before the
     * start replayed to later joiners, request_id on the server's answers to [request_choice].
     */
    @Test
    void whatChangedIn118GetsTheSameRepliesFromTavernAndWesnothd118() throws Exception {
        compare("changes-1.18", DifferentialV118IT::changesScript, "");
    }

    /** The recorded 1.18.5 level with three modifications: required, not required, unsaid. */
    static byte[] levelWithModifications(Differential.Run run) throws Exception {
        String level = new String(run.reference.level(), java.nio.charset.StandardCharsets.UTF_8);
        String modifications = "[modification]\n\taddon_id=\"a\"\n\tid=\"mod_a\"\n\tname=\"Mod A\"\n"
                + "\trequire_modification=yes\n[/modification]\n"
                + "[modification]\n\taddon_id=\"b\"\n\tid=\"mod_b\"\n\tname=\"Mod B\"\n"
                + "\trequire_modification=no\n[/modification]\n"
                + "[modification]\n\tid=\"mod_c\"\n\tname=\"Mod C\"\n[/modification]\n";
        int multiplayer = level.indexOf("[multiplayer]");
        return org.tavern.wml.Document.parse((level.substring(0, multiplayer) + modifications
                + level.substring(multiplayer)).getBytes(java.nio.charset.StandardCharsets.UTF_8)).compressedOutput();
    }

    static void changesScript(Differential.Run run) throws Exception {
        ProtocolClient host = run.login("host");
        ProtocolClient watcher = run.login("watcher");
        ProtocolClient joiner = run.login("join");
        run.sync(host, "logins");
        host.send("[create_game]\nauto_hosted=no\nignored=\"\"\nname=\"Test\"\npassword=\"\"\n"
                + "tavern_unknown=\"kept\"\n[/create_game]\n");
        run.sync(host, "create_game");
        host.sendGzip(levelWithModifications(run));
        run.sync(host, "level with modifications");
        run.syncUntilReceived(watcher, "the listed game (seen by watcher)");
        joiner.send("[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        run.syncUntilReceived(joiner, "join joins");
        run.syncUntilReceived(host, "join joins (seen by the host)");
        run.send(joiner, "[message]\nmessage=\"ready\"\nsender=\"join\"\n[/message]\n", "join's game chat", host);
        run.send(host, "[message]\nmessage=\"go on\"\nsender=\"host\"\n[/message]\n", "host's game chat", joiner);
        ProtocolClient observer = run.login("obs");
        observer.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        run.syncUntilReceived(observer, "obs observes after the chat");
        run.syncUntilReceived(host, "obs observes (seen by the host)");
        run.sync(joiner, "obs observes (seen by join)");
        host.send("[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\ncurrent_player=\"join\"\nplayer_id=\"join\"\n[/insert]\n[/side]\n[/change_child]\n"
                + "[/scenario]\n[/change_child]\n[/scenario_diff]\n");
        host.send("[start_game]\n[/start_game]\n");
        run.sync(host, "start (host)");
        run.syncUntilReceived(joiner, "start (join)");
        run.sync(observer, "start (obs)");
        ProtocolClient late = run.login("late");
        late.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        run.syncUntilReceived(late, "late observes the started game");
        run.syncUntilReceived(host, "late observes (seen by the host)");
        run.send(host, "[turn]\n[command]\n[init_side]\nside_number=1\n[/init_side]\n[/command]\n[/turn]\n",
                "host's turn", joiner, observer, late);
        run.send(host, "[request_choice]\nrequest_id=1\n[random_seed]\n[/random_seed]\n[/request_choice]\n",
                "a random seed", joiner, observer, late);
        run.send(joiner, "[request_choice]\nrequest_id=2\n[change_controller_wml]\nnew_controller=\"ai\"\n"
                + "old_controller=\"human\"\nside=2\n[/change_controller_wml]\n[/request_choice]\n",
                "a scenario gives side 2 to the ai", host, observer, late);
        run.send(host, "[request_choice]\nrequest_id=3\n[random_seed]\n[/random_seed]\n[/request_choice]\n",
                "another random seed", joiner, observer, late);
        for (ProtocolClient member : new ProtocolClient[] {late, observer, joiner, host}) {
            member.send("[leave_game]\n[/leave_game]\n");
            run.syncUntilReceived(member, member.name + " leaves");
        }
        run.sync(watcher, "the game is over (seen by watcher)");
    }

    private void compare(String scriptName, Script script, String config) throws Exception {
        Differential.compare(temp, Reference.V1_18, scriptName, script, VERSIONS + config,
                Differential.SAME_SERVER_CFG, run -> { });
    }
}
