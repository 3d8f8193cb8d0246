package org.tavern.plugins.maxobservers;

import java.text.MessageFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.Decision;
import org.tavern.api.GameProposal;
import org.tavern.api.GameRule;

/**
 * A game rule: new games only in the configured eras (a tournament server, a server for one era's
 * ladder). The host of a game in another era is sent back to the lobby with the list before anyone
 * sees his game. Without a list every era is allowed.
 */
@Component(configurationPid = AllowedEras.PID, property = GameRule.NAME + "=allowed-eras")
@Designate(ocd = AllowedErasConfig.class)
public class AllowedEras implements GameRule {

    static final String PID = "tavern.plugin.allowederas";

    private static final Logger LOG = LoggerFactory.getLogger(AllowedEras.class);

    private record Eras(Set<String> allowed, String refusal) {
    }

    private volatile Eras eras;

    @Activate
    public AllowedEras(AllowedErasConfig config) {
        configure(config);
    }

    @Modified
    void configure(AllowedErasConfig config) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String entry : config.eras()) {
            // a .cfg file gives "era_default,era_heroes" as one string
            for (String era : entry.split(",")) {
                if (!era.isBlank()) {
                    allowed.add(era.trim());
                }
            }
        }
        String list = String.join(", ", allowed);
        String refusal;
        try {
            refusal = MessageFormat.format(config.refusal(), list);
        } catch (IllegalArgumentException badPattern) {
            LOG.warn("refusal '{}' is not a valid message pattern ({}); using it as it is", config.refusal(),
                    badPattern.getMessage());
            refusal = config.refusal();
        }
        eras = new Eras(Set.copyOf(allowed), refusal);
        LOG.info("Allowed eras: {}", allowed.isEmpty() ? "any" : list);
    }

    @Override
    public Decision allowCreate(GameProposal proposal) {
        Eras current = eras;
        if (current.allowed().isEmpty() || current.allowed().contains(proposal.era())) {
            return Decision.allow();
        }
        return Decision.refuse(current.refusal());
    }
}
