package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.distribution.Differential.Run;
import org.tavern.distribution.Differential.Script;
import org.tavern.wml.Document;

/**
 * The same scripted lobby sessions against the real wesnothd 1.16.9 and against tavern.jar; every
 * reply must be the same document (compared as trees, with times and dice masked). Intentional
 * differences are left out of the script and listed in docs/protocol-differences.md.
 */
class DifferentialIT {

    static final Path OUT = Differential.OUT;

    @TempDir
    Path temp;

    /** The lobby script: logins and their errors, chat, flood control, whispers, queries, leaving. */
    static void lobbyScript(Run run) throws Exception {
        ProtocolClient alice = run.login("alice");
        ProtocolClient bob = run.login("bob");
        run.sync(alice, "bob's login");

        run.send(alice, "[message]\nmessage=\"hi \"\"bob\"\" ☺\"\nroom=\"lobby\"\nsender=\"mallory\"\n[/message]\n",
                "chat", bob);
        run.send(bob, "[whisper]\nmessage=\"psst\"\nreceiver=\"alice\"\n[/whisper]\n", "whisper", alice);
        run.send(bob, "[whisper]\nreceiver=\"alice\"\n[/whisper]\n", "whisper without text");
        run.send(bob, "[whisper]\nmessage=\"x\"\nreceiver=\"nobody\"\n[/whisper]\n", "whisper to nobody");
        for (int i = 2; i <= 6; i++) {
            run.send(alice, "[message]\nmessage=\"message " + i + "\"\n[/message]\n", "chat " + i, bob);
        }
        for (String query : new String[] {"help", "", "status", "status alice", "status bob", "games", "metrics",
            "motd", "requests", "stats", "version", "version bob", "version nobody", "roll 6", "roll x", "roll 0",
            "roll 99999999999", "adminmsg the map is broken", "report again", "admin secret", "signout", "frobnicate"}) {
            run.send(alice, "[query]\ntype=\"" + query + "\"\n[/query]\n", "query '" + query + "'");
        }
        // [nickserv] is left out: Debian's wesnothd has no user database, Tavern has its account store and
        // answers as a wesnothd built with one (RegisteredLoginIT, RegisteredLoginTest)
        run.send(alice, "[refresh_lobby]\n[/refresh_lobby]\n", "refresh_lobby");
        run.send(alice, "[ping]\n[/ping]\n", "ping (ignored)");
        run.send(alice, "[query]\ntype=\"help\"\n[/query]\n[whisper]\nmessage=\"w\"\nreceiver=\"bob\"\n[/whisper]\n",
                "query and whisper in one document", bob);

        ProtocolClient carol = run.connect("carol");
        run.record(carol, "connect", List.of(carol.receive()));
        carol.send("[version]\nversion=\"" + run.version() + "\"\n[/version]\n");
        run.record(carol, "version", List.of(carol.receive()));
        for (String attempt : new String[] {"[message]\n[/message]\n", "[login]\nusername=\"\"\n[/login]\n",
            "[login]\nusername=\"a b\"\n[/login]\n", "[login]\nusername=\"abcdefghijklmnopqrstu\"\n[/login]\n",
            "[login]\nusername=\"TheAdmin\"\n[/login]\n", "[login]\nusername=\"ai1\"\n[/login]\n",
            "[login]\nusername=\"alice\"\n[/login]\n"}) {
            carol.send(attempt);
            run.record(carol, "login attempt " + attempt.replace('\n', ' '), List.of(carol.receive()));
        }
        carol.send("[login]\nusername=\"Alice\"\n[/login]\n");
        run.sync(carol, "login as Alice");
        run.sync(alice, "Alice's login");

        ProtocolClient old = run.connect("old");
        run.record(old, "connect", List.of(old.receive()));
        old.send("[version]\nversion=\"1.14.7\"\n[/version]\n");
        run.record(old, "old version, until closed", old.untilClosed());

        ProtocolClient garbage = run.connect("garbage");
        run.record(garbage, "connect", List.of(garbage.receive()));
        garbage.sendGzip("not gzip at all".getBytes());
        run.record(garbage, "bad gzip, until closed", garbage.untilClosed());

        bob.close();
        run.syncUntilReceived(alice, "bob left");
        run.syncUntilReceived(carol, "bob left");
    }

