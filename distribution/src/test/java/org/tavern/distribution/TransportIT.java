package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.tavern.transport.Connection;
import org.tavern.transport.ConnectionHandler;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;

/**
 * The transport inside Felix with real sockets: a handler registered as an OSGi service receives
 * what a client sends, and the connection survives the handler leaving and coming back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransportIT {

    @Inject
    BundleContext context;

    @Inject
    Transport transport;

    @Configuration
    public Option[] config() {
        return TavernBundlesIT.transportOnly();
    }

    /** Echoes every document and remembers what it saw. */
    static final class EchoHandler implements ConnectionHandler {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void connected(Connection connection) {
            events.add("connected");
        }

        @Override
        public void received(Connection connection, Document document) {
            events.add("received " + document.root().children().get(0).name());
            connection.send(document);
        }

        @Override
        public void disconnected(Connection connection, String reason) {
            events.add("disconnected");
        }
    }

    @Test
    public void whiteboardHandlerServesARealSocketAcrossAnUnregisterAndRegister() throws Exception {
        EchoHandler first = new EchoHandler();
        ServiceRegistration<ConnectionHandler> registration =
                context.registerService(ConnectionHandler.class, first, null);
        try (Socket socket = new Socket("127.0.0.1", transport.port())) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.writeInt(0);
            out.flush();
            assertEquals(42, in.readInt());
            assertEquals("connected", first.events.poll(10, TimeUnit.SECONDS));

            send(out, "[one]\n[/one]\n");
            assertEquals("one", receive(in));

            registration.unregister();
            send(out, "[two]\n[/two]\n"); // held while no handler is bound
            EchoHandler second = new EchoHandler();
            registration = context.registerService(ConnectionHandler.class, second, null);
            assertEquals("connected", second.events.poll(10, TimeUnit.SECONDS));
            assertEquals("received two", second.events.poll(10, TimeUnit.SECONDS));
            assertEquals("two", receive(in));
            assertTrue("the first handler heard nothing after it left", !first.events.contains("received two"));
        } finally {
            registration.unregister();
        }
    }

    private static void send(DataOutputStream out, String wml) throws Exception {
        byte[] gzip = Document.parse(wml).compressedOutput();
        out.writeInt(gzip.length);
        out.write(gzip);
        out.flush();
    }

    private static String receive(DataInputStream in) throws Exception {
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return Document.fromGzip(payload).root().children().get(0).name();
    }
}
