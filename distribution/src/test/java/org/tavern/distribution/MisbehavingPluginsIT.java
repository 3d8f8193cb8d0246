package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.FilterResult;
import org.tavern.api.LobbyDirectory;
import org.tavern.api.LobbyListener;
import org.tavern.api.MessageFilter;
import org.tavern.api.PlayerInfo;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Plugins that throw on every call and one that sleeps 10 s, inside the real lobby with real sockets:
 * every chat message still arrives (a well-behaved filter after them still runs), nobody is
 * disconnected, and the misbehaving ones end up switched off.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MisbehavingPluginsIT {

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

    private ServiceRegistration<?> register(Class<?> type, Object service, int ranking) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(type.getName(), service, properties);
    }

    @Test
    public void throwingAndSleepingPluginsNeitherLoseMessagesNorDisconnectAnyone() throws Exception {
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        registrations.add(register(MessageFilter.class, (MessageFilter) message -> {
            throw new IllegalStateException("a filter broken on purpose");
        }, 30));
        registrations.add(register(MessageFilter.class, (MessageFilter) message -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FilterResult.drop("too late to matter");
        }, 20));
        registrations.add(register(MessageFilter.class, (MessageFilter) message -> FilterResult.replace(message.text() + "!"), 10));
        registrations.add(register(LobbyListener.class, new LobbyListener() {
            @Override
            public void loggedIn(PlayerInfo player) {
                throw new IllegalStateException("a listener broken on purpose");
            }
        }, 0));
        try (ProtocolClient alice = login("alice"); ProtocolClient bob = login("bob")) {
            // taking turns: the lobby's flood control allows each player 4 messages per period
            for (int i = 0; i < 8; i++) {
                ProtocolClient from = i % 2 == 0 ? alice : bob;
                ProtocolClient to = i % 2 == 0 ? bob : alice;
                long start = System.nanoTime();
                from.send("[message]\nmessage=\"hello " + i + "\"\n[/message]\n");
                from.sync();
                assertEquals("hello " + i + "!", lastChatFrom(to, from.name));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue("message " + i + " took " + millis + " ms", millis < 5_000);
            }
            String status = pluginStatus();
            assertEquals(status, 2, status.split("SWITCHED-OFF", -1).length - 1);
            assertTrue(status, status.contains("active"));
            assertEquals(2, directory.players().toCompletableFuture().get().size());
        } finally {
            registrations.forEach(ServiceRegistration::unregister);
        }
    }

    private ProtocolClient login(String name) throws Exception {
        return ProtocolClient.loggedIn(name, transport.port());
    }

    private static String lastChatFrom(ProtocolClient reader, String sender) throws Exception {
        String last = null;
        for (Document document : reader.sync()) {
            Node message = document.root().child("message");
            if (message != null && sender.equals(message.attr("sender"))) {
                last = message.text("message");
            }
        }
        return last;
    }

    private String pluginStatus() throws Exception {
        Collection<ServiceReference<AdminCommand>> references =
                context.getServiceReferences(AdminCommand.class, "(tavern.command.name=pluginstatus)");
        AdminCommand command = context.getService(references.iterator().next());
        return command.execute(CommandIssuer.fromConsole(), "").toCompletableFuture().get();
    }
}