    /** Scripts that depend on configuration: redirect, version alerts, messages, the admin password. */
    static void configuredScript(Run run) throws Exception {
        ProtocolClient old = run.connect("old");
        run.record(old, "connect", List.of(old.receive()));
        old.send("[version]\nversion=\"1.14.7\"\n[/version]\n");
        run.record(old, "redirected version, until closed", old.untilClosed());

        ProtocolClient tester = run.connect("tester");
        run.record(tester, "connect", List.of(tester.receive()));
        tester.send("[version]\nversion=\"test\"\n[/version]\n");
        run.record(tester, "version test", List.of(tester.receive()));
        tester.send("[login]\nusername=\"tester\"\n[/login]\n");
        run.sync(tester, "login with alerts");

        ProtocolClient mod = run.login("mod");
        for (String query : new String[] {"motd", "admin wrong", "admin secret"}) {
            run.send(mod, "[query]\ntype=\"" + query + "\"\n[/query]\n", "query '" + query + "'");
        }
        run.send(tester, "[query]\ntype=\"adminmsg the map is broken\"\n[/query]\n", "adminmsg", mod);
    }

    /** A moderator's administrator commands: kicks, bans and their listing, a banned address at connect. */
    static void adminScript(Run run) throws Exception {
        ProtocolClient mod = run.login("mod");
        run.send(mod, "[query]\ntype=\"admin secret\"\n[/query]\n", "admin secret");
        for (String command : new String[] {"kick", "kick nobody", "bans", "bans deleted", "ban", "ban 10.0.0.1",
            "ban 10.0.0.1 1h", "ban 10.0.0.1 1x spam", "ban 10.0.0.1 1h spam", "ban 10.0.0.1 2h spam again",
            "ban 10.0.* permanent the whole net", "ban ghost 1h nobody", "ban 1.2.3.4.5 1h odd", "bans",
            "bans 10.0.0.*", "unban", "unban 9.9.9.9", "unban 10.0.0.1", "bans deleted", "BANS", "frobnicate",
            "msg", "pm", "pm nobody", "pm nobody hi", "dul", "dul yes", "dul", "dul no", "DUL", "status",
            "status *", "status mod", "status MOD", "status 127.0.0.*", "status 10.*", "motd", "motd Hello all",
            "motd", "help", "", "HELP", "shut_down", "shut_down now", "restart"}) {
            run.send(mod, "[query]\ntype=\"" + command + "\"\n[/query]\n", "query '" + command + "'");
        }
        ProtocolClient victim = run.login("victim");
        run.sync(mod, "victim's login");
        run.send(mod, "[query]\ntype=\"msg Server restart soon\"\n[/query]\n", "msg", victim);
        run.send(mod, "[query]\ntype=\"lobbymsg Really soon\"\n[/query]\n", "lobbymsg", victim);
        run.send(mod, "[query]\ntype=\"pm victim behave yourself\"\n[/query]\n", "pm", victim);
        run.send(mod, "[query]\ntype=\"privatemsg victim please\"\n[/query]\n", "privatemsg", victim);
        run.send(mod, "[query]\ntype=\"kick vic* go away\"\n[/query]\n", "kick victim");
        run.record(victim, "kicked, until closed", victim.untilClosed());
        ProtocolClient pest = run.login("pest");
        run.send(mod, "[query]\ntype=\"kban pest 5m bye\"\n[/query]\n", "kban pest");
        run.record(pest, "banned, until closed", pest.untilClosed());
        ProtocolClient late = run.connect("late");
        run.record(late, "a banned address connects, until closed", late.untilClosed());
    }

