package org.tavern.admin.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.api.PluginState;

class PluginsCommandTest {

    private static final List<PluginsCommand.InstalledPlugin> INSTALLED = List.of(
            new PluginsCommand.InstalledPlugin(41, "ACTIVE", "tavern.plugin.chatfilter", "0.1.0", "chat-filter.jar", null),
            new PluginsCommand.InstalledPlugin(42, "ACTIVE", "tavern.plugin.seen", "0.1.0", "seen.jar", null));

    @Test
    void eachBundleListsTheLobbysPluginsOfItWithTheirState() {
        String table = PluginsCommand.table(INSTALLED, List.of(
                new PluginState(41, "filter", "tavern.plugin.chatfilter/chat-filter", 12, 5, true),
                new PluginState(7, "rule", "tavern.other/not-from-plugins", 3, 0, false),
                new PluginState(42, "listener", "tavern.plugin.seen/seen", 4, 0, false)));
        assertEquals(String.join("\n",
                "   ID  STATE       NAME VERSION  FILE",
                "   41  ACTIVE      tavern.plugin.chatfilter 0.1.0  chat-filter.jar",
                "         filter   SWITCHED-OFF 12 calls, 5 failures  tavern.plugin.chatfilter/chat-filter",
                "   42  ACTIVE      tavern.plugin.seen 0.1.0  seen.jar",
                "         listener active       4 calls, 0 failures  tavern.plugin.seen/seen"), table);
    }

    @Test
    void aBundleThatDoesNotRunItsJarSaysWhyUnderIt() {
        String table = PluginsCommand.table(List.of(new PluginsCommand.InstalledPlugin(43, "INSTALLED", "broken", "1.0.0",
                "broken.jar", "not started: it needs package org.example.missing [1.0.0,2.0.0)")), List.of());
        assertEquals(String.join("\n",
                "   ID  STATE       NAME VERSION  FILE",
                "   43  INSTALLED   broken 1.0.0  broken.jar",
                "         not started: it needs package org.example.missing [1.0.0,2.0.0)"), table);
    }

    @Test
    void withoutTheLobbyOnlyTheBundlesAreListed() {
        String table = PluginsCommand.table(INSTALLED.subList(0, 1), null);
        assertEquals(String.join("\n",
                "   ID  STATE       NAME VERSION  FILE",
                "   41  ACTIVE      tavern.plugin.chatfilter 0.1.0  chat-filter.jar",
                "(the lobby is not running: no filter, rule or listener state)"), table);
    }
}
