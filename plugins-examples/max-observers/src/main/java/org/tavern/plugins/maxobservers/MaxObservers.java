package org.tavern.plugins.maxobservers;

import java.text.MessageFormat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.Decision;
import org.tavern.api.GameInfo;
import org.tavern.api.GameRule;

/**
 * A game rule: at most a configured number of observers per game, so a popular game's host is not
 * slowed down by a crowd. Players taking a side are never refused.
 */
@Component(configurationPid = MaxObservers.PID, property = GameRule.NAME + "=max-observers")
@Designate(ocd = MaxObserversConfig.class)
public class MaxObservers implements GameRule {

    static final String PID = "tavern.plugin.maxobservers";

    private static final Logger LOG = LoggerFactory.getLogger(MaxObservers.class);

    private record Limit(int maxObservers, String refusal) {
    }

    private volatile Limit limit;

    @Activate
    public MaxObservers(MaxObserversConfig config) {
        configure(config);
    }

    @Modified
    void configure(MaxObserversConfig config) {
        int max = Math.max(0, config.max_observers());
        String refusal;
        try {
            refusal = MessageFormat.format(config.refusal(), max);
        } catch (IllegalArgumentException badPattern) {
            LOG.warn("refusal '{}' is not a valid message pattern ({}); using it as it is", config.refusal(),
                    badPattern.getMessage());
            refusal = config.refusal();
        }
        limit = new Limit(max, refusal);
        LOG.info("Max observers: {} per game", max);
    }

    @Override
    public Decision allowJoin(String player, GameInfo game, boolean observe) {
        Limit current = limit;
        if (!observe || game.observers().size() < current.maxObservers()) {
            return Decision.allow();
        }
        return Decision.refuse(current.refusal());
    }
}