    /**
     * The rest of the moderator's commands: clones, searchlog and the login log behind it, group
     * bans, stopgame (of a listed game), sample and adminmsg, the console-only refusals.
     */
    static void moreAdminScript(Run run) throws Exception {
        ProtocolClient mod = run.login("mod");
        run.send(mod, "[query]\ntype=\"admin secret\"\n[/query]\n", "admin secret");
        for (String command : new String[] {"clones", "sl", "searchlog", "searchlog mod", "searchlog MOD",
            "sl 127.*", "sl nobody", "status nobody", "sample", "sample 5", "gban", "gban 10.0.0.* grp1 1h",
            "gban 10.0.0.* grp1 1h spam", "gban 10.0.2.* grp2 1h spam", "ban 10.0.1.1 1h plain", "bans",
            "bans 10.0.*", "bans 10.9.*", "bans *", "ungban", "ungban nosuch", "ungban grp1", "bans",
            "bans deleted", "stopgame", "stopgame nobody", "stopgame mod", "adminmsg hello admins", "stats",
            "requests", "unban 10.0.1.1", "ungban grp2", "bans"}) {
            run.send(mod, "[query]\ntype=\"" + command + "\"\n[/query]\n", "query '" + command + "'");
        }
        ProtocolClient twin = run.login("twin");
        run.sync(mod, "twin's login");
        run.send(mod, "[query]\ntype=\"clones\"\n[/query]\n", "clones with a twin");
        run.send(mod, "[query]\ntype=\"status twin\"\n[/query]\n", "status twin");
        run.sync(mod, "settled"); // nothing pending, so that the next wait is for twin's leaving
        twin.close();
        run.syncUntilReceived(mod, "twin left");
        run.send(mod, "[query]\ntype=\"searchlog twin\"\n[/query]\n", "searchlog of one who left");
        run.send(mod, "[query]\ntype=\"status twin\"\n[/query]\n", "status of one who left");

        ProtocolClient host = run.login("host");
        run.sync(mod, "host's login");
        host.send("[create_game]\nignored=\"\"\nname=\"Doomed\"\npassword=\"\"\n[/create_game]\n");
        run.sync(host, "create_game");
        run.sync(mod, "create_game (seen by mod)");
        host.sendGzip(run.compressedLevel());
        run.sync(host, "level");
        run.syncUntilReceived(mod, "level (seen by mod)");
        // wesnothd answers a stopgame query (and sends its diffs) only after the next request: wait for it
        mod.send("[query]\ntype=\"stopgame host time is up\"\n[/query]\n");
        run.syncUntil(mod, "stopgame host", documents -> documents.stream().anyMatch(
                d -> d.root().child("message") != null && d.root().child("message").attr("message").startsWith("Player 'host'")));
        run.sync(host, "stopgame host (seen by host)");
    }

    /**
     * The level the real 1.16.9 host sent in the captured game host_join_test1_test2 (its first client
     * frame of 14 358 bytes), kept in src/test/resources/differential.
     */
    static byte[] capturedLevel() throws IOException {
        return Differential.Reference.V1_16.level();
    }

