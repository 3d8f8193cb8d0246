/**
 * The transport's contract with the rest of the server: {@link org.tavern.transport.Connection}s
 * that carry WML documents, the {@link org.tavern.transport.ConnectionHandler} whiteboard service
 * that receives them, and {@link org.tavern.transport.EncodedFrame}s that are encoded once and
 * written to any number of connections, and the {@link org.tavern.transport.HandoverHolder} that
 * keeps the core's state while the core is replaced (1.3). No MINA type appears here.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.tavern.transport;
