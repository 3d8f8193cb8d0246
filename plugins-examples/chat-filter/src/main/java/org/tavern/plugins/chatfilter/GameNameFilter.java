package org.tavern.plugins.chatfilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.tavern.api.Decision;
import org.tavern.api.GameProposal;
import org.tavern.api.GameRule;

/**
 * The chat filter's word list applied to game names: a game called with a banned word is listed
 * with the word masked (never refused: its host chose a bad title, not a bad game). Same
 * configuration as the {@link ChatFilter}; {@code mask.game.names=false} turns it off.
 */
@Component(configurationPid = ChatFilter.PID, property = GameRule.NAME + "=game-names")
public class GameNameFilter implements GameRule {

    /** The words, or null when game names are left alone; swapped whole by a configuration change. */
    private volatile WordList words;

    @Activate
    public GameNameFilter(ChatFilterConfig config) {
        configure(config);
    }

    @Modified
    void configure(ChatFilterConfig config) {
        words = config.mask_game_names() ? new WordList(config.banned_words()) : null;
    }

    @Override
    public Decision allowCreate(GameProposal proposal) {
        WordList current = words;
        if (current == null || !current.containsAny(proposal.name())) {
            return Decision.allow();
        }
        return Decision.allowAs(current.mask(proposal.name()));
    }
}