    /** A game is created and shown in the lobby, then ended by its host before it starts. */
    static void gameScript(Run run) throws Exception {
        ProtocolClient host = run.login("host");
        ProtocolClient watcher = run.login("watcher");
        run.sync(host, "watcher's login");
        host.send("[create_game]\nignored=\"\"\nname=\"Test\"\npassword=\"\"\n[/create_game]\n");
        run.sync(host, "create_game");
        run.sync(watcher, "create_game (seen by watcher)");
        host.sendGzip(run.compressedLevel());
        run.sync(host, "level");
        run.syncUntilReceived(watcher, "level (seen by watcher)");
        run.send(watcher, "[query]\ntype=\"stats\"\n[/query]\n", "stats with a game");
        ProtocolClient late = run.login("late");
        run.syncUntilReceived(host, "late's login (seen by the host, in a game)");
        run.sync(watcher, "late's login (seen by watcher)");

        run.send(late, "[join]\nid=\"7\"\nobserve=\"no\"\n[/join]\n", "join an unknown game");
        ProtocolClient joiner = run.login("join");
        run.sync(host, "join's login");
        joiner.send("[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        run.syncUntilReceived(joiner, "join joins as a player");
        run.syncUntilReceived(host, "join joins (seen by the host)");
        run.syncUntilReceived(watcher, "join joins (seen by watcher)");
        ProtocolClient observer = run.login("obs");
        run.sync(host, "obs's login");
        run.sync(joiner, "obs's login");
        observer.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        run.syncUntilReceived(observer, "obs observes");
        run.syncUntilReceived(host, "obs observes (seen by the host)");
        run.sync(joiner, "obs observes (seen by join)");
        run.syncUntilReceived(watcher, "obs observes (seen by watcher)");

        joiner.send("[change_faction]\nchange_faction=yes\nfaction=\"Random\"\ngender=\"male\"\n"
                + "leader=\"Orcish Grunt\"\nname=\"join\"\nside_num=2\n[/change_faction]\n");
        run.sync(joiner, "change_faction");
        run.syncUntilReceived(host, "change_faction (seen by the host)");
        run.sync(observer, "change_faction (seen by obs)");
        host.send("[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\ncurrent_player=\"join\"\nplayer_id=\"join\"\n[/insert]\n[/side]\n[/change_child]\n"
                + "[/scenario]\n[/change_child]\n[/scenario_diff]\n");
        run.sync(host, "scenario_diff");
        run.syncUntilReceived(joiner, "scenario_diff (seen by join)");
        run.sync(observer, "scenario_diff (seen by obs)");
        run.syncUntilReceived(watcher, "scenario_diff (seen by watcher)");
        joiner.send("[message]\nmessage=\"ready\"\nsender=\"join\"\n[/message]\n");
        run.sync(joiner, "game chat");
        run.syncUntilReceived(host, "game chat (seen by the host)");
        run.sync(observer, "game chat (seen by obs)");
        run.sync(watcher, "game chat (not seen by watcher)");

        observer.send("[leave_game]\n[/leave_game]\n");
        run.syncUntilReceived(observer, "obs leaves");
        run.syncUntilReceived(host, "obs leaves (seen by the host)");
        run.sync(joiner, "obs leaves (seen by join)");
        run.sync(watcher, "obs leaves (seen by watcher)");
        host.send("[leave_game]\n[/leave_game]\n");
        run.syncUntilReceived(host, "host leaves before the start");
        run.syncUntilReceived(joiner, "host leaves (seen by join)");
        run.sync(watcher, "host leaves (seen by watcher)");
        run.sync(observer, "host leaves (seen by obs, in the lobby)");
        run.send(watcher, "[query]\ntype=\"stats\"\n[/query]\n", "stats after the game");
        run.send(watcher, "[query]\ntype=\"games\"\n[/query]\n", "how games ended");
    }

    /** Both sides' players get the game going: start, turns, random seeds, illegal commands, leaving. */
    static void startedGameScript(Run run) throws Exception {
        ProtocolClient host = run.login("host");
        ProtocolClient joiner = run.login("join");
        ProtocolClient observer = run.login("obs");
        host.send("[create_game]\nignored=\"\"\nname=\"Test\"\npassword=\"\"\n[/create_game]\n");
        host.sendGzip(run.compressedLevel());
        run.sync(host, "create");
        joiner.send("[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        run.syncUntilReceived(joiner, "join");
        observer.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        run.syncUntilReceived(observer, "observe");
        host.send("[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\ncurrent_player=\"join\"\nplayer_id=\"join\"\n[/insert]\n[/side]\n[/change_child]\n"
                + "[/scenario]\n[/change_child]\n[/scenario_diff]\n");
        host.send("[stop_updates]\n[/stop_updates]\n");
        host.send("[start_game]\n[/start_game]\n");
        run.sync(host, "start (host)");
        run.syncUntilReceived(joiner, "start (join)");
        run.sync(observer, "start (obs)");
        String[] turns = {
            "[turn]\n[command]\n[init_side]\nside_number=1\n[/init_side]\n[/command]\n[/turn]\n",
            "[turn]\n[command]\n[end_turn]\nnext_player_number=2\n[/end_turn]\n[/command]\n[/turn]\n",
        };
        for (String turn : turns) {
            run.send(host, turn, "host's turn", joiner, observer);
        }
        run.send(host, turns[0].replace("side_number=1", "side_number=2"), "host out of turn", joiner, observer);
        run.send(joiner, "[turn]\n[command]\n[init_side]\nside_number=2\n[/init_side]\n[/command]\n[/turn]\n",
                "join's turn", host, observer);
        for (ProtocolClient asker : new ProtocolClient[] {joiner, host}) {
            run.send(asker, "[request_choice]\nrequest_id=1\n[random_seed]\n[/random_seed]\n[/request_choice]\n",
                    "random seed asked by " + asker.name, host, joiner, observer);
        }
        run.send(observer, "[turn]\n[command]\n[speak]\nid=\"obs\"\nmessage=\"nice\"\ntime=\"0\"\n[/speak]\n"
                + "[/command]\n[/turn]\n", "observer speaks", host, joiner);
        run.send(observer, "[turn]\n[command]\n[move]\nx=1\n[/move]\n[/command]\n[/turn]\n",
                "observer cheats", host, joiner);
        run.send(joiner, "[turn]\n[command]\n[end_turn]\nnext_player_number=3\n[/end_turn]\n[/command]\n[/turn]\n",
                "join ends turn 1", host, observer);
        run.send(host, "[whiteboard]\nside=\"1\"\nto_sides=\"1,2\"\n[net_data]\n[/net_data]\n[/whiteboard]\n",
                "host's plans", joiner, observer);
        run.send(joiner, "[whiteboard]\nside=\"1\"\nto_sides=\"1\"\n[/whiteboard]\n", "join's bad plans", host,
                observer);
        run.send(host, "[change_turns_wml]\ncurrent=\"1\"\nmax=\"30\"\n[/change_turns_wml]\n", "turn limit",
                joiner, observer);
        ProtocolClient late = run.login("late");
        late.send("[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        run.syncUntilReceived(late, "late joins the running game");
        run.syncUntilReceived(host, "late joins (host)");
        run.sync(observer, "late joins (obs)");
        observer.send("[leave_game]\n[/leave_game]\n");
        run.syncUntilReceived(observer, "obs leaves");
        run.syncUntilReceived(host, "obs leaves (host)");
        run.sync(joiner, "obs leaves (join)");
        run.send(joiner, "[info]\ncondition=\"game over\"\nresult=\"victory\"\ntype=\"termination\"\n[/info]\n",
                "join reports the end", host);
        joiner.send("[leave_game]\n[/leave_game]\n");
        run.syncUntilReceived(joiner, "join leaves");
        run.syncUntilReceived(host, "join leaves, the game ends");
        host.send("[leave_game]\n[/leave_game]\n");
        run.syncUntilReceived(host, "host leaves, the game ends");
        run.send(late, "[query]\ntype=\"games\"\n[/query]\n", "how games ended");
    }

    /** Starts the captured two-side game with join on side 2 and the given observers; returns nothing. */
    static void startTwoSideGame(Run run, ProtocolClient host, ProtocolClient joiner, ProtocolClient... observers)
            throws Exception {
        host.send("[create_game]\nignored=\"\"\nname=\"Test\"\npassword=\"\"\n[/create_game]\n");
        host.sendGzip(run.compressedLevel());
        run.sync(host, "create");
        joiner.send("[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        run.syncUntilReceived(joiner, "join");
        for (ProtocolClient observer : observers) {
            observer.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
            run.syncUntilReceived(observer, observer.name + " observes");
        }
        host.send("[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\ncurrent_player=\"join\"\nplayer_id=\"join\"\n[/insert]\n[/side]\n[/change_child]\n"
                + "[/scenario]\n[/change_child]\n[/scenario_diff]\n");
        host.send("[start_game]\n[/start_game]\n");
        run.sync(host, "start (host)");
        run.syncUntilReceived(joiner, "start (join)");
        for (ProtocolClient observer : observers) {
            run.sync(observer, "start (" + observer.name + ")");
        }
    }

    /** A [speak] turn with its attributes in the sorted order wesnothd requires; extra is "key=value" pairs. */
    private static String speak(String name, String message, String... extra) {
        java.util.TreeMap<String, String> attributes = new java.util.TreeMap<>();
        attributes.put("id", name);
        attributes.put("message", message);
        attributes.put("time", "0");
        for (String pair : extra) {
            attributes.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        StringBuilder speak = new StringBuilder("[speak]\n");
        attributes.forEach((key, value) -> speak.append(key).append("=\"").append(value).append("\"\n"));
        return speak.append("[/speak]\n").toString();
    }

    private static String turn(String... speaks) {
        StringBuilder turn = new StringBuilder("[turn]\n");
        for (String speak : speaks) {
            turn.append("[command]\n").append(speak).append("[/command]\n");
        }
        return turn.append("[/turn]\n").toString();
    }

    /** The host moderates a running game: mutes, speaks to teams, kicks, bans, controller changes, surrender. */
    static void moderatedGameScript(Run run) throws Exception {
        ProtocolClient host = run.login("host");
        ProtocolClient joiner = run.login("join");
        ProtocolClient obs1 = run.login("obs1");
        ProtocolClient obs2 = run.login("obs2");
        ProtocolClient outsider = run.login("outsider");
        startTwoSideGame(run, host, joiner, obs1, obs2);
        run.sync(outsider, "the game starts (outsider)");

        String[][] steps = {
            {"obs1", "[muteall]\n[/muteall]\n", "an observer tries muteall"},
            {"obs1", "[mute]\nusername=\"obs2\"\n[/mute]\n", "an observer tries mute"},
            {"obs1", "[unmute]\nusername=\"obs2\"\n[/unmute]\n", "an observer tries unmute"},
            {"host", "[mute]\nusername=\"\"\n[/mute]\n", "nobody muted yet"},
            {"host", "[mute]\nusername=\"obs1\"\n[/mute]\n", "mute obs1"},
            {"host", "[mute]\nusername=\"obs1\"\n[/mute]\n", "mute obs1 again"},
            {"host", "[mute]\nusername=\"join\"\n[/mute]\n", "mute a player"},
            {"host", "[mute]\nusername=\"host\"\n[/mute]\n", "mute yourself"},
            {"host", "[mute]\nusername=\"\"\n[/mute]\n", "who is muted"},
            {"obs1", turn(speak("obs1", "can you hear me")), "a muted observer speaks"},
            {"obs1", turn(speak("obs1", "observers only", "to_sides=observer")), "a muted observer to observers"},
            {"obs2", turn(speak("obs2", "hello")), "an observer speaks"},
            {"host", "[unmute]\nusername=\"obs1\"\n[/unmute]\n", "unmute obs1"},
            {"host", "[unmute]\nusername=\"obs1\"\n[/unmute]\n", "unmute obs1 again"},
            {"host", "[unmute]\nusername=\"join\"\n[/unmute]\n", "unmute a player"},
            {"host", "[muteall]\n[/muteall]\n", "mute all"},
            {"obs2", turn(speak("obs2", "hello again")), "an observer speaks under muteall"},
            {"host", "[mute]\nusername=\"\"\n[/mute]\n", "who is muted under muteall"},
            {"host", "[unmute]\nusername=\"\"\n[/unmute]\n", "unmute everyone"},
            {"host", "[muteall]\n[/muteall]\n", "mute all off"},
            {"join", turn(speak("join", "to side 1", "side=1", "to_sides=1")), "join speaks to side 1"},
            {"join", turn(speak("mallory", "spoofed", "side=1")), "join spoofs id and side"},
            {"host", turn(speak("host", "two at once"), speak("host", "obs only", "to_sides=observer")),
                "host speaks twice, once to observers"},
            {"join", "[kick]\nusername=\"obs1\"\n[/kick]\n", "a player tries kick"},
            {"host", "[kick]\nusername=\"nobody\"\n[/kick]\n", "kick a stranger"},
            {"host", "[kick]\nusername=\"host\"\n[/kick]\n", "kick yourself"},
            {"host", "[kick]\nusername=\"obs2\"\n[/kick]\n", "kick obs2"},
            {"join", "[ban]\nusername=\"outsider\"\n[/ban]\n", "a player tries ban"},
            {"host", "[ban]\nusername=\"nobody\"\n[/ban]\n", "ban a stranger"},
            {"host", "[ban]\nusername=\"host\"\n[/ban]\n", "ban yourself"},
            {"host", "[ban]\nusername=\"outsider\"\n[/ban]\n", "ban a lobby user"},
            {"host", "[ban]\nusername=\"outsider\"\n[/ban]\n", "ban again"},
            {"outsider", "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n", "the banned user tries to observe"},
            {"join", "[unban]\nusername=\"outsider\"\n[/unban]\n", "a player tries unban"},
            {"host", "[unban]\nusername=\"nobody\"\n[/unban]\n", "unban a stranger"},
            {"host", "[unban]\nusername=\"outsider\"\n[/unban]\n", "unban outsider"},
            {"host", "[unban]\nusername=\"outsider\"\n[/unban]\n", "unban again"},
            {"host", "[ban]\nusername=\"obs1\"\n[/ban]\n", "ban a member"},
            {"obs2", "[change_controller]\nplayer=\"obs2\"\nside=\"1\"\n[/change_controller]\n",
                "a lobby user's stray change_controller"},
            {"join", "[change_controller]\nplayer=\"host\"\nside=\"9\"\n[/change_controller]\n",
                "change_controller of side 9"},
            {"join", "[change_controller]\nplayer=\"host\"\nside=\"x\"\n[/change_controller]\n",
                "change_controller of side x"},
            {"join", "[change_controller]\nside=\"2\"\n[/change_controller]\n", "change_controller without player"},
            {"join", "[change_controller]\nplayer=\"host\"\nside=\"1\"\n[/change_controller]\n",
                "change_controller of someone else's side"},
            {"join", "[change_controller]\nplayer=\"nobody\"\nside=\"2\"\n[/change_controller]\n",
                "change_controller to a stranger"},
            {"join", "[change_controller]\nplayer=\"join\"\nside=\"2\"\nto=\"human\"\n[/change_controller]\n",
                "change_controller to himself"},
            {"join", "[change_controller]\nplayer=\"join\"\nside=\"2\"\nto=\"ai\"\n[/change_controller]\n",
                "change_controller to his own ai"},
            {"join", "[change_controller]\nplayer=\"host\"\nside=\"2\"\nto=\"human\"\n[/change_controller]\n",
                "join gives side 2 to the host"},
            {"host", "[change_controller]\nplayer=\"join\"\nside=\"2\"\nto=\"human\"\n[/change_controller]\n",
                "the host gives side 2 back"},
            {"join", "[turn]\n[command]\n[surrender]\nside_number=\"1\"\n[/surrender]\n[/command]\n[/turn]\n",
                "join surrenders"},
            {"host", "[unban]\nusername=\"obs1\"\n[/unban]\n", "unban obs1"},
        };
        java.util.Map<String, ProtocolClient> byName = new java.util.HashMap<>();
        for (ProtocolClient client : new ProtocolClient[] {host, joiner, obs1, obs2, outsider}) {
            byName.put(client.name, client);
        }
        for (String[] step : steps) {
            ProtocolClient sender = byName.get(step[0]);
            sender.send(step[1]);
            run.sync(sender, step[2]);
            for (ProtocolClient other : byName.values().stream().sorted(
                    java.util.Comparator.comparing(c -> c.name)).toList()) {
                if (other != sender) {
                    run.sync(other, step[2] + " (seen by " + other.name + ")");
                }
            }
        }
        ProtocolClient late = obs2;
        late.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        run.syncUntilReceived(late, "obs2 observes again: the history");
        // Leaving in this order keeps out one known difference: which of two members returning from
        // an ended game the lobby hears of first (docs/protocol-differences.md).
        late.send("[leave_game]\n[/leave_game]\n");
        run.syncUntilReceived(late, "obs2 leaves");
        for (ProtocolClient member : new ProtocolClient[] {joiner, host}) {
            member.send("[leave_game]\n[/leave_game]\n");
            run.syncUntilReceived(member, member.name + " leaves");
            run.sync(late, member.name + " leaves (seen by obs2)");
        }
        run.send(outsider, "[query]\ntype=\"games\"\n[/query]\n", "how games ended");
    }

    static final String WESNOTHD_CONFIG = String.join("\n",
            "motd=\"Welcome to the test server\"",
            "information=\"Some info\"",
            "announcements=\"Big news\"",
            "passwd=\"secret\"",
            "recommended_version=\"1.16.10\"",
            "[redirect]",
            "\thost=\"old.example.org\"",
            "\tport=\"14999\"",
            "\tversion=\"1.14.*,1.12*\"",
            "[/redirect]", "");

    static final String SAME_SERVER_CFG = Differential.SAME_SERVER_CFG;

    static final String TAVERN_CONFIG = String.join("\n",
            "motd=Welcome to the test server",
            "information=Some info",
            "announcements=Big news",
            "passwd=secret",
            "recommended.version=1.16.10",
            "redirect=host=old.example.org;port=14999;version=1.14.*,1.12*", "");

    @Test
    void lobbySessionsGetTheSameRepliesFromTavernAndWesnothd() throws Exception {
        // Tavern accepts the 1.16 and 1.18 lines by default; the script's rejected client is told the list
        compare("lobby", DifferentialIT::lobbyScript, "", "versions.accepted=1.16.*,1.16.9,test\n");
    }

    @Test
    void gameCreationAndEndGetTheSameRepliesFromTavernAndWesnothd() throws Exception {
        compare("game", DifferentialIT::gameScript, "", null);
    }

    @Test
    void startedGameGetsTheSameRepliesFromTavernAndWesnothd() throws Exception {
        compare("started", DifferentialIT::startedGameScript, "", null);
    }

    @Test
    void moderatedGameGetsTheSameRepliesFromTavernAndWesnothd() throws Exception {
        compare("moderated", DifferentialIT::moderatedGameScript, "", null);
    }

    /** The started-game script with replays on: both servers must write the same replay files. */
    @Test
    void replaysAreWrittenAsWesnothdWritesThem() throws Exception {
        Path wesnothdReplays = Files.createDirectories(temp.resolve("wesnothd-replays"));
        Path tavernReplays = temp.resolve("tavern").resolve("replays");
        compare("replay", DifferentialIT::startedGameScript,
                "save_replays=yes\nreplay_save_path=\"" + wesnothdReplays + "/\"\n",
                "save.replays=true\nreplay.save.path=replays/\n", run -> {
                    // Tavern writes the replay on its own thread once the game has ended: poll for it.
                    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (replayNames(tavernReplays).isEmpty() && System.nanoTime() < end) {
                        Thread.sleep(20);
                    }
                });
        List<String> expected = replayNames(wesnothdReplays);
        assertTrue(expected.size() == 1, "wesnothd wrote one replay: " + expected);
        assertEquals(expected, replayNames(tavernReplays),
                () -> "Tavern's log:\n" + readQuietly(temp.resolve("tavern").resolve("logs").resolve("tavern.log")));
        for (String name : expected) {
            String reference = CanonicalWml.of(bunzip(wesnothdReplays.resolve(name)));
            String ours = CanonicalWml.of(bunzip(tavernReplays.resolve(name)));
            Files.writeString(OUT.resolve("replay-wesnothd.txt"), reference);
            Files.writeString(OUT.resolve("replay-tavern.txt"), ours);
            assertEquals(reference, ours, name);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static List<String> replayNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bz2")).sorted()
                    .toList();
        }
    }

    private static Document bunzip(Path file) throws Exception {
        try (var in = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(
                Files.newInputStream(file))) {
            return Document.parse(in.readAllBytes());
        }
    }

    @Test
    void adminCommandsGetTheSameRepliesFromTavernAndWesnothd() throws Exception {
        compare("admin", DifferentialIT::adminScript, WESNOTHD_CONFIG, TAVERN_CONFIG);
    }

    /** Both servers read the very same server.cfg here: Tavern with -c, as an owner moving over would. */
    @Test
    void moreAdminCommandsGetTheSameRepliesWithTheSameServerCfg() throws Exception {
        compare("more-admin", DifferentialIT::moreAdminScript, WESNOTHD_CONFIG, SAME_SERVER_CFG);
    }

    @Test
    void configuredLobbyGetsTheSameRepliesFromTavernAndWesnothd() throws Exception {
        compare("configured", DifferentialIT::configuredScript, WESNOTHD_CONFIG, TAVERN_CONFIG);
    }

    private void compare(String scriptName, Script script, String wesnothdConfig, String tavernLobbyConfig)
            throws Exception {
        compare(scriptName, script, wesnothdConfig, tavernLobbyConfig, run -> { });
    }

    /** {@code tavernEpilogue} runs against Tavern after the script, before the server stops. */
    private void compare(String scriptName, Script script, String wesnothdConfig, String tavernLobbyConfig,
            Script tavernEpilogue) throws Exception {
        Differential.compare(temp, Differential.Reference.V1_16, scriptName, script, wesnothdConfig,
                tavernLobbyConfig, tavernEpilogue);
    }
}
