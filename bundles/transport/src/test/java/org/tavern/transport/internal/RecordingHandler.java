package org.tavern.transport.internal;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tavern.transport.Connection;
import org.tavern.transport.ConnectionHandler;
import org.tavern.wml.Document;

/** Records what the transport delivers; optionally echoes each document back. */
final class RecordingHandler implements ConnectionHandler {

    record Received(Connection connection, Document document) {
    }

    final BlockingQueue<Connection> connected = new LinkedBlockingQueue<>();
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final List<String> disconnects = new CopyOnWriteArrayList<>();
    final boolean echo;

    RecordingHandler(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void connected(Connection connection) {
        connected.add(connection);
    }

    @Override
    public void received(Connection connection, Document document) {
        received.add(new Received(connection, document));
        if (echo) {
            connection.send(document);
        }
    }

    @Override
    public void disconnected(Connection connection, String reason) {
        disconnects.add(connection.id() + ": " + reason);
    }

    Received nextReceived() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing received within 10 s");
        }
        return next;
    }

    Connection nextConnected() throws InterruptedException {
        Connection next = connected.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no connection within 10 s");
        }
        return next;
    }
}
