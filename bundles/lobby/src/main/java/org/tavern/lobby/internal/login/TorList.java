package org.tavern.lobby.internal.login;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * wesnothd's {@code tor_ip_list_path}: a file of addresses, one per line, refused at connect as
 * "TOR IP". Read when the configuration is applied; bounded, and an unreadable file means no list.
 */
public final class TorList {

    private static final Logger LOG = LoggerFactory.getLogger(TorList.class);
    /** Far more than the Tor network's exit nodes; a runaway file must not fill the heap. */
    static final int MAX_ADDRESSES = 200_000;

    private TorList() {
    }

    public static Set<String> read(String configured) {
        String name = configured.trim();
        if (name.isEmpty()) {
            return Set.of();
        }
        String home = System.getProperty("tavern.home");
        Path file = home != null ? Path.of(home).resolve(name) : Path.of(name);
        Set<String> addresses = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String address = line.trim();
                if (!address.isEmpty() && !address.startsWith("#")) {
                    if (addresses.size() == MAX_ADDRESSES) {
                        LOG.warn("{} lists more than {} addresses; the rest are ignored", file, MAX_ADDRESSES);
                        break;
                    }
                    addresses.add(address);
                }
            }
        } catch (IOException e) {
            LOG.error("Could not read the TOR address list {}: {}; no address is refused as TOR IP", file, e.toString());
            return Set.of();
        }
        LOG.info("{} TOR addresses read from {}", addresses.size(), file);
        return Set.copyOf(addresses);
    }
}
