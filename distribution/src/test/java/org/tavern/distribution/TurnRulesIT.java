package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tavern.api.Decision;
import org.tavern.api.GameProposal;
import org.tavern.api.GameRule;
import org.tavern.api.LobbyDirectory;
import org.tavern.api.TurnCommand;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Game rules in the real lobby with real sockets: a rule refusing recruits takes them out of a
 * running game's turns exactly as the relay takes out illegal commands, and stops once unregistered;
 * a rule refusing an era sends the host of a game in that era back to the lobby before anyone sees it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TurnRulesIT {

    private static final String RECRUIT_AND_MOVE = "[turn]\n[command]\n[recruit]\ntype=\"Elvish Archer\"\nx=\"5\"\ny=\"6\"\n"
            + "[/recruit]\n[/command]\n[command]\n[move]\nx=\"1,2\"\ny=\"3,4\"\n[/move]\n[/command]\n[/turn]\n";

    @Inject
    BundleContext context;

    @Inject
    Transport transport;

    @Inject
    LobbyDirectory directory;

    @Configuration
    public Option[] config() {
        return TavernBundlesIT.withBundles(TavernBundlesIT.RUNTIME_BUNDLES);
    }

    @Test
    public void rulesRefuseTurnCommandsThroughTheRelayAndGamesOfAnEra() throws Exception {
        List<TurnCommand> asked = new CopyOnWriteArrayList<>();
        ServiceRegistration<GameRule> noRecruits = context.registerService(GameRule.class, new GameRule() {
            @Override
            public Decision allowTurnCommand(TurnCommand command) {
                asked.add(command);
                return command.name().equals("recruit") ? Decision.refuse("No recruiting on this server.")
                        : Decision.allow();
            }
        }, null);
        try (RelayedGame game = RelayedGame.idle(transport.port())) {
            game.host.send(RECRUIT_AND_MOVE);
            String removal = "Removing illegal command 'recruit' from: host. Current player is: host (1/2).";
            for (ProtocolClient member : List.of(game.join, game.watcher)) {
                assertEquals(member.name, removal, speakOf(RelayedGame.awaitDocument(member, "turn")));
                Node turn = RelayedGame.awaitDocument(member, "turn").root().child("turn");
                assertEquals(member.name + " gets the rest of the turn", 1, turn.children("command").size());
                assertNotNull(turn.child("command").child("move"));
            }
            assertEquals(removal, speakOf(RelayedGame.awaitDocument(game.host, "turn")));
            assertEquals("No recruiting on this server.", speakOf(RelayedGame.awaitDocument(game.host, "turn")));
            assertEquals("Elvish Archer", asked.get(0).attribute("type", ""));
            assertEquals(1, asked.get(0).side());

            noRecruits.unregister();
            noRecruits = null;
            game.host.send(RECRUIT_AND_MOVE);
            Node turn = RelayedGame.awaitDocument(game.join, "turn").root().child("turn");
            assertEquals("both commands once the rule is gone", 2, turn.children("command").size());
            assertNotNull(turn.child("command").child("recruit"));
        } finally {
            if (noRecruits != null) {
                noRecruits.unregister();
            }
        }

        List<GameProposal> proposals = new CopyOnWriteArrayList<>();
        ServiceRegistration<GameRule> noDefaultEra = context.registerService(GameRule.class, new GameRule() {
            @Override
            public Decision allowCreate(GameProposal proposal) {
                proposals.add(proposal);
                return proposal.era().equals("era_default") ? Decision.refuse("Only the Heroes era here.")
                        : Decision.allow();
            }
        }, null);
        try (ProtocolClient host = ProtocolClient.loggedIn("erahost", transport.port())) {
            host.send("[create_game]\nignored=\"\"\nname=\"Default era\"\npassword=\"\"\n[/create_game]\n");
            host.sendGzip(Document.parse(DifferentialIT.capturedLevel()).compressedOutput());
            assertNotNull(RelayedGame.awaitDocument(host, "leave_game"));
            String error = null;
            for (Document document : host.sync()) {
                Node message = document.root().child("message");
                if (message != null && "error".equals(message.attr("type"))) {
                    error = message.text("message");
                }
            }
            assertEquals("Only the Heroes era here.", error);
            assertEquals("test1", proposals.get(0).scenario());
            assertEquals("back in the lobby", 0,
                    directory.player("erahost").toCompletableFuture().get().orElseThrow().gameId());
        } finally {
            noDefaultEra.unregister();
        }
    }

    private static String speakOf(Document document) {
        Node speak = document.root().child("turn").child("command").child("speak");
        return speak == null ? null : speak.text("message");
    }
}
