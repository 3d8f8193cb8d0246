package org.tavern.transport.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which configuration is in force (tests and owners wait for this line after editing etc/). */
final class ConfigurationSource {

    /** The transport's own logger: the line stays where owners and tests look for it. */
    private static final Logger LOG = LoggerFactory.getLogger(TransportServer.class);

    private ConfigurationSource() {
    }

    static void log(TransportConfig config, Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        // the overriding configuration first: etc/<pid>.cfg's, then server.cfg's
        if (pid instanceof String[] pids) {
            pid = String.join(", ", reversed(List.of(pids)));
        } else if (pid instanceof Collection<?> pids) {
            pid = String.join(", ", reversed(pids.stream().map(String::valueOf).toList()));
        }
        LOG.info("Transport configuration {}: {} open connections allowed per address (0: no limit); "
                + "memory budget {} bytes, {} per address, {} per connection",
                pid != null ? "applied from " + pid : "defaults", config.connections_per_address(),
                config.budget_bytes(), config.budget_bytes_per_address(), config.budget_bytes_per_connection());
    }

    private static List<String> reversed(List<String> pids) {
        List<String> names = new ArrayList<>(pids);
        Collections.reverse(names);
        return names;
    }
}
