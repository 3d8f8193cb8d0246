/** TLS material from PEM files, shared by the transport (TLS for game clients) and the web bundle (HTTPS). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tavern.transport.tls;
